// Linear congruential generator (Knuth's MMIX constants) filling an array: one dependent multiply-add a step.
#include <stddef.h>
#include <stdint.h>

uint64_t lcg_chain(uint64_t state, uint32_t *restrict out, size_t n) {
  for (size_t i = 0; i < n; i++) {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    out[i] = (uint32_t)(state >> 33);
  }
  return state;
}
