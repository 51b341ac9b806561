// `surrogate dataset` and its merge, export and check subcommands: options into jobs for the data layer.
#include <iostream>
#include <memory>

#include "surrogate/cli/Commands.h"
#include "surrogate/data/DatasetJob.h"

namespace surrogate::cli {

void addDatasetCommand(CLI::App &app, ExitStatus &status) {
  auto job = std::make_shared<data::DatasetJob>();
  data::DatasetConfig *config = &job->config;
  CLI::App *cmd = app.add_subcommand("dataset", "generate llvm-mca training examples (see also: merge, export, check)");
  cmd->add_option("--blocks", config->blockFiles, "block files (BHive CSV, second column ignored, or .s)");
  cmd->add_option("--measured", config->measuredFiles,
                  "measured files (hex,throughput, e.g. hsw.csv): their blocks, with the throughput as a label");
  cmd->add_option("--mcpu", config->cpu, "CPU whose scheduling model to use")->capture_default_str();
  cmd->add_option("--iterations", config->iterations, "iterations of each block")
      ->capture_default_str()
      ->check(CLI::Range(1u, 100000u));
  cmd->add_option("-j,--threads", config->threads, "worker threads (0: all cores)")->capture_default_str();
  cmd->add_option("--shard", job->shard, "generate only shard K of N (1-based), for job arrays; join with `dataset merge`");
  cmd->add_option("-o,--output", config->output, "output directory");
  cmd->add_option("--chunk-blocks", config->chunkBlocks, "distinct blocks per chunk file (resume granularity)")
      ->capture_default_str()
      ->check(CLI::Range(1u, 1u << 24));
  cmd->add_option("--params-samples", config->paramsSamples, "sample N parameter tables (optimize pattern)");
  cmd->add_option("--tables-per-block", config->tablesPerBlock, "examples per block in sampled mode")
      ->capture_default_str();
  cmd->add_option("--perturb-probability", config->perturbProbability,
                  "sampled mode: chance each value is redrawn, else LLVM's default (1: DiffTune's uniform tables)")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  cmd->add_option("--seed", config->seed, "seed for sampling parameter tables")->capture_default_str();
  cmd->add_option("--params", config->paramsFile, "simulate under this parameter table (JSON)");
  cmd->add_option("--syntax", job->syntax, "syntax of assembly inputs")
      ->capture_default_str()
      ->check(CLI::IsMember({"att", "intel"}));
  cmd->add_flag("--force", config->force, "replace an existing dataset or a partial one made with other settings");

  auto mergeOut = std::make_shared<std::string>();
  auto mergeIn = std::make_shared<std::vector<std::string>>();
  auto mergeForce = std::make_shared<bool>(false);
  CLI::App *merge = cmd->add_subcommand("merge", "join the shards of a --shard K/N job into one dataset");
  merge->add_option("-o,--output", *mergeOut, "output directory")->required();
  merge->add_option("shards", *mergeIn, "the N shard directories")->required();
  merge->add_flag("--force", *mergeForce, "replace an existing dataset");
  merge->callback([mergeOut, mergeIn, mergeForce] { data::runDatasetMerge(*mergeIn, *mergeOut, *mergeForce); });

  auto exportFormat = std::make_shared<std::string>("csv");
  auto exportOut = std::make_shared<std::string>("-");
  auto exportDir = std::make_shared<std::string>();
  CLI::App *exp = cmd->add_subcommand("export", "write a dataset's examples as CSV");
  exp->add_option("--format", *exportFormat, "output format")->capture_default_str()->check(CLI::IsMember({"csv"}));
  exp->add_option("-o,--output", *exportOut, "output file (default: stdout)");
  exp->add_option("dataset", *exportDir, "dataset directory")->required();
  // Every bound value is captured, so it outlives this function (CLI11 writes into it while parsing).
  exp->callback([exportFormat, exportOut, exportDir] { data::runDatasetExport(*exportDir, *exportOut); });

  auto checkDir = std::make_shared<std::string>();
  CLI::App *check = cmd->add_subcommand("check", "verify a dataset (complete, every chunk intact); print its counts");
  check->add_option("dataset", *checkDir, "dataset directory")->required();
  check->callback([checkDir] { std::cout << data::runDatasetCheck(*checkDir).dump(2) << "\n"; });

  cmd->callback([cmd, merge, exp, check, job, &status] {
    if (cmd->got_subcommand(merge) || cmd->got_subcommand(exp) || cmd->got_subcommand(check))
      return;
    job->cpuGiven = cmd->count("--mcpu") > 0;
    job->seedGiven = cmd->count("--seed") > 0;
    status.code = data::runDatasetJob(*job);
  });
}

} // namespace surrogate::cli
