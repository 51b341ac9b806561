// TdSource: a .td file's tokens and the statements the write-back edits; which opcodes an InstRW names.
#include "surrogate/mca/TdSource.h"

#include "surrogate/support/Errors.h"

#include <algorithm>
#include <cctype>
#include <stdexcept>

#include <llvm/ADT/StringRef.h>
#include <llvm/Support/Regex.h>

namespace surrogate::mca {

namespace {

bool isIdentStart(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool isIdentChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

} // namespace

TdSource::TdSource(std::string path, std::string text) : Path(std::move(path)), Text(std::move(text)) {
  LineStarts.push_back(0);
  for (std::size_t i = 0; i < Text.size(); ++i)
    if (Text[i] == '\n')
      LineStarts.push_back(i + 1);
  std::size_t i = 0;
  auto fail = [&](const std::string &what, std::size_t at) {
    throw support::InputError(Path + ":" + std::to_string(lineOf(at)) + ": " + what);
  };
  while (i < Text.size()) {
    char c = Text[i];
    if (std::isspace(static_cast<unsigned char>(c))) {
      ++i;
    } else if (Text.compare(i, 2, "//") == 0) {
      std::size_t nl = Text.find('\n', i);
      i = nl == std::string::npos ? Text.size() : nl;
    } else if (Text.compare(i, 2, "/*") == 0) {
      std::size_t close = Text.find("*/", i + 2);
      if (close == std::string::npos)
        fail("unterminated comment", i);
      i = close + 2;
    } else if (c == '"') {
      std::size_t close = Text.find('"', i + 1);
      if (close == std::string::npos)
        fail("unterminated string", i);
      Tokens.push_back({TdToken::String, Text.substr(i + 1, close - i - 1), i, close + 1});
      i = close + 1;
    } else if (isIdentStart(c)) {
      // Names may carry a field access, e.g. WriteCMOV.Folded.
      std::size_t j = i + 1;
      while (j < Text.size() && (isIdentChar(Text[j]) || (Text[j] == '.' && j + 1 < Text.size() && isIdentStart(Text[j + 1]))))
        ++j;
      Tokens.push_back({TdToken::Identifier, Text.substr(i, j - i), i, j});
      i = j;
    } else if (std::isdigit(static_cast<unsigned char>(c)) || (c == '-' && i + 1 < Text.size() && std::isdigit(static_cast<unsigned char>(Text[i + 1])))) {
      std::size_t j = i + 1;
      while (j < Text.size() && isIdentChar(Text[j]))
        ++j;
      Tokens.push_back({TdToken::Number, Text.substr(i, j - i), i, j});
      i = j;
    } else {
      Tokens.push_back({TdToken::Punct, std::string(1, c), i, i + 1});
      ++i;
    }
  }
  parseStatements();
}

unsigned TdSource::lineOf(std::size_t offset) const {
  return static_cast<unsigned>(std::upper_bound(LineStarts.begin(), LineStarts.end(), offset) - LineStarts.begin());
}

std::size_t TdSource::matching(std::size_t open) const {
  static const std::string opens = "<[({", closes = ">])}";
  std::vector<char> stack;
  for (std::size_t i = open; i < Tokens.size(); ++i) {
    if (Tokens[i].kind != TdToken::Punct)
      continue;
    char c = Tokens[i].text[0];
    if (opens.find(c) != std::string::npos) {
      stack.push_back(closes[opens.find(c)]);
    } else if (closes.find(c) != std::string::npos) {
      if (stack.empty() || stack.back() != c)
        throw support::InputError(Path + ":" + std::to_string(lineOf(Tokens[i].begin)) + ": unbalanced '" +
                                    Tokens[i].text + "'");
      stack.pop_back();
      if (stack.empty())
        return i;
    }
  }
  throw support::InputError(Path + ":" + std::to_string(lineOf(Tokens[open].begin)) + ": '" + Tokens[open].text +
                              "' is never closed");
}

void TdSource::parseStatements() {
  auto is = [&](std::size_t i, const char *text) { return i < Tokens.size() && Tokens[i].text == text; };
  // Names (or strings) separated by commas between tokens (open, close).
  auto listBetween = [&](std::size_t open, std::size_t close) {
    std::vector<std::string> items;
    for (std::size_t k = open + 1; k < close; ++k)
      if (Tokens[k].kind == TdToken::Identifier || Tokens[k].kind == TdToken::String)
        items.push_back(Tokens[k].text);
    return items;
  };
  for (std::size_t i = 0; i + 3 < Tokens.size(); ++i) {
    if (!is(i, "def"))
      continue;
    // def : InstRW<[RW...], (instrs|instregex ...)>;
    if (is(i + 1, ":") && is(i + 2, "InstRW") && is(i + 3, "<") && is(i + 4, "[")) {
      std::size_t close = matching(i + 3);
      std::size_t rwEnd = matching(i + 4);
      if (!is(rwEnd + 1, ",") || !is(rwEnd + 2, "("))
        throw support::InputError(Path + ":" + std::to_string(lineOf(Tokens[i].begin)) +
                                    ": InstRW without an instruction set");
      std::size_t setEnd = matching(rwEnd + 2);
      TdInstRW rw;
      rw.line = lineOf(Tokens[i].begin);
      rw.rw = listBetween(i + 4, rwEnd);
      rw.setOperator = Tokens[rwEnd + 3].text;
      for (std::size_t k = rwEnd + 4; k < setEnd; ++k) {
        if (Tokens[k].kind == TdToken::Punct && Tokens[k].text == "(")
          throw support::InputError(Path + ":" + std::to_string(rw.line) +
                                      ": InstRW with a nested set; only (instrs ...) and (instregex ...) are read");
        if (Tokens[k].kind == TdToken::Identifier || Tokens[k].kind == TdToken::String)
          rw.operands.push_back(Tokens[k].text);
      }
      rw.set = {Tokens[rwEnd + 2].begin, Tokens[setEnd].end};
      std::size_t semi = is(close + 1, ";") ? close + 1 : close;
      rw.statement = {Tokens[i].begin, Tokens[semi].end};
      InstRWs.push_back(std::move(rw));
      i = semi;
      continue;
    }
    // def NAME : SchedWriteVariant<[SchedVar<PRED, [W...]>, ...]>;
    if (Tokens[i + 1].kind == TdToken::Identifier && is(i + 2, ":") && is(i + 3, "SchedWriteVariant") &&
        is(i + 4, "<") && is(i + 5, "[")) {
      TdWriteVariant v;
      v.name = Tokens[i + 1].text;
      v.line = lineOf(Tokens[i].begin);
      std::size_t listEnd = matching(i + 5);
      for (std::size_t k = i + 6; k < listEnd; ++k) {
        if (!is(k, "SchedVar"))
          continue;
        std::size_t varEnd = matching(k + 1);
        // The predicate runs to the comma before the selected list.
        std::size_t p = k + 2, depth = 0;
        for (; p < varEnd; ++p) {
          const std::string &t = Tokens[p].text;
          if (Tokens[p].kind == TdToken::Punct && (t == "<" || t == "(" || t == "["))
            ++depth;
          else if (Tokens[p].kind == TdToken::Punct && (t == ">" || t == ")" || t == "]"))
            --depth;
          else if (depth == 0 && t == ",")
            break;
        }
        if (p >= varEnd || !is(p + 1, "["))
          throw support::InputError(Path + ":" + std::to_string(lineOf(Tokens[k].begin)) +
                                      ": SchedVar without a list of writes");
        TdSchedVar sv;
        sv.predicate = {Tokens[k + 2].begin, Tokens[p - 1].end};
        sv.selected = listBetween(p + 1, matching(p + 1));
        v.variants.push_back(std::move(sv));
        k = varEnd;
      }
      Variants.push_back(std::move(v));
      i = listEnd;
    }
  }
}

bool TdSource::definesModel(const std::string &model) const { return modelBody(model).has_value(); }

std::optional<TdSpan> TdSource::modelBody(const std::string &model) const {
  for (std::size_t i = 0; i + 4 < Tokens.size(); ++i)
    if (Tokens[i].text == "def" && Tokens[i + 1].text == model && Tokens[i + 2].text == ":" &&
        Tokens[i + 3].text == "SchedMachineModel" && Tokens[i + 4].text == "{")
      return TdSpan{Tokens[i + 4].begin, Tokens[matching(i + 4)].end};
  return std::nullopt;
}

std::optional<TdField> TdSource::modelField(const std::string &model, const std::string &field) const {
  auto body = modelBody(model);
  if (!body)
    return std::nullopt;
  for (std::size_t i = 0; i + 3 < Tokens.size(); ++i) {
    if (Tokens[i].begin <= body->begin || Tokens[i].end >= body->end)
      continue;
    if (Tokens[i].text == "let" && Tokens[i + 1].text == field && Tokens[i + 2].text == "=") {
      std::size_t k = i + 3;
      while (k < Tokens.size() && Tokens[k].text != ";")
        ++k;
      if (k == Tokens.size())
        return std::nullopt;
      TdField f;
      f.value = {Tokens[i + 3].begin, Tokens[k - 1].end};
      f.text = Text.substr(f.value.begin, f.value.end - f.value.begin);
      return f;
    }
  }
  return std::nullopt;
}

std::optional<std::size_t> TdSource::schedModelBlockEnd(const std::string &model) const {
  for (std::size_t i = 0; i + 5 < Tokens.size(); ++i)
    if (Tokens[i].text == "let" && Tokens[i + 1].text == "SchedModel" && Tokens[i + 2].text == "=" &&
        Tokens[i + 3].text == model && Tokens[i + 4].text == "in" && Tokens[i + 5].text == "{")
      return Tokens[matching(i + 5)].begin;
  return std::nullopt;
}

const TdWriteVariant *TdSource::writeVariant(const std::string &name) const {
  for (const TdWriteVariant &v : Variants)
    if (v.name == name)
      return &v;
  return nullptr;
}

namespace {

// TableGen's InstRegexOp: a literal prefix, then the rest anchored at the
// start only (a "python-style prefix match").
struct PrefixRegex {
  std::string prefix;
  std::optional<llvm::Regex> rest;

  explicit PrefixRegex(llvm::StringRef original) {
    bool hadAnchor = original.consume_front("^");
    static const char metachars[] = "()^$|*+?.[]\\{}";
    std::size_t firstMeta = original.find_first_of(metachars);
    if (firstMeta != llvm::StringRef::npos && firstMeta > 0 &&
        (original[firstMeta] == '+' || original[firstMeta] == '*' || original[firstMeta] == '?'))
      --firstMeta;
    std::string outside;  // the pattern without parenthesised text
    unsigned paren = 0;
    for (char c : original) {
      if (c == '(')
        ++paren;
      else if (c == ')')
        --paren;
      else if (paren == 0)
        outside += c;
    }
    if (outside.find_first_of("|?") != std::string::npos)
      firstMeta = 0;
    prefix = original.substr(0, firstMeta).str();
    std::string pat = original.substr(firstMeta).str();
    if (!pat.empty())
      rest.emplace(hadAnchor ? "^" + pat : "^(" + pat + ")");
  }
  bool matches(llvm::StringRef name) const {
    return name.starts_with(prefix) && (!rest || rest->match(name.substr(prefix.size())));
  }
};

} // namespace

std::vector<std::string> matchInstRW(const TdInstRW &rw, const std::vector<std::string> &names) {
  std::vector<std::string> out;
  if (rw.setOperator == "instrs") {
    for (const std::string &name : names)
      if (std::find(rw.operands.begin(), rw.operands.end(), name) != rw.operands.end())
        out.push_back(name);
    return out;
  }
  if (rw.setOperator != "instregex")
    throw support::InputError("InstRW at line " + std::to_string(rw.line) + ": unknown set operator '" +
                                rw.setOperator + "'");
  std::vector<PrefixRegex> patterns;
  for (const std::string &p : rw.operands)
    patterns.emplace_back(p);
  for (const std::string &name : names)
    for (const PrefixRegex &p : patterns)
      if (p.matches(name)) {
        out.push_back(name);
        break;
      }
  return out;
}

} // namespace surrogate::mca
