// Complex multiply-accumulate of interleaved float pairs: acc += a[i] * b[i] over complex numbers.
#include <stddef.h>

void cmul_acc_f32(const float *restrict a, const float *restrict b, size_t n, float *restrict acc) {
  float re = 0.0f, im = 0.0f;
  for (size_t i = 0; i < n; i++) {
    float ar = a[2 * i], ai = a[2 * i + 1], br = b[2 * i], bi = b[2 * i + 1];
    re += ar * br - ai * bi;
    im += ar * bi + ai * br;
  }
  acc[0] = re;
  acc[1] = im;
}
