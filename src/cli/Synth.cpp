// `surrogate synth`: its options into SyntheticOptions, then the synthetic blocks written as assembly or CSV.
#include <memory>

#include <spdlog/spdlog.h>

#include "surrogate/block/SyntheticBlocks.h"
#include "surrogate/cli/Commands.h"

namespace surrogate::cli {

void addSynthCommand(CLI::App &app, ExitStatus &status) {
  auto options = std::make_shared<block::SyntheticOptions>();
  auto count = std::make_shared<std::size_t>(1000);
  auto output = std::make_shared<std::string>();
  CLI::App *cmd = app.add_subcommand(
      "synth", "seeded synthetic x86-64 blocks (dependency chains, independent streams, load/store mixes, mixes)");
  cmd->add_option("-n,--count", *count, "blocks")->capture_default_str()->check(CLI::Range(std::size_t{1}, std::size_t{10000000}));
  cmd->add_option("--seed", options->seed, "seed: the same seed gives the same file")->capture_default_str();
  cmd->add_option("--min-instructions", options->minInstructions, "instructions per block, at least")
      ->capture_default_str()
      ->check(CLI::Range(1u, 1000u));
  cmd->add_option("--max-instructions", options->maxInstructions, "instructions per block, at most")
      ->capture_default_str()
      ->check(CLI::Range(1u, 1000u));
  cmd->add_option("-o,--output", *output, "output: FILE.s (assembly, blocks split by `# ---`) or FILE.csv (hex,kind); "
                                          "default stdout, assembly");
  cmd->callback([=, &status] {
    if (options->minInstructions > options->maxInstructions)
      throw CLI::ValidationError("--min-instructions", "must not exceed --max-instructions");
    auto perKind = block::writeSyntheticBlocks(*options, *count, *output);
    std::string kinds;
    for (const auto &[kind, n] : perKind) kinds += (kinds.empty() ? "" : ", ") + std::to_string(n) + " " + kind;
    spdlog::info("{} synthetic blocks (seed {}): {}", *count, options->seed, kinds);
    status.code = 0;
  });
}

} // namespace surrogate::cli
