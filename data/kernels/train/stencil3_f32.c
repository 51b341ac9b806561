// One-dimensional three-point stencil: out[i] = c0*in[i-1] + c1*in[i] + c2*in[i+1].
#include <stddef.h>

void stencil3_f32(const float *restrict in, float *restrict out, size_t n, float c0, float c1, float c2) {
  for (size_t i = 1; i + 1 < n; i++) out[i] = c0 * in[i - 1] + c1 * in[i] + c2 * in[i + 1];
}
