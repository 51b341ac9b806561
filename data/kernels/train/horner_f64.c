// Horner's rule: a polynomial of degree n-1 with coefficients c[0..n-1] (highest first) at x.
#include <stddef.h>

double horner_f64(const double *restrict c, size_t n, double x) {
  double r = 0.0;
  for (size_t i = 0; i < n; i++) r = r * x + c[i];
  return r;
}
