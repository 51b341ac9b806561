// support::parallelFor: one thread per task, exceptions carried back.

#include "surrogate/support/ParallelFor.h"

#include <algorithm>
#include <exception>
#include <thread>
#include <vector>

namespace surrogate::support {

void parallelFor(std::size_t tasks, const std::function<void(std::size_t)> &task) {
  if (tasks == 0)
    return;
  if (tasks == 1) {
    task(0);
    return;
  }
  std::vector<std::exception_ptr> errors(tasks);
  auto guarded = [&](std::size_t i) {
    try {
      task(i);
    } catch (...) {
      errors[i] = std::current_exception();
    }
  };
  std::vector<std::thread> threads;
  threads.reserve(tasks - 1);
  try {
    for (std::size_t i = 1; i < tasks; ++i)
      threads.emplace_back(guarded, i);
  } catch (...) {  // no thread to be had: join the started ones before reporting it
    for (std::thread &t : threads)
      t.join();
    throw;
  }
  guarded(0);
  for (std::thread &t : threads)
    t.join();
  for (std::exception_ptr &e : errors)
    if (e)
      std::rethrow_exception(e);
}

void parallelForRanges(std::size_t items, std::size_t tasks,
                       const std::function<void(std::size_t, std::size_t, std::size_t)> &task) {
  std::size_t per = tasks ? (items + tasks - 1) / tasks : 0;
  parallelFor(tasks, [&](std::size_t t) {
    std::size_t begin = std::min(items, t * per), end = std::min(items, begin + per);
    task(t, begin, end);
  });
}

} // namespace surrogate::support
