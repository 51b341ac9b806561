// Decoder: a block's bytes to MCInsts with LLVM's X86 disassembler, and MCInsts back to assembly text.
#include "surrogate/block/Decoder.h"

#include <llvm/Support/raw_ostream.h>

#include "surrogate/block/Target.h"

namespace surrogate::block {

Decoder::Decoder() {
  const X86Target &x86 = X86Target::get();
  // Decoding does not depend on the CPU model; a generic x86-64 subtarget
  // with every feature decodes everything any CPU can run.
  STI.reset(x86.target().createMCSubtargetInfo(x86.triple().str(), "x86-64", ""));
  Ctx = std::make_unique<llvm::MCContext>(x86.triple(), &x86.asmInfo(), &x86.registerInfo(), STI.get());
  Disassembler.reset(x86.target().createMCDisassembler(*STI, *Ctx));
  AttPrinter.reset(x86.target().createMCInstPrinter(x86.triple(), 0, x86.asmInfo(), x86.instrInfo(),
                                                    x86.registerInfo()));
  IntelPrinter.reset(x86.target().createMCInstPrinter(x86.triple(), 1, x86.asmInfo(), x86.instrInfo(),
                                                      x86.registerInfo()));
}

Decoder::~Decoder() = default;

DecodeResult Decoder::decode(const std::string &hex, std::vector<llvm::MCInst> &insts) {
  insts.clear();
  if (DecodeResult hexOk = parseHex(hex, Bytes); !hexOk.ok())
    return hexOk;
  llvm::ArrayRef<std::uint8_t> bytes(Bytes);
  std::uint64_t offset = 0;
  while (offset < bytes.size()) {
    llvm::MCInst inst;
    std::uint64_t size = 0;
    auto status = Disassembler->getInstruction(inst, size, bytes.slice(offset), offset, llvm::nulls());
    if (status != llvm::MCDisassembler::Success) {
      std::size_t shown = std::min<std::size_t>(bytes.size() - offset, 8);
      return DecodeResult::failure("cannot decode an instruction at byte offset " + std::to_string(offset) +
                                   " (bytes " + toHex(bytes.data() + offset, shown) +
                                   (shown < bytes.size() - offset ? "...)" : ")"));
    }
    insts.push_back(inst);
    offset += size;
  }
  return DecodeResult::success();
}

std::string Decoder::print(llvm::ArrayRef<llvm::MCInst> insts, Syntax syntax) const {
  std::string text;
  llvm::raw_string_ostream os(text);
  llvm::MCInstPrinter &printer = syntax == Syntax::ATT ? *AttPrinter : *IntelPrinter;
  for (const llvm::MCInst &inst : insts) {
    printer.printInst(&inst, 0, "", *STI, os);
    os << '\n';
  }
  return text;
}

} // namespace surrogate::block
