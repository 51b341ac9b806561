// runExternalMca: the llvm-mca-19 and llvm-mc-19 binaries found and run as child processes on one block.
#include "surrogate/mca/ExternalMca.h"

#include <fstream>
#include <sstream>

#include <llvm/ADT/SmallString.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Program.h>

namespace surrogate::mca {

namespace {
std::string findTool(llvm::StringRef name) {
  if (auto path = llvm::sys::findProgramByName((name + "-19").str()))
    return *path;
  if (auto path = llvm::sys::findProgramByName(name, {"/usr/lib/llvm-19/bin"}))
    return *path;
  return {};
}
} // namespace

std::string findLlvmMca() { return findTool("llvm-mca"); }
std::string findLlvmMc() { return findTool("llvm-mc"); }

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

// Runs `program args... < input` and returns what it wrote on stdout and stderr.
static llvm::Expected<std::string> runTool(const std::string &program, std::vector<std::string> args,
                                    const std::string &input) {
  TempFile in, out;
  if (auto ec = llvm::sys::fs::createTemporaryFile("surrogate-in", "txt", in.path))
    return llvm::errorCodeToError(ec);
  if (auto ec = llvm::sys::fs::createTemporaryFile("surrogate-out", "txt", out.path))
    return llvm::errorCodeToError(ec);
  std::ofstream(in.path.c_str()) << input;
  args.insert(args.begin(), program);
  llvm::SmallVector<llvm::StringRef> argRefs(args.begin(), args.end());
  std::optional<llvm::StringRef> redirects[] = {in.path.str(), out.path.str(), out.path.str()};
  std::string error;
  int rc = llvm::sys::ExecuteAndWait(program, argRefs, std::nullopt, redirects, 0, 0, &error);
  std::ifstream result(out.path.c_str());
  std::stringstream text;
  text << result.rdbuf();
  if (rc != 0)
    return llvm::createStringError(std::errc::io_error, "%s exited with %d: %s%s", program.c_str(), rc,
                                   error.c_str(), text.str().c_str());
  return text.str();
}

llvm::Expected<unsigned> runExternalMca(const std::string &llvmMca, const std::string &cpu, unsigned iterations,
                                        const std::string &asmText) {
  auto output = runTool(llvmMca,
                        {"-mtriple=x86_64-unknown-linux-gnu", "-mcpu=" + cpu,
                         "-iterations=" + std::to_string(iterations), "-"},
                        asmText);
  if (!output)
    return output.takeError();
  std::stringstream text(*output);
  std::string line;
  while (std::getline(text, line))
    if (line.rfind("Total Cycles:", 0) == 0)
      return static_cast<unsigned>(std::stoul(line.substr(13)));
  return llvm::createStringError(std::errc::io_error, "no 'Total Cycles' in llvm-mca output");
}

} // namespace surrogate::mca

namespace surrogate::mca {

llvm::Expected<unsigned> runExternalMcaOnHex(const std::string &llvmMc, const std::string &llvmMca,
                                             const std::string &cpu, unsigned iterations, const std::string &hex) {
  std::string bytes;
  for (std::size_t i = 0; i + 1 < hex.size(); i += 2)
    bytes += "0x" + hex.substr(i, 2) + " ";
  auto assembly = runTool(llvmMc, {"--disassemble", "-triple=x86_64-unknown-linux-gnu", "-"}, bytes + "\n");
  if (!assembly)
    return assembly.takeError();
  return runExternalMca(llvmMca, cpu, iterations, *assembly);
}

} // namespace surrogate::mca
