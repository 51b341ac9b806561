// Dot product of two float arrays (a strict in-order sum unless -ffast-math reassociates it).
#include <stddef.h>

float dot_f32(const float *restrict a, const float *restrict b, size_t n) {
  float s = 0.0f;
  for (size_t i = 0; i < n; i++) s += a[i] * b[i];
  return s;
}
