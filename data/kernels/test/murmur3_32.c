// MurmurHash3 (x86, 32-bit) body rounds over an array of 32-bit blocks, without the tail and finaliser.
#include <stddef.h>
#include <stdint.h>

static inline uint32_t rotl32(uint32_t x, int r) { return (x << r) | (x >> (32 - r)); }

uint32_t murmur3_32(const uint32_t *restrict blocks, size_t nblocks, uint32_t seed) {
  uint32_t h = seed;
  for (size_t i = 0; i < nblocks; i++) {
    uint32_t k = blocks[i];
    k *= 0xcc9e2d51u;
    k = rotl32(k, 15);
    k *= 0x1b873593u;
    h ^= k;
    h = rotl32(h, 13);
    h = h * 5 + 0xe6546b64u;
  }
  return h;
}
