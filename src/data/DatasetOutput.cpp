// DatasetOutput: start, resume or refuse a dataset directory, its chunk paths, and the manifest written last.
#include "surrogate/data/DatasetOutput.h"

#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "surrogate/data/Dataset.h"
#include "surrogate/support/AtomicFile.h"
#include "surrogate/support/ConfigReader.h"

namespace fs = std::filesystem;

namespace surrogate::data {

namespace {

// The settings a partial run recorded; a marker that does not parse is a
// damaged file, not a run made with other settings.
nlohmann::json readRunMarker(const fs::path &path, bool force) {
  try {
    return support::readJsonFile(path.string());
  } catch (const support::InputError &e) {
    if (force)
      return nlohmann::json();  // --force starts over whatever the marker holds
    throw support::DataError(std::string(e.what()) +
                             " (a damaged run marker); delete the directory or pass --force to start over");
  }
}

// Names of the top-level settings that differ, for the error message.
std::string differingKeys(const nlohmann::json &a, const nlohmann::json &b) {
  std::set<std::string> keys;
  if (a.is_object())
    for (auto it = a.begin(); it != a.end(); ++it) keys.insert(it.key());
  if (b.is_object())
    for (auto it = b.begin(); it != b.end(); ++it) keys.insert(it.key());
  std::string out;
  for (const std::string &k : keys)
    if (!a.is_object() || !b.is_object() || !a.contains(k) || !b.contains(k) || a[k] != b[k])
      out += (out.empty() ? "" : ", ") + k;
  return out.empty() ? "unknown" : out;
}

// Removes only what a dataset run writes, never other files.
void clearDataset(const fs::path &dir) {
  fs::remove(dir / kManifestFile);
  fs::remove(dir / kRunMarkerFile);
  fs::remove_all(dir / "chunks");
  fs::remove_all(dir / "params");
}

// Nothing in the directory but lock files (ours, or one a killed run left).
bool emptyButLocks(const fs::path &dir) {
  for (const auto &entry : fs::directory_iterator(dir))
    if (entry.path().filename().string().rfind(support::DirLock::kFile, 0) != 0)
      return false;
  return true;
}

} // namespace

DatasetOutput::DatasetOutput(std::string dir, nlohmann::json settings, bool force) : Dir(std::move(dir)) {
  fs::path root(Dir);
  if (fs::exists(root) && !fs::is_directory(root))
    throw support::DataError(Dir + ": exists and is not a directory");
  Lock = std::make_unique<support::DirLock>(Dir);
  if (fs::exists(root / kManifestFile)) {
    if (!force)
      throw support::DataError(Dir + ": already holds a complete dataset; pass --force to replace it");
    spdlog::info("{}: replacing the dataset there (--force)", Dir);
    clearDataset(root);
  } else if (fs::exists(root / kRunMarkerFile)) {
    nlohmann::json previous = readRunMarker(root / kRunMarkerFile, force);
    if (previous == settings) {
      Resuming = true;
    } else if (force) {
      spdlog::info("{}: discarding a partial dataset made with other settings (--force)", Dir);
      clearDataset(root);
    } else {
      throw support::DataError(Dir + ": holds a partial dataset made with other settings (" +
                         differingKeys(previous, settings) +
                         "); re-run with the same arguments to resume, or pass --force to start over");
    }
  } else if (!emptyButLocks(root)) {
    throw support::DataError(Dir + ": exists, is not empty and is not a dataset; refusing to write into it");
  }
  fs::create_directories(root / "chunks");
  if (Resuming) {
    // Temporaries of an interrupted run (AtomicFile names them *.tmp.<pid>).
    for (const char *sub : {"chunks", "params"})
      if (fs::is_directory(root / sub))
        for (const auto &entry : fs::directory_iterator(root / sub))
          if (entry.path().filename().string().find(".tmp.") != std::string::npos)
            fs::remove(entry.path());
  } else {
    support::writeFileAtomically((root / kRunMarkerFile).string(), settings.dump(2) + "\n");
  }
}

std::string DatasetOutput::chunkPath(std::uint32_t index) const {
  return (fs::path(Dir) / "chunks" / fmt::format("{:06}.bin", index)).string();
}

bool DatasetOutput::chunkDone(std::uint32_t index) const {
  std::string path = chunkPath(index);
  if (!fs::exists(path))
    return false;
  try {
    return readChunk(path).index == index;
  } catch (const support::DataError &e) {
    spdlog::warn("{} (will be regenerated)", e.what());
    return false;
  }
}

void DatasetOutput::writeChunk(const Chunk &chunk) const { data::writeChunk(chunkPath(chunk.index), chunk); }

std::string DatasetOutput::subdir(const std::string &name) const {
  fs::path p = fs::path(Dir) / name;
  fs::create_directories(p);
  return p.string();
}

nlohmann::json DatasetOutput::finish(nlohmann::json manifest, std::uint32_t chunkCount) const {
  std::size_t examples = 0, undecodable = 0, unsimulatable = 0, withMeasured = 0;
  std::size_t splitExamples[3] = {0, 0, 0}, splitBlocks[3] = {0, 0, 0};
  nlohmann::json chunks = nlohmann::json::array();
  for (std::uint32_t i = 0; i < chunkCount; ++i) {
    std::string path = chunkPath(i);
    Chunk chunk = readChunk(path);
    if (chunk.index != i)
      throw support::DataError(path + ": holds chunk " + std::to_string(chunk.index));
    undecodable += chunk.undecodable;
    unsimulatable += chunk.unsimulatable;
    examples += chunk.records.size();
    for (std::size_t r = 0; r < chunk.records.size(); ++r) {
      const ChunkRecord &rec = chunk.records[r];
      int s = static_cast<int>(rec.split);
      ++splitExamples[s];
      if (!std::isnan(rec.measured))
        ++withMeasured;
      if (r == 0 || chunk.records[r - 1].blockIndex != rec.blockIndex)
        ++splitBlocks[s];
    }
    chunks.push_back({{"file", fmt::format("chunks/{:06}.bin", i)},
                      {"examples", chunk.records.size()},
                      {"checksum", fmt::format("{:016x}", chunk.checksum)}});
  }
  nlohmann::json &counts = manifest["counts"];
  counts["undecodable_blocks"] = undecodable;
  counts["unsimulatable_examples"] = unsimulatable;
  counts["examples"] = examples;
  counts["examples_with_measured"] = withMeasured;
  for (Split s : {Split::Train, Split::Validation, Split::Test})
    manifest["splits"][splitName(s)] = {{"blocks", splitBlocks[static_cast<int>(s)]},
                                       {"examples", splitExamples[static_cast<int>(s)]}};
  manifest["chunks"] = chunks;
  manifest["complete"] = true;
  manifest["checksum"] = manifestChecksum(manifest);
  support::writeFileAtomically((fs::path(Dir) / kManifestFile).string(), manifest.dump(2) + "\n");
  fs::remove(fs::path(Dir) / kRunMarkerFile);
  return manifest;
}

} // namespace surrogate::data
