#pragma once
// Reads a CSV file with a header row, one row at a time, with columns found
// by name. The toolkit quotes only fields that need it (a code region's name
// with a comma or quote, see support/CsvField.h); quoted fields are read back.

#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "surrogate/support/Errors.h"

namespace surrogate::data {

class CsvTable {
public:
  /// Opens `path` and reads its header; throws support::InputError if it cannot.
  explicit CsvTable(std::string path);

  /// Index of column `name`; throws support::InputError naming the file and the columns it has.
  std::size_t column(const std::string &name) const;
  bool hasColumn(const std::string &name) const;

  /// Next non-blank row split into fields; false at the end.
  bool next(std::vector<std::string> &fields);
  std::size_t line() const { return Line; }
  const std::string &path() const { return Path; }

private:
  std::string Path;
  std::ifstream In;
  std::vector<std::string> Header;
  std::size_t Line = 0;
};

std::vector<std::string> splitCsvLine(const std::string &line);

} // namespace surrogate::data
