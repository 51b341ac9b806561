// Running average: the exponential moving average m += alpha * (x[i] - m), written out at every step.
#include <stddef.h>

void ema_f32(const float *restrict x, float *restrict out, size_t n, float alpha) {
  float m = x[0];
  for (size_t i = 0; i < n; i++) {
    m += alpha * (x[i] - m);
    out[i] = m;
  }
}
