// Product reduction of a double array.
#include <stddef.h>

double product_f64(const double *restrict a, size_t n) {
  double p = 1.0;
  for (size_t i = 0; i < n; i++) p *= a[i];
  return p;
}
