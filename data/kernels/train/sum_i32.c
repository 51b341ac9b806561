// Sum reduction of an int32 array into an int64.
#include <stddef.h>
#include <stdint.h>

int64_t sum_i32(const int32_t *restrict a, size_t n) {
  int64_t s = 0;
  for (size_t i = 0; i < n; i++) s += a[i];
  return s;
}
