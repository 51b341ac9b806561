#pragma once
// Ithemal-style tokens of x86 instructions (Mendis et al., ICML 2019): the
// opcode, then its sources, then its destinations, with delimiters between
// the groups. Sources and destinations come from LLVM's instruction
// descriptions (explicit and implicit uses and defs), memory operands are
// spelled out (base, index, scale, segment), and every immediate or
// displacement is one constant token. Vocabulary maps tokens to ids and is
// saved with a model; a token it has never seen maps to the unknown id.

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include <llvm/ADT/ArrayRef.h>
#include <llvm/MC/MCInst.h>

namespace surrogate::block {

/// Delimiters and placeholders; ids 0.. in this order in every vocabulary.
namespace tokens {
inline constexpr const char *kPad = "<PAD>";
inline constexpr const char *kUnknown = "<UNK>";
inline constexpr const char *kSources = "<S>";       ///< starts the sources
inline constexpr const char *kDestinations = "<D>";  ///< starts the destinations
inline constexpr const char *kEnd = "<E>";           ///< ends the instruction
inline constexpr const char *kMemory = "<M>";        ///< starts a memory operand
inline constexpr const char *kMemoryEnd = "</M>";
inline constexpr const char *kConstant = "<C>";      ///< any immediate or displacement
inline constexpr const char *kNoRegister = "<NOREG>";  ///< absent base or index
} // namespace tokens

class Tokenizer {
public:
  Tokenizer();

  /// Tokens of one instruction, e.g. for `addl %eax, 8(%rbx)`:
  /// ADD32mr <S> <M> RBX <NOREG> *1 <C> </M> EAX <D> <M> RBX <NOREG> *1 <C> </M> EFLAGS <E>
  std::vector<std::string> tokenize(const llvm::MCInst &inst) const;

private:
  void appendOperands(const llvm::MCInst &inst, bool destinations, std::vector<std::string> &out) const;
};

/// Token ids of a block, one vector per instruction.
using TokenizedBlock = std::vector<std::vector<std::int32_t>>;

class Vocabulary {
public:
  static constexpr std::int32_t kPadId = 0;
  static constexpr std::int32_t kUnknownId = 1;
  /// Ids below this are the reserved tokens (padding, unknown, delimiters).
  static std::int32_t firstLearnedId();

  /// Only the reserved tokens.
  Vocabulary();

  /// Id of `token`, adding it if new.
  std::int32_t add(const std::string &token);
  /// Id of `token`, or kUnknownId if it was never added.
  std::int32_t id(const std::string &token) const;
  const std::string &token(std::int32_t id) const { return Tokens.at(id); }
  std::size_t size() const { return Tokens.size(); }
  /// Every token in id order.
  const std::vector<std::string> &tokens() const { return Tokens; }

  /// Ids of a block's instructions; unseen tokens map to kUnknownId.
  TokenizedBlock encode(const Tokenizer &tokenizer, llvm::ArrayRef<llvm::MCInst> insts) const;
  /// The same, adding unseen tokens (building the vocabulary from training data).
  TokenizedBlock encodeAndGrow(const Tokenizer &tokenizer, llvm::ArrayRef<llvm::MCInst> insts);

  /// One token per line, the line number (from 0) is the id; written atomically.
  void save(const std::string &path) const;
  /// Throws support::InputError (unreadable) or DataError (malformed) naming the file and line.
  static Vocabulary load(const std::string &path);
  /// The same from the tokens in id order; errors name `source` and the token's line (id + 1).
  static Vocabulary fromTokens(const std::vector<std::string> &tokens, const std::string &source);

  bool operator==(const Vocabulary &other) const { return Tokens == other.Tokens; }

private:
  std::vector<std::string> Tokens;
  std::unordered_map<std::string, std::int32_t> Ids;
};

} // namespace surrogate::block
