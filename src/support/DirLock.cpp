// DirLock: DIR/.lock taken with flock and a hard link, a dead owner's lock taken over, shared within a process.
#include "surrogate/support/DirLock.h"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <map>
#include <mutex>
#include <string>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include "surrogate/support/Errors.h"

namespace fs = std::filesystem;

namespace surrogate::support {

struct DirLock::Held {
  std::string dir, path;
  int fd = -1;
  bool createdDir = false;  ///< removed again if left empty
  ~Held() {
    // Remove the file only while it is still ours (the same inode).
    struct stat mine {}, named {};
    if (::fstat(fd, &mine) == 0 && ::stat(path.c_str(), &named) == 0 && mine.st_ino == named.st_ino &&
        mine.st_dev == named.st_dev)
      ::unlink(path.c_str());
    ::close(fd);
    if (createdDir)
      ::rmdir(dir.c_str());  // fails, as it should, unless nothing was written
  }
};

namespace {

std::mutex registryMutex;
std::map<std::string, std::weak_ptr<DirLock::Held>> registry;  // lock path -> this process's hold

std::string hostName() {
  char name[256] = {};
  ::gethostname(name, sizeof name - 1);
  return name;
}

bool processAlive(long pid) { return pid > 0 && (::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM); }

std::string readAll(int fd) {
  std::string text;
  char buf[512];
  ::lseek(fd, 0, SEEK_SET);
  for (ssize_t n; (n = ::read(fd, buf, sizeof buf)) > 0;) text.append(buf, static_cast<std::size_t>(n));
  return text;
}

struct Owner {
  long pid = 0;
  std::string host;
  bool known = false;
};

Owner ownerOf(int fd) {
  Owner o;
  nlohmann::json j = nlohmann::json::parse(readAll(fd), nullptr, /*allow_exceptions=*/false);
  if (j.is_object() && j.contains("pid") && j["pid"].is_number_integer() && j.contains("host") &&
      j["host"].is_string()) {
    o.pid = j["pid"].get<long>();
    o.host = j["host"].get<std::string>();
    o.known = true;
  }
  return o;
}

[[noreturn]] void refuse(const std::string &dir, const std::string &path, const Owner &o, const std::string &why) {
  std::string owner = o.known ? "pid " + std::to_string(o.pid) + " on host " + o.host : "an unknown process";
  throw DataError(dir, "in use by another surrogate run (" + owner + ", lock file " + path + ")" + why +
                           "; wait for it to finish, or remove the lock file if that run is gone");
}

bool sameFile(int fd, const std::string &path) {
  struct stat a {}, b {};
  return ::fstat(fd, &a) == 0 && ::stat(path.c_str(), &b) == 0 && a.st_ino == b.st_ino && a.st_dev == b.st_dev;
}

// A new lock file, written whole and flocked before it gets its name.
int prepareOwnLock(const std::string &temp) {
  int fd = ::open(temp.c_str(), O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0)
    throw DataError(temp, std::string("cannot create the lock file: ") + std::strerror(errno));
  std::string text = nlohmann::json{{"pid", static_cast<long>(::getpid())}, {"host", hostName()}}.dump() + "\n";
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0 || ::write(fd, text.data(), text.size()) != static_cast<ssize_t>(text.size())) {
    int err = errno;
    ::close(fd);
    ::unlink(temp.c_str());
    throw DataError(temp, std::string("cannot write the lock file: ") + std::strerror(err));
  }
  return fd;
}

// Tries to put our lock file in place. Returns false when the name was free
// of a live owner only after a stale lock was removed (the caller retries);
// throws when another process holds it.
bool tryLink(const std::string &dir, const std::string &temp, const std::string &path) {
  if (::link(temp.c_str(), path.c_str()) == 0)
    return true;
  if (errno != EEXIST)
    throw DataError(path, std::string("cannot create the lock file: ") + std::strerror(errno));
  int other = ::open(path.c_str(), O_RDWR | O_CLOEXEC);
  if (other < 0)
    return false;  // gone meanwhile
  if (::flock(other, LOCK_EX | LOCK_NB) != 0) {
    Owner o = ownerOf(other);
    ::close(other);
    refuse(dir, path, o, "");
  }
  if (!sameFile(other, path)) {  // replaced while we waited: look again
    ::close(other);
    return false;
  }
  Owner o = ownerOf(other);
  std::string why;
  if (!o.known)
    why = ": the lock file is damaged";
  else if (o.host != hostName())
    why = ": it runs on another machine, so whether it still runs cannot be told from here";
  else if (processAlive(o.pid))
    why = "";
  else {
    spdlog::warn("{}: taking over the lock of pid {}, which is gone", dir, o.pid);
    // Replace the stale file while holding its flock, so no one else takes it over too.
    ::unlink(path.c_str());
    bool linked = ::link(temp.c_str(), path.c_str()) == 0;
    ::close(other);
    return linked;
  }
  ::close(other);
  refuse(dir, path, o, why);
}

} // namespace

DirLock::DirLock(const std::string &dir) {
  std::error_code ec;
  bool created = fs::create_directories(dir, ec);
  if (ec)
    throw DataError(dir, "cannot create the directory: " + ec.message());
  std::string path = (fs::path(dir) / kFile).string();
  std::string key = fs::weakly_canonical(path).string();
  std::lock_guard<std::mutex> guard(registryMutex);
  if (std::shared_ptr<Held> held = registry[key].lock()) {
    State = held;
    return;
  }
  std::string temp = path + ".tmp." + std::to_string(::getpid());
  int fd = -1;
  try {
    fd = prepareOwnLock(temp);
    bool linked = false;
    for (int attempt = 0; attempt < 3 && !linked; ++attempt) linked = tryLink(dir, temp, path);
    if (!linked)
      throw DataError(path, "cannot take the lock: the lock file keeps changing");
  } catch (...) {
    ::unlink(temp.c_str());
    if (fd >= 0)
      ::close(fd);
    if (created)
      ::rmdir(dir.c_str());
    throw;
  }
  ::unlink(temp.c_str());
  // Temporaries of runs killed while taking the lock; ours is the lock now.
  for (const auto &entry : fs::directory_iterator(dir, ec))
    if (entry.path().filename().string().rfind(std::string(kFile) + ".tmp.", 0) == 0)
      fs::remove(entry.path(), ec);
  State = std::make_shared<Held>();
  State->dir = dir;
  State->createdDir = created;
  State->path = path;
  State->fd = fd;
  registry[key] = State;
}

DirLock::~DirLock() {
  std::lock_guard<std::mutex> guard(registryMutex);
  State.reset();
}

} // namespace surrogate::support
