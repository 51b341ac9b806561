// readMeasured and sampleMeasured: measured rows decoded and split by hash; a seeded sample of a large file.
#include "surrogate/patterns/MeasuredSplit.h"

#include <algorithm>
#include <fstream>
#include <numeric>
#include <random>

#include <spdlog/spdlog.h>

#include "surrogate/block/BlockPipeline.h"
#include "surrogate/data/BlockHash.h"
#include "surrogate/support/AtomicFile.h"
#include "surrogate/support/Errors.h"
#include "surrogate/support/SeededShuffle.h"

namespace surrogate::patterns {

namespace fs = std::filesystem;

// A seeded sample of the measured file's rows, in file order, so a quick run
// sees a few thousand blocks of a large file.
std::string sampleMeasured(const std::string &measured, std::size_t count, std::uint64_t seed, const fs::path &runDir) {
  fs::path out = runDir / "measured.csv";
  std::ifstream in(measured);
  if (!in)
    throw support::InputError(measured + ": cannot open the measured file");
  std::vector<std::string> lines;
  std::string header;
  for (std::string line; std::getline(in, line);) {
    if (lines.empty() && header.empty() && line.rfind("hex", 0) == 0) {
      header = line;
      continue;
    }
    if (!line.empty())
      lines.push_back(line);
  }
  std::vector<std::size_t> order(lines.size());
  std::iota(order.begin(), order.end(), 0);
  std::mt19937_64 rng(seed);
  support::seededShuffle(order, rng);
  order.resize(std::min(count, order.size()));
  std::sort(order.begin(), order.end());
  std::string text = header.empty() ? "" : header + "\n";
  for (std::size_t i : order) text += lines[i] + "\n";
  support::writeFileAtomically(out.string(), text);
  spdlog::info("measured blocks: a seeded sample of {} of the {} rows of {} in {}", order.size(), lines.size(),
               measured, out.string());
  return out.string();
}

// The measured file's blocks by the dataset's hash split.
MeasuredBlocks readMeasured(const std::string &path) {
  MeasuredBlocks out;
  block::BlockReader reader({path});
  std::size_t unusable = 0;
  block::ReadCounts counts = block::forEachDecoded(reader, [&](block::BasicBlock &b) {
    const char *why = b.insts.empty() ? "no instructions"
                      : !(b.measured && *b.measured > 0) ? "no positive measured throughput"
                                                         : nullptr;
    if (why) {
      block::reportSkipped({b.where, why});
      ++unusable;
      return true;
    }
    switch (data::splitOfHex(b.hex)) {
    case data::Split::Train: out.train.push_back(std::move(b)); break;
    case data::Split::Validation: out.validation.push_back(std::move(b)); break;
    case data::Split::Test: out.test.push_back(std::move(b)); break;
    }
    return true;
  });
  out.problems = counts.skipped + unusable;
  return out;
}

} // namespace surrogate::patterns
