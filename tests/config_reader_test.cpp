// support::ConfigReader and readJsonFile: known keys with types and ranges,
// unknown keys refused with the file and the key, malformed files named.
// label unit: ConfigReader ReadJsonFile

#include <gtest/gtest.h>

#include "TestSupport.h"
#include "surrogate/data/DatasetBuilder.h"
#include "surrogate/support/ConfigReader.h"

using namespace surrogate;
using nlohmann::json;

namespace {

std::string errorOf(const std::function<void()> &f) {
  try {
    f();
  } catch (const support::ConfigError &e) {
    return e.what();
  }
  return "";
}

} // namespace

TEST(ConfigReader, ReadsKnownKeysAndLeavesAbsentOnesAlone) {
  json j = {{"blocks", 10}, {"rate", 0.5}, {"name", "x"}, {"on", true}, {"files", {"a", "b"}}};
  support::ConfigReader r(j, "c.json", "pattern");
  unsigned blocks = 0, absent = 7;
  double rate = 0;
  std::string name;
  bool on = false;
  std::vector<std::string> files;
  EXPECT_TRUE(r.read("blocks", blocks, 1u, 100u));
  EXPECT_FALSE(r.read("absent", absent, 1u, 100u));
  EXPECT_TRUE(r.read("rate", rate, 0.0, 1.0));
  EXPECT_TRUE(r.read("name", name, {"x", "y"}));
  EXPECT_TRUE(r.read("on", on));
  EXPECT_TRUE(r.read("files", files));
  r.finish();
  EXPECT_EQ(blocks, 10u);
  EXPECT_EQ(absent, 7u);
  EXPECT_EQ(rate, 0.5);
  EXPECT_EQ(name, "x");
  EXPECT_TRUE(on);
  EXPECT_EQ(files, (std::vector<std::string>{"a", "b"}));
}

TEST(ConfigReader, UnknownKeyNamesTheFileAndTheKey) {
  json j = {{"deploy_blocks", 10}, {"deploy_blockz", 10}};
  std::string message = errorOf([&] {
    support::ConfigReader r(j, "compile.json", "pattern");
    unsigned n = 0;
    r.read("deploy_blocks", n);
    r.finish();
  });
  EXPECT_NE(message.find("compile.json: 'pattern.deploy_blockz': unknown key"), std::string::npos) << message;
  EXPECT_NE(message.find("deploy_blocks"), std::string::npos) << message;  // lists the known ones
}

TEST(ConfigReader, WrongTypesAndRangesAreErrors) {
  json j = {{"n", -1}, {"f", 1.5}, {"r", 2.0}, {"s", 3}, {"b", "yes"}, {"c", "z"}, {"l", {1}}};
  auto check = [&](const std::function<void(support::ConfigReader &)> &read, const std::string &needle) {
    std::string message = errorOf([&] {
      support::ConfigReader r(j, "c.json");
      read(r);
    });
    EXPECT_NE(message.find(needle), std::string::npos) << "message: '" << message << "'";
  };
  unsigned u = 0;
  int i = 0;
  double d = 0;
  std::string s;
  bool b = false;
  std::vector<std::string> l;
  check([&](auto &r) { r.read("n", u); }, "c.json: 'n': must be an integer in [0,");
  check([&](auto &r) { r.read("n", i, 0, 5); }, "'n': must be an integer in [0, 5]");
  check([&](auto &r) { r.read("f", i); }, "'f': must be an integer");
  check([&](auto &r) { r.read("r", d, 0.0, 1.0); }, "'r': must be a number in [0, 1]");
  check([&](auto &r) { r.read("s", s); }, "'s': must be a string");
  check([&](auto &r) { r.read("b", b); }, "'b': must be true or false");
  check([&](auto &r) { r.read("c", s, {"x", "y"}); }, "'c': must be one of x, y, got 'z'");
  check([&](auto &r) { r.read("l", l); }, "'l': must be a list of strings");
  EXPECT_NE(errorOf([&] { support::ConfigReader(json::array(), "c.json", "model"); })
                .find("c.json: 'model': expected a JSON object"),
            std::string::npos);
}

TEST(ConfigReader, SectionsNestTheirPath) {
  json j = {{"dataset", {{"chunk_blockz", 3}}}};
  support::ConfigReader top(j, "p.json");
  std::string message = errorOf([&] {
    data::DatasetConfig d;
    d.readSection(top.section("dataset"));
  });
  EXPECT_NE(message.find("p.json: 'dataset.chunk_blockz': unknown key"), std::string::npos) << message;
  data::DatasetConfig d;
  d.readSection(support::ConfigReader(json{{"chunk_blocks", 5}}, "p.json", "dataset"));
  EXPECT_EQ(d.chunkBlocks, 5u);
}

TEST(ReadJsonFile, NamesAMissingOrMalformedFile) {
  test::TempDir dir;
  std::string bad = dir.file("bad.json", "{\"a\": ");
  try {
    support::readJsonFile(bad);
    ADD_FAILURE() << "no error";
  } catch (const support::InputError &e) {
    EXPECT_NE(std::string(e.what()).find("bad.json: malformed JSON"), std::string::npos) << e.what();
  }
  EXPECT_THROW(support::readJsonFile(dir / "none.json"), support::InputError);
  EXPECT_EQ(support::readJsonFile(dir.file("ok.json", "{\"a\": 1}")), (json{{"a", 1}}));
}
