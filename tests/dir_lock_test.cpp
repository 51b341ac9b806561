// support::DirLock: one writer per run or dataset directory. Another
// process's lock is refused with a message naming the directory and the
// owner; a lock whose process is gone is taken over.
// label unit: DirLock
// label cli: LockCli

#include <filesystem>
#include <fstream>

#include <sys/wait.h>
#include <unistd.h>

#include "TestSupport.h"
#include "surrogate/support/DirLock.h"
#include "surrogate/support/Errors.h"

namespace fs = std::filesystem;
using surrogate::support::DirLock;
using surrogate::test::runSurrogate;
using surrogate::test::TempDir;

namespace {

std::string hostName() {
  char name[256] = {};
  ::gethostname(name, sizeof name - 1);
  return name;
}

std::string refusalOf(const std::string &dir) {
  try {
    DirLock lock(dir);
  } catch (const surrogate::support::DataError &e) {
    return e.what();
  }
  return "";
}

// A child process that holds the lock on `dir` until told to go.
struct LockHolder {
  pid_t pid = -1;
  int go[2] = {-1, -1};
  explicit LockHolder(const std::string &dir) {
    int ready[2];
    EXPECT_EQ(::pipe(ready), 0);
    EXPECT_EQ(::pipe(go), 0);
    pid = ::fork();
    if (pid == 0) {
      char c = 0;
      {
        DirLock lock(dir);
        (void)!::write(ready[1], "r", 1);
        (void)!::read(go[0], &c, 1);
      }
      ::_exit(0);
    }
    char c = 0;
    EXPECT_EQ(::read(ready[0], &c, 1), 1);
    ::close(ready[0]);
    ::close(ready[1]);
  }
  void release() {
    (void)!::write(go[1], "g", 1);
    int status = 0;
    ::waitpid(pid, &status, 0);
    ::close(go[0]);
    ::close(go[1]);
  }
};

} // namespace

TEST(DirLock, SecondProcessIsRefusedNamingDirectoryAndOwner) {
  TempDir tmp;
  std::string dir = tmp / "run";
  LockHolder holder(dir);
  std::string message = refusalOf(dir);
  EXPECT_NE(message.find(dir + ": in use by another surrogate run (pid " + std::to_string(holder.pid) +
                         " on host " + hostName()),
            std::string::npos)
      << message;
  holder.release();
  EXPECT_EQ(refusalOf(dir), "");  // free again once the holder is done
  EXPECT_FALSE(fs::exists(fs::path(dir) / DirLock::kFile));
}

TEST(DirLock, StaleLockOfADeadProcessIsTakenOver) {
  TempDir tmp;
  pid_t dead = ::fork();
  if (dead == 0)
    ::_exit(0);
  ::waitpid(dead, nullptr, 0);
  fs::create_directories(tmp / "run");
  std::ofstream(tmp / "run/.lock") << "{\"pid\": " << dead << ", \"host\": \"" << hostName() << "\"}\n";
  std::ofstream(tmp / "run/.lock.tmp.999999") << "{}";  // a run killed while taking the lock
  {
    DirLock lock(tmp / "run");
    EXPECT_FALSE(fs::exists(tmp / "run/.lock.tmp.999999"));
    std::ifstream in(tmp / "run/.lock");
    std::string content((std::istreambuf_iterator<char>(in)), {});
    EXPECT_NE(content.find("\"pid\":" + std::to_string(::getpid())), std::string::npos) << content;
  }
  EXPECT_FALSE(fs::exists(tmp / "run/.lock"));
}

TEST(DirLock, LiveOwnerWithoutFlockOrOtherHostIsRefused) {
  TempDir tmp;
  fs::create_directories(tmp / "run");
  // pid 1 is alive; a lock file written by hand (no flock) still names it.
  std::ofstream(tmp / "run/.lock") << "{\"pid\": 1, \"host\": \"" << hostName() << "\"}\n";
  EXPECT_NE(refusalOf(tmp / "run").find("pid 1 on host"), std::string::npos);
  std::ofstream(tmp / "run/.lock") << "{\"pid\": 4242, \"host\": \"elsewhere.invalid\"}\n";
  EXPECT_NE(refusalOf(tmp / "run").find("another machine"), std::string::npos);
  std::ofstream(tmp / "run/.lock") << "garbage";
  EXPECT_NE(refusalOf(tmp / "run").find("damaged"), std::string::npos);
  EXPECT_TRUE(fs::exists(tmp / "run/.lock"));  // never removed by a refused process
}

TEST(DirLock, SharedWithinOneProcess) {
  TempDir tmp;
  auto outer = std::make_unique<DirLock>(tmp / "run");
  {
    DirLock inner(tmp / "run");  // a pattern's training in the pattern's own directory
  }
  EXPECT_TRUE(fs::exists(tmp / "run/.lock"));
  outer.reset();
  EXPECT_FALSE(fs::exists(tmp / "run/.lock"));
}

// The binary, as a second process, against a lock this test process holds.
TEST(LockCli, DatasetTrainAndPatternRefuseALockedDirectory) {
  TempDir tmp;
  std::string blocks = tmp.file("blocks.csv", "4d85f6,2\n8b431883f81b,1\n4883c2014883fa40,1\n");
  std::string csv = tmp.file("train.csv", "hex,cycles\n4d85f6,100\n8b431883f81b,120\n");
  std::string owner = "(pid " + std::to_string(::getpid()) + " on host " + hostName();
  struct Case {
    std::string dir, args;
  } cases[] = {
      {tmp / "ds", "dataset --blocks " + blocks + " -o " + (tmp / "ds")},
      {tmp / "run", "train --csv " + csv + " -o " + (tmp / "run")},
      {tmp / "pat", "compile --config " + std::string(SURROGATE_SOURCE_DIR) + "/configs/compile.quick.json --blocks " +
                        blocks + " -o " + (tmp / "pat")},
  };
  for (const Case &c : cases) {
    DirLock lock(c.dir);
    auto r = runSurrogate(c.args);
    EXPECT_EQ(r.exitCode, 1) << c.args;
    EXPECT_NE(r.err.find(c.dir + ": in use by another surrogate run " + owner), std::string::npos) << r.err;
    EXPECT_EQ(std::distance(fs::directory_iterator(c.dir), fs::directory_iterator()), 1) << c.dir;  // only .lock
  }
}
