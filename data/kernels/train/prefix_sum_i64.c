// Inclusive prefix sum of int64: out[i] = in[0] + ... + in[i].
#include <stddef.h>
#include <stdint.h>

void prefix_sum_i64(const int64_t *restrict in, int64_t *restrict out, size_t n) {
  int64_t s = 0;
  for (size_t i = 0; i < n; i++) {
    s += in[i];
    out[i] = s;
  }
}
