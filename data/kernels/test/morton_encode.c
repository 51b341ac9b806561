// Morton (Z-order) code of two 16-bit coordinates, interleaving one bit pair a step.
#include <stddef.h>
#include <stdint.h>

void morton_encode(const uint16_t *restrict x, const uint16_t *restrict y, uint32_t *restrict out, size_t n) {
  for (size_t i = 0; i < n; i++) {
    uint32_t code = 0;
    for (int b = 0; b < 16; b++) {
      code |= (uint32_t)((x[i] >> b) & 1) << (2 * b);
      code |= (uint32_t)((y[i] >> b) & 1) << (2 * b + 1);
    }
    out[i] = code;
  }
}
