#pragma once
// Turns a block's bytes into MCInsts with LLVM's X86 disassembler, and
// MCInsts back into assembly text. Holds an MCContext, so use one per thread.

#include <memory>
#include <string>
#include <vector>

#include <llvm/ADT/ArrayRef.h>
#include <llvm/MC/MCContext.h>
#include <llvm/MC/MCDisassembler/MCDisassembler.h>
#include <llvm/MC/MCInstPrinter.h>

#include "surrogate/block/BasicBlock.h"

namespace surrogate::block {

enum class Syntax { ATT, Intel };

class Decoder {
public:
  Decoder();
  ~Decoder();

  /// Decodes every instruction of `hex` into `insts`.
  DecodeResult decode(const std::string &hex, std::vector<llvm::MCInst> &insts);

  /// One instruction per line, tab-indented, as llvm-mc prints it.
  std::string print(llvm::ArrayRef<llvm::MCInst> insts, Syntax syntax = Syntax::ATT) const;

private:
  std::unique_ptr<llvm::MCSubtargetInfo> STI;
  std::unique_ptr<llvm::MCContext> Ctx;
  std::unique_ptr<llvm::MCDisassembler> Disassembler;
  std::unique_ptr<llvm::MCInstPrinter> AttPrinter, IntelPrinter;
  std::vector<std::uint8_t> Bytes;
};

} // namespace surrogate::block
