// The constructors of ConfigError, InputError and DataError, each message naming the file.
#include "surrogate/support/Errors.h"

namespace surrogate::support {

ConfigError::ConfigError(const std::string &file, const std::string &key, const std::string &problem)
    : Error(file + ": " + (key.empty() ? std::string() : "'" + key + "': ") + problem) {}

InputError::InputError(const std::string &file, std::size_t line, const std::string &problem)
    : Error(file + (line ? ":" + std::to_string(line) : std::string()) + ": " + problem) {}

DataError::DataError(const std::string &file, const std::string &problem) : Error(file + ": " + problem) {}

} // namespace surrogate::support
