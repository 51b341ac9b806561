// Number of decimal digits of every value of an array, by repeated division by ten.
#include <stddef.h>
#include <stdint.h>

void count_digits(const uint64_t *restrict in, uint8_t *restrict out, size_t n) {
  for (size_t i = 0; i < n; i++) {
    uint64_t x = in[i];
    unsigned d = 1;
    while (x >= 10) {
      x /= 10;
      d++;
    }
    out[i] = (uint8_t)d;
  }
}
