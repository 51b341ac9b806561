// String length: count bytes up to the terminating zero.
#include <stddef.h>

size_t strlen_u8(const char *s) {
  size_t n = 0;
  while (s[n]) n++;
  return n;
}
