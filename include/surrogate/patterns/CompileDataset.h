#pragma once
// The dataset step that compile and the capacity sweep share: llvm-mca's
// cycles for every block and measured file of a config, under the CPU's
// parameters or a table, in RUN/dataset (a complete one is reused).

#include <string>

#include "surrogate/patterns/PatternConfig.h"

namespace surrogate::patterns {

/// The llvm-mca dataset of a compile run in RUN/dataset: every block and
/// measured file of `config`, under the CPU's parameters or `paramsFile`;
/// a complete one is reused. The capacity sweep shares it.
std::string ensureCompileDataset(const PatternConfig &config, const std::string &runDir, const std::string &paramsFile);

} // namespace surrogate::patterns
