// TextEdits: byte-range replacements applied to a text, and the same change as a unified diff.
#include "surrogate/support/TextEdits.h"

#include <algorithm>
#include <stdexcept>

namespace surrogate::support {

namespace {

std::vector<std::string> splitLines(const std::string &text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t nl = text.find('\n', start);
    if (nl == std::string::npos) {
      lines.push_back(text.substr(start));
      break;
    }
    lines.push_back(text.substr(start, nl - start + 1));
    start = nl + 1;
  }
  return lines;
}

// One changed run of lines: old [oldBegin, oldEnd) becomes `lines`.
struct LineChange {
  std::size_t oldBegin, oldEnd;
  std::vector<std::string> lines;
};

std::string hunkLine(char mark, const std::string &line) {
  std::string out(1, mark);
  out += line;
  if (out.back() != '\n')
    out += "\n\\ No newline at end of file\n";
  return out;
}

} // namespace

void TextEdits::replace(std::size_t begin, std::size_t end, std::string text) {
  if (begin > end || end > Original.size())
    throw std::logic_error("TextEdits: range outside the text");
  for (const Edit &e : Edits) {
    bool overlap = begin < e.end && e.begin < end;
    bool inside = (begin == end && e.begin < begin && begin < e.end) || (e.begin == e.end && begin < e.begin && e.begin < end);
    if (overlap || inside)
      throw std::logic_error("TextEdits: overlapping edits");
  }
  Edits.push_back({begin, end, std::move(text)});
}

std::vector<TextEdits::Edit> TextEdits::sorted() const {
  std::vector<Edit> edits = Edits;
  std::stable_sort(edits.begin(), edits.end(), [](const Edit &a, const Edit &b) { return a.begin < b.begin; });
  return edits;
}

std::string TextEdits::result() const {
  std::string out;
  std::size_t at = 0;
  for (const Edit &e : sorted()) {
    out.append(Original, at, e.begin - at);
    out += e.text;
    at = e.end;
  }
  out.append(Original, at, std::string::npos);
  return out;
}

std::string TextEdits::unifiedDiff(const std::string &path) const {
  const std::vector<std::string> oldLines = splitLines(Original);
  // Line starts of the original, to widen each edit to whole lines.
  std::vector<std::size_t> starts;
  for (std::size_t i = 0, at = 0; i < oldLines.size(); at += oldLines[i].size(), ++i)
    starts.push_back(at);
  auto lineOf = [&](std::size_t offset) {
    return static_cast<std::size_t>(std::upper_bound(starts.begin(), starts.end(), offset) - starts.begin()) - 1;
  };

  // Each edit widened to whole lines: an insertion at a line start covers no
  // old line; edits that share a line become one change.
  const std::size_t n = oldLines.size();
  auto firstLine = [&](const Edit &e) { return e.begin == Original.size() ? n : lineOf(e.begin); };
  auto lastLine = [&](const Edit &e) {
    if (e.begin == e.end && (e.begin == Original.size() || starts[lineOf(e.begin)] == e.begin))
      return firstLine(e);
    return lineOf(std::max(e.end, e.begin + 1) - 1) + 1;
  };
  auto lineStart = [&](std::size_t line) { return line < n ? starts[line] : Original.size(); };
  std::vector<LineChange> changes;
  std::vector<Edit> edits = sorted();
  for (std::size_t i = 0; i < edits.size();) {
    std::size_t first = firstLine(edits[i]), last = lastLine(edits[i]), j = i;
    while (j + 1 < edits.size() && firstLine(edits[j + 1]) < last) {
      ++j;
      last = std::max(last, lastLine(edits[j]));
    }
    std::string text;
    std::size_t at = lineStart(first);
    for (std::size_t k = i; k <= j; ++k) {
      text.append(Original, at, edits[k].begin - at);
      text += edits[k].text;
      at = edits[k].end;
    }
    text.append(Original, at, lineStart(last) - at);
    changes.push_back({first, last, splitLines(text)});
    i = j + 1;
  }

  const std::size_t context = 3;
  std::string out;
  for (std::size_t i = 0; i < changes.size();) {
    // A hunk holds the changes whose contexts touch.
    std::size_t j = i;
    while (j + 1 < changes.size() && changes[j + 1].oldBegin <= changes[j].oldEnd + 2 * context)
      ++j;
    std::size_t hunkBegin = changes[i].oldBegin >= context ? changes[i].oldBegin - context : 0;
    std::size_t hunkEnd = std::min(oldLines.size(), changes[j].oldEnd + context);
    std::string body;
    std::size_t oldCount = 0, newCount = 0, at = hunkBegin;
    for (std::size_t k = i; k <= j; ++k) {
      for (; at < changes[k].oldBegin; ++at, ++oldCount, ++newCount)
        body += hunkLine(' ', oldLines[at]);
      for (; at < changes[k].oldEnd; ++at, ++oldCount)
        body += hunkLine('-', oldLines[at]);
      for (const std::string &line : changes[k].lines) {
        body += hunkLine('+', line);
        ++newCount;
      }
    }
    for (; at < hunkEnd; ++at, ++oldCount, ++newCount)
      body += hunkLine(' ', oldLines[at]);
    // Line numbers of the new text: the old start moved by earlier changes.
    long shift = 0;
    for (std::size_t k = 0; k < i; ++k)
      shift += static_cast<long>(changes[k].lines.size()) - static_cast<long>(changes[k].oldEnd - changes[k].oldBegin);
    auto range = [](std::size_t start, std::size_t count) {
      // A hunk that holds no old (new) line names the line before it.
      return std::to_string(count == 0 ? start : start + 1) + (count == 1 ? "" : "," + std::to_string(count));
    };
    out += "@@ -" + range(hunkBegin, oldCount) + " +" + range(static_cast<std::size_t>(hunkBegin + shift), newCount) +
           " @@\n" + body;
    i = j + 1;
  }
  if (out.empty())
    return out;
  return "--- a/" + path + "\n+++ b/" + path + "\n" + out;
}

} // namespace surrogate::support
