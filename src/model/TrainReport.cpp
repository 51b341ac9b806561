// TrainReport: metrics.jsonl lines and the final report of a training run.

#include "surrogate/model/TrainReport.h"

#include <algorithm>
#include <chrono>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "surrogate/support/AtomicFile.h"
#include "surrogate/support/Seconds.h"

namespace surrogate::model {

using support::Clock;
using support::secondsSince;

ErrorSummary scoreExamples(const std::vector<TrainingExample> &examples, const Indices &indices,
                           const std::vector<double> &predicted) {
  std::vector<double> truth;
  truth.reserve(indices.size());
  for (std::size_t i : indices)
    truth.push_back(examples[i].cycles);
  return summarize(predicted, truth);
}

void writeLines(const std::string &path, const nlohmann::json &lines) {
  std::string text;
  for (const auto &line : lines)
    text += line.dump() + "\n";
  support::writeFileAtomically(path, text);
}

namespace {

void writePredictions(const std::string &path, const std::vector<TrainingExample> &examples, const Indices &indices,
                      const std::vector<double> &predicted) {
  bool measured = std::any_of(indices.begin(), indices.end(), [&](std::size_t i) { return examples[i].measured; });
  support::AtomicFile file(path);
  std::ostream &out = file.stream();
  out << (measured ? "hex,predicted,cycles,measured\n" : "hex,predicted,cycles\n");
  for (std::size_t k = 0; k < indices.size(); ++k) {
    const TrainingExample &e = examples[indices[k]];
    out << e.hex << ',' << fmt::format("{:.4f}", predicted[k]) << ',' << fmt::format("{}", e.cycles);
    if (measured)
      out << ',' << (e.measured ? fmt::format("{}", *e.measured) : std::string());
    out << '\n';
  }
  file.commit();
}

} // namespace

nlohmann::json epochLine(std::size_t epoch, const EpochStats &stats, const ErrorSummary &validation,
                         const TrainState &state, double validationRate, double epochSeconds,
                         const DataParallelGroup &group) {
  nlohmann::json line = {{"epoch", epoch},
                         {"train_loss", stats.meanLoss},
                         {"validation_mape", validation.mape},
                         {"validation_median_ape", validation.medianApe},
                         {"validation_kendall_tau", validation.kendallTau},
                         {"learning_rate", state.learningRate},
                         {"train_examples_per_second", stats.seen / stats.trainSeconds},
                         {"train_cpu_utilization", stats.trainCpuSeconds / stats.trainSeconds},
                         {"validation_examples_per_second", validationRate},
                         {"epoch_seconds", epochSeconds},
                         {"wall_seconds", state.wallSeconds}};
  if (group.distributed()) {
    // For the scaling figures: time inside collectives against the rest.
    line["world_size"] = group.size();
    line["steps"] = stats.steps;
    line["communication_seconds"] = stats.communicationSeconds;
  }
  return line;
}

nlohmann::json scoreSplits(Replicas &replicas, DataParallelGroup &group, const PreparedRun &p, const Splits &splits,
                           const TrainState &state, const RunDir &run, const torch::Device &device) {
  const TrainingOptions &opt = p.job.training;
  const std::vector<TrainingExample> &examples = p.loaded.examples;
  nlohmann::json report = {{"run_dir", p.job.runDir},
                           {"epochs", state.epoch},
                           {"best_epoch", state.bestEpoch},
                           {"best_validation_mape", state.bestMape},
                           {"early_stopped", state.stopped},
                           {"train_examples", splits.train.size()},
                           {"validation_examples", splits.validation.size()},
                           {"test_examples", splits.test.size()},
                           {"skipped_rows", p.loaded.skipped},
                           {"vocabulary_size", p.vocab.size()},
                           {"threads", opt.threads},
                           {"training_wall_seconds", state.wallSeconds}};
  double rateSum = 0;
  for (const auto &line : state.history)
    rateSum += line.at("train_examples_per_second").get<double>();
  report["train_examples_per_second"] = state.history.empty() ? 0.0 : rateSum / state.history.size();
  if (group.distributed())
    report["world_size"] = group.size();
  if (!opt.excludeBlocks.empty())
    report["excluded_blocks"] = splits.exclusionJson(opt);
  if (!splits.test.empty()) {
    auto testStart = Clock::now();
    std::vector<double> predicted = predictAll(replicas, group, examples, splits.test, opt.evalBatchSize, device);
    report["test_inference_examples_per_second"] = splits.test.size() / secondsSince(testStart);
    ErrorSummary test = scoreExamples(examples, splits.test, predicted);
    report["test"] = toJson(test);
    if (group.isWriter())
      writePredictions(run.file("test_predictions.csv"), examples, splits.test, predicted);
    spdlog::info("test ({} blocks): MAPE {:.2f}%, median APE {:.2f}%, Kendall tau {:.3f}", test.count, 100 * test.mape,
                 100 * test.medianApe, test.kendallTau);
  }
  if (p.sampled) {
    report["conditioned_on_parameters"] = p.conditioned;
    report["held_out_tables"] = splits.heldOutTables;
    if (!splits.testUnseenTables.empty()) {
      ErrorSummary unseen =
          scoreExamples(examples, splits.testUnseenTables,
                predictAll(replicas, group, examples, splits.testUnseenTables, opt.evalBatchSize, device));
      report["test_unseen_tables"] = toJson(unseen);
      spdlog::info("test under held-out parameter tables ({} examples): MAPE {:.2f}%, Kendall tau {:.3f}", unseen.count,
                   100 * unseen.mape, unseen.kendallTau);
    }
  }
  return report;
}

} // namespace surrogate::model
