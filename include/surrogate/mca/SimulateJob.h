#pragma once
// `surrogate simulate`: blocks in, llvm-mca's figures out (CSV or JSONL),
// in input order, with problems reported on stderr and counted.

#include <string>
#include <vector>

#include "surrogate/block/BlockReader.h"
#include "surrogate/mca/BatchRunner.h"

namespace surrogate::mca {

/// What llvm-mca runs for -iterations=0 (its default): mca::SourceMgr's DefaultIterations.
inline constexpr unsigned kLlvmMcaDefaultIterations = 100;

struct SimulateConfig {
  std::vector<std::string> inputs;
  std::string cpu = "haswell";  ///< empty with paramsFile: the table's CPU
  std::string paramsFile;        ///< parameter table to simulate with (JSON); empty: LLVM's model
  unsigned iterations = 100;    ///< 0: llvm-mca's default (kLlvmMcaDefaultIterations)
  unsigned threads = 1;
  std::string format = "csv";  ///< csv | jsonl
  std::string output;          ///< empty or "-": stdout
  bool strict = false;
  block::ReaderOptions reading;  ///< assembly syntax, whether a CSV's second column is a measurement
};

/// Runs the job; throws on fatal errors (bad CPU, missing input, strict mode).
BatchSummary runSimulate(const SimulateConfig &config);

} // namespace surrogate::mca
