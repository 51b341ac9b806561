#pragma once
// Pieces every pattern report uses: a small Markdown writer, facts about
// the machine a run used (for the deployment questions), sizes on disk, and
// the typed Design / Training / Deployment sections that every pattern
// report ends with, written by one renderer (writeModelSections).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "surrogate/model/ModelConfig.h"

namespace surrogate::patterns {

class MarkdownReport {
public:
  void heading(int level, const std::string &text);
  void paragraph(const std::string &text);
  void bullet(const std::string &text);
  void table(const std::vector<std::string> &header, const std::vector<std::vector<std::string>> &rows);
  void image(const std::string &alt, const std::string &relativePath);
  void code(const std::string &text);
  const std::string &str() const { return Text; }

private:
  std::string Text;
};

/// CPU model, logical cores and memory of a machine.
struct MachineInfo {
  std::string cpuModel = "unknown";
  unsigned logicalCores = 0;
  double memoryGib = 0;  ///< rounded to a tenth

  /// This machine, from /proc.
  static MachineInfo ofThisMachine();
  nlohmann::json toJson() const;
};

/// How a training run went, from its report.json.
struct TrainingFacts {
  std::size_t epochs = 0, bestEpoch = 0;
  bool earlyStopped = false;
  double wallSeconds = 0;
  nlohmann::json testVsLlvmMca;  ///< the run's test ErrorSummary; null without a test split

  static TrainingFacts of(const nlohmann::json &trainingReport);
  std::string stoppedBecause() const;
  /// epochs, best_epoch, stopped_because, wall_seconds, test_vs_llvm_mca
  nlohmann::json toJson() const;
};

/// The network a pattern deployed or used.
struct DesignSection {
  std::string architecture;
  std::optional<model::ModelConfig> model;  ///< absent: the network is inherited, unchanged
  std::int64_t parameters = 0;
  std::string capacityChosenBy;
  /// The sizes capacity was chosen from (a sweep's table), shown below the
  /// text; empty when one size was trained.
  std::vector<std::string> capacityHeader;
  std::vector<std::vector<std::string>> capacityRows;
  nlohmann::json capacitySweep;  ///< the same in the JSON report (null: none)

  nlohmann::json toJson() const;
};

/// What the Markdown report says about training.
struct TrainingSection {
  std::string data;  ///< the opening sentences: what the model learnt from
  std::string loss;  ///< the loss's config name
  TrainingFacts run;
  std::optional<double> examplesPerSecond;
  bool showTestVsLlvmMca = false;
  /// Set when the report covers several runs: which one the facts are of
  /// (the sentence then names it instead of the loss).
  std::string deployedRun;
};

/// What the Markdown report says about where the run ran and what it deployed.
struct DeploymentSection {
  MachineInfo machine;
  unsigned threads = 0;
  std::string threadsNote;  ///< after "N thread(s)"
  std::string phases;       ///< time per phase, when the pattern has phases
  std::string speed;        ///< set: the short form, led by the speed comparison
  std::string deployed;     ///< what is deployed and how to use it
};

/// The "Design", "Training" and "Deployment" sections.
void writeModelSections(MarkdownReport &md, const DesignSection &design, const TrainingSection &training,
                        const DeploymentSection &deployment);

/// Total bytes of the files that exist among `paths`.
std::uintmax_t sizeOnDisk(const std::vector<std::string> &paths);

/// "12.3%" for a fraction.
std::string percent(double fraction);

} // namespace surrogate::patterns
