// FIR filter on Q15 samples: each output a 32-bit sum of taps products, shifted back to Q15.
#include <stddef.h>
#include <stdint.h>

void fir_q15(const int16_t *restrict x, const int16_t *restrict h, int16_t *restrict y, size_t n, size_t taps) {
  for (size_t i = 0; i < n; i++) {
    int32_t acc = 0;
    for (size_t k = 0; k < taps; k++) acc += (int32_t)x[i + k] * h[k];
    y[i] = (int16_t)(acc >> 15);
  }
}
