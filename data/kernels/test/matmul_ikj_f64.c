// Matrix product C += A B of n x n doubles in i-k-j order: the inner loop is an axpy on a row of C.
#include <stddef.h>

void matmul_ikj_f64(const double *restrict A, const double *restrict B, double *restrict C, size_t n) {
  for (size_t i = 0; i < n; i++)
    for (size_t k = 0; k < n; k++) {
      double a = A[i * n + k];
      for (size_t j = 0; j < n; j++) C[i * n + j] += a * B[k * n + j];
    }
}
