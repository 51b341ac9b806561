// Sum of unsigned bytes into a 32-bit total (widening reduction).
#include <stddef.h>
#include <stdint.h>

uint32_t sum_u8(const uint8_t *restrict p, size_t n) {
  uint32_t s = 0;
  for (size_t i = 0; i < n; i++) s += p[i];
  return s;
}
