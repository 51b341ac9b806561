// Dot product of two int32 arrays, accumulated in 32 bits.
#include <stddef.h>
#include <stdint.h>

int32_t dot_i32(const int32_t *restrict a, const int32_t *restrict b, size_t n) {
  int32_t s = 0;
  for (size_t i = 0; i < n; i++) s += a[i] * b[i];
  return s;
}
