#pragma once
// The stable identity of a block: a 64-bit FNV-1a hash of its machine-code
// bytes (written out here, unlike std::hash, so it is the same on every
// machine and compiler). It deduplicates blocks and decides, for all time,
// a block's split and its shard.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace surrogate::data {

enum class Split : std::uint8_t { Train = 0, Validation = 1, Test = 2 };

inline constexpr unsigned kTrainPercent = 80;
inline constexpr unsigned kValidationPercent = 10;  ///< the rest is test

/// FNV-1a, 64 bits, over `size` bytes.
std::uint64_t fnv1a64(const void *data, std::size_t size, std::uint64_t seed = 0xcbf29ce484222325ULL);

/// splitmix64's finaliser: spreads FNV's weak low bits over the whole word.
std::uint64_t mix64(std::uint64_t x);

/// mix64(hash) % 100: below 80 train, below 90 validation, else test.
Split splitOf(std::uint64_t blockHash);

/// A block's identity: fnv1a64 of its machine-code bytes.
std::uint64_t blockHash(const std::vector<std::uint8_t> &bytes);

/// The split of the block with this hex (the one function every layer uses);
/// support::InputError when the hex does not parse.
Split splitOfHex(const std::string &hex);

/// Shard in [0, count): from the high half of mix64, so it is independent of
/// the split (which uses the whole word modulo 100).
std::uint32_t shardOf(std::uint64_t blockHash, std::uint32_t count);

const char *splitName(Split split);  ///< train | validation | test

} // namespace surrogate::data
