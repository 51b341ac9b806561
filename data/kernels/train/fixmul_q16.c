// Fixed-point Q16.16 multiply chain: x = (x * k[i]) >> 16, each product waiting for the last.
#include <stddef.h>
#include <stdint.h>

int32_t fixmul_q16(int32_t x, const int32_t *restrict k, size_t n) {
  for (size_t i = 0; i < n; i++) x = (int32_t)(((int64_t)x * k[i]) >> 16);
  return x;
}
