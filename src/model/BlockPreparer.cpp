// BlockPreparer: a block's decoded instructions, token ids and bounds, as a model takes them.
#include "surrogate/model/BlockPreparer.h"

namespace surrogate::model {

BlockPreparer::BlockPreparer(const ModelConfig &config, const block::Vocabulary &vocabulary)
    : Vocabulary(vocabulary), Tokens(config.tokens) {
  if (config.bounds)
    Bounds.emplace(config.boundsCpu);
}

std::optional<llvm::ArrayRef<llvm::MCInst>> BlockPreparer::instructions(const block::BasicBlock &b,
                                                                        std::string &problem) {
  if (!b.insts.empty())
    return llvm::ArrayRef<llvm::MCInst>(b.insts);
  if (block::DecodeResult bad = Decoder.decode(b.hex, Decoded); !bad.ok()) {
    problem = bad.error;
    return std::nullopt;
  }
  if (Decoded.empty()) {
    problem = "empty block";
    return std::nullopt;
  }
  return llvm::ArrayRef<llvm::MCInst>(Decoded);
}

bool BlockPreparer::prepare(llvm::ArrayRef<llvm::MCInst> insts, std::vector<block::TokenizedBlock> &tokens,
                            std::vector<BlockBounds> &bounds, std::string &problem) {
  if (Bounds) {
    std::optional<BlockBounds> b = Bounds->of(insts, problem);
    if (!b)
      return false;
    bounds.push_back(*b);
  }
  tokens.push_back(Tokens ? Vocabulary.encode(Tokenizer, insts) : block::TokenizedBlock());
  return true;
}

} // namespace surrogate::model
