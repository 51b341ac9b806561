// lengthSortedBatches: the length-sorted batches of every prediction.

#include "surrogate/model/LengthSortedBatches.h"

#include <algorithm>
#include <numeric>

namespace surrogate::model {

std::vector<std::vector<std::size_t>> lengthSortedBatches(std::size_t count,
                                                          const std::function<std::size_t(std::size_t)> &length,
                                                          std::size_t batchSize) {
  std::vector<std::size_t> order(count);
  std::iota(order.begin(), order.end(), 0);
  std::vector<std::size_t> lengths(count);
  for (std::size_t i = 0; i < count; ++i)
    lengths[i] = length(i);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return lengths[a] < lengths[b]; });
  std::vector<std::vector<std::size_t>> batches;
  for (std::size_t start = 0; start < count; start += batchSize)
    batches.emplace_back(order.begin() + start, order.begin() + std::min(count, start + batchSize));
  return batches;
}

} // namespace surrogate::model
