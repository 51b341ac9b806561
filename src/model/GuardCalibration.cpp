// GuardCalibration: the stored uncertainty model and risk-coverage curve of a guarded surrogate.
#include "surrogate/model/GuardCalibration.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <limits>

#include <fmt/format.h>

#include "surrogate/model/ModelFile.h"
#include "surrogate/support/AtomicFile.h"
#include "surrogate/support/ConfigReader.h"
#include "surrogate/support/Errors.h"

namespace surrogate::model {

namespace fs = std::filesystem;

double GuardCalibration::uncertainty(const GuardSignals &values) const {
  double z = bias;
  for (std::size_t i = 0; i < signals.size(); ++i) {
    auto at = std::find(kGuardSignals.begin(), kGuardSignals.end(), signals[i]) - kGuardSignals.begin();
    z += weights[i] * (values[at] - mean[i]) / scale[i];
  }
  return 1 / (1 + std::exp(-z));
}

double GuardCalibration::thresholdFor(double target) const {
  double best = std::numeric_limits<double>::infinity(), threshold = -1;
  for (const CoveragePoint &p : curve) {
    best = std::min(best, p.guardedMape);
    if (p.guardedMape <= target)
      threshold = p.coverage >= 1 ? 1.0 : p.threshold;  // the curve runs from low coverage to all blocks
  }
  if (threshold < 0)
    throw support::ConfigError(fmt::format("--guard-target-mape {:g}: no threshold met it on the calibration's "
                                           "validation blocks (the lowest MAPE there was {:.2f}%)",
                                           100 * target, 100 * best));
  return threshold;
}

double GuardCalibration::thresholdOf(std::optional<double> given, std::optional<double> targetPercent) const {
  if (given)
    return *given;
  return targetPercent ? thresholdFor(*targetPercent / 100) : threshold;
}

void GuardCalibration::save(const std::string &file) const {
  nlohmann::ordered_json j = {{"format", "surrogate guard"},
                              {"version", 1},
                              {"cpu", cpu},
                              {"members", members},
                              {"reference", reference},
                              {"answer", answer},
                              {"params", params},
                              {"uncertainty",
                               {{"of", "P(APE > 20%), a logistic model of the signals"},
                                {"signals", signals},
                                {"mean", mean},
                                {"scale", scale},
                                {"weights", weights},
                                {"bias", bias}}},
                              {"target_mape", targetMape},
                              {"threshold", threshold},
                              {"risk_coverage", toJson(curve)},
                              {"report", report}};
  support::writeFileAtomically(file, j.dump(2) + "\n");
}

namespace {

std::vector<double> numbers(support::ConfigReader &r, const std::string &key, std::size_t count) {
  const nlohmann::json *value = r.raw(key);
  if (!value || !value->is_array() || value->size() != count)
    throw r.error(key, fmt::format("expected {} numbers, one per signal", count));
  std::vector<double> out;
  for (const nlohmann::json &v : *value) {
    if (!v.is_number())
      throw r.error(key, "expected numbers");
    out.push_back(v.get<double>());
  }
  return out;
}

std::vector<CoveragePoint> curveOf(support::ConfigReader &r) {
  const nlohmann::json *value = r.raw("risk_coverage");
  std::vector<CoveragePoint> curve;
  if (!value || !value->is_array() || value->empty())
    throw r.error("risk_coverage", "expected the validation blocks' risk-coverage curve");
  try {
    for (const nlohmann::json &p : *value)
      curve.push_back({p.at("coverage").get<double>(), p.at("threshold").is_null() ? 0 : p.at("threshold").get<double>(),
                       p.at("surrogate_mape").get<double>(), p.at("guarded_mape").get<double>()});
  } catch (const nlohmann::json::exception &e) {
    throw r.error("risk_coverage", e.what());
  }
  return curve;
}

} // namespace

GuardCalibration GuardCalibration::load(const std::string &file) {
  nlohmann::json j = support::readJsonFile(file);
  if (!j.is_object())
    throw support::InputError(file, 0, "a guard calibration is a JSON object");
  GuardCalibration g;
  support::ConfigReader r(j, file, "");
  std::string format, reference;
  r.read("format", format, {"surrogate guard"});
  int version = 1;
  r.read("version", version, 1, 1);
  r.read("cpu", g.cpu);
  r.read("members", g.members);
  r.read("reference", g.reference, {"llvm-mca", "measured"});
  r.read("answer", g.answer, {"model", "ensemble-mean"});
  r.read("params", g.params);
  r.read("target_mape", g.targetMape, 0.0, 100.0);
  r.read("threshold", g.threshold, 0.0, 1.0);
  support::ConfigReader u = r.section("uncertainty");
  u.allow({"of"});
  u.read("signals", g.signals);
  for (const std::string &s : g.signals)
    if (std::find(kGuardSignals.begin(), kGuardSignals.end(), s) == kGuardSignals.end())
      throw u.error("signals", "unknown signal '" + s + "'");
  g.mean = numbers(u, "mean", g.signals.size());
  g.scale = numbers(u, "scale", g.signals.size());
  g.weights = numbers(u, "weights", g.signals.size());
  u.read("bias", g.bias, -1e9, 1e9);
  u.finish();
  g.curve = curveOf(r);
  if (const nlohmann::json *report = r.raw("report"))
    g.report = *report;
  r.finish();
  if (g.cpu.empty())
    throw r.error("cpu", "the CPU of the scheduling bounds is missing");
  return g;
}

std::string guardFileOf(const std::string &model) {
  return (fs::path(modelDirOf(model)) / GuardCalibration::kFileName).string();
}

GuardCalibration guardOf(const std::string &model) {
  std::string file = guardFileOf(model);
  if (!fs::exists(file))
    throw support::ConfigError("--guard: " + model + " has no guard calibration (" + file +
                               "): `surrogate guard calibrate --model " + model + " ...` writes one");
  return GuardCalibration::load(file);
}

} // namespace surrogate::model
