// runAnalyze: reads blocks, analyzes each (and simulates it with --with-mca), writes one row per block.
#include "surrogate/mca/AnalyzeJob.h"

#include <memory>
#include <optional>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include "surrogate/block/BlockReader.h"
#include "surrogate/block/CodeRegions.h"
#include "surrogate/block/Target.h"
#include "surrogate/mca/BatchRunner.h"
#include "surrogate/mca/BlockAnalyzer.h"
#include "surrogate/mca/SimulateJob.h"
#include "surrogate/mca/TunedSubtarget.h"
#include "surrogate/support/AtomicFile.h"
#include "surrogate/support/CsvField.h"
#include "surrogate/support/Errors.h"
#include "surrogate/support/Progress.h"

namespace surrogate::mca {

namespace {

std::string number(double x) { return fmt::format("{:.6g}", x); }

std::vector<unsigned> chainInstructions(const std::vector<DependencyEdge> &edges) {
  std::vector<unsigned> out;
  for (const DependencyEdge &e : edges)
    out.push_back(e.from);
  return out;
}

// Writes one analysis per block in the chosen format.
class AnalysisWriter {
public:
  AnalysisWriter(std::ostream &out, std::string format, bool withRegion, bool withMca, const BlockAnalyzer &analyzer)
      : Out(out), Format(std::move(format)), WithRegion(withRegion), WithMca(withMca), Analyzer(analyzer) {}

  void write(const block::BasicBlock &b, const BlockAnalysis &a, std::optional<double> mcaCycles) {
    if (Format == "jsonl")
      writeJson(b, a, mcaCycles);
    else
      writeCsv(b, a, mcaCycles);
  }

  void finish() {
    if (Format == "csv" && !HeaderWritten)
      writeHeader();
  }

private:
  void writeHeader() {
    Out << "hex,instructions,uops,loads,stores,resource_bound,bottleneck,dispatch_bound,dependency_bound,"
           "register_dependency_bound,critical_path,bound,binds"
        << (WithMeasured ? ",measured" : "") << (WithMca ? ",mca_cycles,mca_excess" : "")
        << (WithRegion ? ",region\n" : "\n");
    HeaderWritten = true;
  }

  void writeCsv(const block::BasicBlock &b, const BlockAnalysis &a, std::optional<double> mcaCycles) {
    if (!HeaderWritten) {
      WithMeasured = b.measured.has_value();  // the first block decides, as in `simulate`
      writeHeader();
    }
    Out << b.hex << ',' << a.instructionCount() << ',' << a.microOps << ',' << a.loads << ',' << a.stores << ','
        << number(a.resourceBound) << ',' << support::csvField(Analyzer.resourceName(a.bottleneck)) << ','
        << number(a.dispatchBound) << ',' << number(a.dependencyBound) << ',' << number(a.registerDependencyBound) << ',' << a.criticalPath << ','
        << number(a.bound()) << ',' << boundName(a.binding());
    if (WithMeasured)
      Out << ',' << (b.measured ? fmt::format("{}", *b.measured) : std::string());
    if (WithMca)
      Out << ',' << number(*mcaCycles) << ',' << number(*mcaCycles - a.bound());
    if (WithRegion)
      Out << ',' << support::csvField(b.region);
    Out << '\n';
  }

  void writeJson(const block::BasicBlock &b, const BlockAnalysis &a, std::optional<double> mcaCycles) {
    const llvm::MCInstrInfo &mcii = block::X86Target::get().instrInfo();
    nlohmann::json resources = nlohmann::json::object();
    for (unsigned r = 1; r < a.resourceCycles.size(); ++r)
      if (a.resourceCycles[r])
        resources[Analyzer.resourceName(r)] = a.resourceCycles[r];
    nlohmann::json insts = nlohmann::json::array();
    for (const InstructionAnalysis &ia : a.instructions) {
      nlohmann::json used = nlohmann::json::object();
      for (const ResourceCycles &rc : ia.resources)
        used[Analyzer.resourceName(rc.resource)] = rc.cycles;
      insts.push_back({{"opcode", mcii.getName(ia.opcode).str()},
                       {"latency", ia.latency},
                       {"uops", ia.microOps},
                       {"resources", used},
                       {"load", ia.mayLoad},
                       {"store", ia.mayStore},
                       {"dependency_breaking", ia.dependencyBreaking}});
    }
    std::vector<unsigned> path = chainInstructions(a.criticalPathEdges);
    path.push_back(a.criticalPathEnd);
    nlohmann::json j = {{"hex", b.hex},
                        {"instructions", a.instructionCount()},
                        {"uops", a.microOps},
                        {"loads", a.loads},
                        {"stores", a.stores},
                        {"resource_bound", a.resourceBound},
                        {"bottleneck", Analyzer.resourceName(a.bottleneck)},
                        {"dispatch_bound", a.dispatchBound},
                        {"resource_cycles", resources},
                        {"dependency_bound", a.dependencyBound},
                        {"register_dependency_bound", a.registerDependencyBound},
                        {"dependency_chain", chainInstructions(a.dependencyCycle)},
                        {"chain_through_memory", a.cycleThroughMemory()},
                        {"critical_path", a.criticalPath},
                        {"critical_path_instructions", path},
                        {"bound", a.bound()},
                        {"binds", boundName(a.binding())},
                        {"per_instruction", insts}};
    j["measured"] = b.measured ? nlohmann::json(*b.measured) : nlohmann::json(nullptr);
    if (WithMca) {
      j["mca_cycles"] = *mcaCycles;
      j["mca_excess"] = *mcaCycles - a.bound();
    }
    if (WithRegion)
      j["region"] = b.region.empty() ? nlohmann::json(nullptr) : nlohmann::json(b.region);
    Out << j.dump() << '\n';
  }

  std::ostream &Out;
  std::string Format;
  bool WithRegion, WithMca;
  const BlockAnalyzer &Analyzer;
  bool HeaderWritten = false, WithMeasured = false;
};

} // namespace

AnalyzeSummary runAnalyze(const AnalyzeConfig &config) {
  if (config.format != "csv" && config.format != "jsonl")
    throw support::ConfigError("unknown format '" + config.format + "' (csv or jsonl)");
  std::unique_ptr<llvm::MCSubtargetInfo> subtarget = createSimulationSubtarget(config.cpu, config.paramsFile);
  if (!config.paramsFile.empty())
    spdlog::info("analyzing under {}'s parameter table {}", subtarget->getCPU().str(), config.paramsFile);

  block::BlockReader reader(config.inputs, config.reading);

  BlockAnalyzer analyzer(*subtarget);
  support::ResultOutput output(config.output);
  AnalysisWriter writer(output.stream(), config.format, block::inputsHaveRegionMarkers(config.inputs),
                        config.withMca, analyzer);

  AnalyzeSummary summary;
  auto report = [&](const block::Problem &p) {
    ++summary.skipped;
    if (config.strict)
      throw support::InputError(p.str());
    spdlog::warn("{} (skipped)", p.str());
  };
  auto analyzeOne = [&](const block::BasicBlock &b, std::optional<double> mcaCycles) {
    llvm::Expected<BlockAnalysis> analysis = analyzer.analyze(b.insts);
    if (!analysis) {
      report({b.where, "llvm-mca cannot build the block: " + llvm::toString(analysis.takeError())});
      return;
    }
    ++summary.analyzed;
    writer.write(b, *analysis, mcaCycles);
  };

  if (config.withMca) {
    // llvm-mca's runs dominate: they go to the batch runner's threads, the analysis stays on this one.
    BatchOptions options;
    options.iterations = kLlvmMcaDefaultIterations;
    options.threads = config.threads;
    options.strict = config.strict;
    BatchRunner runner(*subtarget, options);
    BatchSummary batch = runner.run(
        reader,
        [&](const block::BasicBlock &b, const SimulationResult &r) {
          analyzeOne(b, double(r.cycles) / r.iterations);
        },
        [&](const block::Problem &p) { spdlog::warn("{} (skipped)", p.str()); });
    summary.read = batch.read;
    summary.skipped += batch.skipped;
  } else {
    block::Decoder decoder;
    support::Progress progress("analyzing blocks");
    block::BlockOrProblem item;
    while (reader.next(item)) {
      ++summary.read;
      if (auto *p = std::get_if<block::Problem>(&item)) {
        report(*p);
      } else {
        auto &b = std::get<block::BasicBlock>(item);
        block::DecodeResult decoded = b.insts.empty() ? decoder.decode(b.hex, b.insts) : block::DecodeResult::success();
        if (!decoded.ok())
          report({b.where, decoded.error});
        else
          analyzeOne(b, std::nullopt);
      }
      if (summary.read % 4096 == 0)
        progress.update(summary.read);
    }
    progress.finish();
  }
  writer.finish();
  output.commit();
  spdlog::info("{} blocks read, {} analyzed, {} skipped", summary.read, summary.analyzed, summary.skipped);
  return summary;
}

} // namespace surrogate::mca
