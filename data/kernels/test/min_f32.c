// Min reduction of a float array.
#include <stddef.h>

float min_f32(const float *restrict a, size_t n) {
  float m = a[0];
  for (size_t i = 1; i < n; i++) m = a[i] < m ? a[i] : m;
  return m;
}
