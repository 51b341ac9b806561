// Count the bytes of a buffer equal to c.
#include <stddef.h>
#include <stdint.h>

size_t count_eq_u8(const uint8_t *restrict p, size_t n, uint8_t c) {
  size_t k = 0;
  for (size_t i = 0; i < n; i++) k += p[i] == c;
  return k;
}
