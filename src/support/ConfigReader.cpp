// ConfigReader: a config object's keys read with their types and ranges, unread keys refused; readJsonFile.
#include "surrogate/support/ConfigReader.h"

#include <cerrno>
#include <cmath>
#include <cstring>
#include <fstream>

#include <fmt/format.h>

namespace surrogate::support {

nlohmann::json readJsonFile(const std::string &path) {
  std::ifstream in(path);
  if (!in)
    throw InputError(path, 0, std::string("cannot open: ") + std::strerror(errno));
  try {
    return nlohmann::json::parse(in);
  } catch (const nlohmann::json::exception &e) {  // parse_error, or out_of_range for a number too large
    throw InputError(path, 0, std::string("malformed JSON: ") + e.what());
  }
}

ConfigReader::ConfigReader(const nlohmann::json &object, std::string file, std::string section)
    : Object(object), File(std::move(file)), Section(std::move(section)) {
  if (!Object.is_object())
    throw ConfigError(File, Section, "expected a JSON object");
}

std::string ConfigReader::path(const std::string &key) const { return Section.empty() ? key : Section + "." + key; }

ConfigError ConfigReader::error(const std::string &key, const std::string &problem) const {
  return ConfigError(File, path(key), problem);
}

const nlohmann::json *ConfigReader::take(const std::string &key) {
  Known.insert(key);
  auto it = Object.find(key);
  return it == Object.end() ? nullptr : &*it;
}

void ConfigReader::allow(std::initializer_list<const char *> keys) {
  for (const char *key : keys) Known.insert(key);
}

bool ConfigReader::read(const std::string &key, bool &field) {
  const nlohmann::json *value = take(key);
  if (!value)
    return false;
  if (!value->is_boolean())
    throw error(key, "must be true or false");
  field = value->get<bool>();
  return true;
}

bool ConfigReader::read(const std::string &key, std::string &field) {
  const nlohmann::json *value = take(key);
  if (!value)
    return false;
  if (!value->is_string())
    throw error(key, "must be a string");
  field = value->get<std::string>();
  return true;
}

bool ConfigReader::read(const std::string &key, std::string &field, std::initializer_list<const char *> allowed) {
  std::string value;
  if (!read(key, value))
    return false;
  std::string names;
  for (const char *name : allowed) {
    if (value == name) {
      field = value;
      return true;
    }
    names += (names.empty() ? "" : ", ") + std::string(name);
  }
  throw error(key, "must be one of " + names + ", got '" + value + "'");
}

bool ConfigReader::read(const std::string &key, std::vector<std::string> &field) {
  const nlohmann::json *value = take(key);
  if (!value)
    return false;
  if (!value->is_array())
    throw error(key, "must be a list of strings");
  std::vector<std::string> out;
  for (const auto &item : *value) {
    if (!item.is_string())
      throw error(key, "must be a list of strings");
    out.push_back(item.get<std::string>());
  }
  field = std::move(out);
  return true;
}

bool ConfigReader::read(const std::string &key, double &field, double min, double max) {
  const nlohmann::json *value = take(key);
  if (!value)
    return false;
  if (!value->is_number() || !(value->get<double>() >= min && value->get<double>() <= max))
    throw error(key, fmt::format("must be a number in [{}, {}]", min, max));
  field = value->get<double>();
  return true;
}

long double ConfigReader::integer(const std::string &key, const nlohmann::json &value, long double min,
                                  long double max) const {
  auto problem = [&] {
    return error(key, fmt::format("must be an integer in [{:.0f}, {:.0f}]", static_cast<double>(min),
                                  static_cast<double>(max)));
  };
  long double v;
  if (value.is_number_unsigned())
    v = static_cast<long double>(value.get<std::uint64_t>());
  else if (value.is_number_integer())
    v = static_cast<long double>(value.get<std::int64_t>());
  else
    throw problem();
  if (v < min || v > max)
    throw problem();
  return v;
}

ConfigReader ConfigReader::section(const std::string &key) {
  const nlohmann::json *value = take(key);
  return ConfigReader(value ? *value : nlohmann::json::object(), File, path(key));
}

void ConfigReader::finish() const {
  for (const auto &[key, value] : Object.items())
    if (!Known.count(key)) {
      std::string names;
      for (const std::string &k : Known) names += (names.empty() ? "" : ", ") + k;
      throw ConfigError(File, path(key), "unknown key (known: " + names + ")");
    }
}

} // namespace surrogate::support
