#include "surrogate/model/Checkpoint.h"

#include <filesystem>
#include <stdexcept>

#include "surrogate/support/AtomicFile.h"

namespace surrogate::model {

void saveCheckpoint(const std::string &path, torch::nn::Module &model, torch::optim::Optimizer *optimizer,
                    const nlohmann::json &state) {
  torch::serialize::OutputArchive archive, modelArchive;
  model.save(modelArchive);
  archive.write("model", modelArchive);
  if (optimizer) {
    torch::serialize::OutputArchive optimizerArchive;
    optimizer->save(optimizerArchive);
    archive.write("optimizer", optimizerArchive);
  }
  archive.write("state", c10::IValue(state.dump()));
  support::AtomicFile file(path);
  archive.save_to(file.stream());
  file.commit();
}

nlohmann::json loadCheckpoint(const std::string &path, torch::nn::Module &model, torch::optim::Optimizer *optimizer) {
  if (!std::filesystem::exists(path))
    throw std::runtime_error(path + ": no such checkpoint");
  try {
    torch::serialize::InputArchive archive, modelArchive;
    archive.load_from(path);
    archive.read("model", modelArchive);
    model.load(modelArchive);
    if (optimizer) {
      torch::serialize::InputArchive optimizerArchive;
      archive.read("optimizer", optimizerArchive);
      optimizer->load(optimizerArchive);
    }
    c10::IValue state;
    archive.read("state", state);
    return nlohmann::json::parse(state.toStringRef());
  } catch (const c10::Error &e) {
    throw std::runtime_error(path + ": damaged or incompatible checkpoint: " + e.what_without_backtrace());
  } catch (const nlohmann::json::exception &e) {
    throw std::runtime_error(path + ": damaged checkpoint state: " + e.what());
  }
}

} // namespace surrogate::model
