// The data-parallel group on 127.0.0.1: two ranks as two threads of this
// process, each with its own store client and Gloo group.
// label unit: DataParallel
#include <future>
#include <thread>

#include <gtest/gtest.h>
#include <unistd.h>

#include "TestSupport.h"
#include "surrogate/model/DataParallel.h"

using namespace surrogate::model;

namespace {

LaunchEnvironment rankEnv(int rank, int size, std::uint16_t port) {
  LaunchEnvironment e;
  e.rank = rank;
  e.worldSize = size;
  e.masterAddr = "127.0.0.1";
  e.masterPort = port;
  return e;
}

} // namespace

TEST(DataParallel, AloneIsANoOp) {
  DataParallelGroup alone;
  EXPECT_FALSE(alone.distributed());
  EXPECT_TRUE(alone.isWriter());
  torch::Tensor p = torch::ones({3}, torch::requires_grad());
  (p * 2).sum().backward();
  alone.allReduceGradients({p});
  EXPECT_TRUE(torch::equal(p.grad(), torch::full({3}, 2.0)));
  EXPECT_EQ(alone.shareOf(std::vector<int>{1, 2, 3}), (std::vector<int>{1, 2, 3}));
}

TEST(DataParallel, SharesCoverTheBatchInOrder) {
  std::uint16_t port = surrogate::test::freePort();
  auto run = [&](int rank) {
    DataParallelGroup g(rankEnv(rank, 2, port), std::chrono::seconds(30));
    return g.shareOf(std::vector<int>{0, 1, 2, 3, 4});
  };
  auto r1 = std::async(std::launch::async, run, 1);
  std::vector<int> a = run(0), b = r1.get();
  EXPECT_EQ(a, (std::vector<int>{0, 1, 2}));
  EXPECT_EQ(b, (std::vector<int>{3, 4}));
}

TEST(DataParallel, GradientsAndValuesAreSummed) {
  std::uint16_t port = surrogate::test::freePort();
  auto run = [&](int rank) {
    DataParallelGroup g(rankEnv(rank, 2, port), std::chrono::seconds(30));
    // Two parameters in two buckets (8 bytes each), one of them without a
    // gradient on rank 1 (an empty share).
    torch::Tensor w = torch::full({2}, 1.0, torch::requires_grad());
    torch::Tensor v = torch::full({2}, 1.0, torch::requires_grad());
    if (rank == 0)
      (w * 3 + v).sum().backward();
    else
      (w * 5).sum().backward();
    g.allReduceGradients({w, v}, 8);
    std::vector<double> values{double(rank), 10.0};
    g.allReduceSum(values);
    g.barrier();
    return std::make_tuple(w.grad().clone(), v.grad().clone(), values);
  };
  auto r1 = std::async(std::launch::async, run, 1);
  auto a = run(0), b = r1.get();
  for (auto *r : {&a, &b}) {
    EXPECT_TRUE(torch::equal(std::get<0>(*r), torch::full({2}, 8.0)));
    EXPECT_TRUE(torch::equal(std::get<1>(*r), torch::full({2}, 1.0)));
    EXPECT_EQ(std::get<2>(*r), (std::vector<double>{1.0, 20.0}));
  }
}

TEST(DataParallel, ADeadRankEndsTheCollectiveWithinTheTimeout) {
  std::uint16_t port = surrogate::test::freePort();
  auto rank1 = std::async(std::launch::async, [&] {
    DataParallelGroup g(rankEnv(1, 2, port), std::chrono::seconds(2));
    // leaves without taking part in the all-reduce
  });
  DataParallelGroup g(rankEnv(0, 2, port), std::chrono::seconds(2));
  rank1.get();
  auto start = std::chrono::steady_clock::now();
  EXPECT_ANY_THROW(g.allReduceSum(1.0));
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(20));
}

TEST(DataParallel, EnvironmentIsReadOrRefused) {
  ::unsetenv("RANK");
  ::unsetenv("WORLD_SIZE");
  EXPECT_FALSE(LaunchEnvironment::fromEnvironment());
  ::setenv("RANK", "1", 1);
  EXPECT_THROW(LaunchEnvironment::fromEnvironment(), std::exception);  // WORLD_SIZE missing
  ::setenv("WORLD_SIZE", "two", 1);
  EXPECT_THROW(LaunchEnvironment::fromEnvironment(), std::exception);
  ::setenv("WORLD_SIZE", "2", 1);
  ::setenv("MASTER_PORT", "1234", 1);
  ::setenv("TORCHELASTIC_RESTART_COUNT", "3", 1);
  auto e = LaunchEnvironment::fromEnvironment();
  ASSERT_TRUE(e);
  EXPECT_EQ(e->rank, 1);
  EXPECT_EQ(e->worldSize, 2);
  EXPECT_EQ(e->masterPort, 1234);
  EXPECT_EQ(e->restartCount, 3);
  for (const char *v : {"RANK", "WORLD_SIZE", "MASTER_PORT", "TORCHELASTIC_RESTART_COUNT"})
    ::unsetenv(v);
}
