// parseAssembly: text split at `# ---`, each chunk parsed as llvm-mca 19 parses it, each region encoded to hex.
#include "surrogate/block/AsmReader.h"

#include <cctype>
#include <regex>

#include <llvm/ADT/SmallVector.h>
#include <llvm/MC/MCCodeEmitter.h>
#include <llvm/MC/MCContext.h>
#include <llvm/MC/MCFixup.h>
#include <llvm/MC/MCInstPrinter.h>
#include <llvm/MC/MCObjectFileInfo.h>
#include <llvm/MC/MCParser/MCAsmParser.h>
#include <llvm/MC/MCParser/MCTargetAsmParser.h>
#include <llvm/MC/MCStreamer.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/SourceMgr.h>
#include <llvm/Support/FormattedStream.h>
#include <llvm/Support/raw_ostream.h>

#include "surrogate/block/CodeRegions.h"
#include "surrogate/block/Target.h"

namespace surrogate::block {
namespace {

// Hands the instructions the parser emits to the code regions and ignores
// everything else (directives, labels): a block is its instructions.
class InstructionCollector : public llvm::MCStreamer {
public:
  InstructionCollector(llvm::MCContext &ctx, CodeRegions &regions) : MCStreamer(ctx), Regions(regions) {}

  void emitInstruction(const llvm::MCInst &inst, const llvm::MCSubtargetInfo &) override { Regions.add(inst); }
  bool emitSymbolAttribute(llvm::MCSymbol *, llvm::MCSymbolAttr) override { return true; }
  void emitCommonSymbol(llvm::MCSymbol *, uint64_t, llvm::Align) override {}
  void emitZerofill(llvm::MCSection *, llvm::MCSymbol *, uint64_t, llvm::Align, llvm::SMLoc) override {}
  void emitGPRel32Value(const llvm::MCExpr *) override {}
  void beginCOFFSymbolDef(const llvm::MCSymbol *) override {}
  void emitCOFFSymbolStorageClass(int) override {}
  void emitCOFFSymbolType(int) override {}
  void endCOFFSymbolDef() override {}

private:
  CodeRegions &Regions;
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

// Whether the divisor at the start of `rest` is a non-zero integer literal
// (`8`, `0x10`, `1bh`, `10d`); a register, symbol, parenthesis or anything
// that is not wholly one number (`0dll`) is not.
bool nonZeroLiteral(const std::string &rest) {
  std::size_t i = rest.find_first_not_of(" \t+-");
  if (i == std::string::npos || !std::isdigit(static_cast<unsigned char>(rest[i])))
    return false;
  std::size_t j = i;
  while (j < rest.size() && std::isalnum(static_cast<unsigned char>(rest[j]))) ++j;
  std::string token = rest.substr(i, j - i), body = token, allowed = "0123456789";
  if (token.size() > 2 && (token[1] == 'x' || token[1] == 'X')) {
    body = token.substr(2);
    allowed += "abcdefABCDEF";
  } else if (token.size() > 1 && std::string("hHbBoOqQyYdDtT").find(token.back()) != std::string::npos) {
    body.pop_back();  // MASM radix suffix
    if (token.back() == 'h' || token.back() == 'H') allowed += "abcdefABCDEF";
  }
  return !body.empty() && body.find_first_not_of(allowed) == std::string::npos &&
         body.find_first_not_of('0') != std::string::npos;
}

// The first line (1-based, within `text`) of an Intel-syntax expression
// LLVM 19's Intel parser cannot survive, with why; line 0 when there is none.
// It divides without checking (a register counts as 0 there) and dies of
// SIGFPE, and a NOT (`~`, `not`) right after a unary operator (`~~5`,
// `not not 5`, `-~5` where the minus starts an operand: `lock x -~y`) makes
// it abort; llvm-mc and llvm-mca die on the same lines, so such a chunk is
// refused before it reaches the parser. Whether a minus is unary cannot be
// told without parsing (a mnemonic looks like a symbol), so every NOT right
// after a minus is refused: `a - ~b` is written `a - (~b)`.
struct UnsafeLine {
  std::size_t line = 0;
  std::string why;
};

UnsafeLine unsafeIntelLine(const std::string &text) {
  static const std::regex divide(R"(/|%|\bmod\b)", std::regex::ECMAScript | std::regex::icase);
  static const std::regex notAfterUnary(
      R"((~|-|\bnot\b)\s*(~|\bnot\b))",
      std::regex::ECMAScript | std::regex::icase);
  std::size_t line = 1;
  for (std::size_t pos = 0; pos <= text.size(); ++line) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string::npos)
      end = text.size();
    std::string l = text.substr(pos, end - pos);
    l = l.substr(0, l.find('#'));  // comments (`# RUN: ... %s`) are not expressions
    for (std::sregex_iterator m(l.begin(), l.end(), divide), none; m != none; ++m)
      if (!nonZeroLiteral(l.substr(m->position() + m->length())))
        return {line, "a divisor that is not a non-zero number (LLVM's Intel parser may divide by zero on it)"};
    if (std::regex_search(l, notAfterUnary))
      return {line, "a NOT ('~' or 'not') right after '~', 'not' or '-' (LLVM's Intel parser may abort on it; "
                    "write ~(~x) or a - (~x) instead)"};
    pos = end + 1;
  }
  return {};
}

// LLVM's assembly parser over one chunk, set up as llvm-mca 19 sets it up
// (CodeRegionGenerator.cpp): MASM integer literals (`5h`, `101b`) lexed, asm
// comments not preserved, a target streamer for target directives such as
// `.cv_fpo_pushreg`, the initial text section, and region markers read from
// the lexer's comments.
class ChunkParser {
public:
  ChunkParser(const std::string &text, const std::string &file, Syntax syntax)
      : File(file), Text(text), Intel(syntax == Syntax::Intel), Target(X86Target::get()),
        Sti(Target.target().createMCSubtargetInfo(Target.triple().str(), "x86-64", "")),
        Regions_(SrcMgr) {
    SrcMgr.AddNewSourceBuffer(llvm::MemoryBuffer::getMemBufferCopy(text, file), llvm::SMLoc());
    SrcMgr.setDiagHandler(&ChunkParser::keepFirstError, &FirstError);
    Ctx = std::make_unique<llvm::MCContext>(Target.triple(), &Target.asmInfo(), &Target.registerInfo(), Sti.get(),
                                            &SrcMgr);
    Mofi.reset(Target.target().createMCObjectFileInfo(*Ctx, /*PIC=*/false));
    Ctx->setObjectFileInfo(Mofi.get());
    Collector = std::make_unique<InstructionCollector>(*Ctx, Regions_);
    Printer.reset(Target.target().createMCInstPrinter(Target.triple(), 0, Target.asmInfo(), Target.instrInfo(),
                                                      Target.registerInfo()));
    Target.target().createAsmTargetStreamer(*Collector, Discard, Printer.get());  // owned by Collector
    Parser.reset(llvm::createMCAsmParser(SrcMgr, *Ctx, *Collector, Target.asmInfo()));
    Parser->getLexer().setCommentConsumer(&Markers);
    Parser->getLexer().setLexMasmIntegers(true);
    llvm::MCTargetOptions options;
    options.PreserveAsmComments = false;
    TargetParser.reset(Target.target().createMCAsmParser(*Sti, *Parser, Target.instrInfo(), options));
    Parser->setTargetParser(*TargetParser);
    if (syntax == Syntax::Intel)
      Parser->setAssemblerDialect(1);
  }

  /// Parses the chunk; false, with the reasons added to `problems`, when the
  /// parser or the region markers report an error (llvm-mca then refuses the input).
  bool run(std::vector<Problem> &problems, std::size_t firstLine) {
    if (UnsafeLine bad = Intel ? unsafeIntelLine(Text) : UnsafeLine{}; bad.line) {
      problems.push_back({{File, bad.line}, "assembly does not parse: line " + std::to_string(bad.line) + ": " + bad.why});
      return false;
    }
    if (Parser->Run(/*NoInitialTextSection=*/false)) {
      std::size_t line = FirstError.line ? FirstError.line : firstLine;
      problems.push_back({{File, line}, "assembly does not parse: line " + std::to_string(line) + ": " +
                                            (FirstError.message.empty() ? "error" : FirstError.message)});
      return false;
    }
    for (const RegionError &e : Regions_.errors())
      problems.push_back({{File, e.line}, "code region: " + e.message});
    return Regions_.errors().empty();
  }

  const CodeRegions &regions() const { return Regions_; }

  /// The instructions' machine code in hex, so a region has the identity of a BHive row.
  std::string encode(const std::vector<llvm::MCInst> &insts) const {
    std::unique_ptr<llvm::MCCodeEmitter> emitter(Target.target().createMCCodeEmitter(Target.instrInfo(), *Ctx));
    llvm::SmallVector<char, 64> code;
    llvm::SmallVector<llvm::MCFixup, 4> fixups;
    for (const llvm::MCInst &inst : insts)
      emitter->encodeInstruction(inst, code, fixups, *Sti);
    return toHex(reinterpret_cast<const std::uint8_t *>(code.data()), code.size());
  }

private:
  struct Diagnostic {
    std::size_t line = 0;
    std::string message;
  };
  static void keepFirstError(const llvm::SMDiagnostic &d, void *out) {
    auto &first = *static_cast<Diagnostic *>(out);
    if (d.getKind() == llvm::SourceMgr::DK_Error && first.message.empty())  // the first error is the useful one
      first = {static_cast<std::size_t>(d.getLineNo()), d.getMessage().str()};
  }

  std::string File, Text;
  bool Intel;
  const X86Target &Target;
  std::unique_ptr<llvm::MCSubtargetInfo> Sti;
  llvm::SourceMgr SrcMgr;
  Diagnostic FirstError;
  CodeRegions Regions_;
  RegionMarkerConsumer Markers{Regions_};
  std::unique_ptr<llvm::MCContext> Ctx;
  std::unique_ptr<llvm::MCObjectFileInfo> Mofi;
  std::unique_ptr<llvm::MCInstPrinter> Printer;
  llvm::formatted_raw_ostream Discard{llvm::nulls()};
  std::unique_ptr<InstructionCollector> Collector;  // owns the target streamer, which uses the two above
  std::unique_ptr<llvm::MCAsmParser> Parser;
  std::unique_ptr<llvm::MCTargetAsmParser> TargetParser;
};

} // namespace

AsmParseResult parseAssembly(const std::string &text, const std::string &file, Syntax syntax) {
  AsmParseResult result;
  std::size_t regionIndex = 0;  // llvm-mca numbers the non-empty regions of a file
  std::vector<Chunk> chunks = splitBlocks(text);
  for (const Chunk &chunk : chunks) {
    if (!chunk.hasCode && chunks.size() > 1)
      continue;  // comments between separators; a file without separators is parsed whatever it holds
    ChunkParser parser(chunk.text, file, syntax);
    if (!parser.run(result.problems, chunk.firstLine))
      continue;
    std::size_t before = result.blocks.size();
    for (const CodeRegion &region : parser.regions().regions()) {
      if (region.insts.empty())
        continue;  // llvm-mca skips empty regions
      BasicBlock block;
      block.hex = parser.encode(region.insts);
      block.where = SourceLocation{file, region.marked() ? region.line : chunk.firstLine};
      if (region.marked())
        block.region = region.name.empty() ? std::to_string(regionIndex) : region.name;
      ++regionIndex;
      block.insts = region.insts;
      result.blocks.push_back(std::move(block));
    }
    if (result.blocks.size() == before)
      result.problems.push_back({{file, chunk.firstLine}, "assembly does not parse: no assembly instructions found"});
  }
  return result;
}

} // namespace surrogate::block
