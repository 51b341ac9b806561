// AtomicFile and ResultOutput: an output written beside its name and renamed when complete; stdout otherwise.
#include "surrogate/support/AtomicFile.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <stdexcept>
#include <sys/stat.h>
#include <unistd.h>
#include "surrogate/support/Errors.h"

namespace surrogate::support {

namespace {

// A character device or a pipe (following symlinks): written in place.
bool isDeviceOrPipe(const std::string &path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && (S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode));
}

[[noreturn]] void cannotWrite(const std::string &path, int err) {
  throw DataError(path, std::string("cannot write: ") + std::strerror(err ? err : EIO));
}

} // namespace

AtomicFile::AtomicFile(std::string path) : Path(std::move(path)) {
  TempPath = isDeviceOrPipe(Path) ? Path : Path + ".tmp." + std::to_string(::getpid());
  errno = 0;
  Out.open(TempPath, std::ios::binary | std::ios::trunc);
  if (!Out)
    cannotWrite(Path, errno);
}

AtomicFile::~AtomicFile() {
  if (!Committed) {
    Out.close();
    if (TempPath != Path)
      std::remove(TempPath.c_str());
  }
}

void AtomicFile::commit() {
  bool ok = static_cast<bool>(Out);
  int err = ok ? 0 : errno;  // a write that failed before set it
  if (ok) {
    errno = 0;
    Out.flush();
    ok = static_cast<bool>(Out);
    err = errno;
  }
  Out.close();
  if (ok && !Out) {
    ok = false;
    err = errno;
  }
  if (!ok)
    cannotWrite(Path, err);  // the destructor removes the temporary
  if (TempPath != Path && std::rename(TempPath.c_str(), Path.c_str()) != 0)
    cannotWrite(Path, errno);
  Committed = true;
}

void checkStdout() {
  errno = 0;
  std::cout.flush();
  if (!std::cout)
    cannotWrite("stdout", errno);
}

ResultOutput::ResultOutput(const std::string &path) {
  if (!path.empty() && path != "-")
    File = std::make_unique<AtomicFile>(path);
}

ResultOutput::~ResultOutput() = default;

std::ostream &ResultOutput::stream() { return File ? File->stream() : std::cout; }

void ResultOutput::commit() {
  if (File)
    File->commit();
  else
    checkStdout();
}

void writeFileAtomically(const std::string &path, const std::string &content) {
  AtomicFile file(path);
  file.stream() << content;
  file.commit();
}

} // namespace surrogate::support
