#include "surrogate/data/Dataset.h"

#include <cmath>
#include <filesystem>
#include <fstream>

#include <fmt/format.h>

#include "surrogate/block/BasicBlock.h"

namespace fs = std::filesystem;

namespace surrogate::data {

std::string Example::hex() const { return block::toHex(bytes.data(), bytes.size()); }

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
  if (m.value("format", "") != "surrogate-dataset")
    throw support::DataError(manifestPath.string() + ": not a surrogate dataset manifest");
  if (m.value("format_version", 0) != kDatasetFormatVersion)
    throw support::DataError(manifestPath.string() + ": format version " + m.value("format_version", nlohmann::json()).dump() +
                       " (this build reads " + std::to_string(kDatasetFormatVersion) + ")");
  if (!m.value("complete", false))
    throw support::DataError(dir + ": dataset is not complete");
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
  for (std::size_t i = 0; i < ChunkFiles.size(); ++i) {
    std::string path = (fs::path(Dir) / ChunkFiles[i]).string();
    Chunk c = readChunk(path);
    if (c.records.size() != chunks[i].at("examples").get<std::size_t>() ||
        fmt::format("{:016x}", c.checksum) != chunks[i].at("checksum").get<std::string>())
      throw support::DataError(path + ": does not match the manifest");
  }
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
