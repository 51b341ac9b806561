// STREAM triad on doubles: a[i] = b[i] + s * c[i].
#include <stddef.h>

void triad_f64(double *restrict a, const double *restrict b, const double *restrict c, double s, size_t n) {
  for (size_t i = 0; i < n; i++) a[i] = b[i] + s * c[i];
}
