// memcpy as a byte loop (no library call).
#include <stddef.h>
#include <stdint.h>

__attribute__((no_builtin("memcpy")))
void memcpy_u8(uint8_t *restrict dst, const uint8_t *restrict src, size_t n) {
  for (size_t i = 0; i < n; i++) dst[i] = src[i];
}
