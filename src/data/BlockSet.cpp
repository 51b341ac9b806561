// BlockSet: the hashes of the blocks named by CSV or assembly files, looked up by hex.
#include "surrogate/data/BlockSet.h"

#include "surrogate/block/BlockReader.h"
#include "surrogate/data/BlockHash.h"
#include "surrogate/support/Errors.h"

namespace surrogate::data {

namespace {

std::uint64_t hashOfHex(const std::string &hex, const std::string &where) {
  std::vector<std::uint8_t> bytes;
  if (block::DecodeResult parsed = block::parseHex(hex, bytes); !parsed.ok())
    throw support::InputError(where + ": " + parsed.error);
  return blockHash(bytes);
}

} // namespace

BlockSet BlockSet::load(const std::vector<std::string> &files) {
  BlockSet set;
  block::ReaderOptions options;
  options.readMeasured = false;
  block::BlockReader reader(files, options);
  for (block::BlockOrProblem item; reader.next(item);) {
    if (const block::Problem *p = std::get_if<block::Problem>(&item))
      throw support::InputError(p->str());
    const block::BasicBlock &b = std::get<block::BasicBlock>(item);
    set.Hashes.insert(hashOfHex(b.hex, b.where.str()));
  }
  return set;
}

bool BlockSet::contains(const std::string &hex) const {
  return !Hashes.empty() && Hashes.count(hashOfHex(hex, "block")) > 0;
}

} // namespace surrogate::data
