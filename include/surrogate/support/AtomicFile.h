#pragma once
// An output file that appears under its final name only when complete: it is
// written to a temporary name beside the target and renamed on commit(), so
// an interrupted run never leaves a partial file that looks finished. A
// write that fails (full disk, read-only directory) is an error naming the
// file and leaves nothing under the final name. A path that names a device
// or a pipe (/dev/stdout, /dev/null) is written directly: it cannot be
// renamed onto.

#include <fstream>
#include <memory>
#include <string>

namespace surrogate::support {

class AtomicFile {
public:
  /// Opens `path`.tmp.<pid> for writing; throws DataError on failure.
  explicit AtomicFile(std::string path);
  ~AtomicFile();  ///< removes the temporary unless committed

  std::ostream &stream() { return Out; }
  /// Flushes, closes and renames onto the final path; throws on failure.
  void commit();

private:
  std::string Path, TempPath;  ///< TempPath == Path when written directly
  std::ofstream Out;
  bool Committed = false;
};

/// Where a command's results go: stdout for "" or "-", else an AtomicFile.
class ResultOutput {
public:
  explicit ResultOutput(const std::string &path);
  ~ResultOutput();
  std::ostream &stream();
  /// Renames the file into place (or flushes stdout).
  void commit();

private:
  std::unique_ptr<AtomicFile> File;
};

/// Flushes stdout; throws DataError when what was printed could not be
/// written (a full disk, a closed pipe).
void checkStdout();

/// Writes `content` to `path` atomically.
void writeFileAtomically(const std::string &path, const std::string &content);

} // namespace surrogate::support
