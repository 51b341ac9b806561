#include "surrogate/patterns/MeasuredSplit.h"

#include <algorithm>
#include <fstream>
#include <numeric>
#include <random>

#include <spdlog/spdlog.h>

#include "surrogate/block/BlockReader.h"
#include "surrogate/block/Decoder.h"
#include "surrogate/data/BlockHash.h"
#include "surrogate/support/AtomicFile.h"

namespace surrogate::patterns {

namespace fs = std::filesystem;

// A seeded sample of the measured file's rows, in file order, so a quick run
// sees a few thousand blocks of a large file. Portable: no std::shuffle.
std::string sampleMeasured(const std::string &measured, std::size_t count, std::uint64_t seed, const fs::path &runDir) {
  fs::path out = runDir / "measured.csv";
  std::ifstream in(measured);
  if (!in)
    throw block::InputError(measured + ": cannot open the measured file");
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
  for (std::size_t i = order.size(); i > 1; --i)
    std::swap(order[i - 1], order[rng() % i]);
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
  block::Decoder decoder;
  for (block::BlockOrProblem item; reader.next(item);) {
    if (auto *problem = std::get_if<block::Problem>(&item)) {
      spdlog::warn("{}", problem->str());
      ++out.problems;
      continue;
    }
    block::BasicBlock b = std::get<block::BasicBlock>(std::move(item));
    std::vector<std::uint8_t> bytes;
    std::optional<std::string> why = block::parseHex(b.hex, bytes);
    if (!why) why = decoder.decode(b.hex, b.insts);
    if (!why && b.insts.empty()) why = "no instructions";
    if (!why && !(b.measured && *b.measured > 0)) why = "no positive measured throughput";
    if (why) {
      spdlog::warn("{}: {}", b.where.str(), *why);
      ++out.problems;
      continue;
    }
    data::Split split = data::splitOf(data::fnv1a64(bytes.data(), bytes.size()));
    if (split == data::Split::Train)
      out.train.push_back(std::move(b));
    else if (split == data::Split::Test)
      out.test.push_back(std::move(b));
    else
      out.validation.push_back(std::move(b));
  }
  return out;
}

} // namespace surrogate::patterns
