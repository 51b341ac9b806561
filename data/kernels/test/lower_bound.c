// Branchless binary search: the first index of a sorted array whose value is not below key.
#include <stddef.h>
#include <stdint.h>

size_t lower_bound(const int32_t *a, size_t n, int32_t key) {
  const int32_t *base = a;
  if (n == 0) return 0;
  while (n > 1) {
    size_t half = n / 2;
    base = __builtin_unpredictable(base[half - 1] < key) ? base + half : base;
    n -= half;
  }
  return (size_t)(base - a) + (*base < key);
}
