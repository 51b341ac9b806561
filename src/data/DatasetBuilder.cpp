#include "surrogate/data/DatasetBuilder.h"

#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstring>
#include <fstream>

#include <fmt/format.h>
#include <llvm/Config/llvm-config.h>
#include <llvm/Support/SHA256.h>
#include <spdlog/spdlog.h>

#include "surrogate/block/Target.h"
#include "surrogate/data/BlockHash.h"
#include "surrogate/data/Dataset.h"
#include "surrogate/data/DatasetOutput.h"
#include "surrogate/data/UniqueBlockStream.h"
#include "surrogate/mca/BatchRunner.h"
#include "surrogate/support/Progress.h"

namespace surrogate::data {

std::string sha256File(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw block::InputError(path + ": cannot open: " + std::strerror(errno));
  llvm::SHA256 hash;
  std::vector<char> buffer(1 << 20);
  while (in.read(buffer.data(), buffer.size()) || in.gcount() > 0)
    hash.update(llvm::ArrayRef<std::uint8_t>(reinterpret_cast<const std::uint8_t *>(buffer.data()),
                                             static_cast<std::size_t>(in.gcount())));
  if (in.bad())
    throw block::InputError(path + ": read error");
  std::array<std::uint8_t, 32> digest = hash.final();
  return block::toHex(digest.data(), digest.size());
}

namespace {

// Everything that determines the output's bytes; threads do not.
nlohmann::json settingsOf(const DatasetConfig &c) {
  nlohmann::json inputs = nlohmann::json::array();
  for (const auto &[files, role] : {std::pair{&c.blockFiles, "blocks"}, std::pair{&c.measuredFiles, "measured"}})
    for (const std::string &f : *files)
      inputs.push_back({{"path", f}, {"role", role}, {"sha256", sha256File(f)}});
  nlohmann::json s = {
      {"format", "surrogate-dataset"},
      {"format_version", kDatasetFormatVersion},
      {"cpu", c.cpu},
      {"iterations", c.iterations},
      {"llvm_version", LLVM_VERSION_STRING},
      {"asm_syntax", c.syntax == block::Syntax::Intel ? "intel" : "att"},
      {"inputs", inputs},
      {"chunk_blocks", c.chunkBlocks},
      {"block_identity", "fnv1a64 of the block's bytes; duplicates dropped, first appearance kept"},
      {"split",
       {{"rule", "splitmix64(block hash) % 100: below train_percent train, below train+validation validation, "
                 "else test"},
        {"train_percent", kTrainPercent},
        {"validation_percent", kValidationPercent},
        {"test_percent", 100 - kTrainPercent - kValidationPercent}}},
      {"shard_rule", "(splitmix64(block hash) >> 32) % shard count"},
  };
  s["mode"] = "default";
  s["params"] = {{"tables", 1}, {"per_block", 1}, {"table_0", "the CPU's built-in scheduling model"}};
  if (c.shardCount > 1)
    s["shard"] = {{"index", c.shardIndex + 1}, {"count", c.shardCount}};
  return s;
}

// Simulates the blocks of one chunk under the default model.
class ChunkSimulator {
public:
  ChunkSimulator(const llvm::MCSubtargetInfo &sti, const DatasetConfig &config, support::Progress &progress)
      : STI(sti), Config(config), Bar(progress) {}

  Chunk run(std::uint32_t index, std::vector<UniqueBlock> &blocks) {
    Chunk chunk;
    chunk.index = index;
    mca::BatchOptions options;
    options.iterations = Config.iterations;
    options.threads = Config.threads;
    options.progress = false;
    mca::BatchRunner runner(STI, options);
    std::size_t fed = 0, back = 0;
    runner.run(
        [&](block::BlockOrProblem &item) {
          if (fed == blocks.size())
            return false;
          item = blocks[fed++].block;
          return true;
        },
        [&](const block::BasicBlock &, const mca::SimulationResult &r) {
          const UniqueBlock &u = blocks[back++];
          ChunkRecord rec;
          rec.blockHash = u.hash;
          rec.measured = u.block.measured ? *u.block.measured : std::nan("");
          rec.blockIndex = u.index;
          rec.paramsId = 0;
          rec.cycles = r.cycles;
          rec.split = splitOf(u.hash);
          chunk.add(rec, u.bytes.data(), u.bytes.size());
          Bar.update(++Done);
        },
        [&](const block::Problem &p) {
          ++back;
          if (p.reason.rfind("llvm-mca cannot simulate", 0) == 0)
            ++chunk.unsimulatable;
          else
            ++chunk.undecodable;
          spdlog::warn("{} (skipped)", p.str());
          Bar.update(++Done);
        });
    return chunk;
  }

  std::size_t done() const { return Done; }

private:
  const llvm::MCSubtargetInfo &STI;
  const DatasetConfig &Config;
  support::Progress &Bar;
  std::size_t Done = 0;
};

} // namespace

DatasetSummary buildDataset(const DatasetConfig &config) {
  auto start = std::chrono::steady_clock::now();
  if (config.output.empty())
    throw DatasetError("no output directory (-o)");
  if (config.blockFiles.empty() && config.measuredFiles.empty())
    throw DatasetError("no inputs (--blocks or --measured)");
  if (config.shardCount == 0 || config.shardIndex >= config.shardCount)
    throw DatasetError(fmt::format("shard {}/{} does not exist", config.shardIndex + 1, config.shardCount));
  if (config.chunkBlocks == 0)
    throw DatasetError("chunk size must be at least one block");
  if (config.paramsSamples > 0 || !config.paramsFile.empty())
    throw DatasetError("sampled-parameter datasets (--params-samples, --params) are not available yet");

  auto subtarget = block::X86Target::get().createSubtarget(config.cpu);
  if (!subtarget)
    throw DatasetError(llvm::toString(subtarget.takeError()));

  nlohmann::json settings = settingsOf(config);  // checks every input is readable
  DatasetOutput out(config.output, settings, config.force);
  MeasuredLabels labels;
  labels.load(config.measuredFiles, config.syntax);
  if (labels.conflicts() > 0)
    spdlog::warn("{} blocks have several different measured values; the first one is used", labels.conflicts());

  auto inShard = [&](const UniqueBlock &u) { return shardOf(u.hash, config.shardCount) == config.shardIndex; };

  // First pass (cheap next to simulation): how many chunks, which are done,
  // and how many blocks are left, for the progress line.
  std::vector<std::size_t> shardBlocksPerChunk;
  {
    UniqueBlockStream stream(config.blockFiles, config.measuredFiles, config.syntax, labels);
    for (UniqueBlockStream::Item item; stream.next(item);)
      if (auto *u = std::get_if<UniqueBlock>(&item)) {
        std::size_t c = u->index / config.chunkBlocks;
        shardBlocksPerChunk.resize(c + 1, 0);
        shardBlocksPerChunk[c] += inShard(*u);
      }
  }
  const std::uint32_t chunkCount = static_cast<std::uint32_t>(shardBlocksPerChunk.size());
  if (chunkCount == 0)
    throw DatasetError("the inputs hold no usable blocks");
  std::vector<bool> done(chunkCount);
  std::size_t toSimulate = 0, resumed = 0;
  for (std::uint32_t c = 0; c < chunkCount; ++c) {
    done[c] = out.resuming() && out.chunkDone(c);
    resumed += done[c];
    if (!done[c])
      toSimulate += shardBlocksPerChunk[c];
  }
  if (resumed > 0)
    spdlog::info("{}: resuming: {} of {} chunks already written", config.output, resumed, chunkCount);

  support::Progress progress("dataset: blocks simulated", toSimulate);
  ChunkSimulator simulator(**subtarget, config, progress);
  UniqueBlockStream stream(config.blockFiles, config.measuredFiles, config.syntax, labels);
  std::vector<UniqueBlock> pending;
  std::uint32_t current = 0;
  auto flushThrough = [&](std::uint32_t last) {  // writes chunks current..last-1
    for (; current < last; ++current) {
      if (!done[current])
        out.writeChunk(simulator.run(current, pending));
      pending.clear();
    }
  };
  for (UniqueBlockStream::Item item; stream.next(item);) {
    if (auto *p = std::get_if<block::Problem>(&item)) {
      spdlog::warn("{} (skipped)", p->str());
      continue;
    }
    UniqueBlock &u = std::get<UniqueBlock>(item);
    flushThrough(u.index / config.chunkBlocks);
    if (!done[current] && inShard(u))
      pending.push_back(std::move(u));
  }
  flushThrough(chunkCount);
  progress.finish();

  const StreamCounts &counts = stream.counts();
  nlohmann::json manifest = settings;
  manifest["counts"] = {{"rows_read", counts.rowsRead},
                        {"unreadable_rows", counts.unreadableRows},
                        {"duplicate_blocks", counts.duplicateBlocks},
                        {"distinct_blocks", counts.distinctBlocks},
                        {"measured_labels", labels.size()},
                        {"measured_conflicts", labels.conflicts()}};
  DatasetSummary summary;
  summary.manifest = out.finish(manifest, chunkCount);
  summary.blocksSimulated = simulator.done();
  summary.chunksResumed = resumed;
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return summary;
}

} // namespace surrogate::data
