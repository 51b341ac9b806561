// Population count of every word of an array by Kernighan's loop (clear the lowest set bit until zero).
#include <stddef.h>
#include <stdint.h>

void popcount_kernighan(const uint64_t *restrict in, uint8_t *restrict out, size_t n) {
  for (size_t i = 0; i < n; i++) {
    uint64_t x = in[i];
    unsigned c = 0;
    while (x) {
      x &= x - 1;
      c++;
    }
    out[i] = (uint8_t)c;
  }
}
