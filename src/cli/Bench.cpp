// `surrogate bench` and `bench mca`: its options into an McaBenchConfig, then mca::runMcaBenchmark.
#include <iostream>
#include <memory>

#include "surrogate/cli/Commands.h"
#include "surrogate/mca/McaBenchmark.h"

namespace surrogate::cli {

void addBenchCommand(CLI::App &app, ExitStatus &status) {
  CLI::App *bench = app.add_subcommand("bench", "measure throughput");
  bench->require_subcommand(1);

  auto config = std::make_shared<mca::McaBenchConfig>();
  auto format = std::make_shared<std::string>("text");
  CLI::App *mcaCmd = bench->add_subcommand("mca", "blocks/s of the in-process simulator vs spawning llvm-mca-19");
  mcaCmd->add_option("inputs", config->inputs, "BHive CSV or assembly files")->required();
  mcaCmd->add_option("--mcpu", config->cpu, "CPU")->capture_default_str();
  mcaCmd->add_option("--iterations", config->iterations, "iterations of each block")->capture_default_str();
  mcaCmd->add_option("-n,--blocks", config->limit, "blocks to time")->capture_default_str();
  mcaCmd->add_option("--threads", config->threads, "thread counts to time")->capture_default_str()->delimiter(',');
  mcaCmd->add_option("--spawn-sample", config->spawnSample, "blocks to run through llvm-mca-19 (0: skip)")
      ->capture_default_str();
  mcaCmd->add_option("--params", config->paramsFile,
                     "also time the simulator with this parameter table (JSON) and report the ratio");
  mcaCmd->add_option("--rounds", config->rounds, "in-process timings: best of N runs (alternating with --params)")
      ->capture_default_str()
      ->check(CLI::Range(1u, 100u));
  mcaCmd->add_option("--llvm-mca", config->llvmMca, "path of the llvm-mca binary (default: llvm-mca-19 on PATH)");
  mcaCmd->add_option("--format", *format, "text or json")->capture_default_str()->check(CLI::IsMember({"text", "json"}));
  mcaCmd->callback([config, format, &status] {
    nlohmann::json result = mca::runMcaBenchmark(*config);
    std::cout << (*format == "json" ? result.dump(2) + "\n" : mca::formatMcaBenchmark(result));
    status.code = 0;
  });
}

} // namespace surrogate::cli
