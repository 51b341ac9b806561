// CsvTable: a CSV file with a header row read row by row, quoted fields unquoted, columns by name.
#include "surrogate/data/CsvTable.h"

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace surrogate::data {

std::vector<std::string> splitCsvLine(const std::string &line) {
  std::vector<std::string> fields;
  std::size_t start = 0;
  for (;;) {
    std::size_t open = line.find_first_not_of(' ', start);
    if (open != std::string::npos && line[open] == '"') {  // quoted (a region name may hold a comma)
      std::string field;
      std::size_t i = open + 1;
      for (; i < line.size(); ++i) {
        if (line[i] != '"') {
          field += line[i];
        } else if (i + 1 < line.size() && line[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          break;
        }
      }
      fields.push_back(std::move(field));
      std::size_t comma = line.find(',', i);
      if (comma == std::string::npos)
        return fields;
      start = comma + 1;
      continue;
    }
    std::size_t comma = line.find(',', start);
    std::string field = line.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    while (!field.empty() && (field.back() == '\r' || field.back() == ' ')) field.pop_back();
    while (!field.empty() && field.front() == ' ') field.erase(field.begin());
    fields.push_back(std::move(field));
    if (comma == std::string::npos)
      return fields;
    start = comma + 1;
  }
}

CsvTable::CsvTable(std::string path) : Path(std::move(path)), In(Path) {
  if (!In)
    throw support::InputError(Path + ": cannot open: " + std::strerror(errno));
  std::string line;
  if (!std::getline(In, line))
    throw support::InputError(Path + ": file is empty (expected a header line)");
  Line = 1;
  Header = splitCsvLine(line);
}

bool CsvTable::hasColumn(const std::string &name) const {
  return std::find(Header.begin(), Header.end(), name) != Header.end();
}

std::size_t CsvTable::column(const std::string &name) const {
  auto it = std::find(Header.begin(), Header.end(), name);
  if (it == Header.end()) {
    std::string have;
    for (const auto &h : Header) have += (have.empty() ? "" : ", ") + h;
    throw support::InputError(Path + ":1: no column '" + name + "' (columns: " + have + ")");
  }
  return static_cast<std::size_t>(it - Header.begin());
}

bool CsvTable::next(std::vector<std::string> &fields) {
  std::string line;
  while (std::getline(In, line)) {
    ++Line;
    if (line.find_first_not_of(" \t\r") == std::string::npos)
      continue;
    fields = splitCsvLine(line);
    return true;
  }
  return false;
}

} // namespace surrogate::data
