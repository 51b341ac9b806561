// chooseTables and its three kinds of ParameterTables: LLVM's model, one table file, tables sampled from a seed.
#include "surrogate/data/ParameterTables.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>

#include <fmt/format.h>

#include "surrogate/block/Target.h"
#include "surrogate/data/BlockHash.h"
#include "surrogate/data/DatasetOutput.h"
#include "surrogate/data/FileDigest.h"
#include "surrogate/mca/ParamSampler.h"
#include "surrogate/mca/ParamTable.h"
#include "surrogate/mca/TunedSubtarget.h"
#include "surrogate/support/AtomicFile.h"
#include "surrogate/support/Errors.h"
#include "surrogate/support/Progress.h"

namespace surrogate::data {

namespace {

class DefaultTables : public ParameterTables {
public:
  explicit DefaultTables(std::string cpu) : Cpu(std::move(cpu)) {}
  std::uint32_t count() const override { return 1; }
  std::unique_ptr<llvm::MCSubtargetInfo> subtarget(std::uint32_t) const override {
    auto sti = block::X86Target::get().createSubtarget(Cpu);
    return sti;
  }

private:
  std::string Cpu;
};

class FileTable : public ParameterTables {
public:
  FileTable(std::string cpu, std::string path) : Cpu(std::move(cpu)), Path(std::move(path)) {
    subtarget(0);  // support::InputError now if the table does not fit the CPU
  }
  std::uint32_t count() const override { return 1; }
  std::unique_ptr<llvm::MCSubtargetInfo> subtarget(std::uint32_t) const override {
    return mca::createSimulationSubtarget(Cpu, Path);
  }
  void store(const DatasetOutput &out) const override {
    std::ifstream in(Path, std::ios::binary);
    support::writeFileAtomically(out.subdir("params") + "/" + fmt::format("{:06}.json", 0),
                                 std::string(std::istreambuf_iterator<char>(in), {}));
  }

private:
  std::string Cpu, Path;
};

class SampledTables : public ParameterTables {
public:
  SampledTables(mca::ParamTable defaults, std::uint64_t seed, std::uint32_t count, std::uint32_t perBlock,
                mca::SamplingRanges ranges)
      : Sampler(std::move(defaults), seed, ranges), Seed(seed), Count(count), PerBlock(perBlock) {
    subtarget(0);  // fail before any work if sampled tables cannot be applied
  }
  std::uint32_t count() const override { return Count; }
  std::uint32_t perBlock() const override { return PerBlock; }
  std::vector<std::uint32_t> choose(std::uint64_t blockHash) const override {
    // Counter-based draws: portable, unlike std's distributions.
    std::vector<std::uint32_t> ids;
    std::uint64_t state = mix64(Seed ^ mix64(blockHash));
    while (ids.size() < PerBlock) {
      state += 0x9e3779b97f4a7c15ULL;
      auto id = static_cast<std::uint32_t>(mix64(state) % Count);
      if (std::find(ids.begin(), ids.end(), id) == ids.end())
        ids.push_back(id);
    }
    std::sort(ids.begin(), ids.end());
    return ids;
  }
  std::unique_ptr<llvm::MCSubtargetInfo> subtarget(std::uint32_t id) const override {
    return mca::TunedSubtarget::create(Sampler.sample(id), fmt::format("sample {}", id));
  }
  void store(const DatasetOutput &out) const override {
    std::string dir = out.subdir("params");
    support::Progress progress("dataset: writing parameter tables", Count);
    for (std::uint32_t id = 0; id < Count; ++id) {
      std::string path = dir + "/" + fmt::format("{:06}.json", id);
      if (!std::filesystem::exists(path))  // written whole (atomically) by an earlier run
        Sampler.sample(id).save(path);
      progress.update(id + 1);
    }
  }
  const mca::ParamSampler &sampler() const { return Sampler; }

private:
  mca::ParamSampler Sampler;
  std::uint64_t Seed;
  std::uint32_t Count, PerBlock;
};

// The table sampled around: the CPU's, covering every key the inputs need.
mca::ParamTable centerTable(const DatasetConfig &config, const std::vector<std::string> &keys) {
  mca::ParamTable center = mca::ParamTable::load(config.samplingCenter);
  if (center.cpu != config.cpu)
    throw support::InputError(fmt::format("{}: a table for {}, not for {}", config.samplingCenter, center.cpu,
                                          config.cpu));
  std::vector<std::string> missing;
  for (const std::string &k : keys)
    if (!center.opcodes.count(k)) missing.push_back(k);
  if (!missing.empty())
    throw support::InputError(fmt::format("{}: no entry for {} of the inputs' opcodes (first: {})",
                                          config.samplingCenter, missing.size(), missing.front()));
  return center;
}

} // namespace

TableChoice chooseTables(const DatasetConfig &config, const std::vector<std::string> &allInputs) {
  std::unique_ptr<ParameterTables> tables;
  std::string mode;
  nlohmann::json params;
  if (!config.paramsFile.empty()) {
    tables = std::make_unique<FileTable>(config.cpu, config.paramsFile);
    mode = "table";
    params = {{"tables", 1}, {"per_block", 1}, {"tables_dir", "params"}, {"files", "NNNNNN.json"},
              {"source", config.paramsFile}, {"source_sha256", sha256File(config.paramsFile)}};
  } else if (config.paramsSamples > 0) {
    std::vector<std::string> keys = mca::ParamTable::tableKeysFor(allInputs, config.cpu);
    mca::ParamTable defaults = config.samplingCenter.empty() ? mca::ParamTable::fromModel(config.cpu, keys)
                                                             : centerTable(config, keys);
    std::size_t parameters = defaults.parameterCount(), opcodeCount = defaults.opcodes.size();
    mca::SamplingRanges ranges;
    ranges.perturbProbability = config.perturbProbability;
    ranges.radius = config.samplingRadius;
    auto sampled = std::make_unique<SampledTables>(std::move(defaults), config.seed, config.paramsSamples,
                                                   config.tablesPerBlock, ranges);
    mode = "sampled";
    params = {{"tables", config.paramsSamples},
              {"per_block", config.tablesPerBlock},
              {"seed", config.seed},
              {"opcodes", opcodeCount},
              {"parameters_per_table", parameters},
              {"distribution", config.perturbProbability >= 1.0
                                   ? "independent uniform integers in [min, max] (params sample)"
                                   : "each value redrawn uniformly in [min, max] with probability "
                                     "ranges.perturb_probability, else the default (params sample)"},
              {"ranges", sampled->sampler().ranges().toJson()},
              {"choice", "per block, per_block distinct ids from splitmix64 draws seeded by seed and block hash"},
              {"tables_dir", "params"},
              {"files", "NNNNNN.json"}};
    if (!config.samplingCenter.empty()) {
      params["center"] = config.samplingCenter;
      params["center_sha256"] = sha256File(config.samplingCenter);
    }
    tables = std::move(sampled);
  } else {
    tables = std::make_unique<DefaultTables>(config.cpu);
    tables->subtarget(0);  // unknown CPU: error before anything is written
    mode = "default";
    params = {{"tables", 1}, {"per_block", 1}, {"table_0", "the CPU's built-in scheduling model"}};
  }

  return {std::move(tables), mode, params};
}

} // namespace surrogate::data
