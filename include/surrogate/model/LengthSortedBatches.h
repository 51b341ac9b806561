#pragma once
// The batching every prediction shares (training's validation and test
// scores, `predict`, `bench surrogate`): items sorted by length, stably, and
// cut into batches of at most `batchSize`, so each batch pads little. Each
// batch lists positions in the caller's vector, to write results back to.

#include <cstddef>
#include <functional>
#include <vector>

namespace surrogate::model {

/// Batches of positions 0 .. count - 1, by ascending `length` (ties in
/// position order), at most `batchSize` each.
std::vector<std::vector<std::size_t>> lengthSortedBatches(std::size_t count,
                                                          const std::function<std::size_t(std::size_t)> &length,
                                                          std::size_t batchSize);

} // namespace surrogate::model
