// Biquad IIR filter (direct form I) on doubles: each output depends on the two before it.
#include <stddef.h>

void biquad_f64(const double *restrict x, double *restrict y, size_t n, double b0, double b1, double b2, double a1,
                double a2) {
  double x1 = 0, x2 = 0, y1 = 0, y2 = 0;
  for (size_t i = 0; i < n; i++) {
    double v = b0 * x[i] + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
    x2 = x1;
    x1 = x[i];
    y2 = y1;
    y1 = v;
    y[i] = v;
  }
}
