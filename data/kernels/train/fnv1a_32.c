// FNV-1a 32-bit hash of a byte buffer: xor a byte, multiply by the FNV prime.
#include <stddef.h>
#include <stdint.h>

uint32_t fnv1a_32(const uint8_t *restrict p, size_t n) {
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < n; i++) {
    h ^= p[i];
    h *= 16777619u;
  }
  return h;
}
