#pragma once
// Which of `size` items to look at when only `most` can be afforded (each
// costs an llvm-mca run): evenly spread, the last always, and the first
// too when `most` is 2 or more.

#include <algorithm>
#include <cstddef>
#include <vector>

namespace surrogate::support {

inline std::vector<std::size_t> evenlySpread(std::size_t size, std::size_t most) {
  std::size_t n = std::min(size, most);
  std::vector<std::size_t> out;
  if (n == 1) return {size - 1};
  for (std::size_t k = 0; k < n; ++k) out.push_back(n == size ? k : k * (size - 1) / (n - 1));
  return out;
}

} // namespace surrogate::support
