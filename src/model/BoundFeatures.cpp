// BoundFeaturizer: a block's scheduling-model bounds as the network's inputs.

#include "surrogate/model/BoundFeatures.h"

#include <algorithm>
#include <cmath>

#include <llvm/MC/MCSubtargetInfo.h>

#include "surrogate/block/Target.h"
#include "surrogate/mca/BlockAnalyzer.h"
#include "surrogate/mca/ParamTable.h"
#include "surrogate/mca/TunedSubtarget.h"

namespace surrogate::model {

BoundFeaturizer::BoundFeaturizer(const std::string &cpu) : BoundFeaturizer(cpu, "") {}

BoundFeaturizer::BoundFeaturizer(const std::string &cpu, const std::string &table)
    : Cpu(cpu), STI(table.empty() ? block::X86Target::get().createSubtarget(cpu, "model.bounds_cpu: ")
                                  : mca::createSimulationSubtarget(cpu, table)),
      Analyzer(std::make_unique<mca::BlockAnalyzer>(*STI)) {}

BoundFeaturizer::BoundFeaturizer(const mca::ParamTable &table, const std::string &source)
    : Cpu(table.cpu), STI(mca::TunedSubtarget::create(table, source)),
      Analyzer(std::make_unique<mca::BlockAnalyzer>(*STI)) {}

BoundFeaturizer::~BoundFeaturizer() = default;
BoundFeaturizer::BoundFeaturizer(BoundFeaturizer &&) noexcept = default;

namespace {

std::optional<mca::BlockAnalysis> analysed(mca::BlockAnalyzer &analyzer, llvm::ArrayRef<llvm::MCInst> insts,
                                           std::string &problem) {
  llvm::Expected<mca::BlockAnalysis> analysis = analyzer.analyze(insts);
  if (!analysis) {
    problem = "no scheduling bounds: " + llvm::toString(analysis.takeError());
    return std::nullopt;
  }
  return std::move(*analysis);
}

} // namespace

std::optional<BlockBounds> BoundFeaturizer::of(llvm::ArrayRef<llvm::MCInst> insts, std::string &problem) {
  std::optional<mca::BlockAnalysis> analysis = analysed(*Analyzer, insts, problem);
  if (!analysis)
    return std::nullopt;
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

std::optional<BoundStructure> BoundFeaturizer::structureOf(llvm::ArrayRef<llvm::MCInst> insts, std::string &problem) {
  std::optional<mca::BlockAnalysis> analysis = analysed(*Analyzer, insts, problem);
  if (!analysis)
    return std::nullopt;
  const mca::BlockAnalysis &a = *analysis;
  double n = std::max(1u, a.instructionCount());
  BoundStructure s;
  s.exact = {float(a.resourceBound), float(a.dispatchBound),   float(a.registerDependencyBound),
             float(a.dependencyBound), float(a.criticalPath), float(a.microOps)};
  s.constants = {float(std::log(n)), float(a.loads / n), float(a.stores / n)};
  s.weights.assign(a.instructionCount(), {});
  // A cycle's bound is its edges' cycles over its iterations; an edge's cycles are its source's latency.
  auto weigh = [&](const std::vector<mca::DependencyEdge> &cycle, std::size_t column) {
    unsigned iterations = 0;
    for (const mca::DependencyEdge &e : cycle)
      iterations += e.distance;
    for (const mca::DependencyEdge &e : cycle)
      s.weights[e.from][column] += 1.0f / std::max(1u, iterations);
  };
  weigh(a.dependencyCycle, 0);
  auto notMemory = [](const mca::DependencyEdge &e) { return e.kind != mca::DependencyKind::Memory; };
  std::vector<mca::DependencyEdge> registerCycle;
  for (unsigned e : a.graph.maxCycleRatio(notMemory).edges)
    registerCycle.push_back(a.graph.edges()[e]);
  weigh(registerCycle, 1);
  for (const mca::DependencyEdge &e : a.criticalPathEdges)
    s.weights[e.from][2] += 1;
  if (!s.weights.empty())
    s.weights[a.criticalPathEnd][2] += 1;
  return s;
}

std::vector<float> BoundStructure::flat() const {
  std::vector<float> out(exact.begin(), exact.end());
  out.insert(out.end(), constants.begin(), constants.end());
  for (const auto &w : weights)
    out.insert(out.end(), w.begin(), w.end());
  return out;
}

} // namespace surrogate::model
