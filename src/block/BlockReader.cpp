// BlockReader: blocks streamed in input order from BHive CSV rows and assembly files, problems in their place.
#include "surrogate/block/BlockReader.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <sstream>

#include "surrogate/block/AsmReader.h"
#include "surrogate/block/CodeRegions.h"

namespace surrogate::block {
namespace {

std::string trim(const std::string &s) {
  std::size_t b = s.find_first_not_of(" \t\r"), e = s.find_last_not_of(" \t\r");
  return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

Problem noBlocksIn(const std::string &file) {
  Problem problem;
  problem.where.file = file;
  problem.reason = "file holds no blocks";
  return problem;
}

} // namespace

BlockReader::BlockReader(std::vector<std::string> paths, ReaderOptions options)
    : Paths(std::move(paths)), Options(options) {
  for (const std::string &path : Paths) {
    std::ifstream probe(path);
    if (!probe)
      throw support::InputError(path, 0, std::string("cannot open: ") + std::strerror(errno));
  }
}

bool BlockReader::openNext() {
  if (Csv.is_open() && !FileHadRows)
    Pending.push_back(noBlocksIn(CurrentFile));
  Csv.close();
  if (PathIndex >= Paths.size())
    return false;
  CurrentFile = Paths[PathIndex++];
  LineNo = 0;
  FileHadRows = false;
  CsvMeasured = Options.readMeasured;

  if (isAssemblyFile(CurrentFile)) {
    std::ifstream in(CurrentFile);
    if (!in)
      throw support::InputError(CurrentFile, 0, std::string("cannot open: ") + std::strerror(errno));
    std::stringstream text;
    text << in.rdbuf();
    AsmParseResult parsed = parseAssembly(text.str(), CurrentFile, Options.syntax);
    std::vector<BlockOrProblem> items;
    for (BasicBlock &b : parsed.blocks) items.emplace_back(std::move(b));
    for (Problem &p : parsed.problems) items.emplace_back(std::move(p));
    auto lineOf = [](const BlockOrProblem &i) {
      return std::visit([](const auto &x) { return x.where.line; }, i);
    };
    std::stable_sort(items.begin(), items.end(),
                     [&](const auto &a, const auto &b) { return lineOf(a) < lineOf(b); });
    if (items.empty())
      items.emplace_back(noBlocksIn(CurrentFile));
    for (auto &i : items) Pending.push_back(std::move(i));
    return true;
  }
  Csv.open(CurrentFile);
  if (!Csv)
    throw support::InputError(CurrentFile, 0, std::string("cannot open: ") + std::strerror(errno));
  return true;
}

bool BlockReader::next(BlockOrProblem &item) {
  for (;;) {
    if (!Pending.empty()) {
      item = std::move(Pending.front());
      Pending.pop_front();
      return true;
    }
    if (Csv.is_open() && nextCsvRow(item))
      return true;
    if (!openNext() && Pending.empty())
      return false;  // every input read and every problem handed out
  }
}

bool BlockReader::nextCsvRow(BlockOrProblem &item) {
  std::string line;
  while (std::getline(Csv, line)) {
    ++LineNo;
    std::string row = trim(line);
    if (row.empty())
      continue;  // blank lines are layout, not rows
    SourceLocation where{CurrentFile, LineNo};
    std::size_t comma = row.find(',');
    std::string hex = trim(row.substr(0, comma));
    std::string rest = comma == std::string::npos ? std::string() : trim(row.substr(comma + 1));
    std::string second = trim(rest.substr(0, rest.find(',')));

    if (LineNo == 1 && (hex == "hex" || hex == "code")) {
      CsvMeasured = Options.readMeasured &&
                    (second == "throughput" || second == "measured" || second == "cycles");
      continue;
    }
    FileHadRows = true;
    BasicBlock block;
    block.where = where;
    std::transform(hex.begin(), hex.end(), hex.begin(), [](unsigned char c) { return std::tolower(c); });
    std::vector<std::uint8_t> bytes;
    if (DecodeResult parsed = parseHex(hex, bytes); !parsed.ok()) {
      item = Problem{where, parsed.error};
      return true;
    }
    block.hex = std::move(hex);
    if (CsvMeasured && !second.empty()) {
      char *end = nullptr;
      errno = 0;
      double value = std::strtod(second.c_str(), &end);
      if (*end != '\0' || errno != 0 || !(value > 0)) {
        item = Problem{where, "measured throughput '" + second + "' is not a positive number"};
        return true;
      }
      block.measured = value;
    }
    item = std::move(block);
    return true;
  }
  if (Csv.bad())
    throw support::InputError(CurrentFile, LineNo, "read error");
  return false;
}

} // namespace surrogate::block
