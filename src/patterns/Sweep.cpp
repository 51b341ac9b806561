// runSweep: each network size trained, timed and (with adapt) adapted on one dataset; the pick, report and CSV.
#include "surrogate/patterns/Sweep.h"

#include <chrono>
#include <functional>
#include <filesystem>
#include <optional>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <spdlog/spdlog.h>

#include "surrogate/model/SurrogateBenchmark.h"
#include "surrogate/patterns/Adapt.h"
#include "surrogate/patterns/CompileDataset.h"
#include "surrogate/patterns/Deployment.h"
#include "surrogate/patterns/PatternRun.h"
#include "surrogate/patterns/Plot.h"
#include "surrogate/patterns/Report.h"
#include "surrogate/support/AtomicFile.h"

namespace surrogate::patterns {

namespace fs = std::filesystem;

namespace {

// pattern.adapt: each size, once trained on llvm-mca, is adapted to the
// measured timings (the adapt pattern, without its from-scratch runs), so
// the sizes are compared on what a user deploys.
struct AdaptStep {
  nlohmann::json training;              ///< over the config's training section
  std::vector<double> fractions = {1.0};  ///< of the measured train split; the rule reads the largest

  double largest() const { return fractions.back(); }

  static AdaptStep read(const nlohmann::json &j, const PatternConfig &config, support::ConfigReader &outer) {
    if (!j.is_object())
      throw outer.error("adapt", "must be an object: {\"training\": {...}, \"fractions\": [0.1, 1.0]}");
    if (config.measured.empty())
      throw outer.error("adapt", "needs measured timings: set \"measured\" in the config or pass --measured");
    AdaptStep a;
    for (const auto &[key, value] : j.items()) {
      if (key == "training") {
        if (!value.is_object()) throw outer.error("adapt", "training must be an object of training keys");
        a.training = value;
      } else if (key == "fractions") {
        if (!value.is_array() || value.empty()) throw outer.error("adapt", "fractions must be a non-empty list");
        a.fractions.clear();
        for (const auto &f : value) {
          if (!f.is_number() || !(f.get<double>() > 0 && f.get<double>() <= 1))
            throw outer.error("adapt", "fractions must be numbers in (0, 1], got " + f.dump());
          if (!a.fractions.empty() && f.get<double>() <= a.fractions.back())
            throw outer.error("adapt", "fractions must be increasing");
          a.fractions.push_back(f.get<double>());
        }
      } else if (key != "comment") {
        throw outer.error("adapt", "unknown key \"" + key + "\" (known: training, fractions)");
      }
    }
    PatternConfig::fromJson(adaptConfig(config, a, "").toJson(), config.source);  // a bad training key fails now
    return a;
  }

  /// The adapt pattern's config for a size trained in `fromRun`.
  static PatternConfig adaptConfig(const PatternConfig &config, const AdaptStep &a, const std::string &fromRun) {
    PatternConfig c = config;
    c.blocks.clear();
    c.dataset = nlohmann::json::object();
    c.training.update(a.training);
    c.pattern = {{"fractions", a.fractions}, {"scratch", false}};
    if (!fromRun.empty()) c.pattern["from"] = fs::absolute(fromRun).lexically_normal().string();
    return c;
  }
};

// The config's "pattern" section for the sweep.
struct SweepSettings {
  std::vector<nlohmann::json> sizes;  ///< model sections, each over the config's model section
  std::size_t benchBlocks = 2000;     ///< held-out blocks every size is timed on
  double minSpeedup = 3.0;            ///< the rule: the most accurate size at least this much faster than llvm-mca
  std::string params;                 ///< as compile's pattern.params
  std::optional<AdaptStep> adapt;     ///< pattern.adapt

  static SweepSettings read(const PatternConfig &config) {
    support::ConfigReader r = config.patternSection();
    r.allow({"comment"});
    SweepSettings s;
    const nlohmann::json *sizes = r.raw("sizes");
    if (!sizes || !sizes->is_array() || sizes->empty())
      throw r.error("sizes", "must be a non-empty list of model sections, e.g. [{\"hidden\": 64}, {\"hidden\": 128}]");
    for (const nlohmann::json &size : *sizes) {
      nlohmann::json model = config.model;
      if (!size.is_object())
        throw r.error("sizes", "each size must be an object of model keys (embedding, hidden, layers)");
      model.update(size);
      model::ModelConfig m = model::ModelConfig::fromJson(model, config.source);  // a bad key fails before anything is written
      for (const nlohmann::json &earlier : s.sizes)
        if (model::ModelConfig::fromJson(earlier, config.source).toJson() == m.toJson())
          throw r.error("sizes", "lists the size " + size.dump() + " twice");
      s.sizes.push_back(model);
    }
    r.read("bench_blocks", s.benchBlocks, std::size_t{1});
    r.read("min_speedup", s.minSpeedup, 0, 1e6);
    r.read("params", s.params);
    if (const nlohmann::json *adapt = r.raw("adapt"))
      s.adapt = AdaptStep::read(*adapt, config, r);
    r.finish();
    return s;
  }
};

std::vector<std::string> percentList(const std::vector<double> &fractions) {
  std::vector<std::string> out;
  for (double f : fractions) out.push_back(fmt::format("{:g}%", 100 * f));
  return out;
}

std::string sizeName(const model::ModelConfig &m) {
  return fmt::format("e{}-h{}-l{}", m.embedding, m.hidden, m.layers);
}

// A size adapted to measured timings: the adapt run's learning curve.
struct AdaptedPoint {
  std::string runDir;
  nlohmann::json curve;  ///< adapt_report.json's learning_curve (no from-scratch runs)
  double adaptSeconds = 0;

  const nlohmann::json &largest() const { return curve.back(); }
  double validation() const { return largest().at("adapted_validation_mape").get<double>(); }
  double test() const { return largest().at("adapted_mape").get<double>(); }
  nlohmann::json toJson() const {
    return {{"run_dir", runDir}, {"learning_curve", curve}, {"wall_seconds", adaptSeconds}};
  }
};

struct SizePoint {
  model::ModelConfig model;
  std::string runDir;
  std::int64_t parameters = 0;
  nlohmann::json test;  ///< ErrorSummary against llvm-mca on the test split
  double validation = 0;  ///< best validation MAPE against llvm-mca
  double trainingSeconds = 0;
  std::size_t epochs = 0;
  double surrogateRate = 0, mcaRate = 0;  ///< blocks/s, one thread, same blocks, same process
  std::optional<AdaptedPoint> adapted;

  double mape() const { return test.at("mape").get<double>(); }
  /// What the rule compares: validation error, after adaptation when the sweep adapts.
  double choiceError() const { return adapted ? adapted->validation() : validation; }
  double speedup() const { return surrogateRate / mcaRate; }
  std::string name() const { return sizeName(model); }
  std::string label() const {
    return fmt::format("embedding {}, hidden {}, layers {} ({} parameters)", model.embedding, model.hidden,
                       model.layers, parameters);
  }
  nlohmann::json toJson() const {
    return {{"model", model.toJson()},
            {"run_dir", runDir},
            {"parameters", parameters},
            {"test_vs_llvm_mca", test},
            {"validation_mape_vs_llvm_mca", validation},
            {"training_seconds", trainingSeconds},
            {"epochs", epochs},
            {"surrogate_blocks_per_second_1_thread", surrogateRate},
            {"llvm_mca_blocks_per_second_1_thread", mcaRate},
            {"speedup_1_thread", speedup()},
            {"adapted", adapted ? adapted->toJson() : nlohmann::json(nullptr)}};
  }
};

/// The rule, applied: the lowest validation error (after adaptation when the
/// sweep adapts) among sizes at least `minSpeedup` times llvm-mca's speed;
/// none when no size is that fast. Test errors are reported, never chosen by.
std::optional<std::size_t> pick(const std::vector<SizePoint> &points, double minSpeedup) {
  std::optional<std::size_t> best;
  for (std::size_t i = 0; i < points.size(); ++i)
    if (points[i].speedup() >= minSpeedup && (!best || points[i].choiceError() < points[*best].choiceError()))
      best = i;
  return best;
}

struct SweepReport {
  std::string runDir;
  PatternConfig config;
  SweepSettings settings;
  std::size_t benchBlocks = 0;
  std::vector<SizePoint> points;
  std::optional<std::size_t> picked;
  MachineInfo machine;
  double wallSeconds = 0;

  std::string rule() const {
    std::string error = settings.adapt ? fmt::format("validation error against measured timings after adapting on {:g}% "
                                                     "of the measured train split",
                                                     100 * settings.adapt->largest())
                                       : std::string("validation error against llvm-mca");
    return fmt::format("the lowest {} among the sizes whose one-thread speed is at least {:g}x llvm-mca's on the same "
                       "blocks in the same run",
                       error, settings.minSpeedup);
  }
  nlohmann::json toJson() const;
  std::string markdown() const;
};

// The held-out measured blocks (as compile's deployment takes them), as a
// block file the benchmark reads.
std::string writeBenchBlocks(const std::string &runDir, const std::string &datasetDir, std::size_t limit,
                             std::size_t &count) {
  std::vector<block::BasicBlock> blocks = heldOutMeasuredBlocks(datasetDir, limit);
  if (blocks.empty())
    throw std::runtime_error("no held-out blocks with measured timings to time the sizes on (is measured set?)");
  std::string path = (fs::path(runDir) / "bench_blocks.csv").string();
  support::AtomicFile out(path);
  out.stream() << "hex\n";
  for (const block::BasicBlock &b : blocks) out.stream() << b.hex << '\n';
  out.commit();
  count = blocks.size();
  return path;
}

SizePoint trainAndTime(const PatternConfig &config, const nlohmann::json &modelSection, const std::string &runDir,
                       const std::string &datasetDir, const std::string &benchCsv, std::size_t benchBlocks,
                       model::StepHandover *handover) {
  SizePoint p;
  p.model = model::ModelConfig::fromJson(modelSection, config.source);
  p.runDir = (fs::path(runDir) / "sizes" / p.name()).string();
  spdlog::info("sweep: training {} in {}", p.name(), p.runDir);
  model::TrainJob job = trainJobFor(config, p.runDir);
  job.model = p.model;
  job.data.dataset = datasetDir;
  nlohmann::json report = ensureTrained(job, handover);
  p.parameters = modelParameterCount(p.runDir);
  p.test = report.at("test");
  p.validation = report.at("best_validation_mape");
  p.trainingSeconds = report.value("training_wall_seconds", 0.0);
  p.epochs = report.value("epochs", std::size_t{0});

  model::SurrogateBenchConfig bench;
  bench.runDir = p.runDir;
  bench.mca.inputs = {benchCsv};
  bench.mca.cpu = config.cpu;
  bench.mca.threads = {1};
  bench.mca.limit = benchBlocks;
  bench.mca.spawnSample = 0;
  nlohmann::json timing = model::runSurrogateBenchmark(bench);
  p.surrogateRate = timing.at("surrogate").at(0).at("blocks_per_second");
  p.mcaRate = timing.at("mca").at("in_process").at(0).at("blocks_per_second");
  spdlog::info("sweep: {}: test MAPE vs llvm-mca {}, {:.0f} blocks/s ({:.2f}x llvm-mca), {:.0f} s of training",
               p.name(), percent(p.mape()), p.surrogateRate, p.speedup(), p.trainingSeconds);
  return p;
}

// Adapts the size trained in `p.runDir` to the measured timings, into
// RUN/adapted/NAME (resumed when it was started); returns its curve.
AdaptedPoint adaptSize(const PatternConfig &config, const AdaptStep &step, const SizePoint &p, const std::string &runDir,
                       model::StepHandover *handover) {
  AdaptJob job;
  job.runDir = (fs::path(runDir) / "adapted" / p.name()).string();
  job.config = AdaptStep::adaptConfig(config, step, p.runDir);
  job.resume = fs::exists(fs::path(job.runDir) / "pattern.json");
  job.handover = handover;
  spdlog::info("sweep: adapting {} to {} in {}", p.name(), config.measured, job.runDir);
  nlohmann::json report = runAdapt(job);
  AdaptedPoint a;
  a.runDir = job.runDir;
  a.curve = report.at("learning_curve");
  a.adaptSeconds = report.at("wall_seconds");
  spdlog::info("sweep: {} adapted on {:g}%: validation MAPE {}, test MAPE {} against measured", p.name(),
               100 * step.largest(), percent(a.validation()), percent(a.test()));
  return a;
}

void writeCsv(const SweepReport &r) {
  support::AtomicFile out((fs::path(r.runDir) / "sweep.csv").string());
  out.stream() << "embedding,hidden,layers,parameters,test_mape_vs_llvm_mca,test_median_ape,test_kendall_tau,"
                  "validation_mape_vs_llvm_mca,surrogate_blocks_per_second,llvm_mca_blocks_per_second,speedup,"
                  "training_seconds,epochs";
  // One pair of columns per adaptation fraction: validation and test MAPE against measured timings.
  if (r.settings.adapt)
    for (double f : r.settings.adapt->fractions)
      out.stream() << fmt::format(",adapted_{:g}_validation_mape,adapted_{:g}_test_mape", f, f);
  out.stream() << ",picked\n";
  for (std::size_t i = 0; i < r.points.size(); ++i) {
    const SizePoint &p = r.points[i];
    out.stream() << fmt::format("{},{},{},{},{:.6f},{:.6f},{:.6f},{:.6f},{:.1f},{:.1f},{:.3f},{:.1f},{}",
                                p.model.embedding, p.model.hidden, p.model.layers, p.parameters, p.mape(),
                                p.test.at("median_ape").get<double>(), p.test.at("kendall_tau").get<double>(),
                                p.validation, p.surrogateRate, p.mcaRate, p.speedup(), p.trainingSeconds, p.epochs);
    if (p.adapted)
      for (const nlohmann::json &point : p.adapted->curve)
        out.stream() << fmt::format(",{:.6f},{:.6f}", point.at("adapted_validation_mape").get<double>(),
                                    point.at("adapted_mape").get<double>());
    out.stream() << ',' << (r.picked == i ? 1 : 0) << '\n';
  }
  out.commit();
}

// Error against speed-up over llvm-mca (the ratio, measured in one run per
// size, moves less with the machine's load than either rate), one point per
// size, and the rule's speed-up.
// size; with adaptation a second figure, the adapted error against measured.
void drawPareto(const SweepReport &r) {
  fs::create_directories(fs::path(r.runDir) / "figures");
  auto draw = [&](const std::string &file, const std::string &title, const std::string &yLabel,
                  const std::function<double(const SizePoint &)> &error) {
    std::vector<LabelledPoint> points;
    for (std::size_t i = 0; i < r.points.size(); ++i) {
      const SizePoint &p = r.points[i];
      points.push_back({p.speedup(), 100 * error(p),
                        fmt::format("{} ({}k){}", p.name(), (p.parameters + 500) / 1000, r.picked == i ? " picked" : "")});
    }
    labelledPointPlot((fs::path(r.runDir) / "figures" / file).string(),
                      {title, "surrogate speed / llvm-mca speed, 1 thread, same blocks", yLabel, true, false, false},
                      points, XMarker{r.settings.minSpeedup, fmt::format("{:g}x llvm-mca", r.settings.minSpeedup)});
  };
  draw("pareto.png", "Capacity sweep: test error against llvm-mca vs speed-up (1 thread)", "test MAPE vs llvm-mca (%)",
       [](const SizePoint &p) { return p.mape(); });
  if (r.settings.adapt)
    draw("pareto_adapted.png",
         fmt::format("Capacity sweep: test error against measured after adapting ({:g}%) vs speed-up",
                     100 * r.settings.adapt->largest()),
         "test MAPE vs measured (%)", [](const SizePoint &p) { return p.adapted->test(); });
}

nlohmann::json SweepReport::toJson() const {
  nlohmann::json sizes = nlohmann::json::array();
  for (const SizePoint &p : points) sizes.push_back(p.toJson());
  return {{"pattern", "sweep"},
          {"run_dir", runDir},
          {"cpu", config.cpu},
          {"config", config.toJson()},
          {"llvm_mca_params", settings.params.empty() ? nlohmann::json(nullptr) : nlohmann::json(settings.params)},
          {"bench_blocks", benchBlocks},
          {"adapt", settings.adapt ? nlohmann::json({{"training", settings.adapt->training},
                                                     {"fractions", settings.adapt->fractions}})
                                   : nlohmann::json(nullptr)},
          {"sizes", sizes},
          {"rule", rule()},
          {"min_speedup", settings.minSpeedup},
          {"picked", picked ? nlohmann::json(points[*picked].toJson()) : nlohmann::json(nullptr)},
          {"machine", machine.toJson()},
          {"wall_seconds", wallSeconds}};
}

std::string SweepReport::markdown() const {
  MarkdownReport md;
  md.heading(1, "Capacity sweep: " + config.cpu);
  md.paragraph(fmt::format("{} sizes trained on one llvm-mca dataset ({}), each scored on its test split against "
                           "llvm-mca and timed on {} held-out blocks on one thread, beside in-process llvm-mca on the "
                           "same blocks in the same process (`bench surrogate`).",
                           points.size(),
                           settings.params.empty() ? "the CPU's default parameters" : "under the table " + settings.params,
                           benchBlocks));
  if (settings.adapt)
    md.paragraph(fmt::format("Each size was then adapted to the measured timings of {} on {} of the measured train "
                             "split (the adapt pattern's training, from that size's weights, with the training keys {}; "
                             "no from-scratch runs): what a user deploys, scored on the measured test split.",
                             config.measured,
                             fmt::format("{}", fmt::join(percentList(settings.adapt->fractions), ", ")),
                             settings.adapt->training.dump()));
  std::vector<std::string> header = {"size", "parameters", "validation MAPE vs llvm-mca", "test MAPE vs llvm-mca",
                                     "Kendall tau", "blocks/s, 1 thread", "llvm-mca blocks/s", "speed-up", "training",
                                     "epochs"};
  if (settings.adapt) {
    for (double f : settings.adapt->fractions) header.push_back(fmt::format("adapted {:g}%: test MAPE vs measured", 100 * f));
    header.push_back(fmt::format("adapted {:g}%: validation, median APE, tau", 100 * settings.adapt->largest()));
    header.push_back("adapting");
  }
  std::vector<std::vector<std::string>> rows;
  for (std::size_t i = 0; i < points.size(); ++i) {
    const SizePoint &p = points[i];
    std::vector<std::string> row = {fmt::format("{}{}", p.name(), picked == i ? " (picked)" : ""),
                                    std::to_string(p.parameters), percent(p.validation), percent(p.mape()),
                                    fmt::format("{:.3f}", p.test.at("kendall_tau").get<double>()),
                                    fmt::format("{:.0f}", p.surrogateRate), fmt::format("{:.0f}", p.mcaRate),
                                    fmt::format("{:.2f}x", p.speedup()), fmt::format("{:.0f} s", p.trainingSeconds),
                                    std::to_string(p.epochs)};
    if (p.adapted) {
      for (const nlohmann::json &point : p.adapted->curve) row.push_back(percent(point.at("adapted_mape").get<double>()));
      const nlohmann::json &test = p.adapted->largest().at("adapted_test");
      row.push_back(fmt::format("{}, {}, {:.3f}", percent(p.adapted->validation()),
                                percent(test.at("median_ape").get<double>()), test.at("kendall_tau").get<double>()));
      row.push_back(fmt::format("{:.0f} s", p.adapted->adaptSeconds));
    }
    rows.push_back(row);
  }
  md.table(header, rows);
  md.bullet("Rule: " + rule() + ".");
  md.bullet(picked ? fmt::format("Picked: {} ({}), `surrogate predict --model {}` loads it{}.", points[*picked].name(),
                                 points[*picked].label(), points[*picked].runDir,
                                 points[*picked].adapted
                                     ? fmt::format("; adapted: `surrogate predict --model {}`", points[*picked].adapted->runDir)
                                     : std::string())
                   : fmt::format("Picked: none; no size reached {:g}x llvm-mca's speed here.", settings.minSpeedup));
  md.bullet(fmt::format("Machine: {}, {} logical cores; training on {} thread(s). Speeds move with the machine's load; "
                        "each size's ratio is measured in one run.",
                        machine.cpuModel, machine.logicalCores, config.threads));
  md.paragraph("");
  md.image("error against speed", "figures/pareto.png");
  if (settings.adapt) md.image("adapted error against speed", "figures/pareto_adapted.png");
  return md.str();
}

} // namespace

nlohmann::json runSweep(const SweepJob &job) {
  PatternRun run("sweep", job, job.config, [](const PatternConfig &given) { SweepSettings::read(given); });
  SweepReport r;
  r.config = run.config();
  r.runDir = run.runDir();
  r.settings = SweepSettings::read(r.config);
  std::string datasetDir = ensureCompileDataset(r.config, r.runDir, r.settings.params);
  std::string benchCsv = writeBenchBlocks(r.runDir, datasetDir, r.settings.benchBlocks, r.benchBlocks);
  for (const nlohmann::json &size : r.settings.sizes) {
    SizePoint p = trainAndTime(r.config, size, r.runDir, datasetDir, benchCsv, r.benchBlocks, run.handover());
    if (r.settings.adapt) p.adapted = adaptSize(r.config, *r.settings.adapt, p, r.runDir, run.handover());
    r.points.push_back(p);
  }
  r.picked = pick(r.points, r.settings.minSpeedup);
  r.machine = MachineInfo::ofThisMachine();
  writeCsv(r);
  drawPareto(r);
  r.wallSeconds = run.wallSeconds();
  nlohmann::json report = run.writeReports(r.toJson(), r.markdown());
  spdlog::info("sweep: picked {}; report in {}", r.picked ? r.points[*r.picked].name() : std::string("none"),
               run.markdownPath());
  return report;
}

SweepChoice readSweepChoice(const std::string &sweep, const model::ModelConfig &model) {
  SweepChoice c;
  c.report = fs::is_directory(sweep) ? (fs::path(sweep) / "sweep_report.json").string() : sweep;
  nlohmann::json j = support::readJsonFile(c.report);
  auto fail = [&](const std::string &what) { return std::runtime_error(c.report + ": " + what); };
  try {
    if (j.value("pattern", "") != "sweep") throw fail("not a sweep report (\"pattern\" is not \"sweep\")");
    c.rule = j.at("rule").get<std::string>();
    if (j.at("picked").is_null())
      throw fail("the sweep picked no size (none reached its min_speedup), so it cannot have chosen this one");
    model::ModelConfig picked = model::ModelConfig::fromJson(j.at("picked").at("model"), c.report);
    c.picked = sizeName(picked);
    if (picked.embedding != model.embedding || picked.hidden != model.hidden || picked.layers != model.layers)
      throw fail(fmt::format("the sweep picked {}, but this run's model section is {}: set the model section to the "
                             "picked size, or leave pattern.sweep out",
                             c.picked, sizeName(model)));
    bool adapted = !j.value("adapt", nlohmann::json()).is_null();
    c.header = {"size", "parameters", "test MAPE vs llvm-mca", "Kendall tau", "speed-up, 1 thread", "training"};
    if (adapted) c.header.push_back("adapted: test MAPE vs measured (largest fraction)");
    for (const nlohmann::json &size : j.at("sizes")) {
      model::ModelConfig m = model::ModelConfig::fromJson(size.at("model"), c.report);
      const nlohmann::json &test = size.at("test_vs_llvm_mca");
      c.rows.push_back({sizeName(m) + (sizeName(m) == c.picked ? " (picked)" : ""),
                        std::to_string(size.at("parameters").get<std::int64_t>()),
                        percent(test.at("mape").get<double>()),
                        fmt::format("{:.3f}", test.at("kendall_tau").get<double>()),
                        fmt::format("{:.2f}x", size.at("speedup_1_thread").get<double>()),
                        fmt::format("{:.0f} s", size.at("training_seconds").get<double>())});
      if (adapted)
        c.rows.back().push_back(percent(size.at("adapted").at("learning_curve").back().at("adapted_mape").get<double>()));
    }
  } catch (const nlohmann::json::exception &e) {
    throw fail(std::string("not a complete sweep report: ") + e.what());
  }
  return c;
}

std::string SweepChoice::sentence() const {
  return fmt::format("the capacity sweep of {} ({} sizes trained on the same llvm-mca data; rule: {}): it picked {}, "
                     "the size trained here",
                     report, rows.size(), rule, picked);
}

nlohmann::json SweepChoice::toJson() const {
  nlohmann::json table = nlohmann::json::array();
  for (const auto &row : rows) {
    nlohmann::json r;
    for (std::size_t i = 0; i < header.size(); ++i) r[header[i]] = row[i];
    table.push_back(r);
  }
  return {{"report", report}, {"rule", rule}, {"picked", picked}, {"sizes", table}};
}

} // namespace surrogate::patterns
