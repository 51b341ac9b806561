#pragma once
// Reads one JSON object of a config file against its schema: each known key
// is read with its type and range, and finish() refuses any key that was not
// read, so a typo ("deploy_blockz") is an error naming the file and the key
// instead of being silently ignored. Every error is a ConfigError.
//
//   support::ConfigReader r(json, "run.json", "pattern");
//   r.read("deploy_blocks", c.deployBlocks, 1u, 1000000u);
//   r.read("loss", c.loss, {"mape", "log_l1"});
//   r.finish();

#include <cstdint>
#include <initializer_list>
#include <limits>
#include <set>
#include <string>
#include <type_traits>
#include <vector>

#include <nlohmann/json.hpp>

#include "surrogate/support/Errors.h"

namespace surrogate::support {

/// The JSON value in `path`; InputError naming the file (and the parse
/// error's position) when it cannot be opened or parsed.
nlohmann::json readJsonFile(const std::string &path);

class ConfigReader {
public:
  /// `object` must be a JSON object; `file` and `section` ("" for the top
  /// level, else e.g. "pattern") name it in errors.
  ConfigReader(const nlohmann::json &object, std::string file, std::string section = "");

  /// Whether the object holds `key` (does not mark it read).
  bool has(const std::string &key) const { return Object.contains(key); }

  /// Each read leaves `field` alone when the key is absent and returns
  /// whether it was present; a wrong type or a value out of range throws.
  bool read(const std::string &key, bool &field);
  bool read(const std::string &key, std::string &field);
  /// A string that must be one of `allowed`.
  bool read(const std::string &key, std::string &field, std::initializer_list<const char *> allowed);
  bool read(const std::string &key, std::vector<std::string> &field);
  bool read(const std::string &key, double &field, double min, double max);

  /// An integer in [min, max].
  template <class Int, class = std::enable_if_t<std::is_integral_v<Int> && !std::is_same_v<Int, bool>>>
  bool read(const std::string &key, Int &field, Int min = std::numeric_limits<Int>::min(),
            Int max = std::numeric_limits<Int>::max()) {
    const nlohmann::json *value = take(key);
    if (!value)
      return false;
    field = static_cast<Int>(integer(key, *value, static_cast<long double>(min), static_cast<long double>(max)));
    return true;
  }

  /// A nested object as its own reader (an absent key gives an empty one).
  ConfigReader section(const std::string &key);
  /// The raw value of a key the caller reads itself (nullptr when absent).
  const nlohmann::json *raw(const std::string &key) { return take(key); }
  /// Marks keys as known without reading them (e.g. "comment").
  void allow(std::initializer_list<const char *> keys);

  /// Throws for the first key of the object that no call above named.
  void finish() const;

  /// A ConfigError for `key` of this section (for checks across keys).
  ConfigError error(const std::string &key, const std::string &problem) const;

private:
  const nlohmann::json *take(const std::string &key);
  long double integer(const std::string &key, const nlohmann::json &value, long double min, long double max) const;
  std::string path(const std::string &key) const;

  nlohmann::json Object;
  std::string File, Section;
  std::set<std::string> Known;
};

} // namespace surrogate::support
