// torchCommands: libsurrogate_torch.so found, loaded with dlopen on first use, and its version checked.
#include <dlfcn.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <system_error>
#include <vector>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "surrogate/cli/TorchCommands.h"
#include "surrogate/support/Errors.h"

namespace fs = std::filesystem;

namespace surrogate::cli {

namespace {

// Where the module may be, in order: the override, beside the binary, the install prefix.
std::vector<fs::path> candidatePaths() {
  if (const char *env = std::getenv(kTorchModuleEnv); env && *env)
    return {fs::path(env)};
  std::vector<fs::path> paths;
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    paths.push_back(exe.parent_path() / kTorchModuleName);
    paths.push_back(exe.parent_path().parent_path() / "lib" / "surrogate" / kTorchModuleName);
  }
  fs::path installed = fs::path(SURROGATE_INSTALL_LIBDIR) / "surrogate" / kTorchModuleName;
  if (std::find(paths.begin(), paths.end(), installed) == paths.end())
    paths.push_back(installed);
  return paths;
}

const TorchCommands *load() {
  std::vector<fs::path> paths = candidatePaths();
  std::string tried;
  for (const fs::path &path : paths) {
    if (!fs::exists(path)) {
      tried += fmt::format("\n  {}: not found", path.string());
      continue;
    }
    spdlog::debug("loading {}", path.string());
    // Lazy binding, as the loader does for the binary: binding all of LibTorch now would cost start-up.
    void *handle = ::dlopen(path.c_str(), RTLD_LAZY | RTLD_LOCAL);
    if (!handle)
      throw support::DataError(fmt::format("cannot load the LibTorch module {}: {}", path.string(), ::dlerror()));
    auto entry = reinterpret_cast<const TorchCommands *(*)()>(::dlsym(handle, kTorchModuleEntry));
    if (!entry)
      throw support::DataError(fmt::format("{}: no entry {} ({})", path.string(), kTorchModuleEntry, ::dlerror()));
    const TorchCommands *table = entry();
    if (table->version != TorchCommands::kVersion || table->size != sizeof(TorchCommands))
      throw support::DataError(fmt::format("{}: module version {} (size {}), this binary needs version {} (size "
                                            "{}); rebuild both together",
                                            path.string(), table->version, table->size, TorchCommands::kVersion,
                                            sizeof(TorchCommands)));
    return table;  // never closed: its code runs until the process ends
  }
  throw support::DataError(fmt::format("this command needs the LibTorch module {}, which was not found (set {} to "
                                        "its path):{}",
                                        kTorchModuleName, kTorchModuleEnv, tried));
}

} // namespace

const TorchCommands &torchCommands() {
  static const TorchCommands *table = load();
  return *table;
}

} // namespace surrogate::cli
