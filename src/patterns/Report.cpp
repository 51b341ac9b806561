#include "surrogate/patterns/Report.h"

#include <filesystem>
#include <fstream>
#include <thread>

#include <fmt/format.h>

namespace surrogate::patterns {

void MarkdownReport::heading(int level, const std::string &text) {
  Text += std::string(level, '#') + " " + text + "\n\n";
}
void MarkdownReport::paragraph(const std::string &text) { Text += text + "\n\n"; }
void MarkdownReport::bullet(const std::string &text) { Text += "- " + text + "\n"; }
void MarkdownReport::image(const std::string &alt, const std::string &path) {
  Text += "![" + alt + "](" + path + ")\n\n";
}
void MarkdownReport::code(const std::string &text) { Text += "```\n" + text + "\n```\n\n"; }

void MarkdownReport::table(const std::vector<std::string> &header, const std::vector<std::vector<std::string>> &rows) {
  auto line = [](const std::vector<std::string> &cells) {
    std::string s = "|";
    for (const auto &c : cells) s += " " + c + " |";
    return s + "\n";
  };
  if (!Text.empty() && Text.back() == '\n' && Text.size() > 1 && Text[Text.size() - 2] != '\n')
    Text += "\n";  // a table after a list needs a blank line
  Text += line(header);
  Text += line(std::vector<std::string>(header.size(), "---"));
  for (const auto &r : rows) Text += line(r);
  Text += "\n";
}

nlohmann::json machineInfo() {
  std::string model = "unknown";
  std::ifstream cpuinfo("/proc/cpuinfo");
  for (std::string line; std::getline(cpuinfo, line);)
    if (line.rfind("model name", 0) == 0) {
      model = line.substr(line.find(':') + 2);
      break;
    }
  double memoryGiB = 0;
  std::ifstream meminfo("/proc/meminfo");
  for (std::string line; std::getline(meminfo, line);)
    if (line.rfind("MemTotal:", 0) == 0) {
      memoryGiB = std::stod(line.substr(9)) / (1024.0 * 1024.0);
      break;
    }
  return {{"cpu_model", model},
          {"logical_cores", std::thread::hardware_concurrency()},
          {"memory_gib", std::round(memoryGiB * 10) / 10}};
}

std::uintmax_t sizeOnDisk(const std::vector<std::string> &paths) {
  std::uintmax_t total = 0;
  for (const auto &p : paths)
    if (std::filesystem::is_regular_file(p))
      total += std::filesystem::file_size(p);
  return total;
}

std::string percent(double fraction) { return fmt::format("{:.1f}%", 100 * fraction); }

} // namespace surrogate::patterns
