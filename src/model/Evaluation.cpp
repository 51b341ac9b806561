// evaluateFile: a prediction CSV scored against its measured column, overall and by block length.
#include "surrogate/model/Evaluation.h"

#include <cerrno>
#include <cstdlib>
#include <fmt/format.h>

#include "surrogate/block/Decoder.h"
#include "surrogate/data/CsvTable.h"

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

} // namespace

EvaluationReport evaluateFile(const EvaluationConfig &config) {
  data::CsvTable table(config.file);
  const std::size_t predCol = table.column(config.predictedColumn);
  const std::size_t measCol = table.column(config.measuredColumn);
  const bool withHex = table.hasColumn(config.hexColumn);
  const std::size_t hexCol = withHex ? table.column(config.hexColumn) : 0;

  EvaluationReport report;
  report.file = config.file;
  report.predictedColumn = config.predictedColumn;
  report.measuredColumn = config.measuredColumn;
  const auto &buckets = lengthBuckets();
  std::vector<double> predicted, measured;
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
    if (fields.size() <= std::max({predCol, measCol, hexCol})) {
      skip(fmt::format("has {} fields, expected at least {}", fields.size(), std::max({predCol, measCol, hexCol}) + 1));
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
  }
  report.overall = summarize(predicted, measured);
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
  if (skipped)
    out += fmt::format("{} of {} rows skipped\n", skipped, rows);
  return out;
}

} // namespace surrogate::model
