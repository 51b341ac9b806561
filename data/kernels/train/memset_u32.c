// memset-like fill of 32-bit words with a run-time value (no library call: the value is not a byte splat).
#include <stddef.h>
#include <stdint.h>

__attribute__((no_builtin("memset")))
void memset_u32(uint32_t *restrict p, uint32_t v, size_t n) {
  for (size_t i = 0; i < n; i++) p[i] = v;
}
