#pragma once
// A trained run directory as a deployable ModelFile (`surrogate export`, and
// the end of every training run): the config, the vocabulary and every
// parameter and buffer of one checkpoint, copied as float32 tensors under
// LibTorch's names.

#include <string>

#include "surrogate/block/Tokenizer.h"
#include "surrogate/model/ModelFile.h"

namespace surrogate::model {

class IthemalModelImpl;

/// A model in memory and its vocabulary.
ModelFile exportModel(IthemalModelImpl &model, const block::Vocabulary &vocabulary);

/// `runDir`'s model at `checkpoint`; errors name the missing or bad file.
ModelFile exportModel(const std::string &runDir, const std::string &checkpoint = "best.pt");

/// exportModel written to `file` (empty: the run directory's
/// ModelFile::kFileName); returns the path written.
std::string writeModelFile(const std::string &runDir, const std::string &checkpoint = "best.pt",
                           const std::string &file = "");

} // namespace surrogate::model
