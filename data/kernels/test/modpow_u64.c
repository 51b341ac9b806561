// Modular exponentiation base^e mod m (m < 2^32) by repeated squaring: 64-bit remainders in a dependent chain.
#include <stdint.h>

uint64_t modpow_u64(uint64_t base, uint64_t e, uint64_t m) {
  uint64_t r = 1 % m;
  base %= m;
  while (e) {
    uint64_t f = (e & 1) ? base : 1;
    r = r * f % m;
    base = base * base % m;
    e >>= 1;
  }
  return r;
}
