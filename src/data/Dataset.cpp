// Dataset: a dataset directory opened (manifest checked), verified chunk by chunk, and its examples streamed.
#include "surrogate/data/Dataset.h"

#include <cmath>
#include <filesystem>
#include <fstream>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "surrogate/block/BasicBlock.h"

namespace fs = std::filesystem;

namespace surrogate::data {

std::string Example::hex() const { return block::toHex(bytes.data(), bytes.size()); }

namespace {

// The keys the readers use, with their types, so a damaged manifest is one
// error naming the key rather than a JSON exception later.
void checkManifestShape(const nlohmann::json &m, const std::string &path) {
  auto need = [&](const nlohmann::json &obj, const std::string &where, const char *key, auto isType, const char *type) {
    if (!obj.is_object() || !obj.contains(key) || !isType(obj.at(key)))
      throw support::DataError(path, "'" + where + key + "' is missing or not " + type + " (damaged manifest)");
  };
  auto isString = [](const nlohmann::json &j) { return j.is_string(); };
  auto isCount = [](const nlohmann::json &j) { return j.is_number_unsigned(); };
  auto isObject = [](const nlohmann::json &j) { return j.is_object(); };
  need(m, "", "cpu", isString, "a string");
  need(m, "", "mode", isString, "a string");
  need(m, "", "iterations", isCount, "a count");
  need(m, "", "params", isObject, "an object");
  need(m, "", "counts", isObject, "an object");
  need(m.at("counts"), "counts.", "examples", isCount, "a count");
  need(m, "", "splits", isObject, "an object");
  for (Split s : {Split::Train, Split::Validation, Split::Test}) {
    std::string name = splitName(s);
    need(m.at("splits"), "splits.", name.c_str(), isObject, "an object");
    need(m.at("splits").at(name), "splits." + name + ".", "examples", isCount, "a count");
  }
  if (!m.contains("chunks") || !m.at("chunks").is_array())
    throw support::DataError(path, "'chunks' is missing or not a list (damaged manifest)");
  for (std::size_t i = 0; i < m.at("chunks").size(); ++i) {
    const nlohmann::json &c = m.at("chunks")[i];
    std::string where = "chunks[" + std::to_string(i) + "].";
    need(c, where, "file", isString, "a string");
    need(c, where, "examples", isCount, "a count");
    need(c, where, "checksum", isString, "a string");
  }
  if (m.at("params").contains("tables_dir") && !m.at("params").at("tables_dir").is_string())
    throw support::DataError(path, "'params.tables_dir' is not a string (damaged manifest)");
}

} // namespace

std::string manifestChecksum(nlohmann::json manifest) {
  manifest.erase("checksum");
  std::string text = manifest.dump();
  return fmt::format("{:016x}", fnv1a64(text.data(), text.size()));
}

Dataset Dataset::open(const std::string &dir) {
  fs::path manifestPath = fs::path(dir) / kManifestFile;
  if (!fs::is_directory(dir))
    throw support::DataError(dir + ": no such dataset directory");
  std::ifstream in(manifestPath);
  if (!in)
    throw support::DataError(dir + ": not a complete dataset (no " + kManifestFile +
                       "; an interrupted run leaves none: re-run `surrogate dataset` with the same arguments)");
  Dataset ds;
  ds.Dir = dir;
  try {
    ds.Manifest = nlohmann::json::parse(in);
  } catch (const nlohmann::json::exception &e) {
    throw support::DataError(manifestPath.string() + ": unreadable manifest: " + e.what());
  }
  const nlohmann::json &m = ds.Manifest;
  if (!m.is_object() || !m.contains("format") || m["format"] != "surrogate-dataset")
    throw support::DataError(manifestPath.string() + ": not a surrogate dataset manifest");
  nlohmann::json version = m.value("format_version", nlohmann::json());
  if (!version.is_number_integer() || version.get<int>() < 1 || version.get<int>() > kDatasetFormatVersion)
    throw support::DataError(manifestPath.string() + ": format version " + version.dump() + " (this build reads 1 to " +
                             std::to_string(kDatasetFormatVersion) + ")");
  // Version 2 added the checksum; version 1 manifests are read unchecked.
  if (version.get<int>() >= 2 && m.value("checksum", nlohmann::json()) != manifestChecksum(m))
    throw support::DataError(manifestPath.string(), "checksum mismatch (damaged manifest)");
  if (m.value("complete", nlohmann::json()) != true)
    throw support::DataError(dir + ": dataset is not complete");
  checkManifestShape(m, manifestPath.string());
  for (const auto &c : m.at("chunks"))
    ds.ChunkFiles.push_back(c.at("file"));
  return ds;
}

std::size_t Dataset::exampleCount() const { return Manifest.at("counts").at("examples"); }

std::size_t Dataset::exampleCount(Split split) const {
  return Manifest.at("splits").at(splitName(split)).at("examples");
}

std::string Dataset::paramsTablePath(std::uint32_t id) const {
  const nlohmann::json &p = Manifest.at("params");
  if (!p.contains("tables_dir"))
    return {};
  return (fs::path(Dir) / p.at("tables_dir").get<std::string>() / fmt::format("{:06}.json", id)).string();
}

Chunk Dataset::chunk(std::size_t i) const { return readChunk((fs::path(Dir) / ChunkFiles.at(i)).string()); }

void Dataset::verify() const {
  const nlohmann::json &chunks = Manifest.at("chunks");
  std::vector<std::string> damaged;
  std::size_t examples = 0, splitExamples[3] = {0, 0, 0};
  for (std::size_t i = 0; i < ChunkFiles.size(); ++i) {
    std::string path = (fs::path(Dir) / ChunkFiles[i]).string();
    try {
      Chunk c = readChunk(path);
      if (c.index != i || c.records.size() != chunks[i].at("examples").get<std::size_t>() ||
          fmt::format("{:016x}", c.checksum) != chunks[i].at("checksum").get<std::string>())
        throw support::DataError(path + ": does not match the manifest");
      examples += c.records.size();
      for (const ChunkRecord &r : c.records) ++splitExamples[static_cast<int>(r.split)];
    } catch (const support::DataError &e) {
      damaged.push_back(e.what());
    }
  }
  if (!damaged.empty())
    throw support::DataError(fmt::format("{}: {} damaged chunk(s) of {}:\n  {}", Dir, damaged.size(), ChunkFiles.size(),
                                         fmt::join(damaged, "\n  ")));
  // Every chunk is intact, so counts that differ are the manifest's damage.
  bool countsAgree = examples == exampleCount();
  for (Split s : {Split::Train, Split::Validation, Split::Test})
    countsAgree = countsAgree && splitExamples[static_cast<int>(s)] == exampleCount(s);
  if (!countsAgree)
    throw support::DataError((fs::path(Dir) / kManifestFile).string(),
                             "example counts differ from the chunks' (damaged manifest)");
}

ExampleReader Dataset::examples(std::optional<Split> only) const {
  std::vector<std::string> paths;
  for (const std::string &f : ChunkFiles) paths.push_back((fs::path(Dir) / f).string());
  return ExampleReader(std::move(paths), only);
}

bool ExampleReader::next(Example &e) {
  for (;;) {
    if (!Loaded) {
      if (ChunkIndex >= ChunkPaths.size())
        return false;
      Current = readChunk(ChunkPaths[ChunkIndex]);
      RecordIndex = 0;
      Loaded = true;
    }
    if (RecordIndex >= Current.records.size()) {
      ++ChunkIndex;
      Loaded = false;
      continue;
    }
    const ChunkRecord &r = Current.records[RecordIndex++];
    if (Only && r.split != *Only)
      continue;
    e.bytes.assign(Current.blob.begin() + r.blobOffset, Current.blob.begin() + r.blobOffset + r.blockLength);
    e.blockHash = r.blockHash;
    e.blockIndex = r.blockIndex;
    e.paramsId = r.paramsId;
    e.split = r.split;
    e.cycles = r.cycles;
    e.measured = std::isnan(r.measured) ? std::nullopt : std::optional<double>(r.measured);
    return true;
  }
}

} // namespace surrogate::data
