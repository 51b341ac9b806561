// runMcaBenchmark: in-process simulation timed on one and several threads, and one llvm-mca process per block.
#include "surrogate/mca/McaBenchmark.h"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <tuple>
#include <thread>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "surrogate/block/BlockPipeline.h"
#include "surrogate/block/Decoder.h"
#include "surrogate/block/Target.h"
#include "surrogate/mca/BatchRunner.h"
#include "surrogate/mca/ExternalMca.h"
#include "surrogate/mca/TunedSubtarget.h"

namespace surrogate::mca {

using Clock = std::chrono::steady_clock;

namespace {

// Times the two ways users run llvm-mca on BHive blocks today: llvm-mca on
// assembly text they already have, and the whole workflow from hex
// (llvm-mc --disassemble, then llvm-mca).
void timeSpawning(const McaBenchConfig &config, const std::vector<block::BasicBlock> &blocks, double oneThread,
                  nlohmann::json &result) {
  std::string llvmMca = config.llvmMca.empty() ? findLlvmMca() : config.llvmMca;
  std::string llvmMc = findLlvmMc();
  if (llvmMca.empty()) {
    spdlog::warn("llvm-mca-19 not found; skipping the spawning baselines");
    return;
  }
  block::Decoder decoder;
  std::size_t n = std::min(config.spawnSample, blocks.size());
  std::vector<llvm::MCInst> insts;
  nlohmann::json ways = nlohmann::json::array();
  auto time = [&](const std::string &name, const std::function<llvm::Expected<unsigned>(const block::BasicBlock &)> &one) {
    std::size_t ok = 0;
    auto start = Clock::now();
    for (std::size_t i = 0; i < n; ++i) {
      if (auto cycles = one(blocks[i]))
        ++ok;
      else
        spdlog::warn("{}: {}", name, llvm::toString(cycles.takeError()));
    }
    double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    double rate = ok / seconds;
    spdlog::info("{}: {} blocks in {:.2f}s = {:.1f} blocks/s", name, ok, seconds, rate);
    ways.push_back({{"way", name},
                    {"blocks", ok},
                    {"seconds", seconds},
                    {"blocks_per_second", rate},
                    {"in_process_1_thread_speedup", rate > 0 ? oneThread / rate : 0.0}});
  };
  time("llvm-mca-19 per block on its assembly", [&](const block::BasicBlock &b) -> llvm::Expected<unsigned> {
    // Printing the assembly is timed too; it costs microseconds beside a process start.
    if (block::DecodeResult decoded = decoder.decode(b.hex, insts); !decoded.ok())
      return llvm::createStringError(std::errc::invalid_argument, "%s", decoded.error.c_str());
    return runExternalMca(llvmMca, config.cpu, config.iterations, decoder.print(insts));
  });
  if (!llvmMc.empty())
    time("llvm-mc-19 | llvm-mca-19 per block from hex", [&](const block::BasicBlock &b) {
      return runExternalMcaOnHex(llvmMc, llvmMca, config.cpu, config.iterations, b.hex);
    });
  result["spawning"] = ways;
}

// Blocks that decode; the timed runs decode them again, as simulate does.
std::vector<block::BasicBlock> decodableBlocks(const McaBenchConfig &config) {
  std::vector<block::BasicBlock> blocks;
  block::BlockReader reader(config.inputs);
  block::forEachDecoded(
      reader,
      [&](block::BasicBlock &b) {
        blocks.push_back(std::move(b));
        return blocks.size() < config.limit;
      },
      block::DecodeMode::CheckOnly);
  if (blocks.empty())
    throw support::InputError("no usable blocks in the inputs");
  return blocks;
}

// What the result says of the run before its timings.
nlohmann::json runDescription(const McaBenchConfig &config, std::size_t blocks, bool withTable) {
  nlohmann::json result = {{"cpu", config.cpu},
                           {"iterations", config.iterations},
                           {"blocks", blocks},
                           {"hardware_threads", std::thread::hardware_concurrency()}};
  if (withTable)
    result["params"] = config.paramsFile;
  result["rounds"] = std::max(1u, config.rounds);
  return result;
}

// One timed run of every block through the in-process simulator.
struct TimedRun {
  std::size_t simulated = 0;
  double seconds = 0;
  // Simulated cycles: a table that makes blocks slower also gives the
  // simulator more cycles to step through, which the ratio should not hide.
  std::uint64_t cycles = 0;
  // Processor time too: on a shared machine it moves less than wall time.
  double cpuSeconds = 0;
};

TimedRun timeRun(const llvm::MCSubtargetInfo &sti, unsigned threads, const std::vector<block::BasicBlock> &blocks,
                 unsigned iterations) {
  BatchOptions options;
  options.iterations = iterations;
  options.threads = threads;
  options.progress = false;
  BatchRunner runner(sti, options);
  std::size_t next = 0;
  auto source = [&](block::BlockOrProblem &item) {
    if (next >= blocks.size())
      return false;
    block::BasicBlock copy = blocks[next++];
    copy.insts.clear();
    item = std::move(copy);
    return true;
  };
  TimedRun run;
  auto start = Clock::now();
  std::clock_t cpuStart = std::clock();
  BatchSummary summary = runner.run(
      source, [&](const block::BasicBlock &, const SimulationResult &r) { run.cycles += r.cycles; }, [](auto &) {});
  run.cpuSeconds = double(std::clock() - cpuStart) / CLOCKS_PER_SEC;
  run.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  run.simulated = summary.simulated;
  return run;
}

// Keeps the fastest run by wall time (its blocks and cycles with it) and,
// on its own, the least processor time.
void keepBest(TimedRun &best, const TimedRun &run, bool first) {
  if (first || run.seconds < best.seconds)
    std::tie(best.simulated, best.seconds, best.cycles) = std::tie(run.simulated, run.seconds, run.cycles);
  if (first || run.cpuSeconds < best.cpuSeconds)
    best.cpuSeconds = run.cpuSeconds;
}

struct BestOfRounds {
  TimedRun builtin, tuned;  ///< tuned: only with a parameter table
};

// Best of the rounds, built-in and table alternating, so that load from
// other processes affects both alike.
BestOfRounds bestOfRounds(const McaBenchConfig &config, const std::vector<block::BasicBlock> &blocks,
                          const llvm::MCSubtargetInfo &builtin, const llvm::MCSubtargetInfo *tuned, unsigned threads) {
  BestOfRounds best;
  for (unsigned round = 0; round < std::max(1u, config.rounds); ++round) {
    keepBest(best.builtin, timeRun(builtin, threads, blocks, config.iterations), round == 0);
    if (tuned)
      keepBest(best.tuned, timeRun(*tuned, threads, blocks, config.iterations), round == 0);
  }
  return best;
}

// The in_process row of one thread count, logged as it is made.
nlohmann::json inProcessRow(const McaBenchConfig &config, unsigned threads, const BestOfRounds &best, double oneThread,
                            bool withTable) {
  const TimedRun &b = best.builtin;
  double rate = b.simulated / b.seconds;
  spdlog::info("in-process, {} thread(s): {} blocks in {:.2f}s = {:.0f} blocks/s", threads, b.simulated, b.seconds,
               rate);
  nlohmann::json row = {{"threads", threads},
                        {"blocks", b.simulated},
                        {"seconds", b.seconds},
                        {"cpu_seconds", b.cpuSeconds},
                        {"blocks_per_second", rate},
                        {"speedup_vs_1_thread", oneThread > 0 ? nlohmann::json(rate / oneThread) : nlohmann::json(nullptr)}};
  if (withTable) {
    const TimedRun &t = best.tuned;
    double tunedRate = t.simulated / t.seconds;
    spdlog::info("in-process with {}, {} thread(s): {} blocks in {:.2f}s = {:.0f} blocks/s ({:.3f}x built-in)",
                 config.paramsFile, threads, t.simulated, t.seconds, tunedRate, tunedRate / rate);
    row["params_blocks"] = t.simulated;
    row["params_seconds"] = t.seconds;
    row["params_blocks_per_second"] = tunedRate;
    row["params_vs_builtin"] = tunedRate / rate;
    row["params_cpu_seconds"] = t.cpuSeconds;
    row["params_vs_builtin_cpu"] = (t.simulated / t.cpuSeconds) / (b.simulated / b.cpuSeconds);
    row["cycles_simulated"] = b.cycles;
    row["params_cycles_simulated"] = t.cycles;
  }
  return row;
}

} // namespace

nlohmann::json runMcaBenchmark(const McaBenchConfig &config) {
  auto subtarget = block::X86Target::get().createSubtarget(config.cpu);
  // With a parameter table, the same runs are timed on both models.
  std::unique_ptr<llvm::MCSubtargetInfo> tuned;
  if (!config.paramsFile.empty())
    tuned = createSimulationSubtarget(config.cpu, config.paramsFile);
  std::vector<block::BasicBlock> blocks = decodableBlocks(config);
  nlohmann::json result = runDescription(config, blocks.size(), tuned != nullptr);

  nlohmann::json inProcess = nlohmann::json::array();
  double oneThread = 0;
  for (unsigned threads : config.threads) {
    BestOfRounds best = bestOfRounds(config, blocks, *subtarget, tuned.get(), threads);
    if (threads == 1)
      oneThread = best.builtin.simulated / best.builtin.seconds;
    inProcess.push_back(inProcessRow(config, threads, best, oneThread, tuned != nullptr));
  }
  result["in_process"] = inProcess;

  if (config.spawnSample > 0)
    timeSpawning(config, blocks, oneThread, result);
  return result;
}

std::string formatMcaBenchmark(const nlohmann::json &r) {
  std::string out = fmt::format("bench mca: {} blocks, -mcpu={}, {} iterations{}\n", r["blocks"].get<std::size_t>(),
                                r["cpu"].get<std::string>(), r["iterations"].get<unsigned>(),
                                r.value("rounds", 1u) > 1 ? fmt::format(", best of {} rounds", r["rounds"].get<unsigned>())
                                                          : std::string());
  out += fmt::format("{:<44} {:>8} {:>12}\n", "way", "blocks/s", "vs 1 thread");
  for (const auto &row : r["in_process"])
    out += fmt::format("{:<44} {:>8.0f} {:>11.2f}x\n", fmt::format("in-process, {} thread(s)", row["threads"].get<unsigned>()),
                       row["blocks_per_second"].get<double>(),
                       row["speedup_vs_1_thread"].is_null() ? 0.0 : row["speedup_vs_1_thread"].get<double>());
  for (const auto &row : r["in_process"])
    if (row.contains("params_vs_builtin"))
      out += fmt::format("{:<44} {:>8.0f}  ({:.3f}x built-in, {:.3f}x by processor time; simulated cycles {:.3f}x)\n",
                         fmt::format("in-process with --params, {} thread(s)", row["threads"].get<unsigned>()),
                         row["params_blocks_per_second"].get<double>(), row["params_vs_builtin"].get<double>(),
                         row["params_vs_builtin_cpu"].get<double>(),
                         row["params_cycles_simulated"].get<double>() / row["cycles_simulated"].get<double>());
  if (r.contains("spawning"))
    for (const auto &way : r["spawning"])
      out += fmt::format("{:<44} {:>8.1f} blocks/s; in-process 1 thread is {:.1f}x faster\n",
                         way["way"].get<std::string>(), way["blocks_per_second"].get<double>(),
                         way["in_process_1_thread_speedup"].get<double>());
  return out;
}

} // namespace surrogate::mca
