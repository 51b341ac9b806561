// `surrogate train`: its options and overrides into a TrainJob (checked against --resume), run by the module.
#include <memory>

#include "surrogate/cli/Commands.h"
#include "surrogate/cli/TorchCommands.h"

namespace surrogate::cli {

void addTrainCommand(CLI::App &app, ExitStatus &status) {
  auto options = std::make_shared<TrainCommandOptions>();
  model::TrainJob *job = &options->job;
  auto resumeDir = std::make_shared<std::string>();
  auto seed = std::make_shared<std::uint64_t>();
  auto epochs = std::make_shared<std::size_t>();
  auto threads = std::make_shared<unsigned>();
  auto stopAfter = std::make_shared<std::size_t>();
  auto excludeBlocks = std::make_shared<std::vector<std::string>>();
  auto excludeWeight = std::make_shared<double>(0);

  CLI::App *cmd = app.add_subcommand("train", "train a surrogate model of llvm-mca");
  auto *dataset = cmd->add_option("--dataset", job->data.dataset, "dataset directory written by `surrogate dataset`");
  auto *csv = cmd->add_option("--csv", job->data.csv, "CSV files with a header (hex and a target column), e.g. simulate output");
  cmd->add_option("--target-column", job->data.targetColumn, "CSV column holding the target")->capture_default_str();
  auto *config = cmd->add_option("--config", options->configFile, "training config JSON (e.g. configs/train.quick.json)");
  auto *output = cmd->add_option("-o,--output", job->runDir, "new run directory");
  auto *resume = cmd->add_option("--resume", *resumeDir, "continue the interrupted run in this directory");
  cmd->add_option("--seed", *seed, "seed for initialisation, subsets and batch order (overrides the config)");
  cmd->add_option("--epochs", *epochs, "maximum epochs (overrides the config; with --resume, extends or ends the run)");
  cmd->add_option("--threads", *threads, "LibTorch intra-op threads (overrides the config)");
  cmd->add_option("--device", job->device, "cpu or cuda")->capture_default_str()->check(CLI::IsMember({"cpu", "cuda"}));
  cmd->add_option("--stop-after-epochs", *stopAfter, "end this invocation after N epochs; continue with --resume");
  cmd->add_option("--exclude-blocks", *excludeBlocks,
                  "files of blocks left out of training and validation, e.g. BHive's may-alias.csv "
                  "(overrides training.exclude_blocks; the test split is scored whole)");
  cmd->add_option("--exclude-weight", *excludeWeight,
                  "0: drop the listed blocks' train examples; else scale their loss by this (training.exclude_weight)")
      ->check(CLI::Range(0.0, 1.0));
  auto distTimeout = std::make_shared<unsigned>(300);
  cmd->add_option("--dist-timeout", *distTimeout,
                  "under torchrun: seconds a collective waits for the other ranks before the run fails")
      ->capture_default_str()
      ->check(CLI::Range(1u, 86400u));
  dataset->excludes(csv);
  resume->excludes(dataset)->excludes(csv)->excludes(config)->excludes(output);

  cmd->callback([=, &status] {
    if (!resumeDir->empty()) {
      job->runDir = *resumeDir;
      job->resume = true;
      if (cmd->count("--seed"))
        throw CLI::ValidationError("--resume", "a resumed run keeps its seed");
      if (cmd->count("--exclude-blocks") || cmd->count("--exclude-weight"))
        throw CLI::ValidationError("--resume", "a resumed run keeps its excluded blocks");
    } else {
      if (job->runDir.empty())
        throw CLI::RequiredError("-o,--output (or --resume)");
      if (job->data.dataset.empty() && job->data.csv.empty())
        throw CLI::RequiredError("--dataset or --csv");
      if (cmd->count("--seed")) options->seed = *seed;
      if (cmd->count("--exclude-blocks")) options->excludeBlocks = *excludeBlocks;
      if (cmd->count("--exclude-weight")) options->excludeWeight = *excludeWeight;
    }
    if (cmd->count("--threads"))
      job->threads = *threads;
    if (cmd->count("--epochs"))
      job->maxEpochs = *epochs;
    job->distTimeout = std::chrono::seconds(*distTimeout);
    if (cmd->count("--stop-after-epochs"))
      job->stopAfterEpochs = *stopAfter;
    status.code = torchCommands().train(*options);
  });
}

} // namespace surrogate::cli
