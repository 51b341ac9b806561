// The binary starts without LibTorch: the commands that run the network are
// in a module it loads only for them (cli/TorchCommands.h).
// label cli: Cli

#include <cstdio>
#include <string>

#include "TestSupport.h"

using surrogate::test::TempDir;

namespace {

std::string output(const std::string &command) {
  std::string out;
  FILE *pipe = ::popen(command.c_str(), "r");
  char buffer[4096];
  while (pipe && std::fgets(buffer, sizeof buffer, pipe))
    out += buffer;
  if (pipe)
    ::pclose(pipe);
  return out;
}

} // namespace

TEST(Cli, BinaryDoesNotLinkLibTorchButItsModuleDoes) {
  std::string binary = SURROGATE_BINARY;
  std::string module = binary.substr(0, binary.rfind('/') + 1) + "libsurrogate_torch.so";
  std::string needed = output("readelf -d " + binary + " 2>&1");
  ASSERT_NE(needed.find("NEEDED"), std::string::npos) << needed;
  EXPECT_EQ(needed.find("libtorch"), std::string::npos) << needed;
  EXPECT_EQ(needed.find("libc10"), std::string::npos) << needed;
  std::string moduleNeeded = output("readelf -d " + module + " 2>&1");
  EXPECT_NE(moduleNeeded.find("libtorch"), std::string::npos) << moduleNeeded;
}

TEST(Cli, AMissingModuleFailsOnlyTheCommandsThatNeedIt) {
  TempDir dir;
  std::string blocks = dir.file("b.csv", "hex\n4801c3\n");
  std::string env = "SURROGATE_TORCH_MODULE=" + (dir / "absent.so");
  auto simulate = surrogate::test::runSurrogate("simulate " + blocks, env);
  EXPECT_EQ(simulate.exitCode, 0) << simulate.err;
  EXPECT_EQ(simulate.out, "hex,cycles\n4801c3,103\n");
  // predict runs on the lean engine, in the binary; on LibTorch it needs the module.
  std::string model = SURROGATE_SOURCE_DIR "/data/models/haswell ";
  auto predict = surrogate::test::runSurrogate("predict --model " + model + blocks, env);
  EXPECT_EQ(predict.exitCode, 0) << predict.err;
  EXPECT_EQ(predict.out.rfind("hex,predicted\n4801c3,", 0), 0u) << predict.out;
  auto torch = surrogate::test::runSurrogate("predict --engine torch --model " + model + blocks, env);
  EXPECT_EQ(torch.exitCode, 1);
  EXPECT_NE(torch.err.find("LibTorch module"), std::string::npos) << torch.err;
  EXPECT_NE(torch.err.find(dir / "absent.so"), std::string::npos) << torch.err;

  // A file that is there but is no library: dlerror's reason, naming it.
  std::string bad = dir.file("bad.so", "not a library\n");
  auto broken = surrogate::test::runSurrogate("train --resume " + (dir / "none"), "SURROGATE_TORCH_MODULE=" + bad);
  EXPECT_EQ(broken.exitCode, 1);
  EXPECT_NE(broken.err.find("cannot load the LibTorch module " + bad), std::string::npos) << broken.err;
}
