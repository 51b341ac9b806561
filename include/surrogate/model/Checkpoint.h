#pragma once
// One checkpoint file holding a model's parameters and buffers, optionally
// the optimizer's state, and a JSON document (training progress), written
// to a temporary file and renamed so a crash never leaves half a checkpoint.

#include <string>

#include <nlohmann/json.hpp>
#include <torch/torch.h>

namespace surrogate::model {

void saveCheckpoint(const std::string &path, torch::nn::Module &model, torch::optim::Optimizer *optimizer,
                    const nlohmann::json &state);

/// Loads into `model` (and `optimizer` when given); returns the JSON state.
/// Throws std::runtime_error naming the file when it is missing or damaged.
nlohmann::json loadCheckpoint(const std::string &path, torch::nn::Module &model, torch::optim::Optimizer *optimizer);

} // namespace surrogate::model
