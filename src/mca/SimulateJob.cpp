// runSimulate: blocks simulated by BatchRunner, one CSV or JSONL row each, problems reported and counted.
#include "surrogate/mca/SimulateJob.h"

#include <iostream>
#include <memory>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include "surrogate/block/CodeRegions.h"
#include "surrogate/block/Target.h"
#include "surrogate/mca/TunedSubtarget.h"
#include "surrogate/support/AtomicFile.h"
#include "surrogate/support/CsvField.h"
#include "surrogate/support/Errors.h"

namespace surrogate::mca {

namespace {

// Writes one result per block in the chosen format.
class ResultWriter {
public:
  /// `withRegion`: the inputs have code regions, so every row names its region.
  ResultWriter(std::ostream &out, std::string format, bool withRegion)
      : Out(out), Format(std::move(format)), WithRegion(withRegion) {}

  void write(const block::BasicBlock &b, const SimulationResult &r) {
    if (Format == "jsonl") {
      nlohmann::json j = {{"hex", b.hex},
                          {"cycles", r.cycles},
                          {"iterations", r.iterations},
                          {"instructions", r.instructions},
                          {"uops", r.microOps},
                          {"ipc", r.ipc},
                          {"block_rthroughput", r.blockRThroughput}};
      j["measured"] = b.measured ? nlohmann::json(*b.measured) : nlohmann::json(nullptr);
      if (WithRegion)
        j["region"] = b.region.empty() ? nlohmann::json(nullptr) : nlohmann::json(b.region);
      Out << j.dump() << '\n';
      return;
    }
    if (!HeaderWritten) {
      // The first block decides whether the input carries measurements.
      WithMeasured = b.measured.has_value();
      Out << (WithMeasured ? "hex,cycles,measured" : "hex,cycles") << (WithRegion ? ",region\n" : "\n");
      HeaderWritten = true;
    }
    Out << b.hex << ',' << r.cycles;
    if (WithMeasured)
      Out << ',' << (b.measured ? fmt::format("{}", *b.measured) : std::string());
    if (WithRegion)
      Out << ',' << support::csvField(b.region);
    Out << '\n';
  }

  void finish() {
    if (Format == "csv" && !HeaderWritten)
      Out << (WithRegion ? "hex,cycles,region\n" : "hex,cycles\n");
  }

private:
  std::ostream &Out;
  std::string Format;
  bool WithRegion;
  bool HeaderWritten = false, WithMeasured = false;
};

} // namespace

BatchSummary runSimulate(const SimulateConfig &config) {
  if (config.format != "csv" && config.format != "jsonl")
    throw support::ConfigError("unknown format '" + config.format + "' (csv or jsonl)");
  std::unique_ptr<llvm::MCSubtargetInfo> subtarget = createSimulationSubtarget(config.cpu, config.paramsFile);
  if (!config.paramsFile.empty())
    spdlog::info("simulating {} with the parameter table {}", subtarget->getCPU().str(), config.paramsFile);

  block::BlockReader reader(config.inputs, config.reading);

  support::ResultOutput output(config.output);
  ResultWriter writer(output.stream(), config.format, block::inputsHaveRegionMarkers(config.inputs));

  BatchOptions options;
  options.iterations = config.iterations == 0 ? kLlvmMcaDefaultIterations : config.iterations;
  options.threads = config.threads;
  options.strict = config.strict;
  BatchRunner runner(*subtarget, options);
  BatchSummary summary = runner.run(
      reader, [&](const block::BasicBlock &b, const SimulationResult &r) { writer.write(b, r); },
      [&](const block::Problem &p) { spdlog::warn("{} (skipped)", p.str()); });
  writer.finish();
  output.commit();
  spdlog::info("{} blocks read, {} simulated, {} skipped", summary.read, summary.simulated, summary.skipped);
  return summary;
}

} // namespace surrogate::mca
