#pragma once
// Reads a dataset directory written by `surrogate dataset`: checks that it
// is complete (its manifest says so and every chunk verifies), and streams
// its examples chunk by chunk so memory stays flat however large it is.
//
//   Dataset ds = Dataset::open("data/sources-hsw");
//   ExampleReader reader = ds.examples(Split::Train);
//   for (Example e; reader.next(e);) use(e.bytes, e.cycles, e.measured);
//
// Layout of the directory: manifest.json (written last; "complete": true),
// chunks/NNNNNN.bin (see ChunkFile.h), params/ (sampled-parameter mode: the
// tables examples refer to by id).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "surrogate/data/BlockHash.h"
#include "surrogate/data/ChunkFile.h"

namespace surrogate::data {

struct Example {
  std::vector<std::uint8_t> bytes;  ///< the block's machine code
  std::uint64_t blockHash = 0;      ///< fnv1a64(bytes)
  std::uint32_t blockIndex = 0;     ///< distinct-block index in input order
  std::uint32_t paramsId = 0;       ///< parameter table (0: default parameters in default mode)
  Split split = Split::Train;
  std::uint32_t cycles = 0;         ///< llvm-mca Total Cycles for manifest "iterations" iterations
  std::optional<double> measured;   ///< measured cycles per 100 iterations, when an input had it

  std::string hex() const;
};

class Dataset;

/// Streams examples in dataset order, optionally of one split only. It may
/// outlive the Dataset it came from.
class ExampleReader {
public:
  bool next(Example &example);

private:
  friend class Dataset;
  ExampleReader(std::vector<std::string> chunkPaths, std::optional<Split> only)
      : ChunkPaths(std::move(chunkPaths)), Only(only) {}
  std::vector<std::string> ChunkPaths;
  std::optional<Split> Only;
  std::size_t ChunkIndex = 0, RecordIndex = 0;
  Chunk Current;
  bool Loaded = false;
};

/// FNV-1a of the manifest's compact JSON without its "checksum" key, as hex.
/// Format version 2 manifests carry it (version 1 ones are read unchecked),
/// so a damaged value is found even where the JSON still parses.
std::string manifestChecksum(nlohmann::json manifest);

class Dataset {
public:
  /// Opens `dir`; throws support::DataError if it is missing, partial (no complete
  /// manifest) or of another format version.
  static Dataset open(const std::string &dir);

  const std::string &dir() const { return Dir; }
  const nlohmann::json &manifest() const { return Manifest; }
  std::string cpu() const { return Manifest.at("cpu"); }
  unsigned iterations() const { return Manifest.at("iterations"); }
  /// "default" (LLVM's model), "table" (one given parameter table) or
  /// "sampled" (each block under several sampled tables).
  std::string mode() const { return Manifest.at("mode"); }

  std::size_t exampleCount() const;
  std::size_t exampleCount(Split split) const;
  std::size_t chunkCount() const { return ChunkFiles.size(); }

  /// Path of parameter table `id` (params/NNNNNN.json, a ParamTable JSON
  /// file) in "sampled" and "table" modes; empty in default mode.
  std::string paramsTablePath(std::uint32_t id) const;

  /// Reads and verifies chunk `i` (throws support::DataError when damaged).
  Chunk chunk(std::size_t i) const;
  ExampleReader examples(std::optional<Split> only = std::nullopt) const;

  /// Every chunk read and its checksum compared with the manifest; throws
  /// one DataError listing each damaged chunk, or naming the manifest when
  /// its counts differ from the chunks'.
  void verify() const;

private:
  std::string Dir;
  nlohmann::json Manifest;
  std::vector<std::string> ChunkFiles;  ///< relative to Dir
};

inline constexpr int kDatasetFormatVersion = 2;  ///< written; 1 (no manifest checksum) is still read
inline constexpr const char *kManifestFile = "manifest.json";

} // namespace surrogate::data
