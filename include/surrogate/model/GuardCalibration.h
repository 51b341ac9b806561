#pragma once
// What `predict --guard` needs to know how sure a surrogate is of a block
// (docs/uncertainty.md), as `guard calibrate` measured it on validation
// blocks and stored it beside the model (guard.json): the signals of each
// block (GuardSignals), a logistic model that turns them into the
// probability that the surrogate is more than 20% off (the uncertainty),
// the risk-coverage curve that maps a target MAPE to a threshold, and the
// CPU, ensemble members and llvm-mca table the signals and the fallback use.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "surrogate/model/SelectiveMetrics.h"

namespace surrogate::model {

/// A block's uncertainty signals, in the order of kGuardSignals.
using GuardSignals = std::array<double, 5>;
/// |log(prediction) - log(largest scheduling bound)|; the standard deviation
/// of the log predictions of the model and its ensemble members (0 without
/// members); log(instructions); the fraction of tokens the vocabulary lacks;
/// the log of the learnt standard deviation of log(cycles), the root mean
/// square over the model and members with a variance head (0 when none has
/// one; the log, as its tail is long and the logistic model is linear).
inline const std::array<const char *, 5> kGuardSignals = {"bound_gap", "ensemble_spread", "log_instructions",
                                                          "unknown_tokens", "learnt_sigma"};

struct GuardCalibration {
  static constexpr const char *kFileName = "guard.json";
  static constexpr double kEventApe = 0.2;  ///< the uncertainty is P(APE > 20%)

  std::string cpu;                   ///< the scheduling model of the bound_gap signal
  std::vector<std::string> members;  ///< ensemble members' model files, relative to the calibration's directory
  std::string reference = "llvm-mca";  ///< what the errors were measured against: llvm-mca or measured
  /// The surrogate's answer: the model's ("model") or, with members, the
  /// geometric mean of all their predictions ("ensemble-mean"), whichever
  /// was closer to the reference on validation.
  std::string answer = "model";
  std::string params;                ///< llvm-mca's table for the fallback at calibration ("": LLVM's)
  std::vector<std::string> signals;  ///< the chosen signals (names of kGuardSignals)
  std::vector<double> mean, scale, weights;
  double bias = 0;
  double targetMape = 0, threshold = 1;  ///< the default threshold and the target it met on validation
  std::vector<CoveragePoint> curve;      ///< on the validation blocks
  nlohmann::json report = nlohmann::json::object();  ///< validation figures, candidates: for people

  /// The probability that the surrogate is more than 20% off.
  double uncertainty(const GuardSignals &signals) const;
  /// The threshold at which the guarded whole met `targetMape` on
  /// validation, the surrogate answering the most blocks; a ConfigError
  /// naming the target and the lowest MAPE reached when none does.
  double thresholdFor(double targetMape) const;
  /// The threshold to guard at: `given`, else that of `targetPercent` (a
  /// MAPE in percent), else the stored one.
  double thresholdOf(std::optional<double> given, std::optional<double> targetPercent) const;

  void save(const std::string &file) const;
  /// Errors name the file and the key.
  static GuardCalibration load(const std::string &file);
};

/// The calibration file beside `model` (a run directory or a model file).
std::string guardFileOf(const std::string &model);
/// That file, loaded; a ConfigError naming the model when it has none (`--guard` needs one).
GuardCalibration guardOf(const std::string &model);

} // namespace surrogate::model
