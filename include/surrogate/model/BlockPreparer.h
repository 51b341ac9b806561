#pragma once
// What a model takes of one block, for either engine: its instructions
// decoded (unless the reader already did), its token ids under the model's
// vocabulary and, for a bounds model that takes no table, its scheduling
// bounds under the model's CPU. One per thread (it holds a decoder and an
// analyzer).

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "surrogate/block/BasicBlock.h"
#include "surrogate/block/Decoder.h"
#include "surrogate/block/Tokenizer.h"
#include "surrogate/model/BoundFeatures.h"
#include "surrogate/model/ModelConfig.h"

namespace surrogate::model {

class BlockPreparer {
public:
  /// `vocabulary` must outlive the preparer.
  BlockPreparer(const ModelConfig &config, const block::Vocabulary &vocabulary);

  /// The block's instructions: b.insts, or decoded from b.hex into a buffer
  /// of the preparer's; nullopt with `problem` set when it does not decode or is empty.
  std::optional<llvm::ArrayRef<llvm::MCInst>> instructions(const block::BasicBlock &b, std::string &problem);

  /// Appends the block's tokens (empty for a model without tokens) and, for
  /// a bounds model that takes no table, its bounds; false with `problem` set when its bounds
  /// cannot be computed (nothing appended then).
  bool prepare(llvm::ArrayRef<llvm::MCInst> insts, std::vector<block::TokenizedBlock> &tokens,
               std::vector<BlockBounds> &bounds, std::string &problem);

private:
  const block::Vocabulary &Vocabulary;
  bool Tokens;
  block::Decoder Decoder;
  block::Tokenizer Tokenizer;
  std::optional<BoundFeaturizer> Bounds;
  std::vector<llvm::MCInst> Decoded;
};

} // namespace surrogate::model
