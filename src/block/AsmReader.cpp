#include "surrogate/block/AsmReader.h"

#include <llvm/ADT/SmallVector.h>
#include <llvm/MC/MCCodeEmitter.h>
#include <llvm/MC/MCContext.h>
#include <llvm/MC/MCFixup.h>
#include <llvm/MC/MCObjectFileInfo.h>
#include <llvm/MC/MCParser/MCAsmParser.h>
#include <llvm/MC/MCParser/MCTargetAsmParser.h>
#include <llvm/MC/MCStreamer.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/SourceMgr.h>
#include <llvm/Support/raw_ostream.h>

#include "surrogate/block/Target.h"

namespace surrogate::block {
namespace {

// Keeps the instructions the parser emits and ignores everything else
// (directives, labels): a block is its instructions.
class InstructionCollector : public llvm::MCStreamer {
public:
  explicit InstructionCollector(llvm::MCContext &ctx) : MCStreamer(ctx) {}
  std::vector<llvm::MCInst> insts;

  void emitInstruction(const llvm::MCInst &inst, const llvm::MCSubtargetInfo &) override {
    insts.push_back(inst);
  }
  bool emitSymbolAttribute(llvm::MCSymbol *, llvm::MCSymbolAttr) override { return true; }
  void emitCommonSymbol(llvm::MCSymbol *, uint64_t, llvm::Align) override {}
  void emitZerofill(llvm::MCSection *, llvm::MCSymbol *, uint64_t, llvm::Align, llvm::SMLoc) override {}
  void emitGPRel32Value(const llvm::MCExpr *) override {}
  void beginCOFFSymbolDef(const llvm::MCSymbol *) override {}
  void emitCOFFSymbolStorageClass(int) override {}
  void emitCOFFSymbolType(int) override {}
  void endCOFFSymbolDef() override {}
};

std::string trim(const std::string &s) {
  std::size_t b = s.find_first_not_of(" \t\r"), e = s.find_last_not_of(" \t\r");
  return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

struct Chunk {
  std::size_t firstLine;  // 1-based line of the chunk's first line
  std::string text;       // padded with newlines so parser lines are file lines
  bool hasCode = false;
};

std::vector<Chunk> splitBlocks(const std::string &text) {
  std::vector<Chunk> chunks(1, Chunk{1, "", false});
  std::size_t lineNo = 0, pos = 0;
  while (pos <= text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(pos, end - pos);
    ++lineNo;
    std::string t = trim(line);
    if (t == kBlockSeparator) {
      chunks.push_back(Chunk{lineNo + 1, std::string(lineNo, '\n'), false});
    } else {
      chunks.back().text += line + "\n";
      if (!t.empty() && t[0] != '#' && t[0] != ';' && t.rfind("//", 0) != 0)
        chunks.back().hasCode = true;
    }
    pos = end + 1;
  }
  return chunks;
}

} // namespace

AsmParseResult parseAssembly(const std::string &text, const std::string &file, Syntax syntax) {
  const X86Target &x86 = X86Target::get();
  AsmParseResult result;
  std::unique_ptr<llvm::MCSubtargetInfo> sti(
      x86.target().createMCSubtargetInfo(x86.triple().str(), "x86-64", ""));

  for (const Chunk &chunk : splitBlocks(text)) {
    if (!chunk.hasCode)
      continue;
    SourceLocation where{file, chunk.firstLine};
    llvm::SourceMgr srcMgr;
    srcMgr.AddNewSourceBuffer(llvm::MemoryBuffer::getMemBufferCopy(chunk.text, file), llvm::SMLoc());
    std::string diagnostics;
    srcMgr.setDiagHandler(
        [](const llvm::SMDiagnostic &d, void *out) {
          auto &s = *static_cast<std::string *>(out);
          if (s.empty())  // the first error is the useful one
            s = "line " + std::to_string(d.getLineNo()) + ": " + d.getMessage().str();
        },
        &diagnostics);

    llvm::MCContext ctx(x86.triple(), &x86.asmInfo(), &x86.registerInfo(), sti.get(), &srcMgr);
    std::unique_ptr<llvm::MCObjectFileInfo> mofi(x86.target().createMCObjectFileInfo(ctx, false));
    ctx.setObjectFileInfo(mofi.get());
    InstructionCollector collector(ctx);
    std::unique_ptr<llvm::MCAsmParser> parser(llvm::createMCAsmParser(srcMgr, ctx, collector, x86.asmInfo()));
    std::unique_ptr<llvm::MCTargetAsmParser> targetParser(
        x86.target().createMCAsmParser(*sti, *parser, x86.instrInfo(), x86.targetOptions()));
    parser->setTargetParser(*targetParser);
    parser->setAssemblerDialect(syntax == Syntax::Intel ? 1 : 0);
    collector.initSections(false, *sti);
    bool failed = parser->Run(/*NoInitialTextSection=*/true);
    if (failed || !diagnostics.empty() || collector.insts.empty()) {
      result.problems.push_back(
          {where, "assembly does not parse: " + (diagnostics.empty() ? std::string("no instructions") : diagnostics)});
      continue;
    }

    // Encode to hex so the block has the same identity as a BHive row.
    std::unique_ptr<llvm::MCCodeEmitter> emitter(x86.target().createMCCodeEmitter(x86.instrInfo(), ctx));
    llvm::SmallVector<char, 64> code;
    llvm::SmallVector<llvm::MCFixup, 4> fixups;
    for (const llvm::MCInst &inst : collector.insts)
      emitter->encodeInstruction(inst, code, fixups, *sti);
    BasicBlock block;
    block.hex = toHex(reinterpret_cast<const std::uint8_t *>(code.data()), code.size());
    block.where = where;
    block.insts = std::move(collector.insts);
    result.blocks.push_back(std::move(block));
  }
  return result;
}

} // namespace surrogate::block
