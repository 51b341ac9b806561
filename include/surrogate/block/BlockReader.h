#pragma once
// Streams blocks, in input order, from BHive CSV files (`hex[,throughput]`,
// optional `hex,...` header) and assembly files (.s/.S/.asm, blocks split by
// a `# ---` line). A row that cannot be read comes out as a Problem in its
// place, so callers can report and count it.

#include <fstream>
#include <deque>
#include <stdexcept>
#include <string>
#include <variant>
#include <vector>

#include "surrogate/block/BasicBlock.h"
#include "surrogate/block/Decoder.h"
#include "surrogate/support/Errors.h"

namespace surrogate::block {

struct ReaderOptions {
  Syntax syntax = Syntax::ATT;
  /// Take a CSV's second column as the measured throughput. A header naming
  /// that column anything but throughput/measured/cycles turns this off.
  bool readMeasured = true;
};

using BlockOrProblem = std::variant<BasicBlock, Problem>;

class BlockReader {
public:
  /// Opens every path up front so a missing file fails before any work.
  BlockReader(std::vector<std::string> paths, ReaderOptions options = {});

  /// The next block or problem; false once every input is exhausted.
  bool next(BlockOrProblem &item);

private:
  bool openNext();
  bool nextCsvRow(BlockOrProblem &item);

  std::vector<std::string> Paths;
  ReaderOptions Options;
  std::size_t PathIndex = 0;
  std::ifstream Csv;
  std::string CurrentFile;
  std::size_t LineNo = 0;
  bool CsvMeasured = true;
  bool FileHadRows = false;
  std::deque<BlockOrProblem> Pending;  // parsed assembly, or a file's problem
};

} // namespace surrogate::block
