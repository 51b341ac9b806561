// Square roots by Newton's iteration x = (x + v/x) / 2, a fixed number of steps: dependent divisions.
#include <stddef.h>

void newton_sqrt_f64(const double *restrict v, double *restrict out, size_t n, int steps) {
  for (size_t i = 0; i < n; i++) {
    double x = v[i] > 1.0 ? v[i] : 1.0;
    for (int s = 0; s < steps; s++) x = 0.5 * (x + v[i] / x);
    out[i] = x;
  }
}
