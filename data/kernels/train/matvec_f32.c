// Matrix-vector product y = A x, A row-major rows x cols floats.
#include <stddef.h>

void matvec_f32(const float *restrict A, const float *restrict x, float *restrict y, size_t rows, size_t cols) {
  for (size_t i = 0; i < rows; i++) {
    float s = 0.0f;
    for (size_t j = 0; j < cols; j++) s += A[i * cols + j] * x[j];
    y[i] = s;
  }
}
