#pragma once
// Writes a parameter table into LLVM's own scheduling model: a unified diff
// against an LLVM 19.1.7 source tree (`patch -p1` at the directory holding
// llvm/) that edits the CPU's llvm/lib/Target/X86/X86Sched*.td in place.
// The globals go into the SchedMachineModel (IssueWidth, MicroOpBufferSize);
// each opcode whose values differ from LLVM's gets a SchedWriteRes per
// register write and an InstRW of its own (and its read advances), after it
// is taken out of the model's InstRW that named it (TableGen forbids two
// InstRWs of one model for an opcode); an opcode with a variant class gets a
// copy of its SchedWriteVariant, with the same predicates, whose resolutions
// carry the table's values. An entry TableGen cannot express exactly is a
// support::InputError naming it, never dropped.

#include <string>

#include "surrogate/mca/ParamTable.h"

namespace surrogate::mca {

struct LlvmPatchOptions {
  std::string llvmSource;   ///< the directory holding llvm/ (pristine 19.1.7)
  std::string modelName;    ///< empty: the known name for the table's CPU
  std::string source;       ///< named in the patch's comment
};

struct LlvmPatch {
  std::string file;          ///< e.g. llvm/lib/Target/X86/X86SchedHaswell.td
  std::string diff;          ///< the unified diff; empty when the table is LLVM's
  std::size_t opcodes = 0;   ///< plain opcodes written
  std::size_t variantOpcodes = 0;  ///< opcodes whose SchedWriteVariant was copied
  std::size_t resolutions = 0;     ///< variant resolutions written
};

/// Throws support::InputError (an entry that cannot be written, naming it) or
/// std::invalid_argument (a source tree that is not what it should be).
LlvmPatch writeLlvmPatch(const ParamTable &table, const LlvmPatchOptions &options);

} // namespace surrogate::mca
