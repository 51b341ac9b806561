#pragma once
// A subtarget whose scheduling model carries a parameter table's values
// instead of LLVM's built-in ones, without touching LLVM. It holds an edited
// copy of the CPU's MCSchedModel and of its write-resource, write-latency and
// read-advance tables, with one new scheduling class per opcode in the table
// (so opcodes LLVM groups into one class can differ). The Simulator sees it
// and routes each tuned opcode to its class through llvm-mca's
// InstrumentManager hook. Variant classes are resolved by the original
// subtarget, then mapped to the table's class for that (opcode, resolution)
// when the table has one. Immutable once built: share one across threads.

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include <llvm/MC/MCSchedule.h>
#include <llvm/MC/MCSubtargetInfo.h>

#include "surrogate/mca/ParamTable.h"

namespace surrogate::mca {

namespace detail {
// Storage that must exist before MCSubtargetInfo's constructor sees it.
struct TunedTables {
  /// Builds the edited copies; `table` must have been validated.
  TunedTables(const ParamTable &table, std::unique_ptr<llvm::MCSubtargetInfo> original);
  std::unique_ptr<llvm::MCSubtargetInfo> original;
  llvm::MCSchedModel model;
  std::vector<llvm::MCSchedClassDesc> classes;
  std::vector<llvm::MCWriteProcResEntry> writeResources;
  std::vector<llvm::MCWriteLatencyEntry> writeLatencies;
  std::vector<llvm::MCReadAdvanceEntry> readAdvances;
  std::vector<llvm::SubtargetSubTypeKV> processors;
  std::vector<unsigned> classOfOpcode;  ///< 0: not tuned, use LLVM's class
  /// (opcode, class LLVM resolved a variant to) -> the table's class.
  std::unordered_map<uint64_t, unsigned> variantClasses;
  static uint64_t variantKey(unsigned opcode, unsigned schedClass) { return uint64_t(opcode) << 32 | schedClass; }
};
} // namespace detail

class TunedSubtarget : private detail::TunedTables, public llvm::MCSubtargetInfo {
public:
  /// Checks `table` against its CPU's model (support::InputError naming `source` and
  /// the field) and builds the subtarget.
  static std::unique_ptr<TunedSubtarget> create(const ParamTable &table, const std::string &source = "table");

  /// The scheduling class llvm-mca should use for `opcode`, or 0 when the
  /// table leaves the opcode to LLVM's own class.
  unsigned schedClassForOpcode(unsigned opcode) const {
    return opcode < classOfOpcode.size() ? classOfOpcode[opcode] : 0;
  }

  unsigned resolveVariantSchedClass(unsigned schedClass, const llvm::MCInst *inst, const llvm::MCInstrInfo *mcii,
                                    unsigned cpuId) const override;

private:
  TunedSubtarget(const ParamTable &table, std::unique_ptr<llvm::MCSubtargetInfo> original);
};

/// The subtarget a simulation runs on: LLVM's for `cpu` when `paramsFile` is
/// empty, else one carrying that table (support::InputError if it is bad). An empty
/// `cpu` takes the table's; a `cpu` that differs from the table's is an error.
std::unique_ptr<llvm::MCSubtargetInfo> createSimulationSubtarget(const std::string &cpu,
                                                                 const std::string &paramsFile);

} // namespace surrogate::mca
