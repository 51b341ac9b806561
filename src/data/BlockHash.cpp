// Block identity: FNV-1a of the bytes, and the split and shard that a block's hash decides.
#include "surrogate/data/BlockHash.h"

#include "surrogate/block/BasicBlock.h"
#include "surrogate/support/Errors.h"

namespace surrogate::data {

std::uint64_t fnv1a64(const void *data, std::size_t size, std::uint64_t seed) {
  const auto *p = static_cast<const std::uint8_t *>(data);
  std::uint64_t h = seed;
  for (std::size_t i = 0; i < size; ++i) {
    h ^= p[i];
    h *= 0x100000001b3ULL;
  }
  return h;
}

std::uint64_t mix64(std::uint64_t x) {
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

std::uint64_t blockHash(const std::vector<std::uint8_t> &bytes) { return fnv1a64(bytes.data(), bytes.size()); }

Split splitOfHex(const std::string &hex) {
  std::vector<std::uint8_t> bytes;
  if (block::DecodeResult parsed = block::parseHex(hex, bytes); !parsed.ok())
    throw support::InputError("block '" + hex + "': " + parsed.error);
  return splitOf(blockHash(bytes));
}

Split splitOf(std::uint64_t blockHash) {
  unsigned bucket = static_cast<unsigned>(mix64(blockHash) % 100);
  if (bucket < kTrainPercent)
    return Split::Train;
  if (bucket < kTrainPercent + kValidationPercent)
    return Split::Validation;
  return Split::Test;
}

std::uint32_t shardOf(std::uint64_t blockHash, std::uint32_t count) {
  return static_cast<std::uint32_t>((mix64(blockHash) >> 32) % count);
}

const char *splitName(Split split) {
  switch (split) {
  case Split::Train: return "train";
  case Split::Validation: return "validation";
  case Split::Test: return "test";
  }
  return "?";
}

} // namespace surrogate::data
