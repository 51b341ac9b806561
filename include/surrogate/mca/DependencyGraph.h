#pragma once
// The dependencies of a loop body that runs forever, as a graph over its
// instructions: an edge says an instruction may issue no sooner than so many
// cycles after another one issued, in the same iteration (distance 0, always
// forward) or in the previous one (distance 1). With unlimited resources the
// loop settles at the largest cycle ratio (cycles over iterations around a
// cycle of the graph), computed exactly here (Karp's maximum mean cycle over
// the iteration-to-iteration graph); the longest path through one iteration
// is its critical path. BlockAnalyzer builds one per block.

#include <cstdint>
#include <functional>
#include <vector>

#include <llvm/ADT/ArrayRef.h>

namespace surrogate::mca {

enum class DependencyKind : std::uint8_t {
  Register,      ///< read after write of a register (or an alias)
  Memory,        ///< a load after a store to the same address expression
  PartialWrite,  ///< llvm-mca's false dependency of a partial register write on the full one
};

struct DependencyEdge {
  unsigned from = 0, to = 0;  ///< instruction indices
  unsigned cycles = 0;        ///< `to` issues at least this long after `from`
  unsigned distance = 0;      ///< 0: same iteration (from < to); 1: `from` of the previous iteration
  DependencyKind kind = DependencyKind::Register;
};

class DependencyGraph {
public:
  explicit DependencyGraph(unsigned instructions = 0) { reset(instructions); }

  void reset(unsigned instructions);
  /// std::invalid_argument for an index out of range, a distance above 1 or
  /// a distance-0 edge that does not go forward.
  void add(const DependencyEdge &edge);

  /// Keeps one edge per (from, to, distance, kind), the one with the most cycles.
  void mergeParallelEdges();

  unsigned size() const { return Nodes; }
  const std::vector<DependencyEdge> &edges() const { return Edges; }

  /// The edges a computation looks at; all of them when empty.
  using EdgeFilter = std::function<bool(const DependencyEdge &)>;

  struct Cycle {
    double cyclesPerIteration = 0;  ///< 0 when no dependency crosses iterations in a cycle
    std::vector<unsigned> edges;    ///< indices into edges(), in order around one cycle achieving it
  };
  /// Steady-state cycles per iteration with unlimited resources: the largest
  /// (sum of cycles) / (sum of distances) over the cycles of the graph.
  Cycle maxCycleRatio(const EdgeFilter &keep = {}) const;

  struct Path {
    unsigned cycles = 0;          ///< from the first issue to the last instruction's completion
    std::vector<unsigned> edges;  ///< indices into edges(), in order
    unsigned last = 0;            ///< the instruction that completes last
  };
  /// The longest path through one iteration (distance-0 edges) when every
  /// input is ready at cycle 0 and instruction i completes latency[i] cycles
  /// after it issues.
  Path criticalPath(llvm::ArrayRef<unsigned> latency, const EdgeFilter &keep = {}) const;

private:
  unsigned Nodes = 0;
  std::vector<DependencyEdge> Edges;
};

} // namespace surrogate::mca
