#pragma once
// The project's one way to fan work out to threads: task i of n runs on a
// thread of its own (task 0 on the caller's), all are joined, and the first
// task's exception that was thrown (by task number, so the same one whatever
// the timing) comes back to the caller. A throw on a worker thus ends in the
// caller's error handling instead of std::terminate.

#include <cstddef>
#include <functional>

namespace surrogate::support {

/// Runs task(0) .. task(tasks - 1) concurrently and waits for all of them;
/// rethrows the lowest-numbered task's exception, if any threw.
void parallelFor(std::size_t tasks, const std::function<void(std::size_t)> &task);

/// parallelFor over `items` split into `tasks` contiguous ranges of equal
/// size (the last ones shorter or empty): task(t, begin, end).
void parallelForRanges(std::size_t items, std::size_t tasks,
                       const std::function<void(std::size_t, std::size_t, std::size_t)> &task);

} // namespace surrogate::support
