// Chunk files: a chunk's records and blob encoded with a checksum trailer, written, read back and verified.
#include "surrogate/data/ChunkFile.h"

#include <cmath>
#include <cstring>
#include <fstream>
#include <iterator>

#include <fmt/format.h>

#include "surrogate/support/AtomicFile.h"

namespace surrogate::data {

namespace {

constexpr char kMagic[8] = {'S', 'G', 'D', 'S', 'C', 'H', 'K', '1'};
constexpr std::uint32_t kVersion = 1;

// Explicit little-endian so files are the same on every host.
void put(std::string &out, std::uint64_t value, int bytes) {
  for (int i = 0; i < bytes; ++i)
    out.push_back(static_cast<char>((value >> (8 * i)) & 0xff));
}

std::uint64_t get(const std::string &in, std::size_t at, int bytes) {
  std::uint64_t value = 0;
  for (int i = 0; i < bytes; ++i)
    value |= static_cast<std::uint64_t>(static_cast<std::uint8_t>(in[at + i])) << (8 * i);
  return value;
}

std::uint64_t doubleBits(double d) {
  std::uint64_t bits;
  std::memcpy(&bits, &d, sizeof bits);
  return bits;
}

double bitsDouble(std::uint64_t bits) {
  double d;
  std::memcpy(&d, &bits, sizeof d);
  return d;
}

} // namespace

void Chunk::add(ChunkRecord record, const std::uint8_t *bytes, std::size_t size) {
  if (size > 0xffff)
    throw support::DataError(fmt::format("block of {} bytes is longer than a dataset stores (65535)", size));
  // Examples of one block under several parameter tables come consecutively;
  // they share the bytes.
  if (!records.empty() && records.back().blockIndex == record.blockIndex &&
      records.back().blockHash == record.blockHash) {
    record.blobOffset = records.back().blobOffset;
  } else {
    record.blobOffset = static_cast<std::uint32_t>(blob.size());
    blob.insert(blob.end(), bytes, bytes + size);
  }
  record.blockLength = static_cast<std::uint16_t>(size);
  records.push_back(record);
}

std::string encodeChunk(const Chunk &chunk) {
  std::string out;
  out.reserve(kChunkHeaderBytes + chunk.records.size() * kChunkRecordBytes + chunk.blob.size() + 8);
  out.append(kMagic, sizeof kMagic);
  put(out, kVersion, 4);
  put(out, chunk.index, 4);
  put(out, chunk.records.size(), 4);
  put(out, chunk.blob.size(), 4);
  put(out, chunk.undecodable, 4);
  put(out, chunk.unsimulatable, 4);
  for (const ChunkRecord &r : chunk.records) {
    put(out, r.blockHash, 8);
    put(out, doubleBits(r.measured), 8);
    put(out, r.blockIndex, 4);
    put(out, r.blobOffset, 4);
    put(out, r.paramsId, 4);
    put(out, r.cycles, 4);
    put(out, r.blockLength, 2);
    put(out, static_cast<std::uint8_t>(r.split), 1);
    put(out, 0, 1);
    put(out, 0, 4);
  }
  out.append(reinterpret_cast<const char *>(chunk.blob.data()), chunk.blob.size());
  put(out, fnv1a64(out.data(), out.size()), 8);
  return out;
}

void writeChunk(const std::string &path, const Chunk &chunk) {
  support::writeFileAtomically(path, encodeChunk(chunk));
}

static std::string slurp(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw support::DataError(path + ": cannot open: " + std::strerror(errno));
  return std::string(std::istreambuf_iterator<char>(in), {});
}

Chunk readChunk(const std::string &path) {
  std::string data = slurp(path);
  auto fail = [&](const std::string &why) { return support::DataError(path + ": not a valid dataset chunk: " + why); };
  if (data.size() < kChunkHeaderBytes + 8 || std::memcmp(data.data(), kMagic, sizeof kMagic) != 0)
    throw fail("bad header");
  if (get(data, 8, 4) != kVersion)
    throw fail(fmt::format("format version {} (this build reads {})", get(data, 8, 4), kVersion));
  std::size_t body = data.size() - 8;
  if (fnv1a64(data.data(), body) != get(data, body, 8))
    throw fail("checksum mismatch (damaged or truncated)");
  Chunk chunk;
  chunk.checksum = get(data, body, 8);
  chunk.index = static_cast<std::uint32_t>(get(data, 12, 4));
  std::size_t count = get(data, 16, 4), blobBytes = get(data, 20, 4);
  chunk.undecodable = static_cast<std::uint32_t>(get(data, 24, 4));
  chunk.unsimulatable = static_cast<std::uint32_t>(get(data, 28, 4));
  if (kChunkHeaderBytes + count * kChunkRecordBytes + blobBytes != body)
    throw fail("sizes in the header do not match the file size");
  chunk.records.resize(count);
  std::size_t at = kChunkHeaderBytes;
  for (ChunkRecord &r : chunk.records) {
    r.blockHash = get(data, at, 8);
    r.measured = bitsDouble(get(data, at + 8, 8));
    r.blockIndex = static_cast<std::uint32_t>(get(data, at + 16, 4));
    r.blobOffset = static_cast<std::uint32_t>(get(data, at + 20, 4));
    r.paramsId = static_cast<std::uint32_t>(get(data, at + 24, 4));
    r.cycles = static_cast<std::uint32_t>(get(data, at + 28, 4));
    r.blockLength = static_cast<std::uint16_t>(get(data, at + 32, 2));
    std::uint64_t split = get(data, at + 34, 1);
    if (split > 2)
      throw fail("bad split code");
    r.split = static_cast<Split>(split);
    if (std::size_t(r.blobOffset) + r.blockLength > blobBytes)
      throw fail("record points outside the block bytes");
    at += kChunkRecordBytes;
  }
  chunk.blob.assign(data.begin() + at, data.begin() + body);
  return chunk;
}

std::string chunkChecksum(const std::string &path) {
  std::string data = slurp(path);
  if (data.size() < 8)
    throw support::DataError(path + ": not a valid dataset chunk: too short");
  return fmt::format("{:016x}", get(data, data.size() - 8, 8));
}

} // namespace surrogate::data
