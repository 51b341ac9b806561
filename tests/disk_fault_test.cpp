// Writing where it cannot be written: a read-only directory, a full file
// system, /dev/full as stdout or as -o. Each is an error naming the file
// (exit 1), and no partial file is left under the final name. The mounts
// need root (CAP_SYS_ADMIN); without it those cases skip with a message.
// label e2e: DiskFault

#include <filesystem>
#include <cstring>
#include <fstream>

#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include "TestSupport.h"
#include "surrogate/data/ChunkFile.h"
#include "surrogate/data/Dataset.h"

namespace fs = std::filesystem;
using surrogate::test::CommandResult;
using surrogate::test::runSurrogate;
using surrogate::test::TempDir;

namespace {

// A tmpfs of `size` mounted on a fresh directory (read-only when asked);
// unmounted by the destructor. `mounted` is false where mounting is not
// permitted.
struct SmallMount {
  TempDir dir;
  std::string path = dir / "mnt";
  bool mounted = false;
  std::string why;
  SmallMount(const char *size, bool readOnly) {
    fs::create_directories(path);
    std::string options = std::string("size=") + size;
    mounted = ::mount("tmpfs", path.c_str(), "tmpfs", readOnly ? MS_RDONLY : 0, options.c_str()) == 0;
    if (!mounted)
      why = std::string("cannot mount a tmpfs here (") + std::strerror(errno) + "; needs root)";
  }
  ~SmallMount() {
    if (mounted)
      ::umount2(path.c_str(), MNT_DETACH);
  }
};

std::string blocksFile(const TempDir &dir, int rows) {
  std::string path = dir / "blocks.csv";
  std::ofstream(path) << surrogate::test::headLines(surrogate::test::bhiveDir() + "/hsw.csv", rows);
  return path;
}

// Files left in `dir` (recursively), for "nothing partial was left".
std::vector<std::string> filesIn(const std::string &dir) {
  std::vector<std::string> out;
  if (fs::exists(dir))
    for (const auto &e : fs::recursive_directory_iterator(dir))
      if (e.is_regular_file())
        out.push_back(fs::relative(e.path(), dir).string());
  return out;
}

CommandResult runToStdout(const std::string &args, const std::string &stdoutPath) {
  TempDir d;
  std::string cmd = std::string(SURROGATE_BINARY) + " " + args + " >" + stdoutPath + " 2>" + (d / "err");
  int status = std::system(cmd.c_str());
  std::ifstream in(d / "err");
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, "", std::string(std::istreambuf_iterator<char>(in), {})};
}

} // namespace

TEST(DiskFault, ReadOnlyDirectoryIsAnErrorNamingTheFile) {
  SKIP_WITHOUT_BHIVE();
  TempDir tmp;
  std::string blocks = blocksFile(tmp, 50);
  std::string ro;
  std::unique_ptr<SmallMount> mount;
  if (::geteuid() == 0) {  // root writes through permission bits: a read-only mount instead
    mount = std::make_unique<SmallMount>("64k", true);
    if (!mount->mounted)
      GTEST_SKIP() << mount->why;
    ro = mount->path;
  } else {
    ro = tmp / "ro";
    fs::create_directories(ro);
    fs::permissions(ro, fs::perms::owner_read | fs::perms::owner_exec);
  }
  auto sim = runSurrogate("--no-progress simulate " + blocks + " -o " + ro + "/out.csv");
  EXPECT_EQ(sim.exitCode, 1);
  EXPECT_NE(sim.err.find(ro + "/out.csv: cannot write: "), std::string::npos) << sim.err;
  auto ds = runSurrogate("--no-progress dataset --blocks " + blocks + " -o " + ro + "/ds");
  EXPECT_EQ(ds.exitCode, 1);
  EXPECT_NE(ds.err.find(ro + "/ds: cannot create the directory"), std::string::npos) << ds.err;
  EXPECT_TRUE(filesIn(ro).empty());
  if (::geteuid() != 0)
    fs::permissions(ro, fs::perms::owner_all);
}

TEST(DiskFault, FullFileSystemLeavesNoPartialFile) {
  SKIP_WITHOUT_BHIVE();
  TempDir tmp;
  std::string blocks = blocksFile(tmp, 800);
  SmallMount full("16k", false);
  if (!full.mounted)
    GTEST_SKIP() << full.why;
  // A result file larger than the file system.
  auto sim = runSurrogate("--no-progress simulate " + blocks + " -o " + full.path + "/out.csv");
  EXPECT_EQ(sim.exitCode, 1);
  EXPECT_NE(sim.err.find(full.path + "/out.csv: cannot write: No space left on device"), std::string::npos) << sim.err;
  EXPECT_TRUE(filesIn(full.path).empty());

  // A dataset whose chunks fill it: what is under a final name is whole, and
  // there is no manifest.
  std::string ds = full.path + "/ds";
  auto r = runSurrogate("--no-progress dataset --blocks " + blocks + " --chunk-blocks 100 -o " + ds);
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_NE(r.err.find("No space left on device"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(ds + "/chunks/"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(ds + "/manifest.json"));
  for (const std::string &f : filesIn(ds)) {
    EXPECT_EQ(f.find(".tmp."), std::string::npos) << f;
    if (f.rfind("chunks/", 0) == 0)
      EXPECT_NO_THROW(surrogate::data::readChunk(ds + "/" + f)) << f;
  }
}

TEST(DiskFault, DevFullAsStdoutOrOutputIsAnError) {
  SKIP_WITHOUT_BHIVE();
  if (!fs::exists("/dev/full"))
    GTEST_SKIP() << "/dev/full is absent";
  TempDir tmp;
  std::string blocks = blocksFile(tmp, 50);
  auto toStdout = runToStdout("--no-progress simulate " + blocks, "/dev/full");
  EXPECT_EQ(toStdout.exitCode, 1);
  EXPECT_NE(toStdout.err.find("stdout: cannot write: No space left on device"), std::string::npos) << toStdout.err;
  auto toFile = runSurrogate("--no-progress simulate " + blocks + " -o /dev/full");
  EXPECT_EQ(toFile.exitCode, 1);
  EXPECT_NE(toFile.err.find("/dev/full: cannot write: No space left on device"), std::string::npos) << toFile.err;
  struct stat st {};
  ASSERT_EQ(::stat("/dev/full", &st), 0);
  EXPECT_TRUE(S_ISCHR(st.st_mode));  // still the device, never renamed onto
  // /dev/null takes results as before.
  EXPECT_EQ(runSurrogate("--no-progress simulate " + blocks + " -o /dev/null").exitCode, 0);
}
