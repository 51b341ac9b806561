// BlockPreparer: a block's decoded instructions, token ids and bounds, as a model takes them.
#include "surrogate/model/BlockPreparer.h"

#include "surrogate/block/BlockPipeline.h"

namespace surrogate::model {

BlockPreparer::BlockPreparer(const ModelConfig &config, const block::Vocabulary &vocabulary)
    : Vocabulary(vocabulary), Tokens(config.tokens) {
  // A conditioned bounds model's bounds follow its table, so they are not the CPU's (BatchPredictor::run).
  if (config.bounds && config.instFeatures == 0)
    Bounds.emplace(config.boundsCpu);
}

std::optional<llvm::ArrayRef<llvm::MCInst>> BlockPreparer::instructions(const block::BasicBlock &b,
                                                                        std::string &problem) {
  std::optional<llvm::ArrayRef<llvm::MCInst>> insts = block::instructionsOf(Decoder, b, Decoded, problem);
  if (insts && insts->empty()) {
    problem = "empty block";
    return std::nullopt;
  }
  return insts;
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
