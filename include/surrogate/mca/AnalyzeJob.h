#pragma once
// `surrogate analyze`: blocks in (the inputs `simulate` reads), one row per
// block or code region out (CSV or JSONL, in input order) with its static
// bounds from the scheduling model (BlockAnalyzer) and which one binds;
// optionally llvm-mca's own cycles beside them. Problems are reported on
// stderr and counted, as `simulate` does.

#include <string>
#include <vector>

#include "surrogate/block/BlockReader.h"

namespace surrogate::mca {

struct AnalyzeConfig {
  std::vector<std::string> inputs;
  std::string cpu = "haswell";  ///< empty with paramsFile: the table's CPU
  std::string paramsFile;       ///< parameter table (JSON); empty: LLVM's model
  std::string format = "csv";   ///< csv | jsonl
  std::string output;           ///< empty or "-": stdout
  bool withMca = false;         ///< also run llvm-mca (in-process, 100 iterations) on each block
  unsigned threads = 1;         ///< workers for the llvm-mca runs (0: all cores)
  bool strict = false;
  block::ReaderOptions reading;  ///< assembly syntax, whether a CSV's second column is a measurement
};

struct AnalyzeSummary {
  std::size_t read = 0;  ///< rows and blocks seen
  std::size_t analyzed = 0;
  std::size_t skipped = 0;
};

/// Runs the job; throws on fatal errors (bad CPU or table, missing input, strict mode).
AnalyzeSummary runAnalyze(const AnalyzeConfig &config);

} // namespace surrogate::mca
