// Fixed-point gain on 16-bit samples: y[i] = (x[i] * gain) >> 8, saturated to int16.
#include <stddef.h>
#include <stdint.h>

void scale_i16(const int16_t *restrict x, int16_t *restrict y, size_t n, int16_t gain) {
  for (size_t i = 0; i < n; i++) {
    int32_t v = ((int32_t)x[i] * gain) >> 8;
    if (v > INT16_MAX) v = INT16_MAX;
    if (v < INT16_MIN) v = INT16_MIN;
    y[i] = (int16_t)v;
  }
}
