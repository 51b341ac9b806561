#pragma once
// One checkpoint file holding a model's parameters and buffers, optionally
// the optimizer's state, and a JSON document (training progress), written
// to a temporary file and renamed so a crash never leaves half a checkpoint.
// The file ends in a trailer with its size and FNV-1a checksum, verified
// before LibTorch reads it, so a damaged file is an error, never a crash.

#include <string>

#include <nlohmann/json.hpp>
#include <torch/torch.h>

namespace surrogate::model {

void saveCheckpoint(const std::string &path, torch::nn::Module &model, torch::optim::Optimizer *optimizer,
                    const nlohmann::json &state);

/// LibTorch's archive bytes with the trailer appended.
std::string sealCheckpointBytes(std::string archive);
/// The archive bytes of a checkpoint file's content; throws DataError naming
/// `path` when the trailer or checksum is wrong. A file without a trailer
/// that ends like a zip archive (written before the trailer) is returned whole.
std::string unsealCheckpointBytes(const std::string &path, std::string bytes);

/// Loads into `model` (and `optimizer` when given); returns the JSON state.
/// Throws std::runtime_error naming the file when it is missing or damaged.
nlohmann::json loadCheckpoint(const std::string &path, torch::nn::Module &model, torch::optim::Optimizer *optimizer);

/// Copies each parameter and buffer of `from` into the one of the same name
/// and shape in `to`, which may have more (a head added to a loaded model);
/// one of `from` that `to` lacks or shapes otherwise is a std::runtime_error.
void copyMatching(torch::nn::Module &from, torch::nn::Module &to);

} // namespace surrogate::model
