// loadExamples: training examples from a dataset directory or CSVs, decoded, tokenized and split.
#include "surrogate/model/TrainingData.h"

#include <cmath>
#include <stdexcept>
#include <unordered_set>

#include <spdlog/spdlog.h>

#include "surrogate/block/Decoder.h"
#include "surrogate/data/CsvTable.h"
#include "surrogate/data/Dataset.h"
#include "surrogate/support/Progress.h"

namespace surrogate::model {

nlohmann::json DataSource::toJson() const {
  nlohmann::json j = {{"target_column", targetColumn}, {"measured_column", measuredColumn}};
  if (!dataset.empty())
    j["dataset"] = dataset;
  else
    j["csv"] = csv;
  return j;
}

DataSource DataSource::fromJson(const nlohmann::json &j) {
  DataSource s;
  s.dataset = j.value("dataset", "");
  if (j.contains("csv"))
    s.csv = j.at("csv").get<std::vector<std::string>>();
  s.targetColumn = j.value("target_column", s.targetColumn);
  s.measuredColumn = j.value("measured_column", s.measuredColumn);
  return s;
}

namespace {

// Tokenizes examples as they arrive; held-out ones wait until every train
// example has grown the vocabulary.
class ExampleCollector {
public:
  ExampleCollector(block::Vocabulary &vocab, bool grow) : Vocab(vocab), Grow(grow) {}

  void add(TrainingExample example, const std::string &where) {
    if (block::DecodeResult bad = Decoder.decode(example.hex, Insts); !bad.ok()) {
      problem(where + ": " + bad.error);
      return;
    }
    if (Insts.empty()) {
      problem(where + ": empty block");
      return;
    }
    for (const llvm::MCInst &inst : Insts)
      example.opcodes.push_back(static_cast<std::uint16_t>(inst.getOpcode()));
    if (Grow && example.split != data::Split::Train) {
      Waiting.emplace_back(Out.examples.size(), Insts);
    } else {
      example.tokens = Grow ? Vocab.encodeAndGrow(Tokenizer, Insts) : Vocab.encode(Tokenizer, Insts);
    }
    Out.examples.push_back(std::move(example));
  }

  void problem(const std::string &what) {
    if (++Out.skipped <= 20)
      spdlog::warn("{}", what);
  }

  void setMode(const std::string &mode) { Out.datasetMode = mode; }

  LoadedExamples finish() {
    for (auto &[index, insts] : Waiting)
      Out.examples[index].tokens = Vocab.encode(Tokenizer, insts);
    Waiting.clear();
    if (Out.skipped > 20)
      spdlog::warn("... {} rows skipped in all", Out.skipped);
    return std::move(Out);
  }

private:
  block::Vocabulary &Vocab;
  bool Grow;
  block::Decoder Decoder;
  block::Tokenizer Tokenizer;
  std::vector<llvm::MCInst> Insts;
  std::vector<std::pair<std::size_t, std::vector<llvm::MCInst>>> Waiting;
  LoadedExamples Out;
};

void readDataset(const DataSource &source, ExampleCollector &collector) {
  data::Dataset ds = data::Dataset::open(source.dataset);
  collector.setMode(ds.mode());
  double perHundred = 100.0 / ds.iterations();
  support::Progress progress("reading " + source.dataset, ds.exampleCount());
  data::ExampleReader reader = ds.examples();
  std::size_t n = 0;
  for (data::Example e; reader.next(e);) {
    TrainingExample ex;
    ex.hex = e.hex();
    ex.cycles = e.cycles * perHundred;
    ex.measured = e.measured;
    ex.split = e.split;
    ex.paramsId = e.paramsId;
    std::string where = source.dataset + ": example " + std::to_string(n);
    if (e.cycles == 0)
      collector.problem(where + ": zero cycles");
    else
      collector.add(std::move(ex), where);
    progress.update(++n);
  }
  progress.finish();
}

// The same block in several CSVs (BHive's sources share blocks between
// applications) is one example: the first row wins.
void readCsv(const std::string &path, const DataSource &source, ExampleCollector &collector,
             std::unordered_set<std::string> &seen, std::size_t &duplicates) {
  data::CsvTable table(path);
  std::size_t hexCol = table.column("hex"), targetCol = table.column(source.targetColumn);
  std::optional<std::size_t> measuredCol;
  if (table.hasColumn(source.measuredColumn))
    measuredCol = table.column(source.measuredColumn);
  std::vector<std::uint8_t> bytes;
  for (std::vector<std::string> fields; table.next(fields);) {
    std::string where = path + ":" + std::to_string(table.line());
    auto field = [&](std::size_t i) { return i < fields.size() ? fields[i] : std::string(); };
    TrainingExample ex;
    ex.hex = field(hexCol);
    if (block::DecodeResult bad = block::parseHex(ex.hex, bytes); !bad.ok()) {
      collector.problem(where + ": " + bad.error);
      continue;
    }
    try {
      std::size_t used = 0;
      std::string text = field(targetCol);
      ex.cycles = std::stod(text, &used);
      if (used != text.size())
        throw std::invalid_argument(text);
    } catch (const std::exception &) {
      collector.problem(where + ": " + source.targetColumn + " '" + field(targetCol) + "' is not a number");
      continue;
    }
    if (!(ex.cycles > 0) || !std::isfinite(ex.cycles)) {
      collector.problem(where + ": " + source.targetColumn + " must be positive");
      continue;
    }
    if (measuredCol && !field(*measuredCol).empty()) {
      try {
        ex.measured = std::stod(field(*measuredCol));
      } catch (const std::exception &) {
        collector.problem(where + ": measured '" + field(*measuredCol) + "' is not a number");
        continue;
      }
    }
    if (!seen.insert(ex.hex).second) {
      ++duplicates;
      continue;
    }
    ex.split = data::splitOf(data::blockHash(bytes));
    collector.add(std::move(ex), where);
  }
}

} // namespace

LoadedExamples loadExamples(const DataSource &source, block::Vocabulary &vocab, bool growVocabulary) {
  if (source.dataset.empty() == source.csv.empty())
    throw std::invalid_argument("give either a dataset directory or CSV files");
  ExampleCollector collector(vocab, growVocabulary);
  if (!source.dataset.empty())
    readDataset(source, collector);
  std::unordered_set<std::string> seen;
  std::size_t duplicates = 0;
  for (const std::string &path : source.csv)
    readCsv(path, source, collector, seen, duplicates);
  if (duplicates)
    spdlog::info("{} rows repeat a block read before; each block is one example", duplicates);
  return collector.finish();
}

} // namespace surrogate::model
