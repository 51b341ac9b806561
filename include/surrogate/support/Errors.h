#pragma once
// The toolkit's error family. Each names what is wrong and where (the file,
// and the key or line when known) in what(), so the one top-level handler
// (cli::run) only prints it and exits non-zero:
//   ConfigError  a config file, section or option value is wrong
//   InputError   an input file cannot be read or is malformed
//   DataError    a dataset, run directory or saved file is corrupt or does
//                not fit the request (made with other settings, wrong version)

#include <cstddef>
#include <stdexcept>
#include <string>

namespace surrogate::support {

struct Error : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct ConfigError : Error {
  using Error::Error;
  /// "FILE: 'KEY': PROBLEM"; an empty key gives "FILE: PROBLEM".
  ConfigError(const std::string &file, const std::string &key, const std::string &problem);
};

struct InputError : Error {
  using Error::Error;
  /// "FILE:LINE: PROBLEM"; line 0 gives "FILE: PROBLEM".
  InputError(const std::string &file, std::size_t line, const std::string &problem);
};

struct DataError : Error {
  using Error::Error;
  /// "FILE: PROBLEM".
  DataError(const std::string &file, const std::string &problem);
};

} // namespace surrogate::support
