// runGuardCalibration: the guard's uncertainty chosen, fitted and thresholded on validation blocks.
#include "surrogate/patterns/GuardCalibrate.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <numeric>

#include <fmt/format.h>
#include <nlopt.h>
#include <spdlog/spdlog.h>

#include "surrogate/block/BlockPipeline.h"
#include "surrogate/block/BlockReader.h"
#include "surrogate/data/BlockHash.h"
#include "surrogate/mca/BatchRunner.h"
#include "surrogate/mca/TunedSubtarget.h"
#include "surrogate/model/GuardedPredictor.h"
#include "surrogate/model/ConditionedGuard.h"
#include "surrogate/model/LeanPredictor.h"
#include "surrogate/patterns/Plot.h"
#include "surrogate/support/AtomicFile.h"
#include "surrogate/support/Errors.h"

namespace fs = std::filesystem;

namespace surrogate::patterns {

namespace {

// The blocks the errors are measured on, with the reference's cycles and llvm-mca's (the fallback).
struct CalibrationBlocks {
  std::vector<block::BasicBlock> blocks;
  std::vector<double> reference, llvmMca;
};

CalibrationBlocks readBlocks(const GuardCalibrateConfig &config, const llvm::MCSubtargetInfo &subtarget) {
  CalibrationBlocks c;
  block::BlockReader reader(config.inputs);
  block::forEachBlock(reader, [&](block::BasicBlock &b) {
    if (config.split == "validation" && data::splitOfHex(b.hex) != data::Split::Validation)
      return true;
    if (config.reference == "measured" && !b.measured)
      throw support::InputError(b.where.str() + ": reference measured needs a throughput on every block");
    c.blocks.push_back(std::move(b));
    return true;
  });
  c.llvmMca = mca::simulateCycles(subtarget, c.blocks, config.threads);
  for (std::size_t i = 0; i < c.blocks.size(); ++i)
    c.reference.push_back(config.reference == "measured" ? *c.blocks[i].measured : c.llvmMca[i]);
  spdlog::info("guard calibrate: {} {} blocks", c.blocks.size(), config.split);
  return c;
}

// What the fit and the choice see of each block the surrogate and llvm-mca both answered.
struct Observations {
  std::vector<model::GuardSignals> signals;
  std::vector<double> surrogateApe, fallbackApe;
  std::vector<bool> wrong;  ///< APE above GuardCalibration::kEventApe
  std::vector<int> fold;    ///< 0 or 1, by block hash
  std::vector<std::string> input;  ///< the file each block came from
};

Observations observe(const CalibrationBlocks &c, const std::vector<model::GuardedOutcome> &outcomes,
                     bool fallbackIsReference) {
  Observations o;
  for (std::size_t i = 0; i < c.blocks.size(); ++i) {
    if (!outcomes[i].outcome.cycles || std::isnan(c.llvmMca[i]) || !(c.reference[i] > 0))
      continue;
    double ape = std::abs(*outcomes[i].outcome.cycles - c.reference[i]) / c.reference[i];
    o.signals.push_back(outcomes[i].signals);
    o.surrogateApe.push_back(ape);
    o.fallbackApe.push_back(fallbackIsReference ? 0 : std::abs(c.llvmMca[i] - c.reference[i]) / c.reference[i]);
    o.wrong.push_back(ape > model::GuardCalibration::kEventApe);
    o.fold.push_back(static_cast<int>(data::mix64(data::fnv1a64(c.blocks[i].hex.data(), c.blocks[i].hex.size())) & 1));
    o.input.push_back(c.blocks[i].where.file);
  }
  return o;
}

// The model's own answer, or the ensemble's geometric mean when it is closer to the reference.
std::string chooseAnswer(const CalibrationBlocks &c, const std::vector<model::GuardedOutcome> &outcomes,
                         bool members) {
  if (!members)
    return "model";
  double model = 0, ensemble = 0;
  for (std::size_t i = 0; i < outcomes.size(); ++i)
    if (outcomes[i].outcome.cycles && c.reference[i] > 0) {
      model += std::abs(outcomes[i].modelCycles - c.reference[i]) / c.reference[i];
      ensemble += std::abs(outcomes[i].ensembleCycles - c.reference[i]) / c.reference[i];
    }
  spdlog::info("guard calibrate: the model's MAPE {:.2f}%, the ensemble mean's {:.2f}%",
               100 * model / static_cast<double>(outcomes.size()), 100 * ensemble / static_cast<double>(outcomes.size()));
  return ensemble < model ? "ensemble-mean" : "model";
}

// A logistic model of some signals: standardised, then fitted by L-BFGS on the mean log-loss.
struct Logistic {
  std::vector<std::size_t> features;
  std::vector<double> mean, scale, weights;
  double bias = 0;

  double z(const model::GuardSignals &s) const {
    double v = bias;
    for (std::size_t k = 0; k < features.size(); ++k)
      v += weights[k] * (s[features[k]] - mean[k]) / scale[k];
    return v;
  }
  double probability(const model::GuardSignals &s) const { return 1 / (1 + std::exp(-z(s))); }
};

struct FitData {
  const Observations *o;
  const std::vector<std::size_t> *rows;
  Logistic *model;
};

// Coverages 1%, 2%, ..., 100%: the points of every risk-coverage curve here.
std::vector<double> percentCoverages() {
  std::vector<double> coverages;
  for (int c = 1; c <= 100; ++c)
    coverages.push_back(c / 100.0);
  return coverages;
}

double logLoss(unsigned n, const double *x, double *grad, void *data) {
  auto *d = static_cast<FitData *>(data);
  Logistic &m = *d->model;
  std::copy(x, x + n - 1, m.weights.begin());
  m.bias = x[n - 1];
  double loss = 0;
  if (grad)
    std::fill(grad, grad + n, 0.0);
  for (std::size_t r : *d->rows) {
    double z = m.z(d->o->signals[r]), p = 1 / (1 + std::exp(-z)), y = d->o->wrong[r] ? 1 : 0;
    loss += std::log1p(std::exp(-std::abs(z))) + std::max(z, 0.0) - y * z;  // stable -log likelihood
    if (!grad)
      continue;
    for (std::size_t k = 0; k + 1 < n; ++k)
      grad[k] += (p - y) * (d->o->signals[r][m.features[k]] - m.mean[k]) / m.scale[k];
    grad[n - 1] += p - y;
  }
  double count = static_cast<double>(d->rows->size());
  for (unsigned k = 0; k < n; ++k) {
    if (grad)
      grad[k] = grad[k] / count + (k + 1 < n ? 1e-3 * x[k] : 0);
    loss += k + 1 < n ? 0.5e-3 * x[k] * x[k] * count : 0;
  }
  return loss / count;
}

Logistic fit(const Observations &o, const std::vector<std::size_t> &rows, const std::vector<std::size_t> &features) {
  Logistic m;
  m.features = features;
  for (std::size_t f : features) {
    double sum = 0, squares = 0;
    for (std::size_t r : rows) {
      sum += o.signals[r][f];
      squares += o.signals[r][f] * o.signals[r][f];
    }
    double n = static_cast<double>(rows.size()), mean = sum / n;
    m.mean.push_back(mean);
    m.scale.push_back(std::max(1e-9, std::sqrt(std::max(0.0, squares / n - mean * mean))));
  }
  m.weights.assign(features.size(), 0.0);
  std::vector<double> x(features.size() + 1, 0.0);
  FitData data{&o, &rows, &m};
  nlopt_opt opt = nlopt_create(NLOPT_LD_LBFGS, static_cast<unsigned>(x.size()));
  nlopt_set_min_objective(opt, &logLoss, &data);
  nlopt_set_ftol_rel(opt, 1e-10);
  nlopt_set_maxeval(opt, 500);
  double loss = 0;
  nlopt_optimize(opt, x.data(), &loss);  // a stop on the budget or the tolerance keeps the best point
  nlopt_destroy(opt);
  std::copy(x.begin(), x.end() - 1, m.weights.begin());
  m.bias = x.back();
  return m;
}

std::vector<double> scores(const Observations &o, const Logistic &m) {
  std::vector<double> s;
  for (const model::GuardSignals &signals : o.signals)
    s.push_back(m.probability(signals));
  return s;
}

// Each candidate set of signals, fitted on one fold and scored (AUROC) on the other, both ways.
struct Candidate {
  std::vector<std::size_t> features;
  double auroc = 0;
};

std::vector<Candidate> candidates(const Observations &o, bool members, bool tokens) {
  bool learnt = std::any_of(o.signals.begin(), o.signals.end(), [](const model::GuardSignals &s) { return s[4] != 0; });
  std::vector<std::vector<std::size_t>> sets;
  std::vector<std::size_t> all;
  for (std::size_t f = 0; f < model::kGuardSignals.size(); ++f) {
    if ((f == 1 && !members) || (f == 3 && !tokens) || (f == 4 && !learnt))
      continue;
    sets.push_back({f});
    all.push_back(f);
  }
  if (all.size() > 1)
    sets.push_back(all);
  std::vector<Candidate> out;
  for (const std::vector<std::size_t> &features : sets) {
    double sum = 0;
    for (int held = 0; held < 2; ++held) {
      std::vector<std::size_t> fitRows, scoreRows;
      for (std::size_t r = 0; r < o.fold.size(); ++r)
        (o.fold[r] == held ? scoreRows : fitRows).push_back(r);
      Logistic m = fit(o, fitRows, features);
      std::vector<double> s;
      std::vector<bool> y;
      for (std::size_t r : scoreRows) {
        s.push_back(m.probability(o.signals[r]));
        y.push_back(o.wrong[r]);
      }
      double a = model::auroc(s, y);
      sum += std::isnan(a) ? 0.5 : a;
    }
    out.push_back({features, sum / 2});
  }
  return out;
}

std::string signalNames(const std::vector<std::size_t> &features) {
  std::string out;
  for (std::size_t f : features)
    out += (out.empty() ? "" : " + ") + std::string(model::kGuardSignals[f]);
  return out;
}

std::string relativeTo(const std::string &file, const fs::path &dir) {
  return fs::relative(fs::absolute(file), fs::absolute(dir)).string();
}

void writeFigure(const std::string &png, const std::vector<model::CoveragePoint> &curve, double target) {
  Series surrogate{"the surrogate on the blocks it answers", {}, {}}, guarded{"the guarded whole", {}, {}};
  for (const model::CoveragePoint &p : curve) {
    surrogate.x.push_back(100 * p.coverage);
    surrogate.y.push_back(100 * p.surrogateMape);
    guarded.x.push_back(100 * p.coverage);
    guarded.y.push_back(100 * p.guardedMape);
  }
  PlotSpec spec{fmt::format("risk against coverage on the validation blocks (target {:g}%)", target),
                "blocks answered by the surrogate (%, the surest first)", "MAPE (%)"};
  linePlot(png, spec, {surrogate, guarded});
}

// The threshold that meets the target on every input file's blocks (each a distribution the surrogate may
// meet: BHive's blocks, compiled loops, synthetic ones), with each input's coverage at it; inputs of fewer
// than 20 usable blocks are left out of the choice.
double thresholdForEachInput(const Observations &o, const std::vector<double> &uncertainty, double target,
                             nlohmann::json &perInput) {
  const std::vector<double> coverages = percentCoverages();
  std::map<std::string, std::vector<std::size_t>> rows;
  for (std::size_t r = 0; r < o.input.size(); ++r)
    rows[o.input[r]].push_back(r);
  double threshold = 1.0;
  for (const auto &[file, rs] : rows) {
    if (rs.size() < 20)
      continue;
    std::vector<double> u, ape, fallback;
    for (std::size_t r : rs) {
      u.push_back(uncertainty[r]);
      ape.push_back(o.surrogateApe[r]);
      fallback.push_back(o.fallbackApe[r]);
    }
    model::CoveragePoint at{0, 0, 0, 1e9};
    for (const model::CoveragePoint &p : model::riskCoverage(u, ape, fallback, coverages))
      if (p.guardedMape <= target || p.guardedMape < at.guardedMape)
        at = p;
    // An uncertainty is a probability; no block answered (coverage 0) is threshold 0.
    threshold = std::min(threshold, at.coverage >= 1 ? 1.0 : std::clamp(at.threshold, 0.0, 1.0));
    perInput.push_back({{"input", file}, {"blocks", rs.size()}, {"coverage", at.coverage},
                        {"threshold", at.threshold}, {"guarded_mape", at.guardedMape}});
  }
  return threshold;
}

std::string markdown(const model::GuardCalibration &g, const nlohmann::json &r) {
  std::string out = fmt::format("# Guard calibration: {}\n\n", r["model"].get<std::string>());
  out += fmt::format("{} {} blocks; errors against {}; the answer: {}; {} of them more than 20% off. Surrogate MAPE "
                     "{:.2f}%, llvm-mca {:.2f}%.\n\n",
                     r["blocks"].get<std::size_t>(), r["split"].get<std::string>(), g.reference, g.answer,
                     r["wrong"].get<std::size_t>(), 100 * r["surrogate_mape"].get<double>(),
                     100 * r["llvm_mca_mape"].get<double>());
  out += "## Uncertainty: each candidate's AUROC for APE > 20% (fitted on one half, scored on the other)\n\n"
         "| signals | AUROC |\n|---|---:|\n";
  for (const auto &c : r["candidates"])
    out += fmt::format("| {} | {:.3f} |\n", c["signals"].get<std::string>(), c["auroc"].get<double>());
  out += fmt::format("\nChosen: {} (AUROC on all the blocks {:.3f}).\n\n", r["chosen"].get<std::string>(),
                     r["auroc"].get<double>());
  out += fmt::format("## Threshold\n\nTarget {:g}%: threshold {:.4f}, the surrogate answering {:.1f}% of the blocks "
                     "(guarded MAPE {:.2f}%).\n\n![risk-coverage](figures/guard_risk_coverage.png)\n\n",
                     100 * g.targetMape, g.threshold, 100 * r["coverage_at_threshold"].get<double>(),
                     100 * r["guarded_mape_at_threshold"].get<double>());
  out += "The threshold is the lowest of those meeting the target on each input's blocks:\n\n"
         "| input | blocks | coverage | guarded MAPE |\n|---|---:|---:|---:|\n";
  for (const auto &in : r["per_input"])
    out += fmt::format("| {} | {} | {:.1f}% | {:.2f}% |\n", in["input"].get<std::string>(),
                       in["blocks"].get<std::size_t>(), 100 * in["coverage"].get<double>(),
                       100 * in["guarded_mape"].get<double>());
  out += "\nThe whole calibration set:\n\n| coverage | threshold | surrogate MAPE | guarded MAPE |\n|---:|---:|---:|---:|\n";
  for (const model::CoveragePoint &p : g.curve)
    if (std::lround(100 * p.coverage) % 10 == 0 || std::lround(100 * p.coverage) >= 95)
      out += fmt::format("| {:.0f}% | {:.4f} | {:.2f}% | {:.2f}% |\n", 100 * p.coverage, p.threshold,
                         100 * p.surrogateMape, 100 * p.guardedMape);
  out += "\n## Calibration: predicted P(APE > 20%) against the observed rate, ten bins\n\n"
         "| predicted | observed | blocks |\n|---:|---:|---:|\n";
  for (const auto &b : r["calibration"])
    out += fmt::format("| {:.3f} | {:.3f} | {} |\n", b["predicted"].get<double>(), b["observed"].get<double>(),
                       b["count"].get<std::size_t>());
  return out;
}

// The calibration's settings before anything is measured: the CPU, the reference, the members' paths.
model::GuardCalibration startCalibration(const GuardCalibrateConfig &config, const fs::path &dir,
                                         const model::ModelConfig &model) {
  if (config.reference != "llvm-mca" && config.reference != "measured")
    throw support::ConfigError("--reference: llvm-mca or measured, not '" + config.reference + "'");
  if (config.split != "validation" && config.split != "all")
    throw support::ConfigError("--split: validation or all, not '" + config.split + "'");
  model::GuardCalibration g;
  g.cpu = !config.cpu.empty() ? config.cpu : model.boundsCpu;
  if (g.cpu.empty() && !config.params.empty())
    g.cpu = mca::ParamTable::load(config.params).cpu;  // a conditioned model's table names its CPU
  if (model.instFeatures > 0 && config.params.empty())
    throw support::ConfigError("--guard-params: a parameter-conditioned model is calibrated under a table; give one");
  if (g.cpu.empty())
    throw support::ConfigError("--mcpu: the model takes no scheduling bounds, so name the CPU of its llvm-mca");
  g.reference = config.reference;
  g.params = config.params;
  g.targetMape = config.targetMape / 100;
  for (const std::string &m : config.members)
    g.members.push_back(relativeTo(model::modelFileOf(m), dir));
  return g;
}

std::vector<model::GuardedOutcome> assessSurrogate(const GuardCalibrateConfig &config, const fs::path &dir,
                                                   const model::GuardCalibration &g, bool conditioned,
                                                   const CalibrationBlocks &blocks) {
  if (!conditioned)
    return model::GuardedPredictor(config.model, g, dir.string(), config.threads, 512).assess(blocks.blocks);
  model::ConditionedGuard models(config.model, g.members, dir.string(), config.params, config.threads);
  return models.predictor(g).assess(blocks.blocks);
}

// The surrogate (and members) on the blocks: its answer chosen (g.answer), then each block's signals and errors.
Observations observeSurrogate(const GuardCalibrateConfig &config, const fs::path &dir, const CalibrationBlocks &blocks,
                              bool conditioned, model::GuardCalibration &g) {
  std::vector<model::GuardedOutcome> outcomes = assessSurrogate(config, dir, g, conditioned, blocks);
  g.answer = chooseAnswer(blocks, outcomes, !g.members.empty());
  model::useAnswer(g.answer, outcomes);
  Observations o = observe(blocks, outcomes, config.reference == "llvm-mca");
  if (o.signals.size() < 20)
    throw support::InputError(fmt::format("guard calibrate: {} usable {} blocks in the inputs; at least 20 are needed",
                                          o.signals.size(), config.split));
  return o;
}

// The uncertainty: the best candidate by held-out AUROC, refitted on every block and stored in `g`.
struct Choice {
  std::vector<Candidate> tried;
  Candidate best;
  std::vector<double> uncertainty;  ///< of each observed block
};

Choice chooseUncertainty(const Observations &o, bool tokens, model::GuardCalibration &g) {
  Choice c;
  c.tried = candidates(o, !g.members.empty(), tokens);
  c.best = *std::max_element(c.tried.begin(), c.tried.end(),
                             [](const Candidate &a, const Candidate &b) { return a.auroc < b.auroc; });
  std::vector<std::size_t> rows(o.signals.size());
  std::iota(rows.begin(), rows.end(), 0);
  Logistic chosen = fit(o, rows, c.best.features);
  for (std::size_t f : chosen.features)
    g.signals.push_back(model::kGuardSignals[f]);
  g.mean = chosen.mean;
  g.scale = chosen.scale;
  g.weights = chosen.weights;
  g.bias = chosen.bias;
  c.uncertainty = scores(o, chosen);
  return c;
}

// The risk-coverage curve and the threshold (stored in `g`), and where the whole set and each input stand there.
struct Threshold {
  model::CoveragePoint whole;
  nlohmann::json perInput = nlohmann::json::array();
};

Threshold chooseThreshold(const Observations &o, const std::vector<double> &uncertainty, model::GuardCalibration &g) {
  g.curve = model::riskCoverage(uncertainty, o.surrogateApe, o.fallbackApe, percentCoverages());
  Threshold t;
  g.threshold = thresholdForEachInput(o, uncertainty, g.targetMape, t.perInput);
  t.whole = g.curve.front();
  for (const model::CoveragePoint &p : g.curve)
    if (p.threshold <= g.threshold)
      t.whole = p;
  for (const auto &in : t.perInput)
    if (in["guarded_mape"].get<double>() > g.targetMape)
      spdlog::warn("guard calibrate: {}: no coverage meets the target {:g}%; the threshold keeps {:.0f}% of its blocks",
                   in["input"].get<std::string>(), 100 * g.targetMape, 100 * in["coverage"].get<double>());
  return t;
}

nlohmann::json reportOf(const GuardCalibrateConfig &config, const Observations &o, const Choice &choice,
                        const Threshold &t) {
  const double n = static_cast<double>(o.signals.size());
  nlohmann::json tried = nlohmann::json::array();
  for (const Candidate &c : choice.tried)
    tried.push_back({{"signals", signalNames(c.features)}, {"auroc", c.auroc}});
  return {{"model", config.model},
          {"blocks", o.signals.size()},
          {"split", config.split},
          {"reference", config.reference},
          {"wrong", std::count(o.wrong.begin(), o.wrong.end(), true)},
          {"surrogate_mape", std::accumulate(o.surrogateApe.begin(), o.surrogateApe.end(), 0.0) / n},
          {"llvm_mca_mape", std::accumulate(o.fallbackApe.begin(), o.fallbackApe.end(), 0.0) / n},
          {"candidates", tried},
          {"chosen", signalNames(choice.best.features)},
          {"auroc", model::auroc(choice.uncertainty, o.wrong)},
          {"calibration", model::toJson(model::calibrationTable(choice.uncertainty, o.wrong))},
          {"per_input", t.perInput},
          {"coverage_at_threshold", t.whole.coverage},
          {"guarded_mape_at_threshold", t.whole.guardedMape}};
}

void writeCalibration(const std::string &file, const fs::path &dir, model::GuardCalibration &g,
                      const nlohmann::json &report) {
  g.report = report;
  fs::create_directories(dir / "figures");
  g.save(file);
  writeFigure((dir / "figures" / "guard_risk_coverage.png").string(), g.curve, 100 * g.targetMape);
  support::writeFileAtomically((dir / "guard_report.md").string(), markdown(g, report));
  spdlog::info("guard calibrate: chose {} (AUROC {:.3f}); threshold {:.4f} answers {:.1f}% by the surrogate; wrote {}",
               report["chosen"].get<std::string>(), report["auroc"].get<double>(), g.threshold,
               100 * report["coverage_at_threshold"].get<double>(), file);
}

} // namespace

nlohmann::json runGuardCalibration(const GuardCalibrateConfig &config) {
  std::string file = config.output.empty() ? model::guardFileOf(config.model) : config.output;
  fs::path dir = fs::path(file).parent_path();
  model::ModelConfig network = model::ModelFile::load(model::modelFileOf(config.model)).config;
  model::GuardCalibration g = startCalibration(config, dir, network);
  std::unique_ptr<llvm::MCSubtargetInfo> subtarget = mca::createSimulationSubtarget(g.cpu, config.params);
  CalibrationBlocks blocks = readBlocks(config, *subtarget);
  const bool conditioned = network.instFeatures > 0 || network.globalFeatures > 0;
  Observations o = observeSurrogate(config, dir, blocks, conditioned, g);
  Choice choice = chooseUncertainty(o, network.tokens, g);
  Threshold threshold = chooseThreshold(o, choice.uncertainty, g);
  nlohmann::json report = reportOf(config, o, choice, threshold);
  report["surest_80_mape"] = g.curve[79].surrogateMape;  // coverages run 1%, 2%, ..., 100%
  writeCalibration(file, dir, g, report);
  return report;
}

} // namespace surrogate::patterns
