#pragma once
// Runs the llvm-mca-19 binary as a separate process on a block's assembly
// text: the way users run llvm-mca today. Used as the reference that the
// in-process simulator must match, and as the baseline of `bench mca`.

#include <string>

#include <llvm/Support/Error.h>

namespace surrogate::mca {

/// Path of llvm-mca-19 on PATH (or LLVM's bin directory); empty if absent.
std::string findLlvmMca();
/// Path of llvm-mc-19 likewise.
std::string findLlvmMc();

/// Total Cycles that `llvmMca` reports for `asmText`.
llvm::Expected<unsigned> runExternalMca(const std::string &llvmMca, const std::string &cpu, unsigned iterations,
                                        const std::string &asmText);

/// The whole workflow from a BHive hex string: `llvm-mc --disassemble`
/// writes the block's assembly, then llvm-mca runs on it (two processes).
llvm::Expected<unsigned> runExternalMcaOnHex(const std::string &llvmMc, const std::string &llvmMca,
                                             const std::string &cpu, unsigned iterations, const std::string &hex);

} // namespace surrogate::mca
