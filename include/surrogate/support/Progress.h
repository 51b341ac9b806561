#pragma once
// Progress of long work on stderr: a line redrawn in place at most a few
// times a second, only when stderr is a terminal, so logs and pipelines stay
// clean.

#include <chrono>
#include <cstddef>
#include <string>

namespace surrogate::support {

class Progress {
public:
  /// `total` 0 means unknown (no percentage or ETA).
  Progress(std::string what, std::size_t total = 0);
  ~Progress();

  void update(std::size_t done);
  void finish();

  /// Forces display on or off (tests, `--progress`); default is isatty(stderr).
  static void setEnabled(bool on);

private:
  std::string What;
  std::size_t Total;
  std::size_t Done = 0;
  bool Finished = false;
  std::chrono::steady_clock::time_point Start, LastDraw;
  void draw();
};

} // namespace surrogate::support
