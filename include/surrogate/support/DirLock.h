#pragma once
// A directory that one process writes at a time: DIR/.lock holds the
// owner's pid and host, and the owner holds an flock(2) on it while it runs.
// A second writer is refused with a message naming the directory and the
// owner; a lock left by a process that died on this host (its pid is gone)
// is taken over. Within one process the lock is shared: a pattern and the
// training it runs in the same directory hold it together.

#include <memory>
#include <string>

namespace surrogate::support {

class DirLock {
public:
  static constexpr const char *kFile = ".lock";

  /// Creates `dir` if missing (and removes it again if it is left empty)
  /// and locks it; throws DataError when another
  /// process holds it (or a process on another host may).
  explicit DirLock(const std::string &dir);
  ~DirLock();  ///< the last holder in this process removes DIR/.lock
  DirLock(const DirLock &) = delete;
  DirLock &operator=(const DirLock &) = delete;

  struct Held;

private:
  std::shared_ptr<Held> State;
};

} // namespace surrogate::support
