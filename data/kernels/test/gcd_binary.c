// Stein's binary greatest common divisor: shifts and subtractions, no division.
#include <stdint.h>

uint64_t gcd_binary(uint64_t a, uint64_t b) {
  if (a == 0) return b;
  if (b == 0) return a;
  int shift = __builtin_ctzll(a | b);
  a >>= __builtin_ctzll(a);
  do {
    b >>= __builtin_ctzll(b);
    uint64_t lo = a < b ? a : b, hi = a < b ? b : a;
    a = lo;
    b = hi - lo;
  } while (b != 0);
  return a << shift;
}
