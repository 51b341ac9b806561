// `surrogate params export | diff | sample`: each subcommand's options, then the mca layer's params job.
#include <algorithm>
#include <iostream>
#include <memory>

#include <spdlog/spdlog.h>

#include "surrogate/cli/Commands.h"
#include "surrogate/mca/ParamsJob.h"

namespace surrogate::cli {

void addParamsCommand(CLI::App &app, ExitStatus &status) {
  CLI::App *params = app.add_subcommand("params", "llvm-mca scheduling parameter tables: export, diff, sample");
  params->require_subcommand(1);

  auto exp = std::make_shared<mca::ParamsExportConfig>();
  CLI::App *exportCmd = params->add_subcommand(
      "export", "write a CPU's built-in parameters (or a table, --params) as JSON or LLVM TableGen");
  CLI::Option *mcpu = exportCmd->add_option("--mcpu", exp->cpu, "CPU")->capture_default_str();
  exportCmd->add_option("--blocks", exp->blocks, "only the opcodes these blocks use (BHive CSV or .s files)");
  exportCmd->add_option("--params", exp->paramsFile, "write this table instead of the defaults (e.g. --format td)");
  exportCmd->add_option("--format", exp->format, "json, td (TableGen) or llvm-patch (a diff of LLVM's X86Sched*.td)")
      ->capture_default_str()
      ->check(CLI::IsMember({"json", "td", "llvm-patch"}));
  exportCmd->add_option("--llvm-src", exp->llvmSource, "llvm-patch: LLVM 19.1.7 source tree (the directory holding llvm/)");
  exportCmd->add_option("--model-name", exp->modelName, "TableGen SchedMachineModel name (default: from the CPU)");
  exportCmd->add_flag("--all", exp->allOpcodes, "td: every opcode, not only those that differ from LLVM's");
  exportCmd->add_option("-o,--output", exp->output, "output file (default: stdout)");
  exportCmd->callback([exp, mcpu, &status] {
    exp->cpuGiven = mcpu->count() > 0;
    mca::runParamsExport(*exp);
    status.code = 0;
  });

  auto files = std::make_shared<std::vector<std::string>>();
  CLI::App *diffCmd = params->add_subcommand("diff", "list what differs between two tables");
  diffCmd->add_option("tables", *files, "A.json B.json")->required()->expected(2);
  diffCmd->callback([files, &status] {
    std::string diff = mca::runParamsDiff((*files)[0], (*files)[1]);
    std::cout << diff;
    std::size_t lines = std::count(diff.begin(), diff.end(), '\n');
    spdlog::info("{} difference(s)", lines);
    status.code = 0;
  });

  auto sample = std::make_shared<mca::ParamsSampleConfig>();
  CLI::App *sampleCmd =
      params->add_subcommand("sample", "write N random tables (seeded) for training a surrogate over the parameters");
  sampleCmd->add_option("--mcpu", sample->cpu, "CPU")->capture_default_str();
  sampleCmd->add_option("--seed", sample->seed, "random seed")->required();
  sampleCmd->add_option("-n,--count", sample->count, "number of tables")->required()->check(CLI::PositiveNumber);
  sampleCmd->add_option("--perturb-probability", sample->perturbProbability,
                        "chance each value is redrawn, else LLVM's default (1: DiffTune's uniform tables)")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  sampleCmd->add_option("--blocks", sample->blocks, "only the opcodes these blocks use (BHive CSV or .s files)");
  sampleCmd->add_option("-o,--output", sample->outputDir, "output directory")->required();
  sampleCmd->callback([sample, &status] {
    mca::runParamsSample(*sample);
    status.code = 0;
  });
}

} // namespace surrogate::cli
