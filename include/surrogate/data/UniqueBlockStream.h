#pragma once
// The distinct blocks of a dataset's inputs, in order of first appearance,
// each numbered (its block index) and labelled with its measured throughput
// when a measured file has one. Rows that cannot be read come out as
// problems in their place; repeated blocks are counted and skipped.

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <variant>
#include <vector>

#include "surrogate/block/BlockReader.h"

namespace surrogate::data {

struct UniqueBlock {
  block::BasicBlock block;  ///< measured filled from the measured files
  std::vector<std::uint8_t> bytes;
  std::uint64_t hash = 0;   ///< fnv1a64(bytes)
  std::uint32_t index = 0;  ///< distinct-block index
};

struct StreamCounts {
  std::size_t rowsRead = 0;        ///< rows and blocks, duplicates and problems included
  std::size_t unreadableRows = 0;
  std::size_t duplicateBlocks = 0;
  std::size_t distinctBlocks = 0;
};

/// Measured throughput by block hash; first value wins.
class MeasuredLabels {
public:
  /// Reads `hex,throughput` files (BHive's hsw.csv shape).
  void load(const std::vector<std::string> &files, block::Syntax syntax);
  const double *find(std::uint64_t hash) const;
  std::size_t size() const { return Values.size(); }
  std::size_t conflicts() const { return Conflicts; }

private:
  std::unordered_map<std::uint64_t, double> Values;
  std::size_t Conflicts = 0;
};

class UniqueBlockStream {
public:
  /// `blockFiles` are read with their second column ignored (BHive sources'
  /// frequency); `measuredFiles` contribute their blocks too.
  UniqueBlockStream(const std::vector<std::string> &blockFiles, const std::vector<std::string> &measuredFiles,
                    block::Syntax syntax, const MeasuredLabels &labels);

  using Item = std::variant<UniqueBlock, block::Problem>;
  bool next(Item &item);
  const StreamCounts &counts() const { return Counts; }

private:
  std::vector<std::unique_ptr<block::BlockReader>> Readers;
  std::size_t ReaderIndex = 0;
  const MeasuredLabels &Labels;
  std::unordered_set<std::uint64_t> Seen;  // 8 bytes per distinct block
  StreamCounts Counts;
};

} // namespace surrogate::data
