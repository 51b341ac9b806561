#include "surrogate/support/AtomicFile.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <stdexcept>
#include <unistd.h>
#include "surrogate/support/Errors.h"

namespace surrogate::support {

AtomicFile::AtomicFile(std::string path) : Path(std::move(path)) {
  TempPath = Path + ".tmp." + std::to_string(::getpid());
  Out.open(TempPath, std::ios::binary | std::ios::trunc);
  if (!Out)
    throw DataError(Path, std::string("cannot write: ") + std::strerror(errno));
}

AtomicFile::~AtomicFile() {
  if (!Committed) {
    Out.close();
    std::remove(TempPath.c_str());
  }
}

void AtomicFile::commit() {
  Out.flush();
  bool ok = static_cast<bool>(Out);
  Out.close();
  if (!ok || std::rename(TempPath.c_str(), Path.c_str()) != 0)
    throw DataError(Path, std::string("cannot write: ") + std::strerror(errno));
  Committed = true;
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
    std::cout.flush();
}

void writeFileAtomically(const std::string &path, const std::string &content) {
  AtomicFile file(path);
  file.stream() << content;
  file.commit();
}

} // namespace surrogate::support
