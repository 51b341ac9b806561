// The on-disk chunk format and the block identity rules that every dataset
// (and every shard of one) relies on.
// label unit: DatasetFormat

#include <cmath>
#include <fstream>

#include "TestSupport.h"
#include "surrogate/data/BlockHash.h"
#include "surrogate/data/ChunkFile.h"

using namespace surrogate::data;
using surrogate::test::TempDir;

TEST(DatasetFormat, HashIsFnv1a64) {
  // Published FNV-1a 64 test vectors.
  EXPECT_EQ(fnv1a64("", 0), 0xcbf29ce484222325ULL);
  EXPECT_EQ(fnv1a64("a", 1), 0xaf63dc4c8601ec8cULL);
  EXPECT_EQ(fnv1a64("foobar", 6), 0x85944171f73967e8ULL);
}

TEST(DatasetFormat, SplitIsRoughly80_10_10AndShardsPartition) {
  std::size_t counts[3] = {0, 0, 0};
  std::size_t shards[4] = {0, 0, 0, 0};
  for (std::uint32_t i = 0; i < 20000; ++i) {
    std::uint64_t h = fnv1a64(&i, sizeof i);
    ++counts[static_cast<int>(splitOf(h))];
    ++shards[shardOf(h, 4)];
    EXPECT_EQ(shardOf(h, 1), 0u);
  }
  EXPECT_NEAR(counts[0] / 20000.0, 0.8, 0.02);
  EXPECT_NEAR(counts[1] / 20000.0, 0.1, 0.02);
  EXPECT_NEAR(counts[2] / 20000.0, 0.1, 0.02);
  for (std::size_t s : shards) EXPECT_NEAR(s / 20000.0, 0.25, 0.02);
}

TEST(DatasetFormat, ChunkRoundTripsAndSharesBlockBytes) {
  TempDir dir;
  Chunk chunk;
  chunk.index = 7;
  chunk.undecodable = 2;
  chunk.unsimulatable = 1;
  const std::uint8_t a[] = {0x48, 0x01, 0xd8}, b[] = {0x90};
  chunk.add({fnv1a64(a, 3), 123.5, 4, 0, 0, 300, 0, Split::Validation}, a, 3);
  chunk.add({fnv1a64(a, 3), std::nan(""), 4, 0, 1, 310, 0, Split::Validation}, a, 3);
  chunk.add({fnv1a64(b, 1), std::nan(""), 9, 0, 0, 100, 0, Split::Test}, b, 1);
  EXPECT_EQ(chunk.blob.size(), 4u);  // a once, b once
  std::string path = dir / "c.bin";
  writeChunk(path, chunk);
  Chunk back = readChunk(path);
  EXPECT_EQ(back.index, 7u);
  EXPECT_EQ(back.undecodable, 2u);
  EXPECT_EQ(back.unsimulatable, 1u);
  ASSERT_EQ(back.records.size(), 3u);
  EXPECT_EQ(back.records[0].measured, 123.5);
  EXPECT_TRUE(std::isnan(back.records[1].measured));
  EXPECT_EQ(back.records[1].paramsId, 1u);
  EXPECT_EQ(back.records[1].cycles, 310u);
  EXPECT_EQ(back.records[2].blockIndex, 9u);
  EXPECT_EQ(back.records[2].split, Split::Test);
  EXPECT_EQ(back.records[2].blockLength, 1u);
  EXPECT_EQ(back.blob, chunk.blob);
  EXPECT_EQ(encodeChunk(back), encodeChunk(chunk));
}

TEST(DatasetFormat, DamagedChunkIsRejected) {
  TempDir dir;
  Chunk chunk;
  const std::uint8_t a[] = {0x90};
  chunk.add({fnv1a64(a, 1), 1.0, 0, 0, 0, 100, 0, Split::Train}, a, 1);
  std::string bytes = encodeChunk(chunk);
  bytes[kChunkHeaderBytes + 28] ^= 1;  // one bit of the cycles
  std::ofstream(dir / "bad.bin", std::ios::binary) << bytes;
  EXPECT_THROW(readChunk(dir / "bad.bin"), surrogate::support::DataError);
  std::ofstream(dir / "short.bin", std::ios::binary) << bytes.substr(0, 20);
  EXPECT_THROW(readChunk(dir / "short.bin"), surrogate::support::DataError);
  EXPECT_THROW(readChunk(dir / "missing.bin"), surrogate::support::DataError);
}
