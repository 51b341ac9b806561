// Total population count of an array of 64-bit words (popcnt with -march=haswell, bit tricks without).
#include <stddef.h>
#include <stdint.h>

uint64_t popcnt_sum_u64(const uint64_t *restrict a, size_t n) {
  uint64_t s = 0;
  for (size_t i = 0; i < n; i++) s += (uint64_t)__builtin_popcountll(a[i]);
  return s;
}
