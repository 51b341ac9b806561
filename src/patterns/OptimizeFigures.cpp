// OptimizeReport's figures: the test error of each table, the tuning curve and the search curve.
#include "surrogate/patterns/OptimizeReport.h"

#include <algorithm>
#include <filesystem>

#include "surrogate/patterns/Plot.h"

namespace surrogate::patterns {

namespace fs = std::filesystem;

// Best llvm-mca validation error so far against simulations spent: the
// surrogate side pays for its dataset and anchor first, then one validation
// run per checkpoint; each black-box search pays per evaluation.
void OptimizeReport::drawSearchCurve(const std::string &png) const {
  std::vector<Series> series;
  auto step = [](Series &s, double x, double y) {
    if (!s.y.empty()) {
      y = std::min(y, s.y.back());
      s.x.push_back(x);
      s.y.push_back(s.y.back());
    }
    s.x.push_back(x);
    s.y.push_back(y);
  };
  Series surrogateSide{"tuned through the surrogate", {}, {}};
  double spent = static_cast<double>(dataset.simulations + tuning.anchorSimulations);
  double perCheckpoint = tuning.tuning.checkpoints.empty()
                             ? 0
                             : static_cast<double>(tuning.choice.simulations) /
                                   static_cast<double>(tuning.tuning.checkpoints.size());
  for (const auto &p : tuning.tuning.curve) {
    if (!p.contains("llvm_mca_validation_mape")) continue;
    spent += perCheckpoint;
    step(surrogateSide, spent, p["llvm_mca_validation_mape"].get<double>());
  }
  if (tuning.pruning) {
    spent += static_cast<double>(tuning.pruning->simulations);
    step(surrogateSide, spent, tuning.pruning->mape);
  }
  for (const RoundResult &r : refinement.rounds) {
    spent += static_cast<double>(r.datasetSimulations + r.anchorSimulations);
    for (const auto &p : r.curve) {
      spent += static_cast<double>(r.choiceSimulations) / static_cast<double>(r.curve.size());
      step(surrogateSide, spent, p["llvm_mca_validation_mape"].get<double>());
    }
  }
  if (polish.result) {
    spent += static_cast<double>(polish.result->simulations);
    step(surrogateSide, spent, polish.result->validationMape);
  }
  series.push_back(surrogateSide);
  for (std::size_t m = 0; m < blackbox.searches.size(); ++m) {
    Series s{"black-box " + blackbox.searches[m].method, {}, {}};
    for (const auto &p : blackbox.validationCurves[m])
      step(s, p["simulations"].get<double>(), p["validation_mape"].get<double>());
    if (!s.y.empty()) step(s, static_cast<double>(blackbox.budget), s.y.back());
    series.push_back(s);
  }
  linePlot(png,
           {"Best table so far: llvm-mca error on the validation blocks", "llvm-mca simulations spent",
            "MAPE vs measured", true, false, false},
           series);
}

void OptimizeReport::drawFigures() const {
  const OptimizeReport &r = *this;
  fs::path runDir(r.runDir);
  fs::create_directories(runDir / "figures");
  std::vector<std::pair<std::string, double>> bars = {{"default table", r.defaultError()},
                                                       {"tuned (DiffTune)", r.tunedError()}};
  for (const BlackBoxResult &b : r.blackbox.searches)
    bars.push_back({"black-box " + b.method, r.evaluation.test.summary["blackbox_methods"][b.method]["mape"]});
  barPlot((runDir / "figures" / "test_error.png").string(),
          {"llvm-mca test error against measured timings (" + r.config.cpu + ")", "", "MAPE (fraction)", false, false,
           false},
          bars);
  drawSearchCurve((runDir / "figures" / "search_curve.png").string());
  Series curve{"surrogate, train blocks", {}, {}}, validationCurve{"surrogate, validation blocks", {}, {}},
      mcaCurve{"real llvm-mca, validation blocks", {}, {}};
  for (const auto &p : r.tuning.tuning.curve) {
    curve.x.push_back(p["step"].get<double>());
    curve.y.push_back(p["surrogate_train_mape"].get<double>());
    validationCurve.x.push_back(p["step"].get<double>());
    validationCurve.y.push_back(p["surrogate_validation_mape"].get<double>());
    mcaCurve.x.push_back(p["step"].get<double>());
    mcaCurve.y.push_back(p["llvm_mca_validation_mape"].get<double>());
  }
  linePlot((runDir / "figures" / "tuning_curve.png").string(),
           {"Tuning the table through the surrogate", "Adam step", "MAPE vs measured", false, false, false},
           {curve, validationCurve, mcaCurve});
}

} // namespace surrogate::patterns
