#pragma once
// The frame every pattern run shares (compile, adapt, optimize, sweep): the
// pattern's settings checked before anything is written; the run directory
// locked against a second writer (the trainings inside share the lock) and
// started, or resumed with its stored settings (a config that differs is
// refused, naming the first difference: startRun); each phase timed; and at
// the end both reports, RUN/NAME_report.json and RUN/NAME_report.md, written
// atomically. A pattern's run function reads as its list of phases.

#include <chrono>
#include <functional>
#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "surrogate/patterns/PatternConfig.h"
#include "surrogate/support/DirLock.h"

namespace surrogate::patterns {

class PatternRun {
public:
  /// `check` reads the pattern's settings from `given` (the job's config,
  /// with whatever the command line added) and throws on a bad one.
  PatternRun(std::string name, const PatternJob &job, const PatternConfig &given,
             const std::function<void(const PatternConfig &)> &check);

  /// The run's settings: `given` on a fresh run, the stored ones on resume.
  const PatternConfig &config() const { return Config; }
  const std::string &runDir() const { return Job.runDir; }
  bool resumed() const { return Job.resume; }
  /// Rank 0 under torchrun: where each training step is handed over (else nullptr).
  model::StepHandover *handover() const { return Job.handover; }

  /// Runs `step` and records its wall seconds as `phase`.
  void phase(const std::string &name, const std::function<void()> &step);
  const std::map<std::string, double> &phaseSeconds() const { return PhaseSeconds; }
  /// Wall seconds since the run started.
  double wallSeconds() const;

  /// Writes `report` and `markdown` as RUN/NAME_report.json and .md; returns `report`.
  nlohmann::json writeReports(const nlohmann::json &report, const std::string &markdown) const;
  /// RUN/NAME_report.md, for the log's last line.
  std::string markdownPath() const;

private:
  std::string Name;
  PatternJob Job;
  std::chrono::steady_clock::time_point Start;
  support::DirLock Lock;
  PatternConfig Config;
  std::map<std::string, double> PhaseSeconds;
};

} // namespace surrogate::patterns
