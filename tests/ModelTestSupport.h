#pragma once
// Reading a training run back, for the tests that compare runs: every
// tensor of a checkpoint, and the lines of metrics.jsonl.

#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include "surrogate/model/Checkpoint.h"
#include "surrogate/model/Ithemal.h"
#include "surrogate/model/ModelConfig.h"

namespace surrogate::test {

/// Parameters and buffers of `runDir`/`file`, by name.
inline std::map<std::string, torch::Tensor> parametersOf(const std::string &runDir, const std::string &file) {
  std::ifstream in(std::filesystem::path(runDir) / "config.json");
  model::IthemalModel m(model::ModelConfig::fromJson(nlohmann::json::parse(in).at("model")));
  model::loadCheckpoint((std::filesystem::path(runDir) / file).string(), *m, nullptr);
  std::map<std::string, torch::Tensor> out;
  for (const auto &p : m->named_parameters()) out[p.key()] = p.value().clone();
  for (const auto &b : m->named_buffers()) out[b.key()] = b.value().clone();
  return out;
}

inline std::vector<nlohmann::json> readJsonLines(const std::string &path) {
  std::ifstream in(path);
  std::vector<nlohmann::json> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(nlohmann::json::parse(line));
  return lines;
}

} // namespace surrogate::test
