// Every input kept under tests/fuzz/regressions/<entry>/ (each once found a
// fault by a libFuzzer target) and every seed under tests/fuzz/corpus/<entry>/
// fed to the same entry point (tests/fuzz/FuzzEntries.h), in the normal
// build: an entry aborts on a fault, so a regression fails this test.

#include <filesystem>
#include <fstream>
#include <iterator>

#include <gtest/gtest.h>

#include "fuzz/FuzzEntries.h"

namespace fs = std::filesystem;

namespace {

int replay(const std::string &folder) {
  int inputs = 0;
  fs::path root = fs::path(SURROGATE_SOURCE_DIR) / "tests" / "fuzz" / folder;
  for (const auto &dir : fs::directory_iterator(root)) {
    surrogate::fuzz::Entry entry = surrogate::fuzz::entryNamed(dir.path().filename().string());
    EXPECT_NE(entry, nullptr) << dir.path() << ": no entry point of that name";
    if (!entry)
      continue;
    for (const auto &file : fs::directory_iterator(dir.path())) {
      if (file.path().filename().string()[0] == '.')
        continue;  // .keep
      std::ifstream in(file.path(), std::ios::binary);
      std::string bytes((std::istreambuf_iterator<char>(in)), {});
      SCOPED_TRACE(file.path().string());
      entry(reinterpret_cast<const std::uint8_t *>(bytes.data()), bytes.size());
      ++inputs;
    }
  }
  return inputs;
}

} // namespace

TEST(FuzzRegressions, EveryKeptInputIsHandled) { replay("regressions"); }

TEST(FuzzRegressions, EverySeedIsHandled) { EXPECT_GT(replay("corpus"), 10); }
