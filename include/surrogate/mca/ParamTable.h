#pragma once
// A CPU's llvm-mca scheduling parameters as plain data: the two globals
// (dispatch width, reorder buffer size) and, per table key (TableKey.h), its
// micro-ops, write latencies, read-advance cycles and processor-resource
// cycles; TunedSubtarget applies one to the simulator. The members live by
// concept: ParamTableExport.cpp (LLVM's values), ParamTableJson.cpp (file
// form), ParamTableValidate.cpp (checks against the model),
// ParamTableScan.cpp (keys used by inputs), OpcodeFeatures.cpp (numeric
// view), ParamTableDiff.cpp.

#include <cstdint>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <llvm/ADT/ArrayRef.h>
#include <llvm/MC/MCInst.h>
#include <llvm/MC/MCSubtargetInfo.h>
#include <nlohmann/json.hpp>

#include "surrogate/mca/TableKey.h"
#include "surrogate/support/Errors.h"

namespace surrogate::mca {

/// One opcode's parameters. Resource cycles are LLVM's ReleaseAtCycle values
/// as stored in the model's tables: a port group's figure includes the cycles
/// of the ports and smaller groups inside it (TableGen's expansion).
struct OpcodeParams {
  unsigned microOps = 0;
  std::vector<unsigned> latencies;    ///< one per register write, in LLVM's order
  std::vector<unsigned> readAdvance;  ///< cycles of each ReadAdvance entry, in LLVM's order
  std::vector<std::pair<std::string, unsigned>> resources;  ///< name, cycles; model order
  std::string schedClass;             ///< LLVM's class name, #k for LLVM's k-th repeat (informational)

  bool operator==(const OpcodeParams &o) const {
    return microOps == o.microOps && latencies == o.latencies && readAdvance == o.readAdvance &&
           resources == o.resources;
  }
  bool operator!=(const OpcodeParams &o) const { return !(*this == o); }
};

class ParamTable {
public:
  static constexpr int kFormatVersion = 1;

  std::string cpu;
  std::string llvmVersion;  ///< LLVM that produced the table, e.g. 19.1.7
  unsigned dispatchWidth = 0;
  unsigned reorderBufferSize = 0;
  /// The model's processor resources (index 1.. in LLVM's order), for features.
  std::vector<std::string> resourceNames;
  /// Keyed by LLVM opcode name, or OPCODE/CLASS for a resolution of a variant
  /// class (see TableKey).
  std::map<std::string, OpcodeParams> opcodes;

  /// The built-in values of `cpu`'s model for the given table keys (all
  /// tunableOpcodes when empty). Throws support::InputError for an unknown CPU or key.
  static ParamTable fromModel(const std::string &cpu, const std::vector<std::string> &opcodes = {});
  /// Opcode names with a class of their own: not pseudo, valid, not variant.
  /// (Which classes a variant resolves to is only known from instructions;
  /// opcodesUsedBy and tableKeyOf give those keys.)
  static std::vector<std::string> tunableOpcodes(const llvm::MCSubtargetInfo &subtarget);
  /// Table keys the blocks in `inputs` (BHive CSV or .s files) need: their
  /// opcodes, and for variant ones each class LLVM resolves them to.
  static std::vector<std::string> opcodesUsedBy(const std::vector<std::string> &inputs, const std::string &cpu);
  /// The keys of a table over `blocks`: opcodesUsedBy, or {} (the whole
  /// model) without blocks; an InputError when the blocks use no tunable opcode.
  static std::vector<std::string> tableKeysFor(const std::vector<std::string> &blocks, const std::string &cpu);

  /// Parses and checks the JSON form; `source` names the file in errors.
  static ParamTable fromJson(const nlohmann::json &json, const std::string &source);
  static ParamTable load(const std::string &path);
  nlohmann::json toJson() const;
  /// Writes the JSON form atomically.
  void save(const std::string &path) const;

  /// Checks every name and value against the CPU's model (and this LLVM);
  /// throws support::InputError naming `source` and the field. Nothing is applied
  /// by TunedSubtarget unless this passes.
  void validate(const llvm::MCSubtargetInfo &subtarget, const std::string &source) const;

  /// Number of scalar parameters: 2 globals plus, per opcode, micro-ops,
  /// latencies, read-advance cycles and resource cycles.
  std::size_t parameterCount() const;

  // --- numeric views, for datasets and parameter-conditioned models ---
  /// [dispatch_width, reorder_buffer_size].
  std::vector<float> globalFeatures() const;
  static std::vector<std::string> globalFeatureNames();
  /// Fixed-length vector for one entry (an opcode, or OPCODE/CLASS; see
  /// tableKeyOf): micro_ops, latency of the first write, largest latency,
  /// largest read advance, then the cycles on each resource in
  /// `resourceNames` order. Zeros for a key not in the table.
  std::vector<float> opcodeFeatures(const std::string &opcode) const;
  std::vector<std::string> opcodeFeatureNames() const;
};

/// A person-readable list of differences, one per line ("" when equal).
std::string diffTables(const ParamTable &a, const ParamTable &b);

/// The LLVM version string this build links against, e.g. 19.1.7.
std::string llvmVersionString();

} // namespace surrogate::mca
