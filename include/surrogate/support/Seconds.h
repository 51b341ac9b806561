#pragma once
// The wall seconds since a moment of the steady clock: how every phase,
// epoch and benchmark of the project times itself.

#include <chrono>

namespace surrogate::support {

using Clock = std::chrono::steady_clock;

inline double secondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

} // namespace surrogate::support
