// Bit reversal of every word of an array, one bit a step.
#include <stddef.h>
#include <stdint.h>

void bitrev_u32(const uint32_t *restrict in, uint32_t *restrict out, size_t n) {
  for (size_t i = 0; i < n; i++) {
    uint32_t x = in[i], r = 0;
    for (int b = 0; b < 32; b++) {
      r = (r << 1) | (x & 1);
      x >>= 1;
    }
    out[i] = r;
  }
}
