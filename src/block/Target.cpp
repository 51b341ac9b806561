// X86Target: the shared x86-64 LLVM MC objects, created once on first use, and subtargets by CPU name.
#include "surrogate/block/Target.h"

#include <llvm/ADT/StringExtras.h>
#include <llvm/MC/MCSchedule.h>

#include <algorithm>
#include <stdexcept>

#include "surrogate/support/Errors.h"

extern "C" {
void LLVMInitializeX86TargetInfo();
void LLVMInitializeX86TargetMC();
void LLVMInitializeX86Disassembler();
void LLVMInitializeX86AsmParser();
void LLVMInitializeX86TargetMCA();
}

namespace surrogate::block {

X86Target::X86Target() : Triple_(kTriple) {
  LLVMInitializeX86TargetInfo();
  LLVMInitializeX86TargetMC();
  LLVMInitializeX86Disassembler();
  LLVMInitializeX86AsmParser();
  LLVMInitializeX86TargetMCA();

  std::string error;
  Target_ = llvm::TargetRegistry::lookupTarget(Triple_.str(), error);
  if (!Target_)
    throw std::runtime_error("LLVM has no x86-64 target: " + error);
  MRI.reset(Target_->createMCRegInfo(Triple_.str()));
  MAI.reset(Target_->createMCAsmInfo(*MRI, Triple_.str(), Options));
  MCII.reset(Target_->createMCInstrInfo());

  std::unique_ptr<llvm::MCSubtargetInfo> generic(
      Target_->createMCSubtargetInfo(Triple_.str(), "x86-64", ""));
  for (const llvm::SubtargetSubTypeKV &cpu : generic->getAllProcessorDescriptions()) {
    const llvm::MCSchedModel *model = cpu.SchedModel;
    if (model && model->hasInstrSchedModel())
      Cpus.emplace_back(cpu.Key);
  }
}

const X86Target &X86Target::get() {
  static const X86Target instance;
  return instance;
}

std::unique_ptr<llvm::MCSubtargetInfo> X86Target::createSubtarget(llvm::StringRef cpu, const std::string &where) const {
  if (std::find(Cpus.begin(), Cpus.end(), cpu) == Cpus.end())
    throw support::ConfigError(where + "unknown CPU '" + cpu.str() + "' (or it has no scheduling model); valid CPUs: " +
                               llvm::join(Cpus, ", "));
  return std::unique_ptr<llvm::MCSubtargetInfo>(Target_->createMCSubtargetInfo(Triple_.str(), cpu, ""));
}

} // namespace surrogate::block
