// MarkdownReport, MachineInfo and the Design, Training and Deployment sections every pattern report ends with.
#include "surrogate/patterns/Report.h"

#include <filesystem>
#include <fstream>
#include <cmath>
#include <thread>

#include <fmt/format.h>

namespace surrogate::patterns {

void MarkdownReport::heading(int level, const std::string &text) {
  Text += std::string(level, '#') + " " + text + "\n\n";
}
void MarkdownReport::paragraph(const std::string &text) { Text += text + "\n\n"; }
void MarkdownReport::bullet(const std::string &text) { Text += "- " + text + "\n"; }
void MarkdownReport::image(const std::string &alt, const std::string &path) {
  Text += "![" + alt + "](" + path + ")\n\n";
}
void MarkdownReport::code(const std::string &text) { Text += "```\n" + text + "\n```\n\n"; }

void MarkdownReport::table(const std::vector<std::string> &header, const std::vector<std::vector<std::string>> &rows) {
  auto line = [](const std::vector<std::string> &cells) {
    std::string s = "|";
    for (const auto &c : cells) s += " " + c + " |";
    return s + "\n";
  };
  if (!Text.empty() && Text.back() == '\n' && Text.size() > 1 && Text[Text.size() - 2] != '\n')
    Text += "\n";  // a table after a list needs a blank line
  Text += line(header);
  Text += line(std::vector<std::string>(header.size(), "---"));
  for (const auto &r : rows) Text += line(r);
  Text += "\n";
}

MachineInfo MachineInfo::ofThisMachine() {
  std::string model = "unknown";
  std::ifstream cpuinfo("/proc/cpuinfo");
  for (std::string line; std::getline(cpuinfo, line);)
    if (line.rfind("model name", 0) == 0) {
      model = line.substr(line.find(':') + 2);
      break;
    }
  double memoryGiB = 0;
  std::ifstream meminfo("/proc/meminfo");
  for (std::string line; std::getline(meminfo, line);)
    if (line.rfind("MemTotal:", 0) == 0) {
      memoryGiB = std::stod(line.substr(9)) / (1024.0 * 1024.0);
      break;
    }
  MachineInfo m;
  m.cpuModel = model;
  m.logicalCores = std::thread::hardware_concurrency();
  m.memoryGib = std::round(memoryGiB * 10) / 10;
  return m;
}

nlohmann::json MachineInfo::toJson() const {
  return {{"cpu_model", cpuModel}, {"logical_cores", logicalCores}, {"memory_gib", memoryGib}};
}

TrainingFacts TrainingFacts::of(const nlohmann::json &training) {
  TrainingFacts f;
  f.epochs = training.value("epochs", std::size_t{0});
  f.bestEpoch = training.value("best_epoch", std::size_t{0});
  f.earlyStopped = training.value("early_stopped", false);
  f.wallSeconds = training.value("training_wall_seconds", 0.0);
  f.testVsLlvmMca = training.value("test", nlohmann::json());
  return f;
}

std::string TrainingFacts::stoppedBecause() const {
  return earlyStopped ? "validation MAPE did not improve for `patience` epochs (early stopping)" : "reached max_epochs";
}

nlohmann::json TrainingFacts::toJson() const {
  return {{"epochs", epochs},
          {"best_epoch", bestEpoch},
          {"stopped_because", stoppedBecause()},
          {"wall_seconds", wallSeconds},
          {"test_vs_llvm_mca", testVsLlvmMca}};
}

nlohmann::json DesignSection::toJson() const {
  nlohmann::json j = {{"architecture", architecture}, {"parameters", parameters}, {"capacity_chosen_by", capacityChosenBy}};
  if (model)
    j["model"] = model->toJson();
  if (!capacitySweep.is_null())
    j["capacity_sweep"] = capacitySweep;
  return j;
}

namespace {

std::string designText(const DesignSection &d) {
  if (!d.model)
    return fmt::format("The compiled surrogate's network, unchanged: {} trainable parameters.", d.parameters);
  const model::ModelConfig &m = *d.model;
  std::string tableFeatures =
      m.instFeatures > 0 ? fmt::format(", {} + {} table features", m.instFeatures, m.globalFeatures) : "";
  std::string bounds = fmt::format("the scheduling model's bounds under {} (resource and dependency bounds, critical "
                                   "path, micro-op, load and store counts) into an MLP of {} units that predicts a "
                                   "correction to the log of the larger bound",
                                   m.boundsCpu, m.boundsHidden);
  if (m.bounds && !m.tokens)
    return fmt::format("No tokens: {}: {} trainable parameters. Capacity: {}.", bounds, d.parameters,
                       d.capacityChosenBy);
  if (m.bounds)
    tableFeatures += "; with " + bounds + " beside the block vector";
  return fmt::format("{}. Embedding {}, hidden {}, {} layer(s){}: {} trainable parameters. Capacity: {}.",
                     d.architecture, m.embedding, m.hidden, m.layers, tableFeatures, d.parameters, d.capacityChosenBy);
}

std::string trainingText(const TrainingSection &t) {
  const TrainingFacts &r = t.run;
  if (!t.deployedRun.empty())
    return fmt::format("{} The deployed model ({}) trained {} epochs in {:.0f} s and stopped because {}.", t.data,
                       t.deployedRun, r.epochs, r.wallSeconds, r.stoppedBecause());
  std::string rate = t.examplesPerSecond ? fmt::format(" ({:.0f} examples/s)", *t.examplesPerSecond) : "";
  std::string text = fmt::format("{} Loss: {}. {} epochs in {:.0f} s{}; best epoch {}; stopped because {}.", t.data,
                                 t.loss, r.epochs, r.wallSeconds, rate, r.bestEpoch, r.stoppedBecause());
  if (t.showTestVsLlvmMca)
    text += fmt::format(" Surrogate test error vs llvm-mca: {}.",
                        r.testVsLlvmMca.is_object() ? percent(r.testVsLlvmMca["mape"].get<double>()) : "-");
  return text;
}

std::string deploymentText(const DeploymentSection &d) {
  if (!d.speed.empty())
    return fmt::format("On {} ({} logical cores): {}; {}", d.machine.cpuModel, d.machine.logicalCores, d.speed,
                       d.deployed);
  return fmt::format("Ran on {} ({} logical cores, {} GiB), {} thread(s){}. {}Deployed: {}", d.machine.cpuModel,
                     d.machine.logicalCores, nlohmann::json(d.machine.memoryGib).dump(), d.threads, d.threadsNote,
                     d.phases.empty() ? "" : "Time per phase: " + d.phases + ". ", d.deployed);
}

} // namespace

void writeModelSections(MarkdownReport &md, const DesignSection &design, const TrainingSection &training,
                        const DeploymentSection &deployment) {
  md.heading(2, "Design");
  md.paragraph(designText(design));
  if (!design.capacityRows.empty())
    md.table(design.capacityHeader, design.capacityRows);
  md.heading(2, "Training");
  md.paragraph(trainingText(training));
  md.heading(2, "Deployment");
  md.paragraph(deploymentText(deployment));
}

std::uintmax_t sizeOnDisk(const std::vector<std::string> &paths) {
  std::uintmax_t total = 0;
  for (const auto &p : paths)
    if (std::filesystem::is_regular_file(p))
      total += std::filesystem::file_size(p);
  return total;
}

std::string percent(double fraction) { return fmt::format("{:.1f}%", 100 * fraction); }

} // namespace surrogate::patterns
