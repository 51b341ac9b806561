#pragma once
// A set of blocks named by files: BHive CSVs (`hex[,...]`, e.g.
// may-alias.csv, one hex per line) or assembly, read as `dataset` reads
// them. Blocks are matched by identity (the hash of their bytes), so the
// case of the hex does not matter. Training uses it to leave suspect blocks
// out, or to weigh them less.

#include <cstdint>
#include <string>
#include <unordered_set>
#include <vector>

namespace surrogate::data {

class BlockSet {
public:
  BlockSet() = default;
  /// Reads every file; a row that is not a block is an InputError naming
  /// the file and line, a missing file one naming the file.
  static BlockSet load(const std::vector<std::string> &files);

  bool contains(const std::string &hex) const;
  std::size_t size() const { return Hashes.size(); }
  bool empty() const { return Hashes.empty(); }

private:
  std::unordered_set<std::uint64_t> Hashes;
};

} // namespace surrogate::data
