// String compare: the difference of the first differing bytes, with one combined exit test per byte.
#include <stddef.h>

int strcmp_u8(const unsigned char *a, const unsigned char *b) {
  size_t i = 0;
  unsigned c, d;
  do {
    c = a[i];
    d = b[i];
    i++;
  } while (((c ^ d) | (c == 0)) == 0);
  return (int)c - (int)d;
}
