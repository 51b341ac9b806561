// mergeDatasets and exportCsv: the shards of a sharded run joined into one dataset; examples out as CSV.
#include "surrogate/data/DatasetTools.h"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>

#include <fmt/format.h>

#include "surrogate/data/Dataset.h"
#include "surrogate/data/DatasetOutput.h"
#include "surrogate/support/AtomicFile.h"
#include "surrogate/support/CsvField.h"

namespace fs = std::filesystem;

namespace surrogate::data {

namespace {

// Manifest fields a shard adds or that depend on which blocks it holds.
nlohmann::json sharedSettings(nlohmann::json m) {
  for (const char *key : {"shard", "counts", "splits", "chunks", "complete", "checksum"})
    m.erase(key);
  return m;
}

} // namespace

nlohmann::json mergeDatasets(const std::vector<std::string> &shardDirs, const std::string &output, bool force) {
  if (shardDirs.empty())
    throw support::DataError("no shard directories to merge");
  std::vector<Dataset> shards;
  for (const std::string &dir : shardDirs) {
    shards.push_back(Dataset::open(dir));
    if (!shards.back().manifest().contains("shard"))
      throw support::DataError(dir + ": not a shard (made without --shard K/N)");
  }
  const nlohmann::json &first = shards[0].manifest();
  const std::uint32_t count = first.at("shard").at("count");
  const nlohmann::json settings = sharedSettings(first);
  std::vector<const Dataset *> byIndex(count, nullptr);
  for (const Dataset &s : shards) {
    const nlohmann::json &m = s.manifest();
    if (sharedSettings(m) != settings)
      throw support::DataError(s.dir() + ": made with other settings or inputs than " + shards[0].dir());
    if (m.at("counts").at("distinct_blocks") != first.at("counts").at("distinct_blocks") ||
        m.at("chunks").size() != first.at("chunks").size())
      throw support::DataError(s.dir() + ": read other blocks than " + shards[0].dir());
    std::uint32_t n = m.at("shard").at("count"), k = m.at("shard").at("index");
    if (n != count)
      throw support::DataError(fmt::format("{}: shard {}/{} belongs to a {}-way split, not {}", s.dir(), k, n, n, count));
    if (byIndex[k - 1])
      throw support::DataError(fmt::format("{} and {} are both shard {}/{}", byIndex[k - 1]->dir(), s.dir(), k, n));
    byIndex[k - 1] = &s;
  }
  for (std::uint32_t k = 0; k < count; ++k)
    if (!byIndex[k])
      throw support::DataError(fmt::format("shard {}/{} is missing", k + 1, count));

  DatasetOutput out(output, nlohmann::json{{"merge_of", settings}}, force);
  const std::uint32_t chunkCount = static_cast<std::uint32_t>(first.at("chunks").size());
  for (std::uint32_t c = 0; c < chunkCount; ++c) {
    // Shards hold disjoint blocks, each in input order: order by block index.
    std::vector<std::pair<const Chunk *, std::size_t>> records;
    std::vector<Chunk> parts;
    parts.reserve(count);
    Chunk merged;
    merged.index = c;
    for (const Dataset *s : byIndex) {
      parts.push_back(s->chunk(c));
      merged.undecodable += parts.back().undecodable;
      merged.unsimulatable += parts.back().unsimulatable;
    }
    for (const Chunk &p : parts)
      for (std::size_t r = 0; r < p.records.size(); ++r) records.emplace_back(&p, r);
    std::stable_sort(records.begin(), records.end(), [](const auto &a, const auto &b) {
      return a.first->records[a.second].blockIndex < b.first->records[b.second].blockIndex;
    });
    for (const auto &[part, r] : records) {
      const ChunkRecord &rec = part->records[r];
      merged.add(rec, part->blob.data() + rec.blobOffset, rec.blockLength);
    }
    out.writeChunk(merged);
  }
  // Parameter tables are the same in every shard (same seed): copy them.
  fs::path tables = fs::path(shards[0].dir()) / "params";
  if (fs::exists(tables))
    fs::copy(tables, out.subdir("params"), fs::copy_options::recursive | fs::copy_options::overwrite_existing);

  nlohmann::json manifest = settings;
  manifest["counts"] = first.at("counts");
  return out.finish(manifest, chunkCount);
}

std::size_t exportCsv(const std::string &datasetDir, const std::string &output) {
  Dataset ds = Dataset::open(datasetDir);
  std::unique_ptr<support::AtomicFile> file;
  if (!output.empty() && output != "-")
    file = std::make_unique<support::AtomicFile>(output);
  std::ostream &os = file ? file->stream() : std::cout;
  std::map<std::uint32_t, std::string> regions;  // block index -> code region, for assembly with regions
  for (const nlohmann::json &r : ds.manifest().value("regions", nlohmann::json::array()))
    regions[r.at("block").get<std::uint32_t>()] = r.at("region").get<std::string>();
  os << "hex,params_id,split,cycles,measured" << (regions.empty() ? "\n" : ",region\n");
  std::size_t rows = 0;
  ExampleReader reader = ds.examples();
  for (Example e; reader.next(e); ++rows) {
    os << e.hex() << ',' << e.paramsId << ',' << splitName(e.split) << ',' << e.cycles << ',';
    if (e.measured)
      os << fmt::format("{}", *e.measured);
    if (!regions.empty()) {
      auto it = regions.find(e.blockIndex);
      os << ',' << (it == regions.end() ? std::string() : support::csvField(it->second));
    }
    os << '\n';
  }
  if (file)
    file->commit();
  else
    os.flush();
  return rows;
}

} // namespace surrogate::data
