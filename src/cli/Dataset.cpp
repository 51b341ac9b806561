#include <cstdio>
#include <iostream>
#include <memory>

#include <spdlog/spdlog.h>

#include "surrogate/cli/Commands.h"
#include "surrogate/data/Dataset.h"
#include "surrogate/data/DatasetBuilder.h"
#include "surrogate/data/DatasetTools.h"

namespace surrogate::cli {

namespace {

// "K/N" with 1 <= K <= N, as a job array's task number and size.
std::string parseShard(const std::string &text, data::DatasetConfig &config) {
  unsigned k = 0, n = 0;
  char slash = 0, extra = 0;
  if (std::sscanf(text.c_str(), "%u%c%u%c", &k, &slash, &n, &extra) != 3 || slash != '/' || n == 0 || k == 0 ||
      k > n)
    return "--shard expects K/N with 1 <= K <= N (e.g. 3/8), got '" + text + "'";
  config.shardIndex = k - 1;
  config.shardCount = n;
  return {};
}

} // namespace

void addDatasetCommand(CLI::App &app, ExitStatus &status) {
  auto config = std::make_shared<data::DatasetConfig>();
  auto shard = std::make_shared<std::string>();
  auto syntax = std::make_shared<std::string>("att");
  CLI::App *cmd = app.add_subcommand("dataset", "generate llvm-mca training examples (see also: merge, export, check)");
  cmd->add_option("--blocks", config->blockFiles, "block files (BHive CSV, second column ignored, or .s)");
  cmd->add_option("--measured", config->measuredFiles,
                  "measured files (hex,throughput, e.g. hsw.csv): their blocks, with the throughput as a label");
  cmd->add_option("--mcpu", config->cpu, "CPU whose scheduling model to use")->capture_default_str();
  cmd->add_option("--iterations", config->iterations, "iterations of each block")
      ->capture_default_str()
      ->check(CLI::Range(1u, 100000u));
  cmd->add_option("-j,--threads", config->threads, "worker threads (0: all cores)")->capture_default_str();
  cmd->add_option("--shard", *shard, "generate only shard K of N (1-based), for job arrays; join with `dataset merge`");
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
  cmd->add_option("--syntax", *syntax, "syntax of assembly inputs")
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
  merge->callback([mergeOut, mergeIn, mergeForce] {
    nlohmann::json m = data::mergeDatasets(*mergeIn, *mergeOut, *mergeForce);
    spdlog::info("{}: {} examples from {} shards", *mergeOut, m["counts"]["examples"].get<std::size_t>(),
                 mergeIn->size());
  });

  auto exportFormat = std::make_shared<std::string>("csv");
  auto exportOut = std::make_shared<std::string>("-");
  auto exportDir = std::make_shared<std::string>();
  CLI::App *exp = cmd->add_subcommand("export", "write a dataset's examples as CSV");
  exp->add_option("--format", *exportFormat, "output format")->capture_default_str()->check(CLI::IsMember({"csv"}));
  exp->add_option("-o,--output", *exportOut, "output file (default: stdout)");
  exp->add_option("dataset", *exportDir, "dataset directory")->required();
  exp->callback([exportOut, exportDir] {
    std::size_t rows = data::exportCsv(*exportDir, *exportOut);
    spdlog::info("{} examples exported", rows);
  });

  auto checkDir = std::make_shared<std::string>();
  CLI::App *check = cmd->add_subcommand("check", "verify a dataset (complete, every chunk intact); print its counts");
  check->add_option("dataset", *checkDir, "dataset directory")->required();
  check->callback([checkDir] {
    data::Dataset ds = data::Dataset::open(*checkDir);
    ds.verify();
    nlohmann::json summary = {{"dataset", *checkDir},   {"complete", true},
                              {"mode", ds.mode()},      {"cpu", ds.cpu()},
                              {"chunks", ds.chunkCount()}, {"counts", ds.manifest()["counts"]},
                              {"splits", ds.manifest()["splits"]}};
    std::cout << summary.dump(2) << "\n";
  });

  cmd->callback([cmd, merge, exp, check, config, shard, syntax, &status] {
    if (cmd->got_subcommand(merge) || cmd->got_subcommand(exp) || cmd->got_subcommand(check))
      return;
    if (config->blockFiles.empty() && config->measuredFiles.empty())
      throw CLI::RequiredError("--blocks or --measured");
    if (config->output.empty())
      throw CLI::RequiredError("-o,--output");
    if (!shard->empty())
      if (std::string bad = parseShard(*shard, *config); !bad.empty())
        throw CLI::ValidationError("--shard", bad);
    if (config->paramsSamples > 0 && cmd->count("--seed") == 0)
      throw CLI::RequiredError("--seed (with --params-samples)");
    if (!config->paramsFile.empty() && cmd->count("--mcpu") == 0)
      config->cpu.clear();  // the table's CPU
    config->syntax = *syntax == "intel" ? block::Syntax::Intel : block::Syntax::ATT;
    data::DatasetSummary s = data::buildDataset(*config);
    const nlohmann::json &counts = s.manifest["counts"];
    spdlog::info("{}: {} examples from {} distinct blocks ({} duplicates, {} unreadable rows, {} undecodable, "
                 "{} unsimulatable); {} examples simulated in {:.1f}s ({:.0f}/s){}",
                 config->output, counts["examples"].get<std::size_t>(), counts["distinct_blocks"].get<std::size_t>(),
                 counts["duplicate_blocks"].get<std::size_t>(), counts["unreadable_rows"].get<std::size_t>(),
                 counts["undecodable_blocks"].get<std::size_t>(), counts["unsimulatable_examples"].get<std::size_t>(),
                 s.simulations, s.seconds, s.simulations / std::max(s.seconds, 1e-9),
                 s.chunksResumed ? fmt::format(", {} chunks resumed", s.chunksResumed) : std::string());
    // An empty shard is normal; an empty whole dataset is not.
    status.code = counts["examples"].get<std::size_t>() == 0 && config->shardCount == 1 ? 1 : 0;
  });
}

} // namespace surrogate::cli
