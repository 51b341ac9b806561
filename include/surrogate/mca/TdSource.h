#pragma once
// Just enough of a TableGen reader to edit an X86 scheduling model in place:
// the tokens of one .td file (comments skipped, byte offsets kept) and the
// statements the LLVM write-back changes: the SchedMachineModel's fields,
// every `def : InstRW<[...], (instrs|instregex ...)>`, every
// `def NAME : SchedWriteVariant<[SchedVar<PRED, [WRITES]>, ...]>`, and the end
// of the `let SchedModel = NAME in { ... }` block. Which opcodes an InstRW
// names is worked out as TableGen does (instregex is a prefix match).

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace surrogate::mca {

struct TdToken {
  enum Kind { Identifier, Number, String, Punct } kind;
  std::string text;          ///< a string's text without quotes
  std::size_t begin, end;    ///< byte range in the file, quotes included
};

/// A byte range of the file.
struct TdSpan {
  std::size_t begin = 0, end = 0;
};

struct TdInstRW {
  TdSpan statement;                  ///< `def` through `;`
  std::vector<std::string> rw;       ///< the SchedReadWrite names, as written
  std::string setOperator;           ///< "instrs" or "instregex"
  std::vector<std::string> operands; ///< opcode names or patterns
  TdSpan set;                        ///< the `(...)` dag
  unsigned line = 0;                 ///< 1-based, for messages
};

struct TdSchedVar {
  TdSpan predicate;                  ///< its text is copied as is
  std::vector<std::string> selected; ///< the writes chosen
};

struct TdWriteVariant {
  std::string name;
  std::vector<TdSchedVar> variants;
  unsigned line = 0;
};

/// `let FIELD = VALUE;` inside the model's record body.
struct TdField {
  TdSpan value;
  std::string text;
};

class TdSource {
public:
  /// Tokenizes `text`; std::invalid_argument naming `path` and the line on
  /// an unterminated string or comment.
  TdSource(std::string path, std::string text);

  const std::string &path() const { return Path; }
  const std::string &text() const { return Text; }
  unsigned lineOf(std::size_t offset) const;

  /// True when the file has `def MODEL : SchedMachineModel`.
  bool definesModel(const std::string &model) const;
  /// The body `{...}` of `def MODEL : SchedMachineModel`; nullopt if absent.
  std::optional<TdSpan> modelBody(const std::string &model) const;
  /// `let FIELD = ...;` directly inside the model's body.
  std::optional<TdField> modelField(const std::string &model, const std::string &field) const;
  /// Offset of the `}` that closes `let SchedModel = MODEL in {`; nullopt if absent.
  std::optional<std::size_t> schedModelBlockEnd(const std::string &model) const;

  const std::vector<TdInstRW> &instRWs() const { return InstRWs; }
  const TdWriteVariant *writeVariant(const std::string &name) const;

private:
  void parseStatements();
  std::size_t matching(std::size_t open) const;  // token index of the closing bracket
  std::string Path, Text;
  std::vector<TdToken> Tokens;
  std::vector<std::size_t> LineStarts;
  std::vector<TdInstRW> InstRWs;
  std::vector<TdWriteVariant> Variants;
};

/// The opcodes of `names` (all of the target's, in enum order) that an
/// InstRW's set matches: `instrs` by name, `instregex` as TableGen's
/// InstRegexOp (the pattern must match a prefix of the name).
std::vector<std::string> matchInstRW(const TdInstRW &rw, const std::vector<std::string> &names);

} // namespace surrogate::mca
