// The layering rule: a layer includes only itself and the layers below it
// (support, block, mca, data, model, patterns, cli, bottom up). Checked over
// every header and source under include/ and src/.
// label unit: Layering

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <unistd.h>

#include <gtest/gtest.h>

namespace fs = std::filesystem;

namespace {

const std::vector<std::string> kLayers = {"support", "block", "mca", "data", "model", "patterns", "cli"};

int rankOf(const std::string &layer) {
  auto it = std::find(kLayers.begin(), kLayers.end(), layer);
  return it == kLayers.end() ? -1 : static_cast<int>(it - kLayers.begin());
}

// "FILE:LINE: includes LAYER" for every include of a higher layer in `file`.
std::vector<std::string> upwardIncludes(const fs::path &file, int rank) {
  static const std::regex include(R"re(^\s*#\s*include\s*["<]surrogate/([a-z]+)/)re");
  std::vector<std::string> out;
  std::ifstream in(file);
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    std::smatch m;
    if (std::regex_search(line, m, include) && rankOf(m[1]) > rank)
      out.push_back(file.string() + ":" + std::to_string(n) + ": includes " + m[1].str());
  }
  return out;
}

} // namespace

TEST(Layering, NoLayerIncludesAHigherOne) {
  fs::path root(SURROGATE_SOURCE_DIR);
  std::vector<std::string> violations;
  std::size_t files = 0;
  for (const fs::path &top : {root / "src", root / "include" / "surrogate"})
    for (const std::string &layer : kLayers) {
      if (!fs::is_directory(top / layer))
        continue;
      for (const auto &entry : fs::recursive_directory_iterator(top / layer)) {
        if (!entry.is_regular_file())
          continue;
        ++files;
        for (std::string &v : upwardIncludes(entry.path(), rankOf(layer))) violations.push_back(std::move(v));
      }
    }
  EXPECT_GT(files, 100u);  // the scan found the tree
  for (const std::string &v : violations) ADD_FAILURE() << v;
}

TEST(Layering, TheCheckSeesAnUpwardInclude) {
  fs::path file = fs::temp_directory_path() / ("layering-" + std::to_string(::getpid()) + ".h");
  std::ofstream(file) << "#include \"surrogate/block/Decoder.h\"\n  #include \"surrogate/model/Trainer.h\"\n";
  std::vector<std::string> found = upwardIncludes(file, rankOf("mca"));
  fs::remove(file);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_NE(found[0].find(":2: includes model"), std::string::npos) << found[0];
}
