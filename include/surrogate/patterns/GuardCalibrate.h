#pragma once
// `surrogate guard calibrate` (docs/uncertainty.md): measures, on validation
// blocks, how far a surrogate is from its reference (llvm-mca, or the
// measured timings for an adapted model), which uncertainty signal or
// combination of them ranks those errors best (the AUROC for "more than 20%
// off", chosen across two halves of the blocks), fits the uncertainty as a
// logistic model of the chosen signals, and stores it with the risk-coverage
// curve and the threshold that meets a target MAPE (guard.json beside the
// model), with a report (guard_report.md) and its figure.

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace surrogate::patterns {

struct GuardCalibrateConfig {
  std::string model;                  ///< a run directory or a model file
  std::vector<std::string> inputs;    ///< blocks (BHive CSV or assembly); measured ones for reference measured
  std::string reference = "llvm-mca";  ///< llvm-mca or measured
  std::string split = "validation";   ///< validation (by block hash) or all
  std::vector<std::string> members;   ///< ensemble members: model files or run directories
  std::string cpu;                    ///< the bounds' and llvm-mca's CPU ("": the model's bounds_cpu)
  std::string params;                 ///< llvm-mca's table for the reference and the fallback ("": LLVM's)
  double targetMape = 5;              ///< percent: the stored threshold's target
  unsigned threads = 2;
  std::string output;                 ///< the calibration file ("": guard.json beside the model)
};

/// Writes the calibration, its report and figure; returns the report's JSON.
nlohmann::json runGuardCalibration(const GuardCalibrateConfig &config);

} // namespace surrogate::patterns
