// GuardedPredictor: predictions with their uncertainty, and llvm-mca for the blocks the surrogate is unsure of.
#include "surrogate/model/GuardedPredictor.h"

#include <cmath>
#include <filesystem>

#include "surrogate/block/BlockPipeline.h"
#include "surrogate/block/Decoder.h"
#include "surrogate/block/Tokenizer.h"
#include "surrogate/mca/Simulator.h"
#include "surrogate/mca/TunedSubtarget.h"
#include "surrogate/model/BoundFeatures.h"

namespace surrogate::model {

struct GuardedPredictor::Analysis {
  Analysis(const std::string &cpu, const std::string &table) : bounds(cpu, table) {}
  BoundFeaturizer bounds;
  block::Decoder decoder;
  block::Tokenizer tokenizer;
  std::vector<llvm::MCInst> insts;
};

namespace {

GuardedModel leanModel(LeanPredictor &p) {
  return {[&p](const std::vector<block::BasicBlock> &blocks) { return p.run(blocks); },
          p.model().config().tokens ? &p.model().vocabulary() : nullptr};
}

} // namespace

GuardedPredictor::GuardedPredictor(const std::string &model, GuardCalibration calibration,
                                   const std::string &calibrationDir, unsigned threads, std::size_t batchSize)
    : Calibration(std::move(calibration)), A(std::make_unique<Analysis>(Calibration.cpu, "")) {
  Lean.push_back(std::make_unique<LeanPredictor>(model, threads, batchSize));
  for (const std::string &member : Calibration.members)
    Lean.push_back(std::make_unique<LeanPredictor>((std::filesystem::path(calibrationDir) / member).string(),
                                                   threads, batchSize));
  Main = leanModel(*Lean.front());
  for (std::size_t m = 1; m < Lean.size(); ++m)
    Members.push_back(leanModel(*Lean[m]));
}

GuardedPredictor::GuardedPredictor(GuardedModel main, std::vector<GuardedModel> members, GuardCalibration calibration,
                                   const std::string &boundsTable)
    : Calibration(std::move(calibration)), Main(std::move(main)), Members(std::move(members)),
      A(std::make_unique<Analysis>(Calibration.cpu, boundsTable)) {}

void useAnswer(const std::string &answer, std::vector<GuardedOutcome> &outcomes) {
  for (GuardedOutcome &o : outcomes)
    if (o.outcome.cycles)
      o.outcome.cycles = answer == "ensemble-mean" ? o.ensembleCycles : o.modelCycles;
}

std::vector<PredictionOutcome> answersOf(std::vector<GuardedOutcome> &&guarded) {
  std::vector<PredictionOutcome> out;
  for (GuardedOutcome &g : guarded) {
    g.outcome.uncertainty = g.uncertainty;
    g.outcome.byLlvmMca = g.byLlvmMca;
    out.push_back(std::move(g.outcome));
  }
  return out;
}

GuardedPredictor::~GuardedPredictor() = default;

void GuardedPredictor::addSignals(const std::vector<block::BasicBlock> &blocks, std::vector<GuardedOutcome> &out,
                                  const std::vector<std::vector<PredictionOutcome>> &members) {
  const block::Vocabulary *vocabulary = Main.vocabulary;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    GuardedOutcome &o = out[i];
    if (!o.outcome.cycles)
      continue;
    // The model predicted the block, so it decodes.
    std::string problem;
    llvm::ArrayRef<llvm::MCInst> insts =
        block::instructionsOf(A->decoder, blocks[i], A->insts, problem).value_or(llvm::ArrayRef<llvm::MCInst>());
    double logCycles = std::log(*o.outcome.cycles);
    std::optional<BlockBounds> bounds = A->bounds.of(insts, problem);
    o.signals[0] = bounds ? std::abs(logCycles - bounds->anchor) : 0;
    // The spread of the log predictions over the model and the members that could predict the block.
    double sum = logCycles, squares = logCycles * logCycles, n = 1;
    for (const std::vector<PredictionOutcome> &m : members)
      if (m[i].cycles) {
        double l = std::log(*m[i].cycles);
        sum += l;
        squares += l * l;
        ++n;
      }
    o.signals[1] = std::sqrt(std::max(0.0, squares / n - (sum / n) * (sum / n)));
    o.ensembleCycles = std::exp(sum / n);
    o.signals[2] = std::log(static_cast<double>(insts.size()));
    double unknown = 0, all = 0;
    if (vocabulary)
      for (const std::vector<std::int32_t> &inst : vocabulary->encode(A->tokenizer, insts))
        for (std::int32_t id : inst) {
          unknown += id == block::Vocabulary::kUnknownId;
          ++all;
        }
    o.signals[3] = all > 0 ? unknown / all : 0;
    double variances = 0, heads = 0;
    auto addSigma = [&](const PredictionOutcome &p) {
      if (p.sigma) {
        variances += *p.sigma * *p.sigma;
        ++heads;
      }
    };
    addSigma(o.outcome);
    for (const std::vector<PredictionOutcome> &m : members)
      addSigma(m[i]);
    o.signals[4] = heads > 0 ? 0.5 * std::log(variances / heads) : 0;
    o.uncertainty = Calibration.uncertainty(o.signals);
  }
}

std::vector<GuardedOutcome> GuardedPredictor::assess(const std::vector<block::BasicBlock> &blocks) {
  std::vector<PredictionOutcome> main = Main.predict(blocks);
  std::vector<std::vector<PredictionOutcome>> members;
  for (const GuardedModel &m : Members)
    members.push_back(m.predict(blocks));
  std::vector<GuardedOutcome> out(blocks.size());
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    out[i].outcome = std::move(main[i]);
    out[i].modelCycles = out[i].ensembleCycles = out[i].outcome.cycles.value_or(0);
  }
  addSignals(blocks, out, members);
  useAnswer(Calibration.answer, out);
  return out;
}

std::vector<GuardedOutcome> GuardedPredictor::run(const std::vector<block::BasicBlock> &blocks, double threshold,
                                                  const llvm::MCSubtargetInfo &fallback) {
  std::vector<GuardedOutcome> out = assess(blocks);
  // One simulator for the whole run, so llvm-mca's instruction descriptors are built once, as bench mca's are.
  if (!Fallback || &Fallback->subtarget() != &fallback)
    Fallback = std::make_unique<mca::Simulator>(fallback);
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    if (!out[i].outcome.cycles || out[i].uncertainty <= threshold)
      continue;
    std::string problem;
    llvm::Expected<mca::SimulationResult> r = Fallback->run(
        block::instructionsOf(A->decoder, blocks[i], A->insts, problem).value_or(llvm::ArrayRef<llvm::MCInst>()));
    if (!r) {  // a block llvm-mca cannot run keeps the surrogate's answer
      llvm::consumeError(r.takeError());
      continue;
    }
    out[i].outcome.cycles = r->cycles;
    out[i].byLlvmMca = true;
  }
  return out;
}

LeanGuard::LeanGuard(const std::string &model, const std::optional<std::string> &table, unsigned threads,
                     std::size_t batchSize)
    : calibration(guardOf(model)),
      fallback(mca::createSimulationSubtarget(calibration.cpu, table.value_or(calibration.params))),
      predictor(model, calibration, modelDirOf(model), threads,
                batchSize) {}

} // namespace surrogate::model
