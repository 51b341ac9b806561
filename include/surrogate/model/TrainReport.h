#pragma once
// What a training run writes of itself: one metrics.jsonl line per epoch,
// and at the end report.json's scores of the best checkpoint on the test
// split (and, with parameter tables, under the tables held out of training)
// with test_predictions.csv.

#include <cstddef>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "surrogate/model/DataParallel.h"
#include "surrogate/model/ExampleSplits.h"
#include "surrogate/model/Metrics.h"
#include "surrogate/model/Replicas.h"
#include "surrogate/model/RunDir.h"
#include "surrogate/model/RunPreparation.h"
#include "surrogate/model/TrainState.h"

namespace surrogate::model {

/// One epoch's training figures.
struct EpochStats {
  double meanLoss = 0;
  std::size_t seen = 0, steps = 0;
  double communicationSeconds = 0;  ///< of the steps, inside the all-reduce
  double trainSeconds = 0, trainCpuSeconds = 0;
};


/// One line of metrics.jsonl.
nlohmann::json epochLine(std::size_t epoch, const EpochStats &stats, const ErrorSummary &validation,
                         const TrainState &state, double validationRate, double epochSeconds,
                         const DataParallelGroup &group);

/// The predictions of `indices` scored against the examples' cycles.
ErrorSummary scoreExamples(const std::vector<TrainingExample> &examples, const Indices &indices,
                           const std::vector<double> &predicted);

/// JSON lines (metrics.jsonl), written atomically.
void writeLines(const std::string &path, const nlohmann::json &lines);

/// The final report: the run's figures and the best checkpoint (loaded in
/// `replicas`) scored on the test split; writes test_predictions.csv.
nlohmann::json scoreSplits(Replicas &replicas, DataParallelGroup &group, const PreparedRun &p, const Splits &splits,
                           const TrainState &state, const RunDir &run, const torch::Device &device);

} // namespace surrogate::model
