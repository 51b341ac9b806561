// forEachBlock and forEachDecoded: a command's walk over its block inputs, skipped rows reported and counted.
#include "surrogate/block/BlockPipeline.h"

#include <spdlog/spdlog.h>

namespace surrogate::block {

void reportSkipped(const Problem &problem) { spdlog::warn("{} (skipped)", problem.str()); }

ReadCounts forEachBlock(BlockReader &reader, const BlockVisitor &visit) {
  ReadCounts counts;
  for (BlockOrProblem item; reader.next(item);) {
    ++counts.read;
    if (auto *problem = std::get_if<Problem>(&item)) {
      reportSkipped(*problem);
      ++counts.skipped;
      continue;
    }
    if (!visit(std::get<BasicBlock>(item)))
      break;
  }
  return counts;
}

DecodeResult decodeInPlace(Decoder &decoder, BasicBlock &block) {
  if (!block.insts.empty())
    return DecodeResult::success();
  return decoder.decode(block.hex, block.insts);
}

std::optional<llvm::ArrayRef<llvm::MCInst>> instructionsOf(Decoder &decoder, const BasicBlock &block,
                                                           std::vector<llvm::MCInst> &scratch, std::string &problem) {
  if (!block.insts.empty())
    return llvm::ArrayRef<llvm::MCInst>(block.insts);
  if (DecodeResult bad = decoder.decode(block.hex, scratch); !bad.ok()) {
    problem = bad.error;
    return std::nullopt;
  }
  return llvm::ArrayRef<llvm::MCInst>(scratch);
}

ReadCounts forEachDecoded(BlockReader &reader, const BlockVisitor &visit, DecodeMode mode) {
  Decoder decoder;
  std::vector<llvm::MCInst> scratch;
  std::size_t undecodable = 0;
  ReadCounts counts = forEachBlock(reader, [&](BasicBlock &block) {
    DecodeResult decoded = mode == DecodeMode::Keep || !block.insts.empty()
                               ? decodeInPlace(decoder, block)
                               : decoder.decode(block.hex, scratch);
    if (!decoded.ok()) {
      reportSkipped({block.where, decoded.error});
      ++undecodable;
      return true;
    }
    return visit(block);
  });
  counts.skipped += undecodable;
  return counts;
}

} // namespace surrogate::block
