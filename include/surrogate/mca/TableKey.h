#pragma once
// Table keys: what a parameter-table entry names. A plain opcode name for an
// opcode with a class of its own, or OPCODE/CLASS for the class LLVM resolves
// a variant class to per instruction (e.g. XOR32rr/WriteALU#2 when the
// registers differ, XOR32rr/HWWriteZeroLatency for the zero idiom). Class
// names are made unique: LLVM's k-th repeat of a name is "Name#k".

#include <optional>
#include <string>

#include <llvm/MC/MCInst.h>
#include <llvm/MC/MCSchedule.h>
#include <llvm/MC/MCSubtargetInfo.h>

namespace surrogate::mca {

/// What a key resolves to on a model.
struct TableKey {
  unsigned opcode = 0;
  unsigned schedClass = 0;  ///< the class whose values the entry replaces
  bool variant = false;
};
/// Parses and checks a key against the model; support::InputError naming `field`.
TableKey resolveTableKey(const llvm::MCSubtargetInfo &subtarget, const std::string &key, const std::string &field);

/// The table key that governs `inst` on `subtarget` (LLVM's, not a tuned
/// one): its opcode name, or OPCODE/CLASS for a variant class; nullopt when
/// the model has no class for it. Use it to look up an instruction's entry
/// (e.g. opcodeFeatures) the way the simulator will.
std::optional<std::string> tableKeyOf(const llvm::MCSubtargetInfo &subtarget, const llvm::MCInst &inst);

/// LLVM's opcode number for an opcode name, if there is one.
std::optional<unsigned> lookupOpcode(const std::string &name);

/// The unique name of a scheduling class of `model` (see above).
const std::string &schedClassName(const llvm::MCSchedModel &model, unsigned schedClass);

} // namespace surrogate::mca
