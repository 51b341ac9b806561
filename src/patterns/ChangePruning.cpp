// pruneChanges: a tuned table's changed entries put back one at a time while llvm-mca's error falls.
#include "surrogate/patterns/ChangePruning.h"

#include <functional>
#include <optional>

#include <spdlog/spdlog.h>

#include "surrogate/patterns/TableTuning.h"

namespace surrogate::patterns {

namespace {

struct Entry {
  std::string name;
  std::function<void(mca::ParamTable &)> revert;
};

std::vector<Entry> changedEntries(const mca::ParamTable &tuned, const mca::ParamTable &reference) {
  std::vector<Entry> entries;
  if (tuned.dispatchWidth != reference.dispatchWidth)
    entries.push_back({"globals.dispatch_width", [v = reference.dispatchWidth](mca::ParamTable &t) { t.dispatchWidth = v; }});
  if (tuned.reorderBufferSize != reference.reorderBufferSize)
    entries.push_back({"globals.reorder_buffer_size",
                       [v = reference.reorderBufferSize](mca::ParamTable &t) { t.reorderBufferSize = v; }});
  for (const auto &[name, params] : tuned.opcodes) {
    auto ref = reference.opcodes.find(name);
    if (ref == reference.opcodes.end() || ref->second == params) continue;
    entries.push_back({"opcodes." + name, [name = name, v = ref->second](mca::ParamTable &t) { t.opcodes[name] = v; }});
  }
  return entries;
}

} // namespace

// Best first: every remaining change is put back on its own, the one whose
// removal lowers the error most is removed, and again, until none does. (One
// pass in a fixed order can remove a right value while a wrong one still
// dominates the error.)
PruneResult pruneChanges(const mca::ParamTable &tuned, const mca::ParamTable &reference,
                         const std::vector<block::BasicBlock> &validation, unsigned threads, double maxMedianApe,
                         std::size_t maxTries) {
  PruneResult r;
  r.table = tuned;
  MeasuredError current = mcaErrorUnder(tuned, validation, threads, "tuned table");
  r.simulations = validation.size();
  r.startMape = current.mape;
  r.changed = changedEntries(tuned, reference).size();
  while (r.tried < maxTries) {
    std::vector<Entry> entries = changedEntries(r.table, reference);
    std::optional<std::size_t> best;
    MeasuredError bestError = current;
    mca::ParamTable bestTable;
    for (std::size_t k = 0; k < entries.size() && r.tried < maxTries; ++k) {
      ++r.tried;
      mca::ParamTable candidate = r.table;
      entries[k].revert(candidate);
      MeasuredError error = mcaErrorUnder(candidate, validation, threads, "pruned table");
      r.simulations += validation.size();
      spdlog::info("pruning: {} put back: llvm-mca validation MAPE {:.2f}% -> {:.2f}% (median APE {:.2f}%)",
                   entries[k].name, 100 * current.mape, 100 * error.mape, 100 * error.medianApe);
      if (error.mape < bestError.mape && error.medianApe <= maxMedianApe) {
        best = k;
        bestError = error;
        bestTable = std::move(candidate);
      }
    }
    if (!best) break;
    spdlog::info("pruning: {} is put back", entries[*best].name);
    r.reverted.push_back(entries[*best].name);
    r.table = std::move(bestTable);
    current = bestError;
  }
  r.mape = current.mape;
  r.medianApe = current.medianApe;
  return r;
}

nlohmann::json PruneResult::toJson() const {
  return {{"entries_changed", changed},
          {"tables_tried", tried},
          {"reverted", reverted},
          {"simulations", simulations},
          {"llvm_mca_validation_mape_before", startMape},
          {"llvm_mca_validation_mape_after", mape},
          {"llvm_mca_validation_median_ape_after", medianApe},
          {"kept", !overMedianCap}};
}

} // namespace surrogate::patterns
