// LeanPredictor: the lean engine over blocks, batched on several threads or one block at a time.
#include "surrogate/model/LeanPredictor.h"

#include <algorithm>
#include <filesystem>

#include "surrogate/model/BlockPreparer.h"
#include "surrogate/support/Errors.h"
#include "surrogate/support/ParallelFor.h"

namespace surrogate::model {

std::string modelFileOf(const std::string &model) {
  if (!std::filesystem::is_directory(model))
    return model;
  std::string file = (std::filesystem::path(model) / ModelFile::kFileName).string();
  if (!std::filesystem::exists(file))
    throw support::DataError(model + " has no " + ModelFile::kFileName + " (a run of an older build): `surrogate "
                             "export --model " + model + "` writes it, or use --engine torch");
  return file;
}

struct LeanPredictor::Worker {
  Worker(const LeanModel &model) : preparer(model.config(), model.vocabulary()), workspace(model.workspace()) {}

  BlockPreparer preparer;
  std::unique_ptr<LeanModel::Workspace, void (*)(LeanModel::Workspace *)> workspace;
  // Reused from call to call, so that a warm worker allocates little.
  std::vector<block::TokenizedBlock> tokens;
  std::vector<BlockBounds> bounds;
  std::vector<const block::TokenizedBlock *> batch;
  std::vector<std::size_t> where;
  std::vector<double> cycles, sigmas;
};

LeanPredictor::LeanPredictor(const std::string &model, unsigned threads, std::size_t batchSize)
    : Model(ModelFile::load(modelFileOf(model))), BatchSize(std::max<std::size_t>(1, batchSize)) {
  for (unsigned t = 0; t < std::max(1u, threads); ++t)
    Workers.push_back(std::make_unique<Worker>(Model));
}

LeanPredictor::~LeanPredictor() = default;

void LeanPredictor::work(Worker &w, const block::BasicBlock *blocks, std::size_t count, PredictionOutcome *out) {
  for (std::size_t first = 0; first < count; first += BatchSize) {
    std::size_t last = std::min(count, first + BatchSize);
    w.tokens.clear();
    w.bounds.clear();
    w.where.clear();
    for (std::size_t i = first; i < last; ++i) {
      std::optional<llvm::ArrayRef<llvm::MCInst>> insts = w.preparer.instructions(blocks[i], out[i].problem);
      if (insts && w.preparer.prepare(*insts, w.tokens, w.bounds, out[i].problem))
        w.where.push_back(i);
    }
    w.batch.clear();
    for (const block::TokenizedBlock &t : w.tokens)
      w.batch.push_back(&t);
    Model.predict(w.batch, &w.bounds, w.cycles, *w.workspace, &w.sigmas);
    for (std::size_t k = 0; k < w.where.size(); ++k) {
      out[w.where[k]].cycles = w.cycles[k];
      if (!w.sigmas.empty())
        out[w.where[k]].sigma = w.sigmas[k];
    }
  }
}

std::vector<PredictionOutcome> LeanPredictor::run(const std::vector<block::BasicBlock> &blocks) {
  std::vector<PredictionOutcome> out(blocks.size());
  support::parallelForRanges(blocks.size(), Workers.size(), [&](std::size_t t, std::size_t begin, std::size_t end) {
    work(*Workers[t], blocks.data() + begin, end - begin, out.data() + begin);
  });
  return out;
}

PredictionOutcome LeanPredictor::predictOne(const block::BasicBlock &b) {
  PredictionOutcome out;
  work(*Workers.front(), &b, 1, &out);
  return out;
}

std::uint64_t LeanPredictor::multiplyAdds() const {
  std::uint64_t total = 0;
  for (const auto &w : Workers)
    total += LeanModel::multiplyAdds(*w->workspace);
  return total;
}

void LeanPredictor::forgetInstructions() {
  for (const auto &w : Workers)
    LeanModel::forgetInstructions(*w->workspace);
}

} // namespace surrogate::model
