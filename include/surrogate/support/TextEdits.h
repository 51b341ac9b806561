#pragma once
// Replacements of byte ranges in one text, applied together, and the same
// change written as a unified diff (what `patch -p1` reads). Used to edit
// source files in place and hand the edit over as a patch.

#include <cstddef>
#include <string>
#include <vector>

namespace surrogate::support {

class TextEdits {
public:
  explicit TextEdits(std::string original) : Original(std::move(original)) {}

  /// Replaces [begin, end) of the original by `text`; ranges must not overlap
  /// (std::invalid_argument when they do). begin == end inserts.
  void replace(std::size_t begin, std::size_t end, std::string text);
  void insert(std::size_t at, std::string text) { replace(at, at, std::move(text)); }

  const std::string &original() const { return Original; }
  std::string result() const;
  /// `--- a/PATH` / `+++ b/PATH` and hunks with 3 lines of context; empty when
  /// nothing changes.
  std::string unifiedDiff(const std::string &path) const;

private:
  struct Edit {
    std::size_t begin, end;
    std::string text;
  };
  std::vector<Edit> sorted() const;
  std::string Original;
  std::vector<Edit> Edits;
};

} // namespace surrogate::support
