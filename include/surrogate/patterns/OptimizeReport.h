#pragma once
// The phases of `optimize` as typed results, and its report built from
// them: optimize_report.json (toJson) and optimize_report.md (markdown).

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "surrogate/block/BasicBlock.h"
#include "surrogate/mca/ParamTable.h"
#include "surrogate/model/ParamVector.h"
#include "surrogate/patterns/BlackBoxSearch.h"
#include "surrogate/patterns/MeasuredSplit.h"
#include "surrogate/patterns/Optimize.h"
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
  std::size_t keptStep = 0;
  model::MappingStats mapping;
  mca::ParamTable tuned;
  double writtenTableSurrogateMape = 0;
  std::vector<std::string> changes;  ///< params diff of default and tuned, one line each
};

/// Phase 4: the black-box baseline with the same budget of llvm-mca runs.
struct BlackBoxPhase {
  BlackBoxResult result;
  std::size_t budget = 0, subsetSize = 0;
  std::size_t datasetSimulations = 0, anchorSimulations = 0, choiceSimulations = 0;
  mca::ParamTable table;

  nlohmann::json toJson() const;
};

/// llvm-mca under the default, tuned and black-box tables on one split.
struct TableScores {
  std::vector<std::size_t> kept;  ///< blocks every table simulated
  std::vector<double> defaults, tuned, blackbox;
  nlohmann::json summary;
};

/// Phase 5: the real llvm-mca under each table.
struct EvaluationPhase {
  TableScores test, train;
};

struct OptimizeReport {
  std::string runDir;
  PatternConfig config;
  OptimizeSettings settings;
  DatasetPhase dataset;
  SurrogatePhase surrogate;
  TuningPhase tuning;
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
  /// RUN/figures/test_error.png and tuning_curve.png.
  void drawFigures() const;

private:
  DesignSection design() const;
  nlohmann::json trainingJson() const;
  nlohmann::json tuningJson() const;
};

} // namespace surrogate::patterns
