// MeasuredLabels and UniqueBlockStream: measured throughputs by block hash; distinct blocks in first-seen order.
#include "surrogate/data/UniqueBlockStream.h"

#include <limits>

#include "surrogate/data/BlockHash.h"
#include "surrogate/data/ChunkFile.h"

namespace surrogate::data {

void MeasuredLabels::load(const std::vector<std::string> &files, block::Syntax syntax) {
  if (files.empty())
    return;
  block::ReaderOptions options;
  options.syntax = syntax;
  options.readMeasured = true;
  block::BlockReader reader(files, options);
  std::vector<std::uint8_t> bytes;
  for (block::BlockOrProblem item; reader.next(item);) {
    auto *b = std::get_if<block::BasicBlock>(&item);
    if (!b || !b->measured || !block::parseHex(b->hex, bytes).ok())
      continue;  // problems are reported when the stream reads the row
    auto [it, inserted] = Values.emplace(blockHash(bytes), *b->measured);
    if (!inserted && it->second != *b->measured)
      ++Conflicts;
  }
}

const double *MeasuredLabels::find(std::uint64_t hash) const {
  auto it = Values.find(hash);
  return it == Values.end() ? nullptr : &it->second;
}

UniqueBlockStream::UniqueBlockStream(const std::vector<std::string> &blockFiles,
                                     const std::vector<std::string> &measuredFiles, block::Syntax syntax,
                                     const MeasuredLabels &labels)
    : Labels(labels) {
  block::ReaderOptions options;
  options.syntax = syntax;
  if (!blockFiles.empty()) {
    options.readMeasured = false;
    Readers.push_back(std::make_unique<block::BlockReader>(blockFiles, options));
  }
  if (!measuredFiles.empty()) {
    options.readMeasured = true;
    Readers.push_back(std::make_unique<block::BlockReader>(measuredFiles, options));
  }
}

bool UniqueBlockStream::next(Item &item) {
  block::BlockOrProblem raw;
  while (ReaderIndex < Readers.size()) {
    if (!Readers[ReaderIndex]->next(raw)) {
      ++ReaderIndex;
      continue;
    }
    ++Counts.rowsRead;
    if (auto *p = std::get_if<block::Problem>(&raw)) {
      ++Counts.unreadableRows;
      item = std::move(*p);
      return true;
    }
    UniqueBlock u;
    u.block = std::move(std::get<block::BasicBlock>(raw));
    if (block::DecodeResult parsed = block::parseHex(u.block.hex, u.bytes); !parsed.ok()) {
      ++Counts.unreadableRows;  // the reader checked CSV rows; this catches .s input
      item = block::Problem{u.block.where, parsed.error};
      return true;
    }
    u.hash = blockHash(u.bytes);
    if (!Seen.insert(u.hash).second) {
      ++Counts.duplicateBlocks;
      continue;
    }
    if (Counts.distinctBlocks >= std::numeric_limits<std::uint32_t>::max())
      throw support::DataError("more than 2^32 distinct blocks: split the inputs into several datasets");
    u.index = static_cast<std::uint32_t>(Counts.distinctBlocks++);
    const double *m = Labels.find(u.hash);
    u.block.measured = m ? std::optional<double>(*m) : std::nullopt;
    item = std::move(u);
    return true;
  }
  return false;
}

} // namespace surrogate::data
