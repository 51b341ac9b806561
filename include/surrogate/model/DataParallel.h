#pragma once
// One rank of a data-parallel training group, on LibTorch's own collective
// layer (c10d: a TCPStore for rendezvous, a Gloo process group for the
// all-reduce), joined from the environment torchrun sets (RANK, WORLD_SIZE,
// MASTER_ADDR, MASTER_PORT, TORCHELASTIC_*). Each step every rank computes
// the gradient of its fixed share of the global batch; allReduceGradients
// sums them in buckets, as PyTorch's DistributedDataParallel does, so every
// rank takes the same optimiser step. Without that environment the group is
// this process alone and every call is a no-op.

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <torch/torch.h>

namespace surrogate::model {

/// What torchrun (or Slurm/Kubernetes launching the same way) tells a rank.
struct LaunchEnvironment {
  int rank = 0;
  int worldSize = 1;
  int localRank = 0;
  std::string masterAddr = "127.0.0.1";
  std::uint16_t masterPort = 29500;
  int restartCount = 0;     ///< TORCHELASTIC_RESTART_COUNT: > 0 after torchrun restarted the group
  bool agentStore = false;  ///< TORCHELASTIC_USE_AGENT_STORE: the agent hosts the store, not rank 0

  /// nullopt when RANK and WORLD_SIZE are unset; a malformed variable throws
  /// support::ConfigError naming it.
  static std::optional<LaunchEnvironment> fromEnvironment();
  /// Whether this process is rank 0 of its launch (or not launched as a rank):
  /// the one that prints results.
  static bool isWriterProcess();
};

class DataParallelGroup {
public:
  /// This process alone (no communication).
  DataParallelGroup();
  /// Joins the group; every collective fails after `timeout` instead of
  /// hanging when a rank dies or stops answering.
  DataParallelGroup(const LaunchEnvironment &env, std::chrono::milliseconds timeout);
  ~DataParallelGroup();
  DataParallelGroup(DataParallelGroup &&) noexcept;
  DataParallelGroup &operator=(DataParallelGroup &&) noexcept;

  /// The group the environment describes, or this process alone.
  static DataParallelGroup fromEnvironment(std::chrono::milliseconds timeout);

  int rank() const { return Rank; }
  int size() const { return Size; }
  bool distributed() const { return Size > 1; }
  /// Rank 0 alone writes files; the others wait at a barrier.
  bool isWriter() const { return Rank == 0; }
  int restartCount() const { return RestartCount; }

  /// [begin, end) of this rank's fixed, contiguous share of `n` items.
  std::pair<std::size_t, std::size_t> shareRange(std::size_t n) const {
    std::size_t per = (n + Size - 1) / Size;
    std::size_t begin = std::min(n, per * Rank);
    return {begin, std::min(n, begin + per)};
  }
  /// This rank's share of `items` (a global batch).
  template <typename T> std::vector<T> shareOf(const std::vector<T> &items) const {
    auto [begin, end] = shareRange(items.size());
    return std::vector<T>(items.begin() + begin, items.begin() + end);
  }

  /// Sums every parameter's gradient over the ranks, in buckets of at most
  /// `bucketBytes`; an undefined gradient counts as zeros.
  void allReduceGradients(const std::vector<torch::Tensor> &parameters, std::size_t bucketBytes = 25u << 20);
  /// Sums `values` element-wise over the ranks, in place.
  void allReduceSum(std::vector<double> &values);
  double allReduceSum(double value);
  /// Every rank gets rank 0's values of these tensors (e.g. freshly loaded weights).
  void broadcastFromWriter(const std::vector<torch::Tensor> &tensors);
  void barrier();

  /// A rank other than 0 of a pattern command: the next training step
  /// rank 0 handed over (StepHandover), or nullopt once it has finished.
  static std::optional<std::string> nextTrainingStep(std::chrono::seconds timeout);

  /// Wall seconds spent inside collectives so far (for the scaling figures).
  double communicationSeconds() const { return CommSeconds; }

private:
  void allReduceFlat(torch::Tensor &flat);
  int Rank = 0, Size = 1, RestartCount = 0;
  std::chrono::milliseconds Timeout{0};
  double CommSeconds = 0;
  struct Impl;
  std::unique_ptr<Impl> P;
};

/// Rank 0 of a pattern command under torchrun (compile, adapt, optimize,
/// sweep) runs the pattern; each training step it reaches is handed through
/// the launch's store to the other ranks, which train it beside rank 0
/// (followTrainingSteps, Trainer.h). The pattern run owns one and passes it
/// to each training (runTraining); finish() tells the ranks there are no more.
class StepHandover {
public:
  /// Hands over the next step (a TrainJob as JSON).
  void publish(const std::string &job);
  /// No more steps; waits (a few minutes at most) until every rank has read so.
  void finish();
};

} // namespace surrogate::model
