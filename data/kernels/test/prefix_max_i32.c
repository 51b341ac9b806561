// Running maximum: out[i] = max(in[0], ..., in[i]) on int32.
#include <stddef.h>
#include <stdint.h>

void prefix_max_i32(const int32_t *restrict in, int32_t *restrict out, size_t n) {
  int32_t m = INT32_MIN;
  for (size_t i = 0; i < n; i++) {
    m = in[i] > m ? in[i] : m;
    out[i] = m;
  }
}
