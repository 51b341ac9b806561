// evaluateFile: a prediction CSV scored against its measured column, overall and by block length.
#include "surrogate/model/Evaluation.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <fmt/format.h>

#include "surrogate/block/Decoder.h"
#include "surrogate/data/CsvTable.h"
#include "surrogate/model/GuardCalibration.h"

namespace surrogate::model {

namespace {

std::optional<double> parseNumber(const std::string &text) {
  if (text.empty())
    return std::nullopt;
  char *end = nullptr;
  errno = 0;
  double v = std::strtod(text.c_str(), &end);
  if (*end != '\0' || errno != 0)
    return std::nullopt;
  return v;
}

constexpr std::size_t kProblemsKept = 20;

SelectiveReport selectiveReport(const std::string &column, const std::vector<double> &predicted,
                                const std::vector<double> &measured, const std::vector<double> &uncertainty) {
  std::vector<double> ape;
  std::vector<bool> wrong;
  for (std::size_t i = 0; i < predicted.size(); ++i) {
    ape.push_back(std::abs(predicted[i] - measured[i]) / measured[i]);
    wrong.push_back(ape.back() > GuardCalibration::kEventApe);
  }
  SelectiveReport r;
  r.column = column;
  r.auroc = auroc(uncertainty, wrong);
  r.surest = riskCoverage(uncertainty, ape, {}, {0.5, 0.8, 0.9, 0.95, 1.0});
  r.calibration = calibrationTable(uncertainty, wrong);
  return r;
}

} // namespace

EvaluationReport evaluateFile(const EvaluationConfig &config) {
  data::CsvTable table(config.file);
  const std::size_t predCol = table.column(config.predictedColumn);
  const std::size_t measCol = table.column(config.measuredColumn);
  const bool withHex = table.hasColumn(config.hexColumn);
  const std::size_t hexCol = withHex ? table.column(config.hexColumn) : 0;
  const bool withUncertainty = !config.uncertaintyColumn.empty();
  const std::size_t uncCol = withUncertainty ? table.column(config.uncertaintyColumn) : 0;

  EvaluationReport report;
  report.file = config.file;
  report.predictedColumn = config.predictedColumn;
  report.measuredColumn = config.measuredColumn;
  const auto &buckets = lengthBuckets();
  std::vector<double> predicted, measured, uncertainty;
  std::vector<std::vector<double>> bucketPred(buckets.size()), bucketMeas(buckets.size());
  block::Decoder decoder;
  std::vector<llvm::MCInst> insts;

  auto skip = [&](std::string reason) {
    ++report.skipped;
    if (report.problems.size() < kProblemsKept)
      report.problems.push_back({{config.file, table.line()}, std::move(reason)});
  };

  std::vector<std::string> fields;
  while (table.next(fields)) {
    ++report.rows;
    const std::size_t last = std::max({predCol, measCol, hexCol, uncCol});
    if (fields.size() <= last) {
      skip(fmt::format("has {} fields, expected at least {}", fields.size(), last + 1));
      continue;
    }
    auto pred = parseNumber(fields[predCol]);
    auto meas = parseNumber(fields[measCol]);
    if (!pred) {
      skip("predicted value '" + fields[predCol] + "' is not a number");
      continue;
    }
    if (!meas || *meas <= 0) {
      skip(fields[measCol].empty() ? std::string("no measured value")
                                   : "measured value '" + fields[measCol] + "' is not a positive number");
      continue;
    }
    std::optional<double> unc = withUncertainty ? parseNumber(fields[uncCol]) : std::optional<double>(0);
    if (!unc) {
      skip("uncertainty '" + fields[uncCol] + "' is not a number");
      continue;
    }
    if (withHex) {
      if (block::DecodeResult bad = decoder.decode(fields[hexCol], insts); !bad.ok()) {
        skip("hex does not decode: " + bad.error);
        continue;
      }
      for (std::size_t b = 0; b < buckets.size(); ++b)
        if (insts.size() >= buckets[b].min && insts.size() <= buckets[b].max) {
          bucketPred[b].push_back(*pred);
          bucketMeas[b].push_back(*meas);
        }
    }
    predicted.push_back(*pred);
    measured.push_back(*meas);
    uncertainty.push_back(*unc);
  }
  report.overall = summarize(predicted, measured);
  if (withUncertainty)
    report.selective = selectiveReport(config.uncertaintyColumn, predicted, measured, uncertainty);
  if (withHex)
    for (std::size_t b = 0; b < buckets.size(); ++b)
      report.byLength.emplace_back(buckets[b].name, summarize(bucketPred[b], bucketMeas[b]));
  return report;
}

nlohmann::json EvaluationReport::toJson() const {
  nlohmann::json j = {{"file", file},
                      {"predicted_column", predictedColumn},
                      {"measured_column", measuredColumn},
                      {"rows", rows},
                      {"skipped", skipped},
                      {"overall", model::toJson(overall)}};
  nlohmann::json buckets = nlohmann::json::object();
  for (const auto &[name, s] : byLength)
    buckets[name] = model::toJson(s);
  j["by_length"] = buckets;
  if (selective)
    j["uncertainty"] = {{"column", selective->column},
                        {"auroc_ape_over_20", std::isnan(selective->auroc) ? nlohmann::json(nullptr)
                                                                           : nlohmann::json(selective->auroc)},
                        {"surest", model::toJson(selective->surest)},
                        {"calibration", model::toJson(selective->calibration)}};
  return j;
}

std::string EvaluationReport::toText() const {
  std::string out = fmt::format("{} vs {} in {}\n", predictedColumn, measuredColumn, file);
  out += fmt::format("{:<10} {:>8} {:>9} {:>11} {:>9}\n", "length", "count", "MAPE", "median APE", "tau");
  auto row = [&](const std::string &name, const ErrorSummary &s) {
    out += fmt::format("{:<10} {:>8} {:>8.2f}% {:>10.2f}% {:>9.4f}\n", name, s.count, 100 * s.mape,
                       100 * s.medianApe, s.kendallTau);
  };
  row("all", overall);
  for (const auto &[name, s] : byLength)
    row(name, s);
  if (selective) {
    out += fmt::format("uncertainty ({}): AUROC for APE > 20% {:.3f}; MAPE on the surest", selective->column,
                       selective->auroc);
    for (const CoveragePoint &p : selective->surest)
      out += fmt::format(" {:.0f}%: {:.2f}%{}", 100 * p.coverage, 100 * p.surrogateMape, p.coverage < 1 ? "," : "\n");
  }
  if (skipped)
    out += fmt::format("{} of {} rows skipped\n", skipped, rows);
  return out;
}

} // namespace surrogate::model
