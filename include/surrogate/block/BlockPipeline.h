#pragma once
// The one way a command walks its block inputs: read each row or block,
// report a row that cannot be used on stderr as `FILE:LINE: reason (skipped)`
// and count it, decode the rest, and hand each usable block to the caller.

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "surrogate/block/BasicBlock.h"
#include "surrogate/block/BlockReader.h"
#include "surrogate/block/Decoder.h"

namespace surrogate::block {

struct ReadCounts {
  std::size_t read = 0;     ///< rows and blocks handed out by the reader, problems included
  std::size_t skipped = 0;  ///< reported and not given to the visitor
};

/// Called with each usable block; returns false to stop reading.
using BlockVisitor = std::function<bool(BasicBlock &block)>;

/// Reads `reader` to its end, reporting and counting its problems.
ReadCounts forEachBlock(BlockReader &reader, const BlockVisitor &visit);

/// What forEachDecoded leaves in a visited block's `insts`.
enum class DecodeMode {
  Keep,       ///< the decoded instructions
  CheckOnly,  ///< as read (assembly blocks come decoded, CSV rows stay hex), for callers that decode again
};

/// forEachBlock, and also skips (reporting and counting) a block that does not decode.
ReadCounts forEachDecoded(BlockReader &reader, const BlockVisitor &visit, DecodeMode mode = DecodeMode::Keep);

/// Decodes `block` into its `insts` unless they are already there.
DecodeResult decodeInPlace(Decoder &decoder, BasicBlock &block);
/// The same without changing a block: its `insts`, or its hex decoded into
/// `scratch`; nullopt, with `problem` set, when it does not decode.
std::optional<llvm::ArrayRef<llvm::MCInst>> instructionsOf(Decoder &decoder, const BasicBlock &block,
                                                           std::vector<llvm::MCInst> &scratch, std::string &problem);

/// Reports a skipped block on stderr as `FILE:LINE: reason (skipped)`.
void reportSkipped(const Problem &problem);

} // namespace surrogate::block
