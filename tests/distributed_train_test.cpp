// `surrogate train` as two ranks under torchrun on 127.0.0.1: the same
// losses as one process, and a rank killed mid-run restarts and resumes to
// the weights of an uninterrupted run. Skips when torchrun is absent.
// label e2e: Distributed
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>

#include <gtest/gtest.h>
#include <unistd.h>

#include "ModelTestSupport.h"
#include "TestSupport.h"

using namespace surrogate;
using test::TempDir;
namespace fs = std::filesystem;

namespace {

bool haveTorchrun() { return std::system("command -v torchrun >/dev/null 2>&1") == 0; }

// torchrun 1.13 on Python 3.11 needs --redirects 1 --tee 1 (README).
std::string torchrun(int ranks, const std::string &extra = "") {
  return "torchrun --nnodes 1 --nproc_per_node " + std::to_string(ranks) + " --rdzv_backend c10d --rdzv_endpoint 127.0.0.1:" +
         std::to_string(test::freePort()) + " --redirects 1 --tee 1 " + extra + " --no_python " SURROGATE_BINARY;
}

int sh(const std::string &cmd) { return std::system(("bash -c '" + cmd + "'").c_str()); }

std::vector<nlohmann::json> metrics(const std::string &runDir) {
  return test::readJsonLines((fs::path(runDir) / "metrics.jsonl").string());
}

struct Fixture {
  TempDir dir;
  std::string csv, config;
  Fixture(int epochs, int hidden = 16) {
    // llvm-mca's cycles for 600 hsw.csv blocks as the training targets.
    std::string blocks = dir / "blocks.csv";
    sh("head -600 " + test::bhiveDir() + "/hsw.csv > " + blocks);
    csv = dir / "cycles.csv";
    auto sim = test::runSurrogate("--no-progress simulate " + blocks + " -o " + csv);
    EXPECT_EQ(sim.exitCode, 0) << sim.err;
    config = dir.file("tiny.json", R"({"model": {"embedding": 8, "hidden": )" + std::to_string(hidden) + R"(},
        "training": {"batch_size": 32, "max_epochs": )" + std::to_string(epochs) + R"(, "seed": 3,
                     "learning_rate": 0.01, "threads": 1}})");
  }
  std::string train(const std::string &run) const {
    return " --no-progress train --csv " + csv + " --config " + config + " -o " + run;
  }
};

} // namespace

TEST(Distributed, TwoRanksTrainLikeOneProcess) {
  SKIP_WITHOUT_BHIVE();
  if (!haveTorchrun())
    GTEST_SKIP() << "torchrun is absent (Debian's python3-torch ships it); skipping the two-rank test";
  Fixture f(2);
  ASSERT_EQ(test::runSurrogate(f.train(f.dir / "one") + " --threads 1").exitCode, 0);
  ASSERT_EQ(test::runSurrogate(f.train(f.dir / "threads") + " --threads 2").exitCode, 0);
  ASSERT_EQ(sh(torchrun(2) + f.train(f.dir / "ranks") + " --threads 1 > " + (f.dir / "ranks.log") + " 2>&1"), 0)
      << test::headLines(f.dir / "ranks.log", 200);
  auto one = metrics(f.dir / "one"), threads = metrics(f.dir / "threads"), ranks = metrics(f.dir / "ranks");
  ASSERT_EQ(one.size(), 2u);
  ASSERT_EQ(threads.size(), 2u);
  ASSERT_EQ(ranks.size(), 2u);
  for (std::size_t i = 0; i < 2; ++i)
    for (const char *key : {"train_loss", "validation_mape"}) {
      EXPECT_NEAR(one[i][key].get<double>(), ranks[i][key].get<double>(), 1e-4) << key << " epoch " << i + 1;
      EXPECT_NEAR(threads[i][key].get<double>(), ranks[i][key].get<double>(), 1e-4) << key << " epoch " << i + 1;
    }
  EXPECT_EQ(ranks[0]["world_size"], 2);
  // One writer: the run directory holds one set of files, no temporaries.
  for (const auto &e : fs::directory_iterator(f.dir / "ranks"))
    EXPECT_EQ(e.path().filename().string().find(".tmp."), std::string::npos) << e.path();
  std::ifstream report(f.dir / "ranks/report.json");
  EXPECT_EQ(nlohmann::json::parse(report)["world_size"], 2);
}

TEST(Distributed, AKilledRankRestartsAndEndsWithTheUninterruptedWeights) {
  SKIP_WITHOUT_BHIVE();
  if (!haveTorchrun())
    GTEST_SKIP() << "torchrun is absent (Debian's python3-torch ships it); skipping the restart test";
  Fixture f(6, 64);
  ASSERT_EQ(sh(torchrun(2) + f.train(f.dir / "whole") + " > " + (f.dir / "whole.log") + " 2>&1"), 0)
      << test::headLines(f.dir / "whole.log", 200);
  // The same run; once epoch 1's checkpoint exists, one worker is killed with
  // SIGKILL (an epoch takes about a second here, so mostly mid-epoch 2),
  // torchrun restarts the group, and it resumes from latest.pt.
  std::string run = f.dir / "killed";
  std::string script = torchrun(2, "--max_restarts 1") + f.train(run) + " > " + (f.dir / "killed.log") +
                       " 2>&1 & tr=$!; for i in $(seq 600); do [ -f " + run + "/latest.pt ] && break; sleep 0.1; done; "
                       "sleep 0.2; pkill -KILL -P $tr -f surrogate -n; wait $tr";
  ASSERT_EQ(sh(script), 0) << test::headLines(f.dir / "killed.log", 300);
  std::ifstream log(f.dir / "killed.log");
  std::string text((std::istreambuf_iterator<char>(log)), {});
  EXPECT_NE(text.find("restart 1 of the group: resuming"), std::string::npos) << text;
  for (const char *file : {"latest.pt", "best.pt"}) {
    auto a = test::parametersOf(f.dir / "whole", file), b = test::parametersOf(run, file);
    ASSERT_EQ(a.size(), b.size());
    for (const auto &[name, tensor] : a)
      EXPECT_TRUE(torch::equal(tensor, b.at(name))) << file << " " << name;
  }
  auto a = metrics(f.dir / "whole"), b = metrics(run);
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i)
    EXPECT_EQ(a[i]["train_loss"], b[i]["train_loss"]) << "epoch " << i + 1;
}

TEST(Distributed, APatternTrainsOnTwoRanksWithOneWriter) {
  SKIP_WITHOUT_BHIVE();
  if (!haveTorchrun())
    GTEST_SKIP() << "torchrun is absent (Debian's python3-torch ships it); skipping the two-rank pattern test";
  TempDir dir;
  std::string measured = dir / "measured.csv";
  sh("head -800 " + test::bhiveDir() + "/hsw.csv > " + measured);
  std::string config = dir.file("compile.json", R"({"cpu": "haswell", "measured": ")" + measured + R"(",
      "threads": 1, "seed": 1, "model": {"embedding": 8, "hidden": 16, "layers": 1},
      "training": {"batch_size": 32, "max_epochs": 2, "learning_rate": 0.01},
      "pattern": {"deploy_blocks": 50}})");
  std::string args = " --no-progress compile --config " + config + " -o ";
  ASSERT_EQ(test::runSurrogate(args + (dir / "one")).exitCode, 0);
  ASSERT_EQ(sh(torchrun(2) + args + (dir / "two") + " > " + (dir / "two.out") + " 2> " + (dir / "two.log")), 0)
      << test::headLines(dir / "two.log", 200);
  auto one = metrics(dir / "one"), two = metrics(dir / "two");
  ASSERT_EQ(one.size(), 2u);
  ASSERT_EQ(two.size(), 2u);
  for (std::size_t i = 0; i < 2; ++i) {
    EXPECT_NEAR(one[i]["train_loss"].get<double>(), two[i]["train_loss"].get<double>(), 1e-4);
    EXPECT_NEAR(one[i]["validation_mape"].get<double>(), two[i]["validation_mape"].get<double>(), 1e-4);
    EXPECT_EQ(two[i]["world_size"], 2);
  }
  EXPECT_TRUE(fs::exists(fs::path(dir / "two") / "compile_report.json"));
  // Rank 0 alone printed the result.
  std::ifstream out(dir / "two.out");
  std::string text((std::istreambuf_iterator<char>(out)), {});
  EXPECT_NE(text.find("[default0]"), std::string::npos) << text;
  EXPECT_EQ(text.find("[default1]:{"), std::string::npos) << text;
}
