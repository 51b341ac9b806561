#pragma once
// Parses assembly text into blocks with LLVM's own assembly parser (the one
// llvm-mc and llvm-mca use), and encodes each block to hex so assembly input
// flows through the same pipeline as BHive rows.

#include <string>
#include <vector>

#include "surrogate/block/BasicBlock.h"
#include "surrogate/block/Decoder.h"

namespace surrogate::block {

/// A line consisting of this marker (after trimming) separates blocks.
inline constexpr const char *kBlockSeparator = "# ---";

struct AsmParseResult {
  std::vector<BasicBlock> blocks;  ///< with insts and hex filled in
  std::vector<Problem> problems;   ///< blocks that did not assemble
};

/// Parses the text of one assembly file; `file` names it in locations.
AsmParseResult parseAssembly(const std::string &text, const std::string &file, Syntax syntax);

} // namespace surrogate::block
