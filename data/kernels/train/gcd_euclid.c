// Euclid's greatest common divisor by remainders: a chain of dependent 64-bit divisions.
#include <stdint.h>

uint64_t gcd_euclid(uint64_t a, uint64_t b) {
  while (b != 0) {
    uint64_t t = a % b;
    a = b;
    b = t;
  }
  return a;
}
