// DependencyGraph: a loop body's dependencies, its steady-state cycle ratio (Karp) and critical path.
#include "surrogate/mca/DependencyGraph.h"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>
#include <tuple>

namespace surrogate::mca {

namespace {

constexpr std::int64_t kNone = std::numeric_limits<std::int64_t>::min() / 4;

// A cycle of the graph's nodes along edges that `tight` accepts, or {} when none.
template <typename Tight> std::vector<unsigned> findCycle(unsigned nodes, Tight tight) {
  enum Color : std::uint8_t { White, Grey, Black };
  std::vector<Color> color(nodes, White);
  std::vector<unsigned> stack, next;  // DFS path and, per level, the next successor to try
  for (unsigned root = 0; root < nodes; ++root) {
    if (color[root] != White)
      continue;
    stack = {root};
    next = {0};
    color[root] = Grey;
    while (!stack.empty()) {
      unsigned u = stack.back();
      unsigned &v = next.back();
      while (v < nodes && !tight(u, v))
        ++v;
      if (v == nodes) {
        color[u] = Black;
        stack.pop_back();
        next.pop_back();
        continue;
      }
      unsigned w = v++;
      if (color[w] == Grey)  // back edge: the path from w to u, then u -> w, is a cycle
        return std::vector<unsigned>(std::find(stack.begin(), stack.end(), w), stack.end());
      if (color[w] == White) {
        color[w] = Grey;
        stack.push_back(w);
        next.push_back(0);
      }
    }
  }
  return {};
}

} // namespace

void DependencyGraph::reset(unsigned instructions) {
  Nodes = instructions;
  Edges.clear();
}

void DependencyGraph::add(const DependencyEdge &edge) {
  if (edge.from >= Nodes || edge.to >= Nodes || edge.distance > 1 || (edge.distance == 0 && edge.from >= edge.to))
    throw std::invalid_argument("dependency edge " + std::to_string(edge.from) + " -> " + std::to_string(edge.to) +
                                " at distance " + std::to_string(edge.distance) + " in a graph of " +
                                std::to_string(Nodes) + " instructions");
  Edges.push_back(edge);
}

void DependencyGraph::mergeParallelEdges() {
  auto key = [](const DependencyEdge &e) { return std::make_tuple(e.to, e.from, e.distance, e.kind); };
  std::stable_sort(Edges.begin(), Edges.end(),
                   [&](const DependencyEdge &a, const DependencyEdge &b) { return key(a) < key(b); });
  std::size_t kept = 0;
  for (std::size_t i = 0; i < Edges.size(); ++i) {
    if (kept && key(Edges[kept - 1]) == key(Edges[i]))
      Edges[kept - 1].cycles = std::max(Edges[kept - 1].cycles, Edges[i].cycles);
    else
      Edges[kept++] = Edges[i];
  }
  Edges.resize(kept);
}

namespace {

// The iteration graph of a loop body (see maxCycleRatio): its nodes are the
// heads (sources) of the carried edges, and A[h1 * m + h2] weighs the longest
// way from head h1 in one iteration to head h2 in the next, taking carried
// edge via[h1 * m + h2]. dist and pred, per target of a carried edge, are the
// longest distance-0 paths from it, from which a cycle's edges are recovered.
struct IterationGraph {
  std::vector<unsigned> heads, targets;
  std::vector<int> targetOf;
  std::vector<std::int64_t> dist;
  std::vector<int> pred;
  std::vector<std::int64_t> A;
  std::vector<int> via;
  std::size_t m = 0;  ///< heads
};

// `forward`: the distance-0 edges kept, by source; `carried`: the distance-1 edges kept (at least one).
IterationGraph iterationGraph(const std::vector<DependencyEdge> &edges, unsigned n,
                              const std::vector<std::vector<unsigned>> &forward, const std::vector<unsigned> &carried) {
  // Every cycle crosses iterations, so it passes through the source ("head") of
  // a carried edge: the iteration graph over the heads has an edge h1 -> h2
  // weighing the longest way from h1 in one iteration to h2 in the next.
  std::vector<int> headOf(n, -1), targetOf(n, -1);
  std::vector<unsigned> heads, targets;
  for (unsigned e : carried) {
    if (headOf[edges[e].from] < 0) {
      headOf[edges[e].from] = static_cast<int>(heads.size());
      heads.push_back(edges[e].from);
    }
    if (targetOf[edges[e].to] < 0) {
      targetOf[edges[e].to] = static_cast<int>(targets.size());
      targets.push_back(edges[e].to);
    }
  }
  const std::size_t m = heads.size();

  // Longest distance-0 paths from each target (edges go forward: index order is topological).
  std::vector<std::int64_t> dist(targets.size() * n, kNone);
  std::vector<int> pred(targets.size() * n, -1);
  for (std::size_t t = 0; t < targets.size(); ++t) {
    std::int64_t *d = &dist[t * n];
    int *p = &pred[t * n];
    d[targets[t]] = 0;
    for (unsigned v = targets[t]; v < n; ++v) {
      if (d[v] == kNone)
        continue;
      for (unsigned e : forward[v])
        if (d[v] + edges[e].cycles > d[edges[e].to]) {
          d[edges[e].to] = d[v] + edges[e].cycles;
          p[edges[e].to] = static_cast<int>(e);
        }
    }
  }
  std::vector<std::int64_t> A(m * m, kNone);
  std::vector<int> via(m * m, -1);
  for (unsigned e : carried) {
    std::size_t h1 = static_cast<std::size_t>(headOf[edges[e].from]);
    std::size_t t = static_cast<std::size_t>(targetOf[edges[e].to]);
    for (std::size_t h2 = 0; h2 < m; ++h2) {
      std::int64_t d = dist[t * n + heads[h2]];
      if (d != kNone && d + edges[e].cycles > A[h1 * m + h2]) {
        A[h1 * m + h2] = d + edges[e].cycles;
        via[h1 * m + h2] = static_cast<int>(e);
      }
    }
  }
  return {std::move(heads), std::move(targets), std::move(targetOf), std::move(dist), std::move(pred), std::move(A),
          std::move(via), m};
}

// The maximum cycle ratio of the iteration graph with weights A (m nodes), or
// -1 when it has no cycle.
double karpRatio(const std::vector<std::int64_t> &A, std::size_t m) {
  // Karp: D[k][v], the heaviest walk of k edges ending at v (starting anywhere).
  std::vector<std::int64_t> D((m + 1) * m, kNone);
  std::fill(D.begin(), D.begin() + static_cast<std::ptrdiff_t>(m), 0);
  for (std::size_t k = 1; k <= m; ++k)
    for (std::size_t u = 0; u < m; ++u) {
      if (D[(k - 1) * m + u] == kNone)
        continue;
      for (std::size_t v = 0; v < m; ++v)
        if (A[u * m + v] != kNone)
          D[k * m + v] = std::max(D[k * m + v], D[(k - 1) * m + u] + A[u * m + v]);
    }
  double lambda = -1;
  for (std::size_t v = 0; v < m; ++v) {
    if (D[m * m + v] == kNone)
      continue;
    double worst = std::numeric_limits<double>::infinity();
    for (std::size_t k = 0; k < m; ++k)
      if (D[k * m + v] != kNone)
        worst = std::min(worst, double(D[m * m + v] - D[k * m + v]) / double(m - k));
    lambda = std::max(lambda, worst);
  }
  return lambda;
}

// The edges of a cycle of the body achieving `lambda`, in order.
std::vector<unsigned> criticalCycleEdges(const IterationGraph &g, const std::vector<DependencyEdge> &edges, unsigned n,
                                         double lambda) {
  const std::size_t m = g.m;
  const std::vector<std::int64_t> &A = g.A;
  // A cycle achieving it: every edge of a critical cycle is tight under the
  // longest-path potentials of A - lambda.
  std::vector<double> pi(m, 0.0);
  for (std::size_t round = 0; round < m; ++round)
    for (std::size_t u = 0; u < m; ++u)
      for (std::size_t v = 0; v < m; ++v)
        if (A[u * m + v] != kNone && pi[u] + double(A[u * m + v]) - lambda > pi[v] + 1e-9)
          pi[v] = pi[u] + double(A[u * m + v]) - lambda;
  std::vector<unsigned> ring = findCycle(static_cast<unsigned>(m), [&](unsigned u, unsigned v) {
    return A[u * m + v] != kNone && pi[u] + double(A[u * m + v]) - lambda >= pi[v] - 1e-6;
  });

  std::vector<unsigned> cycleEdges;
  for (std::size_t i = 0; i < ring.size(); ++i) {
    std::size_t u = ring[i], v = ring[(i + 1) % ring.size()];
    unsigned e = static_cast<unsigned>(g.via[u * m + v]);
    cycleEdges.push_back(e);
    std::size_t t = static_cast<std::size_t>(g.targetOf[edges[e].to]);
    std::vector<unsigned> path;
    for (unsigned at = g.heads[v]; at != edges[e].to;) {
      unsigned back = static_cast<unsigned>(g.pred[t * n + at]);
      path.push_back(back);
      at = edges[back].from;
    }
    cycleEdges.insert(cycleEdges.end(), path.rbegin(), path.rend());
  }
  return cycleEdges;
}

} // namespace

DependencyGraph::Cycle DependencyGraph::maxCycleRatio(const EdgeFilter &keep) const {
  const unsigned n = Nodes;
  std::vector<std::vector<unsigned>> forward(n);  // distance-0 edges by source
  std::vector<unsigned> carried;                  // distance-1 edges
  for (unsigned e = 0; e < Edges.size(); ++e) {
    if (keep && !keep(Edges[e]))
      continue;
    if (Edges[e].distance == 0)
      forward[Edges[e].from].push_back(e);
    else
      carried.push_back(e);
  }
  if (carried.empty())
    return {};

  IterationGraph graph = iterationGraph(Edges, n, forward, carried);
  double lambda = karpRatio(graph.A, graph.m);
  if (lambda < 0)
    return {};
  Cycle cycle;
  cycle.cyclesPerIteration = lambda;
  cycle.edges = criticalCycleEdges(graph, Edges, n, lambda);
  return cycle;
}

DependencyGraph::Path DependencyGraph::criticalPath(llvm::ArrayRef<unsigned> latency, const EdgeFilter &keep) const {
  const unsigned n = Nodes;
  std::vector<std::vector<unsigned>> forward(n);
  for (unsigned e = 0; e < Edges.size(); ++e)
    if (Edges[e].distance == 0 && (!keep || keep(Edges[e])))
      forward[Edges[e].from].push_back(e);
  std::vector<std::int64_t> start(n, 0);
  std::vector<int> pred(n, -1);
  Path path;
  std::int64_t best = -1;
  for (unsigned v = 0; v < n; ++v) {
    for (unsigned e : forward[v])
      if (start[v] + Edges[e].cycles > start[Edges[e].to]) {
        start[Edges[e].to] = start[v] + Edges[e].cycles;
        pred[Edges[e].to] = static_cast<int>(e);
      }
    std::int64_t finish = start[v] + (v < latency.size() ? latency[v] : 0);
    if (finish > best) {
      best = finish;
      path.last = v;
    }
  }
  if (best < 0)
    return path;
  path.cycles = static_cast<unsigned>(best);
  for (int e = pred[path.last]; e >= 0; e = pred[Edges[e].from])
    path.edges.push_back(static_cast<unsigned>(e));
  std::reverse(path.edges.begin(), path.edges.end());
  return path;
}

} // namespace surrogate::mca
