// BlockInputOptions: --syntax and --no-measured of the commands that read blocks.

#include "surrogate/cli/BlockInputOptions.h"

namespace surrogate::cli {

void BlockInputOptions::addTo(CLI::App *cmd) {
  cmd->add_option("--syntax", syntax, "syntax of assembly inputs")
      ->capture_default_str()
      ->check(CLI::IsMember({"att", "intel"}));
  cmd->add_flag("--no-measured", noMeasured, "ignore a CSV's second column (e.g. BHive sources' frequency)");
}

block::ReaderOptions BlockInputOptions::reading() const {
  block::ReaderOptions options;
  options.syntax = syntax == "intel" ? block::Syntax::Intel : block::Syntax::ATT;
  options.readMeasured = !noMeasured;
  return options;
}

} // namespace surrogate::cli
