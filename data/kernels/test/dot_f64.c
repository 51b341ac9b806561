// Dot product of two double arrays (a strict in-order sum unless -ffast-math reassociates it).
#include <stddef.h>

double dot_f64(const double *restrict a, const double *restrict b, size_t n) {
  double s = 0.0;
  for (size_t i = 0; i < n; i++) s += a[i] * b[i];
  return s;
}
