#include "surrogate/patterns/Compile.h"

#include <chrono>
#include <filesystem>
#include <fstream>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "surrogate/data/Dataset.h"
#include "surrogate/data/DatasetBuilder.h"
#include "surrogate/model/Trainer.h"
#include "surrogate/patterns/Deployment.h"
#include "surrogate/patterns/Plot.h"
#include "surrogate/patterns/Report.h"
#include "surrogate/support/AtomicFile.h"

namespace surrogate::patterns {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

nlohmann::json compileReference() {
  return {{"source", "Renda et al., 'Programming with Neural Surrogates of Programs' (Onward! 2021)"},
          {"llvm_mca_blocks_per_second", 1742},
          {"surrogate_blocks_per_second", 2820},
          {"llvm_mca_mape", 0.250},
          {"surrogate_mape", 0.271}};
}

namespace {

// The llvm-mca examples of every block and measured file, at default parameters.
std::string ensureDefaultDataset(const PatternConfig &config, const std::string &runDir) {
  data::DatasetConfig d = datasetSettings(config, (fs::path(runDir) / "dataset").string());
  if (!config.measured.empty())
    d.measuredFiles = {config.measured};
  spdlog::info("llvm-mca dataset in {} ({} block files{})", d.output, d.blockFiles.size(),
               d.measuredFiles.empty() ? "" : " and " + config.measured);
  ensureDataset(d);
  return d.output;
}

std::vector<std::string> cells(const std::string &a, double speed, const nlohmann::json &vsMca,
                               const nlohmann::json &vsMeasured) {
  return {a, fmt::format("{:.0f}", speed), vsMca.is_null() ? "-" : percent(vsMca.at("mape").get<double>()),
          percent(vsMeasured.at("mape").get<double>()), fmt::format("{:.3f}", vsMeasured.at("kendall_tau").get<double>())};
}

} // namespace

nlohmann::json runCompile(const CompileJob &jobIn) {
  auto start = Clock::now();
  PatternConfig config = startRun(jobIn.runDir, jobIn.config, jobIn.resume);
  const std::string &runDir = jobIn.runDir;

  std::string datasetDir = ensureDefaultDataset(config, runDir);
  model::TrainJob trainJob = trainJobFor(config, runDir);
  trainJob.data.dataset = datasetDir;
  nlohmann::json training = ensureTrained(trainJob);

  std::size_t limit = config.pattern.value("deploy_blocks", std::size_t{0});
  std::vector<block::BasicBlock> heldOut = heldOutMeasuredBlocks(datasetDir, limit);
  spdlog::info("deployment: llvm-mca and the surrogate on {} held-out measured blocks", heldOut.size());
  DeploymentComparison comparison = compareWithLlvmMca(runDir, config.cpu, heldOut, config.threads);
  writeComparisonCsv((fs::path(runDir) / "deploy_predictions.csv").string(), comparison);

  // Figures.
  fs::create_directories(fs::path(runDir) / "figures");
  plotAgainstMeasured((fs::path(runDir) / "figures" / "predicted_vs_measured.png").string(),
                      "Held-out blocks: prediction vs measured (" + config.cpu + ")", "surrogate", comparison);
  Series curve{"validation MAPE vs llvm-mca", {}, {}};
  for (const auto &line : training.value("history", nlohmann::json::array())) {
    curve.x.push_back(line.at("epoch").get<double>());
    curve.y.push_back(line.at("validation_mape").get<double>());
  }
  if (curve.x.empty()) {
    std::ifstream in(fs::path(runDir) / "metrics.jsonl");
    for (std::string line; std::getline(in, line);) {
      auto j = nlohmann::json::parse(line);
      curve.x.push_back(j.at("epoch").get<double>());
      curve.y.push_back(j.at("validation_mape").get<double>());
    }
  }
  linePlot((fs::path(runDir) / "figures" / "learning_curve.png").string(),
           {"Training: validation error against llvm-mca", "epoch", "MAPE (fraction)", false, false, false}, {curve});

  // What is deployed: the model files `predict` loads.
  std::vector<std::string> deployed;
  for (const char *f : {"config.json", "vocab.txt", "best.pt"}) deployed.push_back((fs::path(runDir) / f).string());
  std::ifstream modelConfigIn(fs::path(runDir) / "config.json");
  nlohmann::json modelConfig = nlohmann::json::parse(modelConfigIn);

  const nlohmann::json &s = comparison.summary;
  double mcaError = s["llvm_mca_vs_measured"]["mape"], surrogateError = s["surrogate_vs_measured"]["mape"];
  double speedup = s["surrogate_speedup_1_thread"];
  nlohmann::json report = {
      {"pattern", "compile"},
      {"run_dir", runDir},
      {"cpu", config.cpu},
      {"config", config.toJson()},
      {"deployment", s},
      {"reference", compileReference()},
      {"targets",
       {{"speedup_at_least", 3.0},
        {"max_error_points_above_llvm_mca", 2.0},
        {"speedup_met", speedup >= 3.0},
        {"error_met", surrogateError <= mcaError + 0.02}}},
      {"design",
       {{"architecture", "Ithemal hierarchical LSTM: token embedding, LSTM over each instruction's tokens, LSTM over "
                         "the block's instruction vectors, linear head on the normalised log throughput"},
        {"model", modelConfig.at("model")},
        {"parameters", modelParameterCount(runDir)},
        {"capacity_chosen_by", "the config's model section (configs/compile.*.json); this run trained that one size "
                               "and did not search over sizes"}}},
      {"training",
       {{"data", {{"dataset", datasetDir}, {"train_examples", training.value("train_examples", 0)},
                  {"validation_examples", training.value("validation_examples", 0)},
                  {"test_examples", training.value("test_examples", 0)}}},
        {"target", "llvm-mca Total Cycles for 100 iterations at the CPU's default parameters"},
        {"loss", modelConfig.at("training").at("loss")},
        {"train_examples_per_second", training.value("train_examples_per_second", 0.0)}}},
      {"deployment_facts",
       {{"machine", machineInfo()},
        {"threads", config.threads},
        {"deployed_files", {"config.json", "vocab.txt", "best.pt"}},
        {"deployed_bytes", sizeOnDisk(deployed)}}},
      {"wall_seconds", std::chrono::duration<double>(Clock::now() - start).count()}};
  report["training"].update(trainingFacts(training));
  support::writeFileAtomically((fs::path(runDir) / "compile_report.json").string(), report.dump(2) + "\n");

  MarkdownReport md;
  md.heading(1, "Surrogate compilation: " + config.cpu);
  md.paragraph(fmt::format("Held-out blocks with measured timings: {} (test split of the dataset). Speeds measured in "
                           "this run, on this machine, on the same blocks.",
                           s["compared_blocks"].get<std::size_t>()));
  std::vector<std::vector<std::string>> rows;
  const auto &one = s["speed"][0];
  rows.push_back(cells("llvm-mca (in-process, 1 thread)", one["llvm_mca_blocks_per_second"], nullptr,
                       s["llvm_mca_vs_measured"]));
  rows.push_back(cells("surrogate (1 thread)", one["surrogate_blocks_per_second"], s["surrogate_vs_llvm_mca"],
                       s["surrogate_vs_measured"]));
  md.table({"", "blocks/s", "error vs llvm-mca", "error vs measured", "Kendall tau vs measured"}, rows);
  for (const auto &row : s["speed"])
    md.bullet(fmt::format("{} thread(s): llvm-mca {:.0f} blocks/s, surrogate {:.0f} blocks/s: {:.2f}x",
                          row["threads"].get<unsigned>(), row["llvm_mca_blocks_per_second"].get<double>(),
                          row["surrogate_blocks_per_second"].get<double>(), row["surrogate_speedup"].get<double>()));
  md.bullet(fmt::format("Published reference: llvm-mca 1742 blocks/s at 25.0% error, surrogate 2820 blocks/s at 27.1%."));
  md.bullet(fmt::format("Targets: speed-up at least 3x ({}), error no more than 2 points above llvm-mca's ({}).",
                        speedup >= 3 ? "met" : "not met", surrogateError <= mcaError + 0.02 ? "met" : "not met"));
  md.paragraph("");
  md.image("prediction vs measured", "figures/predicted_vs_measured.png");
  md.image("learning curve", "figures/learning_curve.png");
  const auto &design = report["design"];
  const auto &train = report["training"];
  md.heading(2, "Design");
  md.paragraph(fmt::format("{}. Embedding {}, hidden {}, {} layer(s): {} trainable parameters. Capacity: {}.",
                           design["architecture"].get<std::string>(), design["model"]["embedding"].dump(),
                           design["model"]["hidden"].dump(), design["model"]["layers"].dump(),
                           design["parameters"].get<std::int64_t>(), design["capacity_chosen_by"].get<std::string>()));
  md.heading(2, "Training");
  md.paragraph(fmt::format("Data: {} training, {} validation, {} test examples of {}. Loss: {}. {} epochs in {:.0f} s "
                           "({:.0f} examples/s); best epoch {}; stopped because {}.",
                           train["data"]["train_examples"].dump(), train["data"]["validation_examples"].dump(),
                           train["data"]["test_examples"].dump(), train["target"].get<std::string>(),
                           train["loss"].get<std::string>(), train["epochs"].dump(),
                           train["wall_seconds"].get<double>(), train["train_examples_per_second"].get<double>(),
                           train["best_epoch"].dump(), train["stopped_because"].get<std::string>()));
  md.heading(2, "Deployment");
  const auto &facts = report["deployment_facts"];
  md.paragraph(fmt::format("Ran on {} ({} logical cores, {} GiB), {} thread(s) for the all-threads figures. Deployed: "
                           "config.json, vocab.txt, best.pt: {:.2f} MB on disk; `surrogate predict --model {}` loads it.",
                           facts["machine"]["cpu_model"].get<std::string>(),
                           facts["machine"]["logical_cores"].get<unsigned>(), facts["machine"]["memory_gib"].dump(),
                           config.threads, facts["deployed_bytes"].get<double>() / 1e6, runDir));
  support::writeFileAtomically((fs::path(runDir) / "compile_report.md").string(), md.str());
  spdlog::info("surrogate {:.2f}x llvm-mca's speed (1 thread); error vs measured: surrogate {}, llvm-mca {}; report in {}",
               speedup, percent(surrogateError), percent(mcaError), (fs::path(runDir) / "compile_report.md").string());
  return report;
}

} // namespace surrogate::patterns
