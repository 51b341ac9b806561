#pragma once
// One CSV field as the toolkit writes it: as is, or quoted (RFC 4180) when it
// holds a comma, a quote or a line break, as a code region's name may.

#include <string>

namespace surrogate::support {

inline std::string csvField(const std::string &text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos)
    return text;
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"')
      quoted += '"';
    quoted += c;
  }
  return quoted + '"';
}

} // namespace surrogate::support
