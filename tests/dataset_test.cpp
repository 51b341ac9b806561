// `surrogate dataset`: determinism, sharding and merge, resume, refusal to
// overwrite, bad input, labels, export and the reader API, on tiny inputs.
// label cli: Dataset

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "TestSupport.h"
#include "surrogate/data/Dataset.h"
#include "surrogate/data/DatasetOutput.h"

namespace fs = std::filesystem;
using namespace surrogate::data;
using surrogate::test::runSurrogate;
using surrogate::test::TempDir;

namespace {

// Real blocks from BHive's sources (ffmpeg), plus repeats to deduplicate.
const char *kBlocks =
    "488b4424084c8d65704885c04889442418,12\n"
    "f6851803000002c7858401000001000000,3\n"
    "0fbe46018d70d04080fe094c89ce,7\n"
    "4989c5488b4424184d85ed4c8928,1\n"
    "8b431883f81b,1\n"
    "f785e0fdffff00040000,2\n"
    "410fb61684d2,9\n"
    "8b431883f81b,4\n"
    "4c8b55a84983fa01,1\n"
    "488b7d90488b174885d2,1\n"
    "418b763c81fefeffff07,1\n"
    "31c081f9045001000f95c0,5\n"
    "498340180241890085d2,1\n"
    "4d85f6,2\n"
    "4883c2014883fa40,1\n"
    "baffffffff,1\n";
// Two blocks known from the first file, one new; throughput per 100 iterations.
const char *kMeasured =
    "8b431883f81b,123.5\n"
    "4d85f6,99\n"
    "4883c201,100\n";

std::string slurp(const fs::path &p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// Every file under `dir` (relative path -> bytes).
std::map<std::string, std::string> tree(const std::string &dir) {
  std::map<std::string, std::string> files;
  for (const auto &e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file())
      files[fs::relative(e.path(), dir).string()] = slurp(e.path());
  return files;
}

struct Inputs {
  TempDir dir;
  std::string blocks = dir.file("blocks.csv", kBlocks);
  std::string measured = dir.file("measured.csv", kMeasured);
  std::string args(const std::string &out, const std::string &extra = "") const {
    return "dataset --blocks " + blocks + " --measured " + measured + " --chunk-blocks 4 -o " + out + " " + extra;
  }
};

} // namespace

TEST(Dataset, SameCommandGivesIdenticalFilesWhateverTheThreads) {
  Inputs in;
  auto a = runSurrogate(in.args(in.dir / "a", "-j1"));
  ASSERT_EQ(a.exitCode, 0) << a.err;
  auto b = runSurrogate(in.args(in.dir / "b", "-j2"));
  ASSERT_EQ(b.exitCode, 0) << b.err;
  auto ta = tree(in.dir / "a");
  EXPECT_EQ(ta, tree(in.dir / "b"));
  EXPECT_TRUE(ta.count("manifest.json"));
  EXPECT_EQ(ta.count(kRunMarkerFile), 0u);
}

TEST(Dataset, CountsDuplicatesJoinsLabelsAndExports) {
  Inputs in;
  auto r = runSurrogate(in.args(in.dir / "d"));
  ASSERT_EQ(r.exitCode, 0) << r.err;
  Dataset ds = Dataset::open(in.dir / "d");
  const auto &counts = ds.manifest()["counts"];
  EXPECT_EQ(counts["rows_read"], 19);
  EXPECT_EQ(counts["duplicate_blocks"], 3);
  EXPECT_EQ(counts["distinct_blocks"], 16);
  EXPECT_EQ(counts["examples"], 16);
  EXPECT_EQ(counts["examples_with_measured"], 3);
  EXPECT_EQ(ds.chunkCount(), 4u);
  EXPECT_EQ(ds.cpu(), "haswell");
  ds.verify();

  std::map<std::string, Example> byHex;
  std::size_t n = 0;
  ExampleReader reader = ds.examples();
  for (Example e; reader.next(e); ++n) {
    EXPECT_EQ(e.blockIndex, n);  // input order, first appearance
    EXPECT_EQ(e.split, splitOf(fnv1a64(e.bytes.data(), e.bytes.size())));
    byHex[e.hex()] = e;
  }
  EXPECT_EQ(n, 16u);
  EXPECT_EQ(byHex.at("8b431883f81b").measured, 123.5);
  EXPECT_EQ(byHex.at("4883c201").measured, 100.0);
  EXPECT_FALSE(byHex.at("baffffffff").measured.has_value());

  // Cycles are what `simulate` reports for the same block.
  std::string one = in.dir.file("one.csv", "4883c2014883fa40\n");
  auto sim = runSurrogate("simulate --no-measured " + one);
  ASSERT_EQ(sim.exitCode, 0) << sim.err;
  EXPECT_EQ(sim.out, "hex,cycles\n4883c2014883fa40," + std::to_string(byHex.at("4883c2014883fa40").cycles) + "\n");

  // Split filter agrees with the manifest's split sizes.
  for (Split s : {Split::Train, Split::Validation, Split::Test}) {
    std::size_t k = 0;
    ExampleReader only = ds.examples(s);
    for (Example e; only.next(e); ++k) EXPECT_EQ(e.split, s);
    EXPECT_EQ(k, ds.exampleCount(s)) << splitName(s);
  }

  auto ex = runSurrogate("dataset export --format csv -o " + (in.dir / "d.csv") + " " + (in.dir / "d"));
  ASSERT_EQ(ex.exitCode, 0) << ex.err;
  std::string csv = slurp(in.dir / "d.csv");
  EXPECT_EQ(csv.substr(0, csv.find('\n')), "hex,params_id,split,cycles,measured");
  std::string row = "8b431883f81b,0," + std::string(splitName(byHex.at("8b431883f81b").split)) + "," +
                    std::to_string(byHex.at("8b431883f81b").cycles) + ",123.5\n";
  EXPECT_NE(csv.find("\n" + row), std::string::npos) << csv;
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 17);
}

TEST(Dataset, SplitOfABlockIsTheSameInEveryDataset) {
  Inputs in;
  ASSERT_EQ(runSurrogate(in.args(in.dir / "all")).exitCode, 0);
  // Another dataset: only the measured file, so other block indices.
  auto r = runSurrogate("dataset --measured " + in.measured + " -o " + (in.dir / "m"));
  ASSERT_EQ(r.exitCode, 0) << r.err;
  std::map<std::string, Split> all;
  ExampleReader a = Dataset::open(in.dir / "all").examples();
  for (Example e; a.next(e);) all[e.hex()] = e.split;
  ExampleReader m = Dataset::open(in.dir / "m").examples();
  std::size_t n = 0;
  for (Example e; m.next(e); ++n) EXPECT_EQ(e.split, all.at(e.hex())) << e.hex();
  EXPECT_EQ(n, 3u);
}

TEST(Dataset, MergedShardsEqualTheSingleRun) {
  Inputs in;
  ASSERT_EQ(runSurrogate(in.args(in.dir / "whole", "-j2")).exitCode, 0);
  std::string shards;
  std::size_t examples = 0;
  for (int k = 3; k >= 1; --k) {  // any order
    std::string dir = in.dir / ("shard" + std::to_string(k));
    auto r = runSurrogate(in.args(dir, "--shard " + std::to_string(k) + "/3"));
    ASSERT_EQ(r.exitCode, 0) << r.err;
    Dataset s = Dataset::open(dir);
    EXPECT_EQ(s.manifest()["shard"]["index"], k);
    examples += s.exampleCount();
    shards += " " + dir;
  }
  EXPECT_EQ(examples, 16u);  // disjoint and complete
  auto merged = runSurrogate("dataset merge -o " + (in.dir / "merged") + shards);
  ASSERT_EQ(merged.exitCode, 0) << merged.err;
  EXPECT_EQ(tree(in.dir / "merged"), tree(in.dir / "whole"));

  // A missing or repeated shard is refused.
  auto missing = runSurrogate("dataset merge -o " + (in.dir / "m2") + " " + (in.dir / "shard1") + " " +
                              (in.dir / "shard2"));
  EXPECT_NE(missing.exitCode, 0);
  EXPECT_NE(missing.err.find("shard 3/3 is missing"), std::string::npos) << missing.err;
  auto twice = runSurrogate("dataset merge -o " + (in.dir / "m3") + " " + (in.dir / "shard1") + " " +
                            (in.dir / "shard1") + " " + (in.dir / "shard2"));
  EXPECT_NE(twice.exitCode, 0);
  EXPECT_FALSE(fs::exists(in.dir / "m3/manifest.json"));
  // Shards made with other settings do not mix.
  ASSERT_EQ(runSurrogate(in.args(in.dir / "other3", "--shard 3/3 --mcpu skylake")).exitCode, 0);
  auto mixed = runSurrogate("dataset merge -o " + (in.dir / "m4") + " " + (in.dir / "shard1") + " " +
                            (in.dir / "shard2") + " " + (in.dir / "other3"));
  EXPECT_NE(mixed.exitCode, 0);
  EXPECT_NE(mixed.err.find("other settings"), std::string::npos) << mixed.err;
  auto badShard = runSurrogate(in.args(in.dir / "x", "--shard 4/3"));
  EXPECT_NE(badShard.exitCode, 0);
  EXPECT_NE(badShard.err.find("K/N"), std::string::npos) << badShard.err;
}

TEST(Dataset, InterruptedRunResumesToTheSameFiles) {
  Inputs in;
  ASSERT_EQ(runSurrogate(in.args(in.dir / "whole")).exitCode, 0);
  auto whole = tree(in.dir / "whole");

  // What an interrupted run leaves: the settings marker, some chunks, a
  // temporary file, no manifest. (The marker holds the manifest's settings.)
  fs::path part = in.dir / "part";
  fs::create_directories(part / "chunks");
  nlohmann::json settings = Dataset::open(in.dir / "whole").manifest();
  for (const char *k : {"counts", "splits", "chunks", "complete", "checksum"}) settings.erase(k);
  std::ofstream(part / kRunMarkerFile) << settings.dump(2) << "\n";
  fs::copy_file(in.dir / "whole/chunks/000000.bin", part / "chunks/000000.bin");
  std::ofstream(part / "chunks/000002.bin") << "garbage";  // damaged: redone
  std::ofstream(part / "chunks/000001.bin.tmp.123") << "half";
  EXPECT_THROW(Dataset::open(part.string()), surrogate::support::DataError);  // partial is not complete

  auto r = runSurrogate(in.args(part.string()));
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(r.err.find("resuming: 1 of 4 chunks"), std::string::npos) << r.err;
  EXPECT_EQ(tree(part.string()), whole);

  auto ok = runSurrogate("dataset check " + part.string());
  EXPECT_EQ(ok.exitCode, 0) << ok.err;
  EXPECT_NE(ok.out.find("\"complete\": true"), std::string::npos) << ok.out;
  std::string chunk = (part / "chunks/000003.bin").string();
  std::string bytes = slurp(chunk);
  bytes[40] ^= 1;
  std::ofstream(chunk, std::ios::binary) << bytes;
  auto damaged = runSurrogate("dataset check " + part.string());
  EXPECT_NE(damaged.exitCode, 0);
  EXPECT_NE(damaged.err.find("000003.bin"), std::string::npos) << damaged.err;
}

TEST(Dataset, NeverOverwritesSilently) {
  Inputs in;
  std::string out = in.dir / "d";
  ASSERT_EQ(runSurrogate(in.args(out)).exitCode, 0);
  auto again = runSurrogate(in.args(out));
  EXPECT_NE(again.exitCode, 0);
  EXPECT_NE(again.err.find("already holds a complete dataset"), std::string::npos) << again.err;
  EXPECT_EQ(runSurrogate(in.args(out, "--force")).exitCode, 0);

  // A partial dataset made with other settings is neither resumed nor replaced.
  fs::remove(fs::path(out) / "manifest.json");
  std::ofstream(fs::path(out) / kRunMarkerFile) << "{\"cpu\": \"skylake\"}\n";
  auto other = runSurrogate(in.args(out));
  EXPECT_NE(other.exitCode, 0);
  EXPECT_NE(other.err.find("partial dataset made with other settings"), std::string::npos) << other.err;

  // A directory that is not a dataset is left alone.
  std::string notDataset = in.dir / "mine";
  fs::create_directories(notDataset);
  in.dir.file("mine/notes.txt", "keep me");
  auto refused = runSurrogate(in.args(notDataset, "--force"));
  EXPECT_NE(refused.exitCode, 0);
  EXPECT_EQ(slurp(fs::path(notDataset) / "notes.txt"), "keep me");
}

TEST(Dataset, BadInputIsReportedAndCounted) {
  TempDir dir;
  auto missing = runSurrogate("dataset --blocks " + (dir / "nope.csv") + " -o " + (dir / "d"));
  EXPECT_NE(missing.exitCode, 0);
  EXPECT_NE(missing.err.find("nope.csv: cannot open"), std::string::npos) << missing.err;
  EXPECT_FALSE(fs::exists(dir / "d/manifest.json"));

  std::string bad = dir.file("bad.csv", "4883c201,1\nzz,1\nff,1\n,1\n06,1\n");
  auto r = runSurrogate("dataset --blocks " + bad + " -o " + (dir / "d"));
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(r.err.find("bad.csv:2: non-hex"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("bad.csv:3: cannot decode"), std::string::npos) << r.err;
  const nlohmann::json counts = Dataset::open(dir / "d").manifest()["counts"];
  EXPECT_EQ(counts["unreadable_rows"], 2);
  EXPECT_EQ(counts["undecodable_blocks"], 2);
  EXPECT_EQ(counts["examples"], 1);

  auto cpu = runSurrogate("dataset --blocks " + bad + " --mcpu pentium9 -o " + (dir / "c"));
  EXPECT_NE(cpu.exitCode, 0);
  EXPECT_FALSE(fs::exists(dir / "c"));

  auto empty = runSurrogate("dataset --blocks " + dir.file("empty.csv", "zz\n") + " -o " + (dir / "e"));
  EXPECT_NE(empty.exitCode, 0);
  EXPECT_NE(empty.err.find("no usable blocks"), std::string::npos) << empty.err;
  EXPECT_THROW(Dataset::open(dir / "e"), surrogate::support::DataError);
}

TEST(Dataset, SampledParametersAreSeededTraceableAndMergeable) {
  Inputs in;
  auto args = [&](const std::string &out, const std::string &extra) {
    return "dataset --blocks " + in.blocks + " --chunk-blocks 5 --params-samples 6 --tables-per-block 3 -o " + out +
           " " + extra;
  };
  auto a = runSurrogate(args(in.dir / "a", "--seed 11 -j2"));
  ASSERT_EQ(a.exitCode, 0) << a.err;
  ASSERT_EQ(runSurrogate(args(in.dir / "b", "--seed 11 -j1")).exitCode, 0);
  ASSERT_EQ(runSurrogate(args(in.dir / "c", "--seed 12")).exitCode, 0);
  auto ta = tree(in.dir / "a");
  EXPECT_EQ(ta, tree(in.dir / "b"));
  EXPECT_NE(ta.at("chunks/000000.bin"), tree(in.dir / "c").at("chunks/000000.bin"));

  Dataset ds = Dataset::open(in.dir / "a");
  EXPECT_EQ(ds.mode(), "sampled");
  EXPECT_EQ(ds.exampleCount(), 15u * 3);
  std::map<std::string, std::set<std::uint32_t>> tablesOf;
  std::set<std::uint32_t> used;
  ExampleReader reader = ds.examples();
  for (Example e; reader.next(e);) {
    EXPECT_LT(e.paramsId, 6u);
    EXPECT_TRUE(tablesOf[e.hex()].insert(e.paramsId).second) << "a table repeated for " << e.hex();
    used.insert(e.paramsId);
  }
  EXPECT_EQ(tablesOf.size(), 15u);
  EXPECT_GT(used.size(), 3u);
  // Every id resolves to a stored table for the dataset's CPU.
  for (std::uint32_t id = 0; id < 6; ++id) {
    std::string table = slurp(ds.paramsTablePath(id));
    EXPECT_NE(table.find("\"cpu\": \"haswell\""), std::string::npos) << ds.paramsTablePath(id);
  }
  // Under sampled tables the cycles differ from LLVM's defaults for some blocks.
  ASSERT_EQ(runSurrogate("dataset --blocks " + in.blocks + " -o " + (in.dir / "default")).exitCode, 0);
  std::map<std::string, std::uint32_t> defaults;
  ExampleReader d = Dataset::open(in.dir / "default").examples();
  for (Example e; d.next(e);) defaults[e.hex()] = e.cycles;
  std::size_t differ = 0;
  ExampleReader again = ds.examples();
  for (Example e; again.next(e);) differ += e.cycles != defaults.at(e.hex());
  EXPECT_GT(differ, 0u);

  std::string shards;
  for (int k = 1; k <= 2; ++k) {
    std::string dir = in.dir / ("s" + std::to_string(k));
    ASSERT_EQ(runSurrogate(args(dir, "--seed 11 --shard " + std::to_string(k) + "/2")).exitCode, 0);
    shards += " " + dir;
  }
  ASSERT_EQ(runSurrogate("dataset merge -o " + (in.dir / "m") + shards).exitCode, 0);
  EXPECT_EQ(tree(in.dir / "m"), ta);

  auto noSeed = runSurrogate(args(in.dir / "x", ""));
  EXPECT_NE(noSeed.exitCode, 0);
  EXPECT_NE(noSeed.err.find("--seed"), std::string::npos) << noSeed.err;
}

TEST(Dataset, GivenParameterTableIsCheckedAndStored) {
  Inputs in;
  std::string table = in.dir / "t.json";
  auto exp = runSurrogate("params export --blocks " + in.blocks + " -o " + table);
  ASSERT_EQ(exp.exitCode, 0) << exp.err;
  // LLVM's own values as a table: the same cycles as the default mode.
  auto r = runSurrogate("dataset --blocks " + in.blocks + " --params " + table + " -o " + (in.dir / "t"));
  ASSERT_EQ(r.exitCode, 0) << r.err;
  ASSERT_EQ(runSurrogate("dataset --blocks " + in.blocks + " -o " + (in.dir / "d")).exitCode, 0);
  Dataset t = Dataset::open(in.dir / "t"), d = Dataset::open(in.dir / "d");
  EXPECT_EQ(t.mode(), "table");
  EXPECT_EQ(slurp(t.paramsTablePath(0)), slurp(table));
  ExampleReader rt = t.examples(), rd = d.examples();
  Example et, ed;
  std::size_t n = 0;
  while (rt.next(et) && rd.next(ed)) {
    EXPECT_EQ(et.hex(), ed.hex());
    EXPECT_EQ(et.cycles, ed.cycles) << et.hex();
    ++n;
  }
  EXPECT_EQ(n, 15u);

  // A table for another CPU, or naming a resource the CPU lacks, is refused
  // before anything is written.
  auto cpu = runSurrogate("dataset --blocks " + in.blocks + " --params " + table + " --mcpu skylake -o " +
                          (in.dir / "x1"));
  EXPECT_NE(cpu.exitCode, 0);
  EXPECT_NE(cpu.err.find("t.json"), std::string::npos) << cpu.err;
  EXPECT_FALSE(fs::exists(in.dir / "x1"));
  std::string text = slurp(table);
  std::size_t at = text.find("HWPort");
  ASSERT_NE(at, std::string::npos);
  text.replace(at, 6, "NoSuchPort");
  std::string bad = in.dir.file("bad.json", text);
  auto badRun = runSurrogate("dataset --blocks " + in.blocks + " --params " + bad + " -o " + (in.dir / "x2"));
  EXPECT_NE(badRun.exitCode, 0);
  EXPECT_NE(badRun.err.find("bad.json"), std::string::npos) << badRun.err;
  EXPECT_FALSE(fs::exists(in.dir / "x2"));
}
