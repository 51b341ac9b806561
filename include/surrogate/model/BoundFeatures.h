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
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include <llvm/ADT/ArrayRef.h>
#include <llvm/MC/MCInst.h>

namespace surrogate::mca {
class BlockAnalyzer;
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

class BoundFeaturizer {
public:
  /// Bounds under `cpu`'s scheduling model (an unknown CPU is an error naming it).
  explicit BoundFeaturizer(const std::string &cpu);
  /// The same under a parameter table's values ("": LLVM's), as `simulate --params` runs.
  BoundFeaturizer(const std::string &cpu, const std::string &table);
  ~BoundFeaturizer();
  BoundFeaturizer(BoundFeaturizer &&) noexcept;

  /// The block's bounds, or nullopt with `problem` set when llvm-mca cannot
  /// build one of its instructions.
  std::optional<BlockBounds> of(llvm::ArrayRef<llvm::MCInst> insts, std::string &problem);

  const std::string &cpu() const { return Cpu; }

private:
  std::string Cpu;
  std::unique_ptr<llvm::MCSubtargetInfo> STI;
  std::unique_ptr<mca::BlockAnalyzer> Analyzer;
};

} // namespace surrogate::model
