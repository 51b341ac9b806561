#pragma once
// Blocks for the tests of the scheduling bounds: decoding a hex block, and
// the blocks several suites measure against llvm-mca.

#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <llvm/MC/MCInst.h>

#include "surrogate/block/Decoder.h"

namespace surrogate::test {

/// The block's instructions; a test failure when it does not decode.
inline std::vector<llvm::MCInst> decoded(const std::string &hex) {
  block::Decoder decoder;
  std::vector<llvm::MCInst> insts;
  EXPECT_TRUE(decoder.decode(hex, insts).ok()) << hex;
  return insts;
}

/// Four dependent `imulq %rax, %rax` (IMUL64rr): 12 cycles an iteration under LLVM's Haswell (llvm-mca 1,203 for 100).
inline const std::string kImulChain = "480fafc0480fafc0480fafc0480fafc0";

} // namespace surrogate::test
