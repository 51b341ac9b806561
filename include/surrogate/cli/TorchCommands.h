#pragma once
// The commands that run the network on LibTorch (train, export, predict
// --engine torch, bench surrogate, guard calibrate, compile, adapt, optimize, sweep) live in a module of their own,
// libsurrogate_torch.so, with the model and patterns layers and LibTorch;
// the binary loads it with dlopen only when one of them runs, so every other
// command starts without LibTorch's 300 libraries. Their options are declared
// in the binary (so --help lists them all); what they run is this table of
// functions, which the module hands back from one extern "C" entry. The
// module resolves the lower layers from the binary, which exports them.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "surrogate/cli/PatternOptions.h"
#include "surrogate/patterns/GuardCalibrate.h"
#include "surrogate/model/PredictJob.h"
#include "surrogate/model/SurrogateBenchmark.h"
#include "surrogate/model/Trainer.h"

namespace surrogate::cli {

/// `train`, once its options are checked: the config file (new runs only) is
/// read into job.model and job.training, then `seed` overrides the config's.
struct TrainCommandOptions {
  model::TrainJob job;
  std::string configFile;
  std::optional<std::uint64_t> seed;
  std::optional<std::vector<std::string>> excludeBlocks;  ///< override training.exclude_blocks
  std::optional<double> excludeWeight;                    ///< override training.exclude_weight
};

/// `export`: the run directory's `checkpoint` as a model file `output` (empty: RUN/model.smodel).
struct ExportCommandOptions {
  std::string runDir, checkpoint = "best.pt", output;
};

/// Each returns the command's exit status; errors are thrown, as everywhere.
struct TorchCommands {
  /// Bumped whenever this table or an options struct above changes, so a
  /// binary never runs a module of another build's layout.
  static constexpr std::uint32_t kVersion = 4;
  std::uint32_t version;
  std::uint32_t size;  ///< sizeof(TorchCommands) in the module

  int (*train)(const TrainCommandOptions &options);
  int (*predict)(const model::PredictConfig &config);
  int (*exportModel)(const ExportCommandOptions &options);
  int (*guardCalibrate)(const patterns::GuardCalibrateConfig &config);
  int (*benchSurrogate)(const model::SurrogateBenchConfig &config, bool json);
  /// `params`: compile --params (empty: the config's pattern.params, if any).
  int (*compile)(const PatternCommandOptions &options, const std::string &params);
  int (*adapt)(const PatternCommandOptions &options, const std::string &from);
  int (*optimize)(const PatternCommandOptions &options);
  int (*sweep)(const PatternCommandOptions &options);
};

/// The module's file name and its one entry point.
inline constexpr const char *kTorchModuleName = "libsurrogate_torch.so";
inline constexpr const char *kTorchModuleEntry = "surrogate_torch_commands";
/// Overrides where the module is looked for (a full path).
inline constexpr const char *kTorchModuleEnv = "SURROGATE_TORCH_MODULE";

/// The module's table, loaded on the first call: $SURROGATE_TORCH_MODULE if
/// set, else beside the binary, else in the install prefix's lib/surrogate.
/// Throws naming each path tried and dlerror's text when it is missing, does
/// not load, or is of another version.
const TorchCommands &torchCommands();

} // namespace surrogate::cli

extern "C" {
/// Defined in the module only.
const surrogate::cli::TorchCommands *surrogate_torch_commands();
}
