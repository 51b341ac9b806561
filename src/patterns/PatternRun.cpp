// PatternRun: lock, start or resume, timed phases and reports of a pattern run.

#include "surrogate/patterns/PatternRun.h"

#include <filesystem>

#include "surrogate/support/AtomicFile.h"
#include "surrogate/support/Seconds.h"

namespace fs = std::filesystem;

namespace surrogate::patterns {

namespace {

// The settings are checked before the lock, which creates the directory.
const PatternJob &checked(const PatternJob &job, const PatternConfig &given,
                          const std::function<void(const PatternConfig &)> &check) {
  check(given);
  return job;
}

} // namespace

PatternRun::PatternRun(std::string name, const PatternJob &job, const PatternConfig &given,
                       const std::function<void(const PatternConfig &)> &check)
    : Name(std::move(name)), Job(checked(job, given, check)), Start(std::chrono::steady_clock::now()),
      Lock(job.runDir), Config(startRun(job.runDir, given, job.resume)) {}

void PatternRun::phase(const std::string &name, const std::function<void()> &step) {
  auto start = std::chrono::steady_clock::now();
  step();
  PhaseSeconds[name] = support::secondsSince(start);
}

double PatternRun::wallSeconds() const { return support::secondsSince(Start); }

nlohmann::json PatternRun::writeReports(const nlohmann::json &report, const std::string &markdown) const {
  fs::path dir(Job.runDir);
  support::writeFileAtomically((dir / (Name + "_report.json")).string(), report.dump(2) + "\n");
  support::writeFileAtomically((dir / (Name + "_report.md")).string(), markdown);
  return report;
}

std::string PatternRun::markdownPath() const { return (fs::path(Job.runDir) / (Name + "_report.md")).string(); }

} // namespace surrogate::patterns
