// ModelFile: the deployable model file's writer and its checked reader (docs/model-file.md).
#include "surrogate/model/ModelFile.h"

#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <llvm/Support/xxhash.h>

#include "surrogate/support/AtomicFile.h"
#include "surrogate/support/Errors.h"

static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__, "the model file is little-endian");

namespace surrogate::model {

namespace {

constexpr std::size_t kPrefix = 24;     // magic, version, reserved, header length
constexpr std::size_t kAlignment = 64;  // of the data section and of each tensor in it
constexpr std::size_t kChecksum = 8;

std::size_t aligned(std::size_t n) { return (n + kAlignment - 1) / kAlignment * kAlignment; }

std::int64_t elements(const std::vector<std::int64_t> &shape) {
  std::int64_t n = 1;
  for (std::int64_t d : shape)
    n *= d;
  return n;
}

template <typename T> void put(std::string &out, T value) {
  out.append(reinterpret_cast<const char *>(&value), sizeof value);
}

template <typename T> T get(const std::string &in, std::size_t at) {
  T value;
  std::memcpy(&value, in.data() + at, sizeof value);
  return value;
}

std::uint64_t checksum(const std::string &bytes, std::size_t length) {
  return llvm::xxh3_64bits(llvm::ArrayRef(reinterpret_cast<const std::uint8_t *>(bytes.data()), length));
}

std::string readWhole(const std::string &file) {
  std::ifstream in(file, std::ios::binary);
  if (!in)
    throw support::InputError(file, 0, "cannot open the model file");
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// The prefix's checks, in the order that names the likeliest problem first; returns the header's length.
std::size_t checkPrefix(const std::string &bytes, const std::string &file) {
  if (bytes.size() < kPrefix + kChecksum || bytes.compare(0, 8, ModelFile::kMagic) != 0)
    throw support::DataError(file, "not a surrogate model file (no SRGMODEL magic at its start; "
                                   "`surrogate export` writes one)");
  auto version = get<std::uint32_t>(bytes, 8);
  if (version != ModelFile::kVersion)
    throw support::DataError(file, fmt::format("model file format version {}, this build reads version {}", version,
                                               ModelFile::kVersion));
  if (get<std::uint64_t>(bytes, bytes.size() - kChecksum) != checksum(bytes, bytes.size() - kChecksum))
    throw support::DataError(file, "checksum mismatch: the file is damaged or truncated");
  auto headerBytes = get<std::uint64_t>(bytes, 16);
  if (headerBytes > bytes.size() - kPrefix - kChecksum)
    throw support::DataError(file, "the header's length runs past the end of the file");
  return static_cast<std::size_t>(headerBytes);
}

// Each tensor of the header, read from the data section after checking that it lies inside it.
std::map<std::string, ModelTensor> readTensors(const nlohmann::json &entries, const std::string &bytes,
                                               std::size_t dataStart, const std::string &file) {
  std::map<std::string, ModelTensor> tensors;
  std::size_t dataEnd = bytes.size() - kChecksum;
  for (const nlohmann::json &entry : entries) {
    auto name = entry.at("name").get<std::string>();
    ModelTensor t;
    t.shape = entry.at("shape").get<std::vector<std::int64_t>>();
    auto offset = entry.at("offset").get<std::uint64_t>();
    std::int64_t n = elements(t.shape);
    if (n < 0 || dataStart + offset + 4 * static_cast<std::uint64_t>(n) > dataEnd)
      throw support::DataError(file, "tensor " + name + " lies outside the file's data");
    t.values.resize(static_cast<std::size_t>(n));
    std::memcpy(t.values.data(), bytes.data() + dataStart + offset, 4 * t.values.size());
    if (!tensors.emplace(name, std::move(t)).second)
      throw support::DataError(file, "tensor " + name + " appears twice");
  }
  return tensors;
}

} // namespace

std::string modelDirOf(const std::string &model) {
  return std::filesystem::is_directory(model) ? model : std::filesystem::path(model).parent_path().string();
}

std::string architectureOf(const ModelConfig &config) {
  std::string variance = config.varianceHead ? "+variance" : "";
  if (config.instFeatures > 0 || config.globalFeatures > 0)
    return (config.tokens ? std::string("lstm-conditioned") + (config.bounds ? "+bounds" : "") : "bounds-conditioned") +
           variance;
  if (!config.bounds)
    return "lstm" + variance;
  return (config.tokens ? "lstm+bounds" : "bounds") + variance;
}

const ModelTensor &ModelFile::tensor(const std::string &name, const std::vector<std::int64_t> &shape) const {
  auto it = tensors.find(name);
  if (it == tensors.end())
    throw support::DataError(path, "no tensor " + name + ", which a " + architecture() + " model has");
  if (it->second.shape != shape)
    throw support::DataError(path, fmt::format("tensor {} is [{}], a {} model of this config has [{}]", name,
                                               fmt::join(it->second.shape, ", "), architecture(),
                                               fmt::join(shape, ", ")));
  return it->second;
}

float ModelFile::scalar(const std::string &name) const { return tensor(name, {}).values.front(); }

void ModelFile::save(const std::string &file) const {
  nlohmann::ordered_json entries = nlohmann::ordered_json::array();
  std::size_t dataBytes = 0;
  for (const auto &[name, t] : tensors) {
    if (elements(t.shape) != static_cast<std::int64_t>(t.values.size()))
      throw std::logic_error("ModelFile::save: tensor " + name + "'s shape and values disagree");
    entries.push_back({{"name", name}, {"shape", t.shape}, {"offset", dataBytes}});
    dataBytes = aligned(dataBytes + 4 * t.values.size());
  }
  nlohmann::ordered_json header = {{"format", "surrogate model"},
                                   {"architecture", architecture()},
                                   {"model", config.toJson()},
                                   {"vocabulary", vocabulary},
                                   {"tensors", entries},
                                   {"data_bytes", dataBytes},
                                   {"source", source}};
  std::string text = header.dump();
  std::string bytes(kMagic, 8);
  put<std::uint32_t>(bytes, kVersion);
  put<std::uint32_t>(bytes, 0);
  put<std::uint64_t>(bytes, text.size());
  bytes += text;
  std::size_t dataStart = aligned(bytes.size());
  bytes.resize(dataStart + dataBytes, '\0');
  for (const nlohmann::ordered_json &entry : entries) {
    const ModelTensor &t = tensors.at(entry["name"].get<std::string>());
    std::memcpy(bytes.data() + dataStart + entry["offset"].get<std::size_t>(), t.values.data(), 4 * t.values.size());
  }
  put<std::uint64_t>(bytes, checksum(bytes, bytes.size()));
  support::writeFileAtomically(file, bytes);
}

ModelFile ModelFile::load(const std::string &file) {
  std::string bytes = readWhole(file);
  std::size_t headerBytes = checkPrefix(bytes, file);
  ModelFile model;
  model.path = file;
  try {
    nlohmann::json header = nlohmann::json::parse(bytes.begin() + kPrefix, bytes.begin() + kPrefix + headerBytes);
    model.config = ModelConfig::fromJson(header.at("model"), file);
    model.vocabulary = header.at("vocabulary").get<std::vector<std::string>>();
    model.source = header.value("source", nlohmann::json::object());
    std::size_t dataStart = aligned(kPrefix + headerBytes);
    if (dataStart + header.at("data_bytes").get<std::size_t>() + kChecksum != bytes.size())
      throw support::DataError(file, "the data section's length does not match the file's size");
    model.tensors = readTensors(header.at("tensors"), bytes, dataStart, file);
    auto architecture = header.at("architecture").get<std::string>();
    if (architecture != model.architecture())
      throw support::DataError(file, "architecture \"" + architecture + "\" is not one this build knows, or does "
                                     "not match the file's model config (" + model.architecture() + ")");
  } catch (const nlohmann::json::exception &e) {
    throw support::DataError(file, std::string("malformed model header: ") + e.what());
  }
  if (model.vocabulary.size() != static_cast<std::size_t>(model.config.vocabularySize))
    throw support::DataError(file, fmt::format("the vocabulary has {} tokens, the model config says {}",
                                               model.vocabulary.size(), model.config.vocabularySize));
  return model;
}

} // namespace surrogate::model
