// Two-dimensional five-point Jacobi stencil on a rows x cols grid of doubles (interior points).
#include <stddef.h>

void stencil5_2d_f64(const double *restrict in, double *restrict out, size_t rows, size_t cols) {
  for (size_t i = 1; i + 1 < rows; i++)
    for (size_t j = 1; j + 1 < cols; j++)
      out[i * cols + j] = 0.25 * (in[(i - 1) * cols + j] + in[(i + 1) * cols + j] +
                                  in[i * cols + j - 1] + in[i * cols + j + 1]);
}
