#pragma once
// Whole-dataset operations besides generation: joining the shards of a
// sharded run into the dataset a single machine would have written, and
// exporting examples as CSV for people and other tools.

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace surrogate::data {

/// Joins the complete shard directories of one `--shard K/N` job (all N of
/// them, any order) into `output`, byte-identical to the unsharded run.
/// Throws support::DataError when a shard is missing, partial, repeated or made
/// with other settings.
nlohmann::json mergeDatasets(const std::vector<std::string> &shardDirs, const std::string &output, bool force);

/// Writes `hex,params_id,split,cycles,measured` (measured empty when
/// unknown), one example per row in dataset order; "-" writes to stdout.
/// Returns the number of rows.
std::size_t exportCsv(const std::string &datasetDir, const std::string &output);

} // namespace surrogate::data
