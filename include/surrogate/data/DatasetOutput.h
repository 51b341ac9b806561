#pragma once
// A dataset directory being written. It decides whether a run may start,
// resume or must stop: a complete dataset is never replaced without
// `force`, a partial one is resumed only by a run with the same settings
// (recorded in a marker file), and anything else in the way is refused.
// The manifest, which marks the dataset complete, is written last. The
// directory is locked (support::DirLock) while the object lives.

#include <cstdint>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "surrogate/data/ChunkFile.h"
#include "surrogate/support/DirLock.h"

namespace surrogate::data {

class DatasetOutput {
public:
  /// `settings` is everything that determines the output's bytes; a partial
  /// output made with other settings is not resumed.
  DatasetOutput(std::string dir, nlohmann::json settings, bool force);

  /// True when a previous run with the same settings left chunks behind.
  bool resuming() const { return Resuming; }

  std::string chunkPath(std::uint32_t index) const;
  /// The chunk file exists and verifies (files are renamed into place whole,
  /// so this only fails for a file damaged afterwards, which is then redone).
  bool chunkDone(std::uint32_t index) const;
  void writeChunk(const Chunk &chunk) const;
  /// Directory for extra files (parameter tables), created on demand.
  std::string subdir(const std::string &name) const;

  /// Reads back chunks 0..chunkCount-1, adds their counts, split sizes and
  /// checksums to `manifest` (which holds the settings and the input-side
  /// counts), writes manifest.json atomically and drops the marker.
  nlohmann::json finish(nlohmann::json manifest, std::uint32_t chunkCount) const;

  const std::string &dir() const { return Dir; }

private:
  std::string Dir;
  std::unique_ptr<support::DirLock> Lock;
  bool Resuming = false;
};

inline constexpr const char *kRunMarkerFile = ".dataset-run.json";

} // namespace surrogate::data
