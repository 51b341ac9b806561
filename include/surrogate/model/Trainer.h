#pragma once
// `surrogate train`: trains an IthemalModel on a dataset or CSVs and keeps
// everything in a run directory:
//
//   config.json      the resolved config (model, training, data)
//   vocab.txt        the vocabulary (one token per line, line = id)
//   latest.pt        checkpoint after the last finished epoch (written atomically)
//   best.pt          checkpoint with the best validation MAPE so far
//   metrics.jsonl    one line per epoch: train loss, validation MAPE, tau, examples/s, wall time
//   report.json      final: test-split scores of best.pt, throughput, epochs
//   test_predictions.csv  hex,predicted,cycles[,measured] on the test split
//
// A run stopped at any point continues with `resume`: the per-epoch batch
// order is a function of (seed, epoch), and the checkpoint holds the model,
// optimizer and schedule state, so the resumed run ends with the same files
// as an uninterrupted one (bar timings).

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "surrogate/model/TrainJob.h"

namespace surrogate::model {

class StepHandover;

/// Trains; returns the final report (also written to runDir/report.json),
/// or the state so far when stopped by stopAfterEpochs. Rank 0 of a pattern
/// under torchrun gives its `handover`, which first hands the job to the other ranks.
nlohmann::json runTraining(const TrainJob &job, StepHandover *handover = nullptr);

/// A job as JSON and back, to hand a training step to another rank.
nlohmann::json trainJobToJson(const TrainJob &job);
TrainJob trainJobFromJson(const nlohmann::json &j);

/// A rank other than 0 of a pattern command under torchrun: trains each step
/// rank 0 hands over, with it, until rank 0 has no more.
void followTrainingSteps();

} // namespace surrogate::model
