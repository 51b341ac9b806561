#pragma once
// The phases of `optimize` as typed results, and its report built from
// them: optimize_report.json (toJson) and optimize_report.md (markdown).

#include <optional>
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "surrogate/block/BasicBlock.h"
#include "surrogate/mca/ParamTable.h"
#include "surrogate/model/ParamVector.h"
#include "surrogate/patterns/ChangePruning.h"
#include "surrogate/patterns/CoordinatePolish.h"
#include "surrogate/patterns/BlackBoxSearch.h"
#include "surrogate/patterns/ErrorGroups.h"
#include "surrogate/patterns/MeasuredSplit.h"
#include "surrogate/patterns/OptimizeSettings.h"
#include "surrogate/patterns/PatternConfig.h"
#include "surrogate/patterns/Report.h"
#include "surrogate/patterns/TableTuning.h"

namespace surrogate::patterns {

/// "A clear margin": the tuned table's test error at most this fraction of the default's.
constexpr double kTargetErrorRatio = 0.9;

/// Phase 1: llvm-mca under sampled tables.
struct DatasetPhase {
  std::string measured;  ///< the measured file used (RUN/measured.csv when sampled)
  std::string dir;
  std::size_t simulations = 0;  ///< the dataset's examples
};

/// Phase 2: the conditioned surrogate.
struct SurrogatePhase {
  std::string dir;
  nlohmann::json report;  ///< its training report.json
  model::ModelConfig model;
  std::string loss;
  std::int64_t parameters = 0;
};

/// Phase 3: the table tuned through the frozen surrogate.
struct TuningPhase {
  MeasuredBlocks blocks;
  std::unique_ptr<model::ParamVector> space;  ///< on the heap: the frozen surrogates refer to it
  std::vector<double> trainDefault;  ///< llvm-mca at the default table on the train blocks
  std::size_t anchorSimulations = 0, validationSize = 0, selectionBlocks = 0;
  SurrogateTuning tuning;
  CheckpointChoice choice;
  double maxMedianApe = 0;  ///< the cap every kept checkpoint obeys (infinite: none)
  double validationMape = 0;  ///< llvm-mca's on the validation blocks under `tuned`
  std::optional<PruneResult> pruning;  ///< pattern.prune's pass, when it ran
  std::size_t keptStep = 0;
  model::MappingStats mapping;
  mca::ParamTable tuned;
  double writtenTableSurrogateMape = 0;
  std::vector<std::string> changes;  ///< params diff of default and tuned, one line each
};

/// One trust-region round (pattern.rounds).
struct RoundResult {
  std::size_t round = 0;
  std::string dir;
  std::size_t datasetSimulations = 0, anchorSimulations = 0, choiceSimulations = 0;
  double startValidationMape = 0, bestValidationMape = 0, bestValidationMedianApe = 0;
  bool accepted = false;
  std::size_t keptStep = 0, changedFromCenter = 0;
  nlohmann::json curve;  ///< the round's tuning curve, with llvm_mca_validation_mape per checkpoint

  std::size_t simulations() const { return datasetSimulations + anchorSimulations + choiceSimulations; }
  nlohmann::json toJson() const;
};

/// Phase 3b: the rounds; the tuned table is the last accepted round's.
struct RefinementPhase {
  std::vector<RoundResult> rounds;
  std::size_t simulations() const;
};

/// Phase 3c: pattern.polish_evaluations' polish with the real llvm-mca.
struct PolishPhase {
  std::optional<PolishResult> result;
  std::size_t sampleBlocks = 0;
  std::size_t simulations() const { return result ? result->simulations : 0; }
};

/// Phase 4: the black-box searches, each with the same budget of llvm-mca
/// runs as the surrogate side; the first (pattern.blackbox_methods) is the
/// baseline, written to blackbox-params.json, the others to
/// blackbox-METHOD-params.json.
struct BlackBoxPhase {
  std::vector<BlackBoxResult> searches;
  std::vector<mca::ParamTable> tables;
  std::vector<std::string> files;  ///< where each table was written, relative to the run directory
  /// Each search's best-so-far tables as they improved, scored by llvm-mca
  /// on the validation blocks (for figures/search_curve.png; not budget).
  std::vector<nlohmann::json> validationCurves;
  std::size_t budget = 0, subsetSize = 0;
  std::size_t datasetSimulations = 0, anchorSimulations = 0, choiceSimulations = 0, pruneSimulations = 0,
              roundSimulations = 0, polishSimulations = 0;

  const BlackBoxResult &baseline() const { return searches.front(); }
  nlohmann::json toJson() const;
};

/// llvm-mca under the default, tuned and black-box tables on one split.
struct TableScores {
  std::vector<std::size_t> kept;  ///< blocks every table simulated
  std::vector<double> defaults, tuned;
  std::vector<std::vector<double>> blackbox;  ///< one per search, in BlackBoxPhase order
  nlohmann::json summary;
};

/// Phase 5: the real llvm-mca under each table.
struct EvaluationPhase {
  TableScores test, train;
  std::vector<GroupError> testGroups;  ///< the test error by what the blocks contain
};

struct OptimizeReport {
  std::string runDir;
  PatternConfig config;
  OptimizeSettings settings;
  DatasetPhase dataset;
  SurrogatePhase surrogate;
  TuningPhase tuning;
  RefinementPhase refinement;
  PolishPhase polish;
  BlackBoxPhase blackbox;
  EvaluationPhase evaluation;
  MachineInfo machine;
  std::uintmax_t deployedBytes = 0;
  nlohmann::json phaseSeconds;
  double wallSeconds = 0;

  double defaultError() const;
  double tunedError() const;
  double blackboxError() const;
  bool marginMet() const { return tunedError() <= kTargetErrorRatio * defaultError(); }
  bool beatsBlackbox() const { return tunedError() < blackboxError(); }

  nlohmann::json toJson() const;
  std::string markdown() const;
  /// RUN/figures/test_error.png, tuning_curve.png and search_curve.png.
  void drawFigures() const;

private:
  DesignSection design() const;
  TrainingSection trainingSection() const;
  DeploymentSection deploymentSection() const;
  void drawSearchCurve(const std::string &png) const;
  // optimize_report.md, section by section.
  void writeResultSection(MarkdownReport &md) const;
  void writeTuningSection(MarkdownReport &md) const;
  void writePruningSection(MarkdownReport &md) const;
  void writeRoundsSection(MarkdownReport &md) const;
  void writePolishSection(MarkdownReport &md) const;
  void writeGroupsSection(MarkdownReport &md) const;
  void writeBlackBoxSection(MarkdownReport &md) const;
  nlohmann::json trainingJson() const;
  nlohmann::json tuningJson() const;
  nlohmann::json groupsJson() const;
  nlohmann::json roundsJson() const;
};

/// The published reference (DiffTune).
nlohmann::json optimizeReference();

} // namespace surrogate::patterns
