// TableBounds: a block's bounds as differentiable functions of a table's features.
#include "surrogate/model/TableBounds.h"

#include <stdexcept>

#include "surrogate/block/Target.h"
#include "surrogate/mca/ResourceMap.h"
#include "surrogate/model/TableFeatures.h"

namespace surrogate::model {

namespace {

constexpr std::int64_t kExact = BoundStructure::kExact, kConstants = BoundStructure::kConstants,
                       kWeights = BoundStructure::kWeights;

// f: the bounds' table-dependent parts, [blocks, kExact], in BoundStructure::exact's order.
torch::Tensor boundsOf(const BlockBatch &batch, const torch::Tensor &instFeatures, const torch::Tensor &globalFeatures,
                       const torch::Tensor &units) {
  torch::Tensor raw = torch::expm1(instFeatures).clamp_min(0);
  torch::Tensor width = torch::expm1(globalFeatures.select(1, 0)).clamp_min(1);
  auto perBlock = [&](const torch::Tensor &perInstruction) {
    std::vector<std::int64_t> shape = perInstruction.sizes().vec();
    shape[0] = batch.blocks;
    return torch::zeros(shape, perInstruction.options()).index_add(0, batch.boundBlockOf, perInstruction);
  };
  torch::Tensor microOps = perBlock(raw.select(1, TableFeatures::kMicroOps));
  torch::Tensor dispatch = microOps / width;
  torch::Tensor resource = dispatch;
  if (units.numel() > 0) {
    torch::Tensor pressure = perBlock(raw.slice(1, TableFeatures::kFirstResource)) / units;
    resource = torch::maximum(dispatch, std::get<0>(pressure.max(1)));
  }
  torch::Tensor latency = raw.select(1, TableFeatures::kMaxLatency).unsqueeze(1);
  torch::Tensor chains = perBlock(batch.latencyWeights * latency);  // dependency, register dependency, critical path
  return torch::stack({resource, dispatch, chains.select(1, 1), chains.select(1, 0), chains.select(1, 2), microOps}, 1);
}

} // namespace

BoundTensors boundsUnderTable(const BlockBatch &batch, const torch::Tensor &resourceUnits) {
  if (!batch.boundExact.defined() || !batch.instFeatures.defined() || !batch.globalFeatures.defined())
    throw std::invalid_argument("IthemalModel: a conditioned bounds model needs the table's features and each "
                                "block's bound structure");
  torch::Tensor now = boundsOf(batch, batch.instFeatures, batch.globalFeatures, resourceUnits);
  // Without a reference the structure was analysed under the batch's own table: f there is f itself.
  torch::Tensor then = batch.referenceInstFeatures.defined()
                           ? boundsOf(batch, batch.referenceInstFeatures, batch.referenceGlobalFeatures, resourceUnits)
                           : now.detach();
  torch::Tensor b = (batch.boundExact + now - then).clamp_min(0);
  torch::Tensor resource = b.select(1, 0), dispatch = b.select(1, 1), registerDependency = b.select(1, 2),
                dependency = b.select(1, 3), criticalPath = b.select(1, 4), microOps = b.select(1, 5);
  torch::Tensor seen = torch::maximum(torch::maximum(resource, dispatch), registerDependency);
  torch::Tensor logInstructions = batch.boundConstants.select(1, 0);
  BoundTensors out;
  out.anchor = torch::log(100 * seen.clamp_min(0.01));
  out.features = torch::stack({torch::log1p(resource), torch::log1p(registerDependency), torch::log1p(dependency),
                               torch::log1p(seen), torch::log1p(criticalPath), logInstructions,
                               torch::log1p(microOps), microOps / torch::exp(logInstructions),
                               batch.boundConstants.select(1, 1), batch.boundConstants.select(1, 2),
                               torch::log1p(dispatch)},
                              1);
  return out;
}

void attachStructure(BlockBatch &batch, const std::vector<const std::vector<float> *> &flat,
                     const std::vector<std::size_t> &instructions) {
  std::int64_t blocks = static_cast<std::int64_t>(flat.size()), total = 0;
  for (std::size_t n : instructions)
    total += static_cast<std::int64_t>(n);
  batch.boundExact = torch::empty({blocks, kExact}, torch::kFloat32);
  batch.boundConstants = torch::empty({blocks, kConstants}, torch::kFloat32);
  batch.latencyWeights = torch::empty({total, kWeights}, torch::kFloat32);
  batch.boundBlockOf = torch::empty({total}, torch::kInt64);
  float *exact = batch.boundExact.data_ptr<float>(), *constants = batch.boundConstants.data_ptr<float>(),
        *weights = batch.latencyWeights.data_ptr<float>();
  std::int64_t *blockOf = batch.boundBlockOf.data_ptr<std::int64_t>();
  for (std::int64_t b = 0; b < blocks; ++b) {
    const std::vector<float> &f = *flat[b];
    std::size_t n = instructions[b];
    if (f.size() != kExact + kConstants + kWeights * n)
      throw std::logic_error("attachStructure: a block's structure does not match its instructions");
    exact = std::copy(f.begin(), f.begin() + kExact, exact);
    constants = std::copy(f.begin() + kExact, f.begin() + kExact + kConstants, constants);
    weights = std::copy(f.begin() + kExact + kConstants, f.end(), weights);
    blockOf = std::fill_n(blockOf, n, b);
  }
}

void attachStructure(BlockBatch &batch, const std::vector<const BoundStructure *> &blocks) {
  std::vector<std::vector<float>> flat;
  std::vector<const std::vector<float> *> pointers;
  std::vector<std::size_t> instructions;
  flat.reserve(blocks.size());
  for (const BoundStructure *s : blocks) {
    flat.push_back(s->flat());
    pointers.push_back(&flat.back());
    instructions.push_back(s->weights.size());
  }
  attachStructure(batch, pointers, instructions);
}

std::vector<float> resourceUnitsOf(const mca::ParamTable &table) {
  std::unique_ptr<llvm::MCSubtargetInfo> sti = block::X86Target::get().createSubtarget(table.cpu, "table: ");
  const llvm::MCSchedModel &model = sti->getSchedModel();
  mca::ResourceMap resources(model);
  std::vector<float> units;
  for (const std::string &name : table.resourceNames) {
    std::optional<unsigned> index = resources.index(name);
    units.push_back(index ? std::max(1u, model.getProcResource(*index)->NumUnits) : 1.0f);
  }
  return units;
}

} // namespace surrogate::model
