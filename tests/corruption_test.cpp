// Damaged files: a truncated or bit-flipped chunk, manifest, checkpoint,
// vocabulary, run config.json or parameter table is refused with a message
// naming the file (exit 1, never a signal), or, for the JSON documents a
// person may edit, read as the document it now is; `dataset check` lists
// every damaged chunk. Positions and bits are seeded.
// label e2e: Corruption

#include <filesystem>
#include <fstream>
#include <random>

#include "TestSupport.h"

namespace fs = std::filesystem;
using surrogate::test::CommandResult;
using surrogate::test::runSurrogate;
using surrogate::test::TempDir;

namespace {

std::string slurp(const std::string &p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

void spit(const std::string &p, const std::string &bytes) { std::ofstream(p, std::ios::binary) << bytes; }

// One damage of a file: cut to `size` bytes, or bit `bit` of byte `at` flipped.
struct Damage {
  enum Kind { Truncate, Flip } kind;
  std::size_t at;
  int bit;
  std::string apply(std::string bytes) const {
    if (kind == Truncate)
      return bytes.substr(0, at);
    bytes[at] = static_cast<char>(bytes[at] ^ (1 << bit));
    return bytes;
  }
  std::string name() const {
    return kind == Truncate ? "truncated to " + std::to_string(at) + " bytes"
                            : "bit " + std::to_string(bit) + " of byte " + std::to_string(at) + " flipped";
  }
};

// Truncations at the start, middle and end (the last two bytes: a JSON
// document without its final newline is still whole), and seeded bit flips (first
// and last byte included).
std::vector<Damage> damagesOf(std::size_t size, unsigned seed, int flips) {
  std::vector<Damage> d = {{Damage::Truncate, 0, 0}, {Damage::Truncate, size / 2, 0}, {Damage::Truncate, size - 2, 0},
                           {Damage::Flip, 0, 0}, {Damage::Flip, size - 1, 7}};
  std::mt19937 rng(seed);
  for (int i = 0; i < flips; ++i)
    d.push_back({Damage::Flip, std::uniform_int_distribution<std::size_t>(0, size - 1)(rng),
                 std::uniform_int_distribution<int>(0, 7)(rng)});
  return d;
}

bool namesFile(const CommandResult &r, const std::string &file) {
  return r.err.find("surrogate: error: ") != std::string::npos && r.err.find(file) != std::string::npos;
}

// A small dataset, a one-epoch run trained on it and a parameter table,
// made once for the suite.
struct Files {
  TempDir dir;
  std::string blocks, ds, run, table, pred;
  Files() {
    blocks = dir / "blocks.csv";
    std::ofstream(blocks) << surrogate::test::headLines(surrogate::test::bhiveDir() + "/hsw.csv", 240);
    ds = dir / "ds";
    run = dir / "run";
    table = dir / "table.json";
    std::string config = dir.file("tiny.json", R"({"model": {"embedding": 8, "hidden": 8},
        "training": {"batch_size": 32, "max_epochs": 1, "seed": 3, "threads": 1}})");
    ok(runSurrogate("--no-progress dataset --blocks " + blocks + " --chunk-blocks 60 -o " + ds));
    ok(runSurrogate("--no-progress train --dataset " + ds + " --config " + config + " -o " + run));
    ok(runSurrogate("params export --blocks " + blocks + " -o " + table));
    ok(runSurrogate(predictCommand()));
    pred = slurp(dir / "p.csv");
  }
  static void ok(const CommandResult &r) { ASSERT_EQ(r.exitCode, 0) << r.err; }
  // The run directory's files as LibTorch's predict reads them (the lean engine reads model.smodel alone).
  std::string predictCommand(const std::string &engine = "torch") const {
    return "--no-progress predict --engine " + engine + " --model " + run + " " + blocks + " -o " + (dir / "p.csv");
  }
};

Files &files() {
  static Files f;
  return f;
}

// Damages `path` each way in turn (restoring it after each), runs `command`
// and hands the result to `check`.
template <class Check>
void forEachDamage(const std::string &path, unsigned seed, int flips, const std::string &command, Check check) {
  std::string pristine = slurp(path);
  ASSERT_FALSE(pristine.empty()) << path;
  for (const Damage &d : damagesOf(pristine.size(), seed, flips)) {
    spit(path, d.apply(pristine));
    CommandResult r = runSurrogate(command);
    spit(path, pristine);
    SCOPED_TRACE(path + " " + d.name() + ": exit " + std::to_string(r.exitCode) + "\n" + r.err);
    EXPECT_TRUE(r.exitCode == 0 || r.exitCode == 1);  // -1: killed by a signal
    check(r);
  }
}

// Every damage of `path` is refused by `command` with a message naming `name`.
void expectEachRefused(const std::string &path, unsigned seed, int flips, const std::string &command,
                       const std::string &name) {
  forEachDamage(path, seed, flips, command, [&](const CommandResult &r) {
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(namesFile(r, name));
  });
}

} // namespace

TEST(Corruption, EveryDamagedChunkIsFoundByCheck) {
  SKIP_WITHOUT_BHIVE();
  Files &f = files();
  expectEachRefused(f.ds + "/chunks/000001.bin", 1, 12, "dataset check " + f.ds, "chunks/000001.bin");
  // Two damaged chunks: both named in one report.
  std::string a = slurp(f.ds + "/chunks/000000.bin"), b = slurp(f.ds + "/chunks/000002.bin");
  spit(f.ds + "/chunks/000000.bin", a.substr(0, 100));
  spit(f.ds + "/chunks/000002.bin", Damage{Damage::Flip, 50, 3}.apply(b));
  auto r = runSurrogate("dataset check " + f.ds);
  spit(f.ds + "/chunks/000000.bin", a);
  spit(f.ds + "/chunks/000002.bin", b);
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_NE(r.err.find("2 damaged chunk(s)"), std::string::npos) << r.err;
  EXPECT_TRUE(namesFile(r, "000000.bin") && namesFile(r, "000002.bin")) << r.err;
  EXPECT_EQ(runSurrogate("dataset check " + f.ds).exitCode, 0);
}

TEST(Corruption, DamagedManifestIsRefused) {
  SKIP_WITHOUT_BHIVE();
  Files &f = files();
  forEachDamage(f.ds + "/manifest.json", 2, 15, "dataset check " + f.ds, [&](const CommandResult &r) {
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(namesFile(r, "manifest.json") || namesFile(r, f.ds + ": not a complete dataset"));
  });
}

TEST(Corruption, DamagedCheckpointsAreRefused) {
  SKIP_WITHOUT_BHIVE();
  Files &f = files();
  expectEachRefused(f.run + "/best.pt", 3, 12, f.predictCommand(), "best.pt");
  expectEachRefused(f.run + "/latest.pt", 4, 8,
                    "--no-progress train --resume " + f.run + " --epochs 2 --stop-after-epochs 1", "latest.pt");
}

// The lean engine's model file: its checksum catches every flipped bit.
TEST(Corruption, DamagedModelFilesAreRefused) {
  SKIP_WITHOUT_BHIVE();
  Files &f = files();
  expectEachRefused(f.run + "/model.smodel", 8, 12, f.predictCommand("lean"), "model.smodel");
}

TEST(Corruption, DamagedVocabularyIsRefused) {
  SKIP_WITHOUT_BHIVE();
  Files &f = files();
  expectEachRefused(f.run + "/vocab.txt", 5, 12, f.predictCommand(), "vocab.txt");
}

// config.json is a document a person may read and edit: a damaged one is an
// error naming it, or, where it still reads as a valid config, gives the
// same predictions as before (never different ones).
TEST(Corruption, DamagedRunConfigIsRefusedOrHarmless) {
  SKIP_WITHOUT_BHIVE();
  Files &f = files();
  forEachDamage(f.run + "/config.json", 6, 20, f.predictCommand(), [&](const CommandResult &r) {
    if (r.exitCode == 0)
      EXPECT_EQ(slurp(f.dir / "p.csv"), f.pred);
    else
      EXPECT_TRUE(namesFile(r, "config.json"));
  });
}

// A parameter table is an input (people edit them): a damaged one is an
// error naming it, or the table it now is, checked by the validator.
TEST(Corruption, DamagedParameterTableIsRefusedOrValid) {
  SKIP_WITHOUT_BHIVE();
  Files &f = files();
  int refused = 0;
  forEachDamage(f.table, 7, 20, "simulate " + f.blocks + " --params " + f.table + " -o " + (f.dir / "s.csv"),
                [&](const CommandResult &r) {
                  if (r.exitCode != 0) {
                    ++refused;
                    EXPECT_TRUE(namesFile(r, "table.json"));
                  }
                });
  EXPECT_GE(refused, 3);  // at least the truncations
}
