// support::parallelFor, the one fan-out of training, inference and the
// batch simulator: every task runs, and a worker's throw reaches the caller.
// label unit: ParallelFor

#include <atomic>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "surrogate/support/ParallelFor.h"

using surrogate::support::parallelFor;

TEST(ParallelFor, RunsEveryTaskOnce) {
  std::atomic<int> calls{0};
  std::atomic<std::size_t> sum{0};
  parallelFor(6, [&](std::size_t i) {
    ++calls;
    sum += i;
  });
  EXPECT_EQ(calls, 6);
  EXPECT_EQ(sum, 0u + 1 + 2 + 3 + 4 + 5);
  parallelFor(0, [&](std::size_t) { ++calls; });
  EXPECT_EQ(calls, 6);
}

TEST(ParallelFor, AWorkersThrowReachesTheCallerAfterEveryTaskEnded) {
  std::atomic<int> finished{0};
  try {
    parallelFor(5, [&](std::size_t i) {
      ++finished;
      if (i == 4 || i == 2)
        throw std::runtime_error("task " + std::to_string(i));
    });
    FAIL() << "no exception";
  } catch (const std::runtime_error &e) {
    EXPECT_STREQ(e.what(), "task 2");  // the lowest-numbered thrower's, whatever the timing
  }
  EXPECT_EQ(finished, 5);
  EXPECT_THROW(parallelFor(1, [](std::size_t) { throw std::logic_error("alone"); }), std::logic_error);
}

TEST(ParallelFor, RangesCoverEveryItemOnceInContiguousShares) {
  for (std::size_t items : {0u, 1u, 7u, 10u}) {
    std::vector<int> seen(items, 0);
    std::vector<std::pair<std::size_t, std::size_t>> ranges(3);
    surrogate::support::parallelForRanges(items, 3, [&](std::size_t t, std::size_t begin, std::size_t end) {
      ranges[t] = {begin, end};
      for (std::size_t i = begin; i < end; ++i)
        ++seen[i];  // ranges do not overlap, so no two threads touch one item
    });
    EXPECT_EQ(seen, std::vector<int>(items, 1)) << items;
    EXPECT_EQ(ranges[0].first, 0u);
    EXPECT_EQ(ranges[1].first, ranges[0].second) << items;
    EXPECT_EQ(ranges[2].first, ranges[1].second) << items;
    EXPECT_EQ(ranges[2].second, items);
  }
}
