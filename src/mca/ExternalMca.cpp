#include "surrogate/mca/ExternalMca.h"

#include <fstream>
#include <sstream>

#include <llvm/ADT/SmallString.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Program.h>

namespace surrogate::mca {

std::string findLlvmMca() {
  for (const char *name : {"llvm-mca-19"}) {
    if (auto path = llvm::sys::findProgramByName(name))
      return *path;
    if (auto path = llvm::sys::findProgramByName(name, {"/usr/lib/llvm-19/bin"}))
      return *path;
  }
  if (auto path = llvm::sys::findProgramByName("llvm-mca", {"/usr/lib/llvm-19/bin"}))
    return *path;
  return {};
}

namespace {
// Removes a temporary file when it goes out of scope.
struct TempFile {
  llvm::SmallString<128> path;
  ~TempFile() {
    if (!path.empty())
      llvm::sys::fs::remove(path);
  }
};
} // namespace

llvm::Expected<unsigned> runExternalMca(const std::string &llvmMca, const std::string &cpu, unsigned iterations,
                                        const std::string &asmText) {
  TempFile input, output;
  if (auto ec = llvm::sys::fs::createTemporaryFile("surrogate-block", "s", input.path))
    return llvm::errorCodeToError(ec);
  if (auto ec = llvm::sys::fs::createTemporaryFile("surrogate-mca", "txt", output.path))
    return llvm::errorCodeToError(ec);
  {
    std::ofstream out(input.path.c_str());
    out << asmText;
  }
  std::string triple = "-mtriple=x86_64-unknown-linux-gnu", mcpu = "-mcpu=" + cpu,
              iters = "-iterations=" + std::to_string(iterations);
  llvm::SmallVector<llvm::StringRef> args = {llvmMca, triple, mcpu, iters, input.path.str()};
  std::optional<llvm::StringRef> redirects[] = {std::nullopt, output.path.str(), output.path.str()};
  std::string error;
  int rc = llvm::sys::ExecuteAndWait(llvmMca, args, std::nullopt, redirects, 0, 0, &error);
  std::ifstream in(output.path.c_str());
  std::stringstream text;
  text << in.rdbuf();
  if (rc != 0)
    return llvm::createStringError(std::errc::io_error, "%s exited with %d: %s%s", llvmMca.c_str(), rc,
                                   error.c_str(), text.str().c_str());
  std::string line;
  while (std::getline(text, line))
    if (line.rfind("Total Cycles:", 0) == 0)
      return static_cast<unsigned>(std::stoul(line.substr(13)));
  return llvm::createStringError(std::errc::io_error, "no 'Total Cycles' in llvm-mca output");
}

} // namespace surrogate::mca
