#pragma once
// A seeded Fisher-Yates shuffle written out here rather than std::shuffle,
// whose order differs between standard libraries: the same seed must give
// the same samples (and files) everywhere.

#include <cstddef>
#include <random>
#include <utility>
#include <vector>

namespace surrogate::support {

template <class T> void seededShuffle(std::vector<T> &v, std::mt19937_64 &rng) {
  for (std::size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[rng() % i]);
}

} // namespace surrogate::support
