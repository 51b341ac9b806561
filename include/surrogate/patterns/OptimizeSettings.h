#pragma once
// What an optimize run is asked to do, as its config's "pattern" section
// spells it: the sampled dataset, the tuning through the surrogate, pruning,
// the trust-region rounds, the polish with llvm-mca and the black-box
// searches at the same budget. The pattern's helpers (TableTuning,
// OptimizeReport, ...) take it without the pattern's entry point.

#include <cstddef>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace surrogate::patterns {

/// The config's "pattern" section for optimize.
struct OptimizeSettings {
  unsigned paramsSamples = 64;      ///< sampled tables in the dataset
  unsigned tablesPerBlock = 4;      ///< examples per block, each under another table
  double perturbProbability = 1.0;  ///< chance a sampled value is redrawn, else default (1: DiffTune's uniform)
  std::size_t measuredSample = 0;   ///< 0: every row of the measured file; else a seeded sample of this many
  std::size_t steps = 300;          ///< Adam steps on the table
  std::size_t batchSize = 256;      ///< measured train blocks per step
  double learningRate = 0.05;       ///< on the log(1 + x) feature scale
  double l1 = 0;                    ///< penalty on |features - defaults|: only strongly pulled values move
  /// The surrogate sees the table as it will be written (ParamVector::asWritten:
  /// rounded, latencies merged), with the gradient passed straight through.
  bool tuneAsWritten = false;
  /// Trust-region rounds after the first tuning: tables sampled around the
  /// current table within round_radius, the surrogate fine-tuned on them for
  /// round_max_epochs, tuned again; a round is kept only if the real
  /// llvm-mca's validation error improves.
  std::size_t rounds = 0;
  unsigned roundRadius = 2;
  std::size_t roundMaxEpochs = 2;
  double roundL1 = -1;  ///< the rounds' L1 pull towards the current table; < 0: l1
  /// > 0: a checkpoint (first tuning or round) is kept only if its llvm-mca
  /// validation median APE is at most median_cap times the default table's.
  double medianCap = 0;
  /// After the first tuning, put each changed entry back to LLVM's value in
  /// turn and keep it back when llvm-mca's validation error falls.
  bool prune = false;
  /// > 0: after the rounds, polish the table one value at a time with the
  /// real llvm-mca (patterns/CoordinatePolish.h), at most this many runs of
  /// polish_blocks train blocks; polish_candidates values tried in the first pass.
  std::size_t polishEvaluations = 0;
  std::size_t polishBlocks = 2000;
  std::size_t polishCandidates = 16;
  bool anchor = true;               ///< anchor predictions to llvm-mca at the default table (false: DiffTune as published)
  std::size_t blackboxBlocks = 100; ///< train blocks per black-box evaluation (a fixed seeded subset)
  /// Black-box searches, each with the surrogate side's budget: "ensemble"
  /// or NLopt algorithm names without the NLOPT_ prefix. The first is the
  /// baseline the tuned table must beat; the others are further rows.
  std::vector<std::string> blackboxMethods = {"ensemble"};
  std::vector<std::string> ensembleTechniques;  ///< empty: EnsembleSearch's default set

  nlohmann::json toJson() const;
  /// An unknown key or a bad value is a support::ConfigError naming `file` and the key.
  static OptimizeSettings fromJson(const nlohmann::json &j, const std::string &file = "optimize config");
};

} // namespace surrogate::patterns
