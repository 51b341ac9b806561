#pragma once
// Paths and helpers shared by the tests.

#include <algorithm>
#include <cstdio>
#include <unistd.h>
#include <sys/wait.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <filesystem>
#include <fstream>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "surrogate/support/Errors.h"

namespace surrogate::test {

/// ../shared/data/bhive beside the project root, or empty if absent.
inline std::string bhiveDir() {
  std::filesystem::path dir = std::filesystem::path(SURROGATE_SOURCE_DIR) / ".." / "shared" / "data" / "bhive";
  return std::filesystem::exists(dir / "hsw.csv") ? dir.lexically_normal().string() : std::string();
}

#define SKIP_WITHOUT_BHIVE()                                                                                \
  if (surrogate::test::bhiveDir().empty())                                                                  \
  GTEST_SKIP() << "../shared/data/bhive/hsw.csv is absent; skipping the test on real BHive data"

/// A fresh directory under the system temp dir, removed by the destructor.
struct TempDir {
  std::filesystem::path path;
  TempDir() {
    path = std::filesystem::temp_directory_path() /
           ("surrogate-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter()++));
    std::filesystem::create_directories(path);
  }
  ~TempDir() { std::filesystem::remove_all(path); }
  std::string file(const std::string &name, const std::string &content) const {
    std::ofstream(path / name) << content;
    return (path / name).string();
  }
  std::string operator/(const std::string &name) const { return (path / name).string(); }
  static int &counter() { static int c = 0; return c; }
};

struct CommandResult {
  int exitCode;
  std::string out, err;
};

/// Runs the built `surrogate` binary with `args` (shell-quoted by the caller),
/// with `environment` (e.g. "NAME=value") set for it.
inline CommandResult runSurrogate(const std::string &args, const std::string &environment = "") {
  TempDir dir;
  std::string cmd = environment + " " + std::string(SURROGATE_BINARY) + " " + args + " >" + (dir / "out") + " 2>" + (dir / "err");
  int status = std::system(cmd.c_str());
  auto slurp = [](const std::string &p) {
    std::ifstream in(p);
    return std::string(std::istreambuf_iterator<char>(in), {});
  };
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(dir / "out"), slurp(dir / "err")};
}

/// The message of the support::Error that `f` throws, or "" when it throws none.
template <typename F> std::string errorOf(F f) {
  try {
    f();
  } catch (const support::Error &e) {
    return e.what();
  }
  return "";
}

/// A JSON file, parsed.
inline nlohmann::json readJson(const std::string &path) {
  std::ifstream in(path);
  return nlohmann::json::parse(in);
}

/// The first `n` lines of a file.
inline std::string headLines(const std::string &path, int n) {
  std::ifstream in(path);
  std::string line, out;
  for (int i = 0; i < n && std::getline(in, line); ++i) out += line + "\n";
  return out;
}

/// A loopback port nobody listens on now (bind to 0, read it back, close).
inline std::uint16_t freePort() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof(addr));
  socklen_t len = sizeof(addr);
  ::getsockname(fd, reinterpret_cast<sockaddr *>(&addr), &len);
  ::close(fd);
  return ntohs(addr.sin_port);
}

} // namespace surrogate::test
