#pragma once
// One chunk of a dataset on disk: the examples of a fixed range of distinct
// blocks (by first appearance in the inputs), as fixed-width little-endian
// records followed by the blocks' bytes, each stored once per chunk. A
// checksum trailer lets readers tell a damaged file from a good one.
//
//   header  32 bytes: "SGDSCHK1", u32 version, u32 chunk index,
//           u32 example count, u32 blob bytes, u32 undecodable blocks,
//           u32 examples llvm-mca could not simulate
//   records 40 bytes each: u64 block hash, f64 measured (NaN: unknown),
//           u32 block index, u32 blob offset, u32 params id, u32 cycles,
//           u16 block length, u8 split, u8 reserved, u32 reserved
//   blob    the blocks' machine code
//   trailer u64 FNV-1a of everything above

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "surrogate/data/BlockHash.h"
#include "surrogate/support/Errors.h"

namespace surrogate::data {

struct ChunkRecord {
  std::uint64_t blockHash = 0;
  double measured = 0;        ///< NaN when unknown
  std::uint32_t blockIndex = 0;  ///< distinct-block index in input order
  std::uint32_t blobOffset = 0;
  std::uint32_t paramsId = 0;
  std::uint32_t cycles = 0;
  std::uint16_t blockLength = 0;
  Split split = Split::Train;
};

/// A whole chunk in memory (a few MB at most).
struct Chunk {
  std::uint32_t index = 0;
  std::uint32_t undecodable = 0;
  std::uint32_t unsimulatable = 0;  ///< examples
  std::vector<ChunkRecord> records;
  std::vector<std::uint8_t> blob;
  std::uint64_t checksum = 0;  ///< the trailer, as read (not used for writing)

  /// Appends an example; the block's bytes are stored once per chunk when
  /// its examples are added consecutively.
  void add(ChunkRecord record, const std::uint8_t *bytes, std::size_t size);
};

inline constexpr std::size_t kChunkHeaderBytes = 32;
inline constexpr std::size_t kChunkRecordBytes = 40;

/// Encodes `chunk` in the file format above.
std::string encodeChunk(const Chunk &chunk);
/// Writes `chunk` to `path` atomically (temporary file + rename).
void writeChunk(const std::string &path, const Chunk &chunk);
/// Reads and verifies a chunk file; support::DataError names the file and the fault.
Chunk readChunk(const std::string &path);
/// The file's trailer checksum as 16 hex digits (for the manifest).
std::string chunkChecksum(const std::string &path);

} // namespace surrogate::data
