#pragma once
// What LLVM's scheduling model says of a block, as a network's inputs
// (model.bounds): mca::BlockAnalyzer's resource bound (llvm-mca's Block
// RThroughput), dispatch bound and loop-carried dependency bounds, the
// critical path of one iteration, and the block's micro-op, load and store
// counts, each scaled to a few units. The anchor is the log of the largest
// bound llvm-mca itself can see (resources, dispatch, register dependencies),
// in cycles per 100 iterations: a bounds model predicts a correction to it.
// Microseconds per block; one featurizer per thread.

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <llvm/ADT/ArrayRef.h>
#include <llvm/MC/MCInst.h>

namespace surrogate::mca {
class BlockAnalyzer;
class ParamTable;
}
namespace llvm {
class MCSubtargetInfo;
}

namespace surrogate::model {

constexpr std::int64_t kBoundFeatures = 11;

struct BlockBounds {
  float anchor = 0;  ///< log(100 x max(resource, dispatch, register dependency bound))
  std::array<float, kBoundFeatures> features{};
};

/// What the conditioned bounds model needs to follow its table (TableBounds.h):
/// the bounds under the table they were analysed with, and which
/// instructions' latencies lie on the dependency cycles and the critical path.
struct BoundStructure {
  /// resource, dispatch, register dependency, dependency, critical path (cycles per iteration), micro-ops.
  static constexpr std::size_t kExact = 6;
  /// log(instructions), loads per instruction, stores per instruction: no table changes them.
  static constexpr std::size_t kConstants = 3;
  /// Per instruction: its latency's weight in the dependency bound, the register dependency bound, the critical path.
  static constexpr std::size_t kWeights = 3;
  std::array<float, kExact> exact{};
  std::array<float, kConstants> constants{};
  std::vector<std::array<float, kWeights>> weights;

  /// Flat, as a training example keeps it: exact, constants, then each instruction's weights.
  std::vector<float> flat() const;
};

class BoundFeaturizer {
public:
  /// Bounds under `cpu`'s scheduling model (an unknown CPU is an error naming it).
  explicit BoundFeaturizer(const std::string &cpu);
  /// The same under a parameter table's values ("": LLVM's), as `simulate --params` runs.
  BoundFeaturizer(const std::string &cpu, const std::string &table);
  /// The same under a table in memory (`source` names it in errors).
  BoundFeaturizer(const mca::ParamTable &table, const std::string &source);
  ~BoundFeaturizer();
  BoundFeaturizer(BoundFeaturizer &&) noexcept;

  /// The block's bounds, or nullopt with `problem` set when llvm-mca cannot
  /// build one of its instructions.
  std::optional<BlockBounds> of(llvm::ArrayRef<llvm::MCInst> insts, std::string &problem);
  /// The block's bounds as the conditioned model follows them, or nullopt as above.
  std::optional<BoundStructure> structureOf(llvm::ArrayRef<llvm::MCInst> insts, std::string &problem);

  const std::string &cpu() const { return Cpu; }

private:
  std::string Cpu;
  std::unique_ptr<llvm::MCSubtargetInfo> STI;
  std::unique_ptr<mca::BlockAnalyzer> Analyzer;
};

} // namespace surrogate::model
