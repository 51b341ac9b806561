// exportModel: a run directory's checkpoint copied, tensor by tensor, into a ModelFile.
#include "surrogate/model/ModelExport.h"

#include <filesystem>

#include <torch/torch.h>

#include "surrogate/model/Checkpoint.h"
#include "surrogate/model/Ithemal.h"
#include "surrogate/model/RunDir.h"

namespace surrogate::model {

namespace {

ModelTensor tensorOf(const torch::Tensor &t) {
  torch::Tensor values = t.detach().to(torch::kFloat32).contiguous();
  ModelTensor out;
  out.shape = values.sizes().vec();
  out.values.assign(values.data_ptr<float>(), values.data_ptr<float>() + values.numel());
  return out;
}

} // namespace

ModelFile exportModel(IthemalModelImpl &model, const block::Vocabulary &vocabulary) {
  ModelFile file;
  file.config = model.config();
  file.vocabulary = vocabulary.tokens();
  for (const auto &p : model.named_parameters())
    file.tensors[p.key()] = tensorOf(p.value());
  for (const auto &b : model.named_buffers())
    file.tensors[b.key()] = tensorOf(b.value());
  return file;
}

ModelFile exportModel(const std::string &runDir, const std::string &checkpoint) {
  RunDir run(runDir);
  ModelConfig config = run.modelConfig();
  IthemalModel model(config);
  loadCheckpoint(run.file(checkpoint), *model, nullptr);
  ModelFile file = exportModel(*model, run.vocabulary(config));
  file.source = {{"run_dir", std::filesystem::path(runDir).filename().string()}, {"checkpoint", checkpoint}};
  return file;
}

std::string writeModelFile(const std::string &runDir, const std::string &checkpoint, const std::string &file) {
  std::string path = file.empty() ? RunDir(runDir).file(ModelFile::kFileName) : file;
  exportModel(runDir, checkpoint).save(path);
  return path;
}

} // namespace surrogate::model
