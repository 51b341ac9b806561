// BoundFeaturizer: a block's scheduling-model bounds as the network's inputs.

#include "surrogate/model/BoundFeatures.h"

#include <algorithm>
#include <cmath>

#include <llvm/MC/MCSubtargetInfo.h>

#include "surrogate/block/Target.h"
#include "surrogate/mca/BlockAnalyzer.h"
#include "surrogate/mca/TunedSubtarget.h"

namespace surrogate::model {

BoundFeaturizer::BoundFeaturizer(const std::string &cpu) : BoundFeaturizer(cpu, "") {}

BoundFeaturizer::BoundFeaturizer(const std::string &cpu, const std::string &table)
    : Cpu(cpu), STI(table.empty() ? block::X86Target::get().createSubtarget(cpu, "model.bounds_cpu: ")
                                  : mca::createSimulationSubtarget(cpu, table)),
      Analyzer(std::make_unique<mca::BlockAnalyzer>(*STI)) {}

BoundFeaturizer::~BoundFeaturizer() = default;
BoundFeaturizer::BoundFeaturizer(BoundFeaturizer &&) noexcept = default;

std::optional<BlockBounds> BoundFeaturizer::of(llvm::ArrayRef<llvm::MCInst> insts, std::string &problem) {
  llvm::Expected<mca::BlockAnalysis> analysis = Analyzer->analyze(insts);
  if (!analysis) {
    problem = "no scheduling bounds: " + llvm::toString(analysis.takeError());
    return std::nullopt;
  }
  const mca::BlockAnalysis &a = *analysis;
  double n = std::max(1u, a.instructionCount());
  // What llvm-mca's pipeline can see: resources, dispatch, register dependencies (not memory).
  double seen = std::max({a.resourceBound, a.dispatchBound, a.registerDependencyBound});
  BlockBounds b;
  b.anchor = static_cast<float>(std::log(100.0 * std::max(seen, 0.01)));
  auto lg = [](double cycles) { return static_cast<float>(std::log1p(cycles)); };
  b.features = {lg(a.resourceBound),
                lg(a.registerDependencyBound),
                lg(a.dependencyBound),
                lg(seen),
                lg(a.criticalPath),
                static_cast<float>(std::log(n)),
                lg(a.microOps),
                static_cast<float>(a.microOps / n),
                static_cast<float>(a.loads / n),
                static_cast<float>(a.stores / n),
                lg(a.dispatchBound)};
  return b;
}

} // namespace surrogate::model
