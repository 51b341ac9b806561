#include "surrogate/mca/McaBenchmark.h"

#include <chrono>
#include <thread>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "surrogate/block/BlockReader.h"
#include "surrogate/block/Decoder.h"
#include "surrogate/block/Target.h"
#include "surrogate/mca/BatchRunner.h"
#include "surrogate/mca/ExternalMca.h"

namespace surrogate::mca {

using Clock = std::chrono::steady_clock;

nlohmann::json runMcaBenchmark(const McaBenchConfig &config) {
  auto subtarget = block::X86Target::get().createSubtarget(config.cpu);
  if (!subtarget)
    throw std::invalid_argument(llvm::toString(subtarget.takeError()));

  // Blocks that decode; the timed runs decode them again, as simulate does.
  std::vector<block::BasicBlock> blocks;
  {
    block::BlockReader reader(config.inputs);
    block::Decoder decoder;
    block::BlockOrProblem item;
    std::vector<llvm::MCInst> insts;
    while (blocks.size() < config.limit && reader.next(item))
      if (auto *b = std::get_if<block::BasicBlock>(&item))
        if (!b->insts.empty() || !decoder.decode(b->hex, insts))
          blocks.push_back(std::move(*b));
  }
  if (blocks.empty())
    throw std::invalid_argument("no usable blocks in the inputs");

  nlohmann::json result = {{"cpu", config.cpu},
                           {"iterations", config.iterations},
                           {"blocks", blocks.size()},
                           {"hardware_threads", std::thread::hardware_concurrency()}};
  nlohmann::json inProcess = nlohmann::json::array();
  double oneThread = 0;
  for (unsigned threads : config.threads) {
    BatchOptions options;
    options.iterations = config.iterations;
    options.threads = threads;
    options.progress = false;
    BatchRunner runner(**subtarget, options);
    std::size_t next = 0;
    auto source = [&](block::BlockOrProblem &item) {
      if (next >= blocks.size())
        return false;
      block::BasicBlock copy = blocks[next++];
      copy.insts.clear();
      item = std::move(copy);
      return true;
    };
    auto start = Clock::now();
    BatchSummary summary = runner.run(source, [](auto &, auto &) {}, [](auto &) {});
    double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    double rate = summary.simulated / seconds;
    if (threads == 1)
      oneThread = rate;
    spdlog::info("in-process, {} thread(s): {} blocks in {:.2f}s = {:.0f} blocks/s", threads, summary.simulated,
                 seconds, rate);
    inProcess.push_back({{"threads", threads},
                         {"blocks", summary.simulated},
                         {"seconds", seconds},
                         {"blocks_per_second", rate},
                         {"speedup_vs_1_thread", oneThread > 0 ? nlohmann::json(rate / oneThread) : nlohmann::json(nullptr)}});
  }
  result["in_process"] = inProcess;

  std::string llvmMca = config.llvmMca.empty() ? findLlvmMca() : config.llvmMca;
  if (config.spawnSample > 0 && llvmMca.empty()) {
    spdlog::warn("llvm-mca-19 not found; skipping the spawning baseline");
  } else if (config.spawnSample > 0) {
    block::Decoder decoder;
    std::size_t n = std::min(config.spawnSample, blocks.size());
    std::vector<std::string> texts;
    std::vector<llvm::MCInst> insts;
    for (std::size_t i = 0; i < n; ++i) {
      if (!decoder.decode(blocks[i].hex, insts))
        texts.push_back(decoder.print(insts));
    }
    auto start = Clock::now();
    std::size_t ok = 0;
    for (const std::string &text : texts) {
      auto cycles = runExternalMca(llvmMca, config.cpu, config.iterations, text);
      if (cycles)
        ++ok;
      else
        spdlog::warn("llvm-mca-19 failed: {}", llvm::toString(cycles.takeError()));
    }
    double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    double rate = ok / seconds;
    spdlog::info("spawning {} per block: {} blocks in {:.2f}s = {:.1f} blocks/s", llvmMca, ok, seconds, rate);
    result["spawning"] = {{"binary", llvmMca}, {"blocks", ok}, {"seconds", seconds}, {"blocks_per_second", rate}};
    result["in_process_1_thread_vs_spawning"] = oneThread > 0 && rate > 0 ? oneThread / rate : 0.0;
  }
  return result;
}

std::string formatMcaBenchmark(const nlohmann::json &r) {
  std::string out = fmt::format("bench mca: {} blocks, -mcpu={}, {} iterations\n", r["blocks"].get<std::size_t>(),
                                r["cpu"].get<std::string>(), r["iterations"].get<unsigned>());
  out += fmt::format("{:<28} {:>10} {:>12}\n", "way", "blocks/s", "vs 1 thread");
  for (const auto &row : r["in_process"])
    out += fmt::format("{:<28} {:>10.0f} {:>11.2f}x\n", fmt::format("in-process, {} thread(s)", row["threads"].get<unsigned>()),
                       row["blocks_per_second"].get<double>(),
                       row["speedup_vs_1_thread"].is_null() ? 0.0 : row["speedup_vs_1_thread"].get<double>());
  if (r.contains("spawning")) {
    out += fmt::format("{:<28} {:>10.1f}\n", "spawning llvm-mca-19", r["spawning"]["blocks_per_second"].get<double>());
    out += fmt::format("in-process (1 thread) / spawning: {:.1f}x\n", r["in_process_1_thread_vs_spawning"].get<double>());
  }
  return out;
}

} // namespace surrogate::mca
