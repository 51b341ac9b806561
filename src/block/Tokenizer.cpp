// Tokenizer and Vocabulary: Ithemal-style tokens of an instruction, token ids, and the vocabulary file.
#include "surrogate/block/Tokenizer.h"

#include <fstream>
#include <sstream>
#include <stdexcept>

#include <llvm/MC/MCInstrDesc.h>

#include "surrogate/block/Target.h"
#include "surrogate/support/AtomicFile.h"
#include "surrogate/support/Errors.h"

namespace surrogate::block {

namespace {

const std::vector<std::string> &reservedTokens() {
  static const std::vector<std::string> reserved = {
      tokens::kPad,    tokens::kUnknown,   tokens::kSources,  tokens::kDestinations, tokens::kEnd,
      tokens::kMemory, tokens::kMemoryEnd, tokens::kConstant, tokens::kNoRegister};
  return reserved;
}

// X86 memory references are five operands: base, scale, index, displacement, segment.
constexpr unsigned kX86MemoryOperands = 5;

void appendRegister(unsigned reg, std::vector<std::string> &out) {
  if (reg == 0)
    out.emplace_back(tokens::kNoRegister);
  else
    out.emplace_back(X86Target::get().registerInfo().getName(reg));
}

void appendPlainOperand(const llvm::MCOperand &op, std::vector<std::string> &out) {
  if (op.isReg()) {
    if (op.getReg() != 0)
      appendRegister(op.getReg(), out);
  } else {
    out.emplace_back(tokens::kConstant);  // immediates, FP immediates, expressions
  }
}

// One memory reference spelled out; other operand shapes that LLVM marks as
// memory (string-instruction indices, absolute offsets) keep their registers
// and constants in order.
void appendMemory(const llvm::MCInst &inst, unsigned first, unsigned count, std::vector<std::string> &out) {
  out.emplace_back(tokens::kMemory);
  if (count == kX86MemoryOperands) {
    const llvm::MCOperand &base = inst.getOperand(first), &scale = inst.getOperand(first + 1),
                          &index = inst.getOperand(first + 2), &segment = inst.getOperand(first + 4);
    appendRegister(base.isReg() ? base.getReg() : 0, out);
    appendRegister(index.isReg() ? index.getReg() : 0, out);
    out.push_back("*" + std::to_string(scale.isImm() ? scale.getImm() : 1));
    out.emplace_back(tokens::kConstant);
    if (segment.isReg() && segment.getReg() != 0)
      appendRegister(segment.getReg(), out);
  } else {
    for (unsigned i = first; i < first + count; ++i)
      appendPlainOperand(inst.getOperand(i), out);
  }
  out.emplace_back(tokens::kMemoryEnd);
}

} // namespace

Tokenizer::Tokenizer() { X86Target::get(); }

std::vector<std::string> Tokenizer::tokenize(const llvm::MCInst &inst) const {
  const llvm::MCInstrInfo &info = X86Target::get().instrInfo();
  std::vector<std::string> out;
  out.emplace_back(info.getName(inst.getOpcode()));
  out.emplace_back(tokens::kSources);
  appendOperands(inst, false, out);
  out.emplace_back(tokens::kDestinations);
  appendOperands(inst, true, out);
  out.emplace_back(tokens::kEnd);
  return out;
}

void Tokenizer::appendOperands(const llvm::MCInst &inst, bool destinations, std::vector<std::string> &out) const {
  const llvm::MCInstrDesc &desc = X86Target::get().instrInfo().get(inst.getOpcode());
  llvm::ArrayRef<llvm::MCOperandInfo> infos = desc.operands();
  unsigned numDefs = desc.getNumDefs();
  unsigned n = inst.getNumOperands();
  // A load reads its memory operand, a store writes it; an address
  // computation (lea, prefetch) only reads the registers in it.
  bool memoryIsSource = desc.mayLoad() || !desc.mayStore();
  bool memoryIsDestination = desc.mayStore();

  // LEA's address operand is not typed as memory in LLVM's tables (it is
  // never dereferenced), but it has the same five parts.
  bool isLea = llvm::StringRef(X86Target::get().instrInfo().getName(inst.getOpcode())).starts_with("LEA");
  auto isMemoryOperand = [&](unsigned i) {
    if (i >= infos.size())
      return false;
    if (isLea)
      return i >= numDefs && i < numDefs + kX86MemoryOperands;
    return infos[i].OperandType == llvm::MCOI::OPERAND_MEMORY;
  };

  for (unsigned i = 0; i < n;) {
    if (isMemoryOperand(i)) {
      unsigned end = i;
      while (end < n && isMemoryOperand(end))
        ++end;
      unsigned run = end - i;
      bool wanted = destinations ? memoryIsDestination : memoryIsSource;
      if (wanted) {
        if (run % kX86MemoryOperands == 0)
          for (unsigned k = i; k < end; k += kX86MemoryOperands)
            appendMemory(inst, k, kX86MemoryOperands, out);
        else
          appendMemory(inst, i, run, out);
      }
      i = end;
      continue;
    }
    bool isDef = i < numDefs;
    if (isDef == destinations)
      appendPlainOperand(inst.getOperand(i), out);
    ++i;
  }
  for (llvm::MCPhysReg reg : destinations ? desc.implicit_defs() : desc.implicit_uses())
    appendRegister(reg, out);
}

std::int32_t Vocabulary::firstLearnedId() { return static_cast<std::int32_t>(reservedTokens().size()); }

Vocabulary::Vocabulary() {
  for (const std::string &t : reservedTokens())
    add(t);
}

std::int32_t Vocabulary::add(const std::string &token) {
  auto [it, inserted] = Ids.emplace(token, static_cast<std::int32_t>(Tokens.size()));
  if (inserted)
    Tokens.push_back(token);
  return it->second;
}

std::int32_t Vocabulary::id(const std::string &token) const {
  auto it = Ids.find(token);
  return it == Ids.end() ? kUnknownId : it->second;
}

namespace {
// One id row per instruction, each token's id given by `idOf`.
template <typename IdOf>
TokenizedBlock encodeWith(const Tokenizer &tokenizer, llvm::ArrayRef<llvm::MCInst> insts, IdOf idOf) {
  TokenizedBlock block;
  block.reserve(insts.size());
  for (const llvm::MCInst &inst : insts) {
    std::vector<std::int32_t> ids;
    for (const std::string &t : tokenizer.tokenize(inst))
      ids.push_back(idOf(t));
    block.push_back(std::move(ids));
  }
  return block;
}
} // namespace

TokenizedBlock Vocabulary::encode(const Tokenizer &tokenizer, llvm::ArrayRef<llvm::MCInst> insts) const {
  return encodeWith(tokenizer, insts, [this](const std::string &t) { return id(t); });
}

TokenizedBlock Vocabulary::encodeAndGrow(const Tokenizer &tokenizer, llvm::ArrayRef<llvm::MCInst> insts) {
  return encodeWith(tokenizer, insts, [this](const std::string &t) { return add(t); });
}

void Vocabulary::save(const std::string &path) const {
  std::string text;
  for (const std::string &t : Tokens)
    text += t + "\n";
  support::writeFileAtomically(path, text);
}

Vocabulary Vocabulary::load(const std::string &path) {
  std::ifstream in(path);
  if (!in)
    throw support::InputError(path, 0, "cannot open the vocabulary file");
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);)
    lines.push_back(line);
  return fromTokens(lines, path);
}

Vocabulary Vocabulary::fromTokens(const std::vector<std::string> &tokens, const std::string &source) {
  Vocabulary vocab;
  const std::vector<std::string> &reserved = reservedTokens();
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const std::string &token = tokens[i];
    std::string where = source + ":" + std::to_string(i + 1);
    if (i < reserved.size()) {
      if (token != reserved[i])
        throw support::DataError(where + ": expected the reserved token " + reserved[i] + ", found '" + token + "'");
      continue;
    }
    if (token.empty() || token.find_first_of(" \t\r") != std::string::npos)
      throw support::DataError(where + ": a token must be non-empty with no spaces");
    if (vocab.id(token) != kUnknownId)
      throw support::DataError(where + ": duplicate token '" + token + "'");
    vocab.add(token);
  }
  if (tokens.size() < reserved.size())
    throw support::DataError(source, "truncated vocabulary (" + std::to_string(tokens.size()) + " lines)");
  return vocab;
}

} // namespace surrogate::block
