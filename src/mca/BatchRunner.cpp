// BatchRunner: blocks decoded and simulated on worker threads, outcomes handed back in input order.
#include "surrogate/mca/BatchRunner.h"

#include <atomic>
#include <cmath>
#include <memory>
#include <thread>
#include <vector>

#include "surrogate/block/Decoder.h"
#include "surrogate/support/ParallelFor.h"
#include "surrogate/support/Progress.h"

namespace surrogate::mca {

namespace {

struct Worker {
  block::Decoder decoder;
  Simulator simulator;
  Worker(const llvm::MCSubtargetInfo &sti, unsigned iterations) : simulator(sti, iterations) {}
};

struct Slot {
  block::BlockOrProblem item;
  std::optional<SimulationResult> result;
  std::optional<std::string> failure;
};

void process(Worker &worker, Slot &slot) {
  auto *block = std::get_if<block::BasicBlock>(&slot.item);
  if (!block)
    return;
  if (block->insts.empty()) {
    if (block::DecodeResult bad = worker.decoder.decode(block->hex, block->insts); !bad.ok()) {
      slot.failure = bad.error;
      return;
    }
  }
  llvm::Expected<SimulationResult> result = worker.simulator.run(block->insts);
  if (!result) {
    slot.failure = "llvm-mca cannot simulate the block: " + llvm::toString(result.takeError());
    return;
  }
  slot.result = *result;
}

} // namespace

BatchRunner::BatchRunner(const llvm::MCSubtargetInfo &subtarget, BatchOptions options)
    : STI(subtarget), Options(options) {
  if (Options.threads == 0)
    Options.threads = std::max(1u, std::thread::hardware_concurrency());
}

BatchSummary BatchRunner::run(block::BlockReader &reader, const ResultFn &onResult, const ProblemFn &onProblem) {
  return run([&](block::BlockOrProblem &item) { return reader.next(item); }, onResult, onProblem);
}

BatchSummary BatchRunner::run(const SourceFn &source, const ResultFn &onResult, const ProblemFn &onProblem) {
  std::vector<std::unique_ptr<Worker>> workers;
  for (unsigned i = 0; i < Options.threads; ++i)
    workers.push_back(std::make_unique<Worker>(STI, Options.iterations));

  BatchSummary summary;
  support::Progress progress("simulating blocks");
  std::vector<Slot> batch;
  bool more = true;
  while (more) {
    batch.clear();
    block::BlockOrProblem item;
    while (batch.size() < Options.batchSize && (more = source(item)))
      batch.push_back(Slot{std::move(item), std::nullopt, std::nullopt});
    if (batch.empty())
      break;

    std::atomic<std::size_t> nextIndex{0};
    auto drain = [&](Worker &worker) {
      for (std::size_t i; (i = nextIndex.fetch_add(1)) < batch.size();)
        process(worker, batch[i]);
    };
    support::parallelFor(workers.size(), [&](std::size_t w) { drain(*workers[w]); });

    for (Slot &slot : batch) {
      ++summary.read;
      std::optional<block::Problem> problem;
      if (auto *p = std::get_if<block::Problem>(&slot.item))
        problem = *p;
      else if (slot.failure)
        problem = block::Problem{std::get<block::BasicBlock>(slot.item).where, *slot.failure};
      if (problem) {
        ++summary.skipped;
        if (Options.strict)
          throw support::InputError(problem->str());
        onProblem(*problem);
        continue;
      }
      ++summary.simulated;
      onResult(std::get<block::BasicBlock>(slot.item), *slot.result);
    }
    if (Options.progress)
      progress.update(summary.read);
  }
  return summary;
}

std::vector<double> simulateCycles(const llvm::MCSubtargetInfo &subtarget, const std::vector<block::BasicBlock> &blocks,
                                   unsigned threads) {
  BatchOptions options;
  options.threads = threads;
  options.progress = false;
  BatchRunner runner(subtarget, options);
  std::vector<double> cycles;
  cycles.reserve(blocks.size());
  std::size_t next = 0;
  runner.run(
      [&](block::BlockOrProblem &item) {
        if (next >= blocks.size())
          return false;
        item = blocks[next++];
        return true;
      },
      [&](const block::BasicBlock &, const SimulationResult &r) { cycles.push_back(r.cycles); },
      [&](const block::Problem &) { cycles.push_back(std::nan("")); });
  return cycles;
}

} // namespace surrogate::mca
