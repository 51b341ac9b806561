// buildDataset: the request checked, its chunks planned, simulated under their tables and written, manifest last.
#include "surrogate/data/DatasetBuilder.h"

#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstring>
#include <fstream>
#include <algorithm>
#include <map>
#include <memory>
#include <optional>

#include <fmt/format.h>
#include <llvm/Config/llvm-config.h>
#include <llvm/Support/SHA256.h>
#include <spdlog/spdlog.h>

#include "surrogate/block/BlockPipeline.h"
#include "surrogate/data/BlockHash.h"
#include "surrogate/data/Dataset.h"
#include "surrogate/data/DatasetOutput.h"
#include "surrogate/data/ParameterTables.h"
#include "surrogate/data/UniqueBlockStream.h"
#include "surrogate/mca/BatchRunner.h"
#include "surrogate/mca/ParamTable.h"
#include "surrogate/support/Progress.h"

namespace surrogate::data {

namespace {

// Everything that determines the output's bytes; threads do not.
nlohmann::json settingsOf(const DatasetConfig &c, const std::string &mode, const nlohmann::json &params) {
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
  s["mode"] = mode;
  s["params"] = params;
  if (c.shardCount > 1)
    s["shard"] = {{"index", c.shardIndex + 1}, {"count", c.shardCount}};
  return s;
}

// Which blocks each table simulates; a chunk uses every table at most once.
struct TableAssignment {
  std::vector<std::vector<std::uint32_t>> ids;  ///< per block, its tables
  /// per table, its (block, k) pairs: block `block` under its k-th table
  std::map<std::uint32_t, std::vector<std::pair<std::size_t, std::size_t>>> byTable;
};

TableAssignment assignTables(const ParameterTables &tables, const std::vector<UniqueBlock> &blocks) {
  TableAssignment a;
  a.ids.resize(blocks.size());
  for (std::size_t b = 0; b < blocks.size(); ++b) {
    a.ids[b] = tables.choose(blocks[b].hash);
    for (std::size_t k = 0; k < a.ids[b].size(); ++k)
      a.byTable[a.ids[b][k]].emplace_back(b, k);
  }
  return a;
}

// What the simulations of one chunk gave: per block, the cycles under each
// of its tables (none where llvm-mca failed), and whether it failed to decode.
struct ChunkCycles {
  std::vector<std::vector<std::optional<std::uint32_t>>> cycles;
  std::vector<bool> undecodable;

  explicit ChunkCycles(const TableAssignment &a) : cycles(a.ids.size()), undecodable(a.ids.size(), false) {
    for (std::size_t b = 0; b < a.ids.size(); ++b)
      cycles[b].resize(a.ids[b].size());
  }
};

// One record per block and table that llvm-mca simulated.
void addRecords(Chunk &chunk, const std::vector<UniqueBlock> &blocks, const TableAssignment &a,
                const ChunkCycles &simulated) {
  for (std::size_t b = 0; b < blocks.size(); ++b) {
    const UniqueBlock &u = blocks[b];
    for (std::size_t k = 0; k < a.ids[b].size(); ++k) {
      if (!simulated.cycles[b][k])
        continue;
      ChunkRecord rec;
      rec.blockHash = u.hash;
      rec.measured = u.block.measured ? *u.block.measured : std::nan("");
      rec.blockIndex = u.index;
      rec.paramsId = a.ids[b][k];
      rec.cycles = *simulated.cycles[b][k];
      rec.split = splitOf(u.hash);
      chunk.add(rec, u.bytes.data(), u.bytes.size());
    }
  }
}

// Simulates the blocks of one chunk under their parameter tables.
class ChunkSimulator {
public:
  ChunkSimulator(const ParameterTables &tables, const DatasetConfig &config, support::Progress &progress)
      : Tables(tables), Config(config), Bar(progress) {
    if (Tables.count() == 1)
      Single = Tables.subtarget(0);
  }

  Chunk run(std::uint32_t index, std::vector<UniqueBlock> &blocks) {
    Chunk chunk;
    chunk.index = index;
    // Decode once here when each block is simulated several times.
    if (Tables.perBlock() > 1)
      keepDecodable(blocks, chunk);
    TableAssignment assigned = assignTables(Tables, blocks);
    ChunkCycles simulated(assigned);
    for (const auto &[table, members] : assigned.byTable)
      simulateUnder(table, members, blocks, simulated, chunk);
    addRecords(chunk, blocks, assigned, simulated);
    return chunk;
  }

  std::size_t simulated() const { return Simulated; }

private:
  // Decodes the blocks in place, dropping (and counting) those that do not decode.
  void keepDecodable(std::vector<UniqueBlock> &blocks, Chunk &chunk) {
    std::vector<UniqueBlock> decoded;
    for (UniqueBlock &u : blocks) {
      if (!u.block.insts.empty() || Decoder.decode(u.block.hex, u.block.insts).ok()) {
        decoded.push_back(std::move(u));
      } else {
        ++chunk.undecodable;
        spdlog::warn("{}: cannot decode the block (skipped)", u.block.where.str());
        Done += Tables.perBlock();
      }
    }
    blocks.swap(decoded);
  }

  // Runs the blocks that `table` simulates, its `members`, and notes their cycles.
  void simulateUnder(std::uint32_t table, const std::vector<std::pair<std::size_t, std::size_t>> &members,
                     const std::vector<UniqueBlock> &blocks, ChunkCycles &simulated, Chunk &chunk) {
    std::unique_ptr<llvm::MCSubtargetInfo> owned;
    const llvm::MCSubtargetInfo &sti = Single ? *Single : *(owned = Tables.subtarget(table));
    mca::BatchOptions options;
    options.iterations = Config.iterations;
    options.threads = Config.threads;
    options.progress = false;
    mca::BatchRunner runner(sti, options);
    std::size_t fed = 0, back = 0;
    runner.run(
        [&](block::BlockOrProblem &item) {
          if (fed == members.size())
            return false;
          item = blocks[members[fed++].first].block;
          return true;
        },
        [&](const block::BasicBlock &, const mca::SimulationResult &r) {
          auto [b, k] = members[back++];
          simulated.cycles[b][k] = r.cycles;
          ++Simulated;
          Bar.update(++Done);
        },
        [&](const block::Problem &p) {
          auto [b, k] = members[back++];
          if (p.reason.rfind("llvm-mca cannot simulate", 0) == 0) {
            ++chunk.unsimulatable;
            spdlog::warn("{} (table {}; skipped)", p.str(), table);
          } else if (!simulated.undecodable[b]) {
            simulated.undecodable[b] = true;
            ++chunk.undecodable;
            spdlog::warn("{} (skipped)", p.str());
          }
          Bar.update(++Done);
        });
  }

  const ParameterTables &Tables;
  const DatasetConfig &Config;
  support::Progress &Bar;
  std::unique_ptr<llvm::MCSubtargetInfo> Single;
  block::Decoder Decoder;
  std::size_t Done = 0, Simulated = 0;
};

// The request with its CPU settled and checked across options; the inputs
// are opened once so a missing file fails before any other work.
struct CheckedRequest {
  DatasetConfig config;
  std::vector<std::string> inputs;  ///< block files, then measured files
};

CheckedRequest checkRequest(const DatasetConfig &request) {
  CheckedRequest checked{request, {}};
  DatasetConfig &config = checked.config;
  if (config.cpu.empty())  // a given table's own CPU
    config.cpu = config.paramsFile.empty() ? "haswell" : mca::ParamTable::load(config.paramsFile).cpu;
  if (config.output.empty())
    throw support::ConfigError("no output directory (-o)");
  if (config.blockFiles.empty() && config.measuredFiles.empty())
    throw support::ConfigError("no inputs (--blocks or --measured)");
  if (config.shardCount == 0 || config.shardIndex >= config.shardCount)
    throw support::ConfigError(fmt::format("shard {}/{} does not exist", config.shardIndex + 1, config.shardCount));
  if (config.chunkBlocks == 0)
    throw support::ConfigError("chunk size must be at least one block");
  if (config.paramsSamples > 0 && !config.paramsFile.empty())
    throw support::ConfigError("--params-samples and --params exclude each other");
  if (config.paramsSamples > 0 && (config.tablesPerBlock == 0 || config.tablesPerBlock > config.paramsSamples))
    throw support::ConfigError(fmt::format("--tables-per-block must be between 1 and --params-samples ({})",
                                   config.paramsSamples));
  checked.inputs = config.blockFiles;
  checked.inputs.insert(checked.inputs.end(), config.measuredFiles.begin(), config.measuredFiles.end());
  for (const std::string &f : checked.inputs)
    if (!std::ifstream(f))
      throw support::InputError(f + ": cannot open: " + std::strerror(errno));
  return checked;
}

// First pass (cheap next to simulation): how many chunks, which are done,
// and how many blocks are left, for the progress line.
struct ChunkPlan {
  std::uint32_t chunkCount = 0;
  std::vector<bool> done;
  std::size_t toSimulate = 0, resumed = 0;
};

bool inShard(const DatasetConfig &config, const UniqueBlock &u) {
  return shardOf(u.hash, config.shardCount) == config.shardIndex;
}

ChunkPlan planChunks(const DatasetConfig &config, const MeasuredLabels &labels, const DatasetOutput &out) {
  std::vector<std::size_t> shardBlocksPerChunk;
  UniqueBlockStream stream(config.blockFiles, config.measuredFiles, config.syntax, labels);
  for (UniqueBlockStream::Item item; stream.next(item);)
    if (auto *u = std::get_if<UniqueBlock>(&item)) {
      std::size_t c = u->index / config.chunkBlocks;
      shardBlocksPerChunk.resize(c + 1, 0);
      shardBlocksPerChunk[c] += inShard(config, *u);
    }
  ChunkPlan plan;
  plan.chunkCount = static_cast<std::uint32_t>(shardBlocksPerChunk.size());
  if (plan.chunkCount == 0)
    throw support::InputError("the inputs hold no usable blocks");
  plan.done.resize(plan.chunkCount);
  for (std::uint32_t c = 0; c < plan.chunkCount; ++c) {
    plan.done[c] = out.resuming() && out.chunkDone(c);
    plan.resumed += plan.done[c];
    if (!plan.done[c])
      plan.toSimulate += shardBlocksPerChunk[c];
  }
  if (plan.resumed > 0)
    spdlog::info("{}: resuming: {} of {} chunks already written", config.output, plan.resumed, plan.chunkCount);
  return plan;
}

// Second pass: every chunk not done is simulated and written whole; the
// stream's counts are the input side of the manifest.
// What writeChunks read: the input counts, and the blocks that are llvm-mca
// code regions (by block index).
struct WrittenChunks {
  StreamCounts counts;
  nlohmann::json regions = nlohmann::json::array();
};

WrittenChunks writeChunks(const DatasetConfig &config, const MeasuredLabels &labels, const ChunkPlan &plan,
                         ChunkSimulator &simulator, const DatasetOutput &out) {
  UniqueBlockStream stream(config.blockFiles, config.measuredFiles, config.syntax, labels);
  std::vector<UniqueBlock> pending;
  std::uint32_t current = 0;
  auto flushThrough = [&](std::uint32_t last) {  // writes chunks current..last-1
    for (; current < last; ++current) {
      if (!plan.done[current])
        out.writeChunk(simulator.run(current, pending));
      pending.clear();
    }
  };
  WrittenChunks written;
  for (UniqueBlockStream::Item item; stream.next(item);) {
    if (auto *p = std::get_if<block::Problem>(&item)) {
      block::reportSkipped(*p);
      continue;
    }
    UniqueBlock &u = std::get<UniqueBlock>(item);
    if (!u.block.region.empty())
      written.regions.push_back({{"block", u.index}, {"region", u.block.region}});
    flushThrough(u.index / config.chunkBlocks);
    if (!plan.done[current] && inShard(config, u))
      pending.push_back(std::move(u));
  }
  flushThrough(plan.chunkCount);
  written.counts = stream.counts();
  return written;
}

nlohmann::json inputCounts(const StreamCounts &counts, const MeasuredLabels &labels) {
  return {{"rows_read", counts.rowsRead},
          {"unreadable_rows", counts.unreadableRows},
          {"duplicate_blocks", counts.duplicateBlocks},
          {"distinct_blocks", counts.distinctBlocks},
          {"measured_labels", labels.size()},
          {"measured_conflicts", labels.conflicts()}};
}

} // namespace

DatasetSummary buildDataset(const DatasetConfig &request) {
  auto start = std::chrono::steady_clock::now();
  const CheckedRequest checked = checkRequest(request);
  const DatasetConfig &config = checked.config;
  TableChoice choice = chooseTables(config, checked.inputs);

  nlohmann::json settings = settingsOf(config, choice.mode, choice.params);
  DatasetOutput out(config.output, settings, config.force);
  choice.tables->store(out);
  MeasuredLabels labels;
  labels.load(config.measuredFiles, config.syntax);
  if (labels.conflicts() > 0)
    spdlog::warn("{} blocks have several different measured values; the first one is used", labels.conflicts());

  ChunkPlan plan = planChunks(config, labels, out);
  support::Progress progress(choice.tables->perBlock() > 1 ? "dataset: examples simulated"
                                                           : "dataset: blocks simulated",
                             plan.toSimulate * choice.tables->perBlock());
  ChunkSimulator simulator(*choice.tables, config, progress);
  WrittenChunks written = writeChunks(config, labels, plan, simulator, out);
  progress.finish();

  nlohmann::json manifest = settings;
  manifest["counts"] = inputCounts(written.counts, labels);
  if (!written.regions.empty())  // absent otherwise, so datasets without regions keep their bytes
    manifest["regions"] = std::move(written.regions);
  DatasetSummary summary;
  summary.manifest = out.finish(manifest, plan.chunkCount);
  summary.simulations = simulator.simulated();
  summary.chunksResumed = plan.resumed;
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return summary;
}

} // namespace surrogate::data
