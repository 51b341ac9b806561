#pragma once
// Pieces every pattern report uses: a small Markdown writer, facts about
// the machine a run used (for the deployment questions), and sizes on disk.

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace surrogate::patterns {

class MarkdownReport {
public:
  void heading(int level, const std::string &text);
  void paragraph(const std::string &text);
  void bullet(const std::string &text);
  void table(const std::vector<std::string> &header, const std::vector<std::vector<std::string>> &rows);
  void image(const std::string &alt, const std::string &relativePath);
  void code(const std::string &text);
  const std::string &str() const { return Text; }

private:
  std::string Text;
};

/// CPU model, logical cores and memory of this machine, from /proc.
nlohmann::json machineInfo();

/// Total bytes of the files that exist among `paths`.
std::uintmax_t sizeOnDisk(const std::vector<std::string> &paths);

/// "12.3%" for a fraction.
std::string percent(double fraction);

} // namespace surrogate::patterns
