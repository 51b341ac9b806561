// Histogram of bytes into 256 32-bit counters.
#include <stddef.h>
#include <stdint.h>

void histogram_u8(const uint8_t *restrict data, size_t n, uint32_t *restrict hist) {
  for (size_t i = 0; i < n; i++) hist[data[i]]++;
}
