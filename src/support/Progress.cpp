// Progress: a progress line on stderr redrawn in place at most a few times a second, only on a terminal.
#include "surrogate/support/Progress.h"

#include <cstdio>
#include <unistd.h>

namespace surrogate::support {

static int enabledFlag = -1;  // -1: decide by isatty

void Progress::setEnabled(bool on) { enabledFlag = on ? 1 : 0; }

static bool enabled() {
  if (enabledFlag < 0)
    enabledFlag = isatty(fileno(stderr)) ? 1 : 0;
  return enabledFlag == 1;
}

Progress::Progress(std::string what, std::size_t total)
    : What(std::move(what)), Total(total), Start(std::chrono::steady_clock::now()), LastDraw(Start) {}

Progress::~Progress() { finish(); }

void Progress::update(std::size_t done) {
  Done = done;
  auto now = std::chrono::steady_clock::now();
  if (now - LastDraw < std::chrono::milliseconds(250))
    return;
  LastDraw = now;
  draw();
}

void Progress::draw() {
  if (!enabled())
    return;
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - Start).count();
  double rate = seconds > 0 ? Done / seconds : 0;
  if (Total > 0) {
    double eta = rate > 0 ? (Total - std::min(Done, Total)) / rate : 0;
    std::fprintf(stderr, "\r%s: %zu/%zu (%.1f%%), %.0f/s, ETA %.0fs   ", What.c_str(), Done, Total,
                 100.0 * Done / Total, rate, eta);
  } else {
    std::fprintf(stderr, "\r%s: %zu, %.0f/s, %.0fs   ", What.c_str(), Done, rate, seconds);
  }
  std::fflush(stderr);
}

void Progress::finish() {
  if (Finished)
    return;
  Finished = true;
  if (enabled() && Done > 0) {
    draw();
    std::fputc('\n', stderr);
  }
}

} // namespace surrogate::support
