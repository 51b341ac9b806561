#pragma once
// A block's static analysis under a scheduling model (LLVM's, or a parameter
// table's through a TunedSubtarget), without simulating the pipeline: each
// instruction as llvm-mca resolves it (InstructionLowering), and two lower
// bounds on the cycles per iteration of the block run in a loop: the resource
// bound (llvm-mca's Block RThroughput: micro-ops over the dispatch width, and
// each processor resource's cycles over its units) and the dependency bound
// (the steady state of the loop's dataflow with unlimited resources: register
// reads after writes, aliases and ReadAdvance included as llvm-mca's register
// file sees them, plus loads after stores to the same address expression).
// Microseconds per block; descriptors are cached, so use one per thread.

#include <memory>
#include <string>
#include <vector>

#include <llvm/ADT/ArrayRef.h>
#include <llvm/MC/MCInst.h>
#include <llvm/MC/MCSubtargetInfo.h>
#include <llvm/Support/Error.h>

#include "surrogate/mca/DependencyGraph.h"
#include "surrogate/mca/InstructionLowering.h"

namespace surrogate::mca {

/// Cycles one instruction keeps one processor resource (LLVM's index) busy.
struct ResourceCycles {
  unsigned resource = 0;
  unsigned cycles = 0;
};

/// One instruction as llvm-mca resolved it.
struct InstructionAnalysis {
  unsigned opcode = 0;
  unsigned latency = 0;  ///< cycles until its last write (llvm-mca's MaxLatency)
  unsigned microOps = 0;
  /// As the summary view counts them: a group's entry holds only the cycles
  /// not already on its member ports (llvm-mca subtracts them).
  std::vector<ResourceCycles> resources;
  bool mayLoad = false, mayStore = false;
  bool dependencyBreaking = false;  ///< some register input is ignored (a zero idiom, e.g. xor %eax, %eax)
};

enum class Bound { Resource, Dependency };
const char *boundName(Bound bound);  ///< resource | dependency

struct BlockAnalysis {
  std::vector<InstructionAnalysis> instructions;
  unsigned microOps = 0;
  unsigned loads = 0;   ///< instructions that may load (a read-modify-write counts here and in stores)
  unsigned stores = 0;  ///< instructions that may store

  /// Cycles per iteration on each processor resource, by LLVM's index (0 unused).
  std::vector<unsigned> resourceCycles;
  /// llvm-mca's Block RThroughput, cycles per iteration.
  double resourceBound = 0;
  /// What sets it: 0 for the dispatch width, else the resource's LLVM index.
  unsigned bottleneck = 0;
  /// Cycles per iteration of llvm-mca's dispatch stage alone: each cycle takes
  /// at most the dispatch width of micro-ops, in order, and never splits an
  /// instruction's (one wider than the width takes whole cycles); at least
  /// micro-ops / width, more when the counts pack badly.
  double dispatchBound = 0;

  /// Steady-state cycles per iteration with unlimited resources, over
  /// register and memory dependencies; 0 when nothing carries across iterations.
  double dependencyBound = 0;
  /// The same over register dependencies only: what llvm-mca, whose loads
  /// never wait for stores (-noalias), can see.
  double registerDependencyBound = 0;
  /// The dependencies around one cycle that sets dependencyBound, in order.
  std::vector<DependencyEdge> dependencyCycle;

  /// One iteration alone: cycles from the first issue to the last completion,
  /// and the dependencies along that path.
  unsigned criticalPath = 0;
  std::vector<DependencyEdge> criticalPathEdges;
  unsigned criticalPathEnd = 0;  ///< the instruction completing last

  /// Every dependency found (the graph the bounds come from).
  DependencyGraph graph;

  unsigned instructionCount() const { return static_cast<unsigned>(instructions.size()); }
  double bound() const { return resourceBound > dependencyBound ? resourceBound : dependencyBound; }
  /// Which bound is the larger; a tie is the resource bound's.
  Bound binding() const { return dependencyBound > resourceBound ? Bound::Dependency : Bound::Resource; }
  /// Whether the binding dependency cycle goes through memory.
  bool cycleThroughMemory() const;
};

class BlockAnalyzer {
public:
  /// `subtarget` must outlive the analyzer.
  explicit BlockAnalyzer(const llvm::MCSubtargetInfo &subtarget);
  ~BlockAnalyzer();

  /// An error when llvm-mca cannot build one of the instructions.
  llvm::Expected<BlockAnalysis> analyze(llvm::ArrayRef<llvm::MCInst> insts);

  /// LLVM's name of a processor resource, e.g. HWPort1; "dispatch" for 0.
  std::string resourceName(unsigned resource) const;

  const llvm::MCSubtargetInfo &subtarget() const { return STI; }

private:
  struct Impl;
  const llvm::MCSubtargetInfo &STI;
  std::unique_ptr<Impl> P;
};

} // namespace surrogate::mca
