#pragma once
// The input options of the commands that read blocks (simulate, analyze,
// predict): the syntax of assembly inputs and whether a CSV's second column
// is a measurement, declared once so the commands spell them alike.

#include <string>

#include <CLI/CLI.hpp>

#include "surrogate/block/BlockReader.h"

namespace surrogate::cli {

struct BlockInputOptions {
  std::string syntax = "att";
  bool noMeasured = false;

  /// Declares --syntax and --no-measured on `cmd`, into this struct.
  void addTo(CLI::App *cmd);
  /// What the command's block reader is to do (a job config's `reading`).
  block::ReaderOptions reading() const;
};

} // namespace surrogate::cli
