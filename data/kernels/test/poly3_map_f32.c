// A cubic polynomial applied to every element: y[i] = c0 + x*(c1 + x*(c2 + x*c3)).
#include <stddef.h>

void poly3_map_f32(const float *restrict x, float *restrict y, size_t n, float c0, float c1, float c2, float c3) {
  for (size_t i = 0; i < n; i++) {
    float v = x[i];
    y[i] = c0 + v * (c1 + v * (c2 + v * c3));
  }
}
