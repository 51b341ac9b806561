#pragma once
// The LLVM MC objects for x86-64 that every layer shares. They are created
// once, are immutable afterwards, and may be used from any thread; objects
// with mutable state (MCContext, disassembler, MCA pipeline) live per thread
// in Decoder, AsmReader and the mca layer.

#include <memory>
#include <string>
#include <vector>

#include <llvm/ADT/StringRef.h>
#include <llvm/MC/MCAsmInfo.h>
#include <llvm/MC/MCInstrInfo.h>
#include <llvm/MC/MCRegisterInfo.h>
#include <llvm/MC/MCSubtargetInfo.h>
#include <llvm/MC/MCTargetOptions.h>
#include <llvm/MC/TargetRegistry.h>
#include <llvm/TargetParser/Triple.h>

namespace surrogate::block {

class X86Target {
public:
  /// The process-wide instance; initialises LLVM's X86 target on first use.
  static const X86Target &get();

  const llvm::Target &target() const { return *Target_; }
  const llvm::Triple &triple() const { return Triple_; }
  const llvm::MCRegisterInfo &registerInfo() const { return *MRI; }
  const llvm::MCAsmInfo &asmInfo() const { return *MAI; }
  const llvm::MCInstrInfo &instrInfo() const { return *MCII; }
  const llvm::MCTargetOptions &targetOptions() const { return Options; }

  /// Names of the CPUs that have an instruction-level scheduling model,
  /// i.e. the ones llvm-mca can simulate.
  const std::vector<std::string> &schedulableCpus() const { return Cpus; }

  /// A subtarget for `cpu`; a support::ConfigError listing the valid names
  /// when the CPU is unknown or has no scheduling model. `where` (e.g.
  /// "t.json: cpu: ") starts the message when the name came from a file.
  std::unique_ptr<llvm::MCSubtargetInfo> createSubtarget(llvm::StringRef cpu, const std::string &where = "") const;

private:
  X86Target();
  const llvm::Target *Target_ = nullptr;
  llvm::Triple Triple_;
  llvm::MCTargetOptions Options;
  std::unique_ptr<llvm::MCRegisterInfo> MRI;
  std::unique_ptr<llvm::MCAsmInfo> MAI;
  std::unique_ptr<llvm::MCInstrInfo> MCII;
  std::vector<std::string> Cpus;
};

/// The triple llvm-mca is run with when we compare against it.
inline constexpr const char *kTriple = "x86_64-unknown-linux-gnu";

} // namespace surrogate::block
