// Sum of absolute differences of two byte buffers (block matching in video coding).
#include <stddef.h>
#include <stdint.h>

uint32_t sad_u8(const uint8_t *restrict a, const uint8_t *restrict b, size_t n) {
  uint32_t s = 0;
  for (size_t i = 0; i < n; i++) {
    int d = (int)a[i] - (int)b[i];
    s += (uint32_t)(d < 0 ? -d : d);
  }
  return s;
}
