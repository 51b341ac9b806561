// Max reduction of an int32 array.
#include <stddef.h>
#include <stdint.h>

int32_t max_i32(const int32_t *restrict a, size_t n) {
  int32_t m = INT32_MIN;
  for (size_t i = 0; i < n; i++) m = a[i] > m ? a[i] : m;
  return m;
}
