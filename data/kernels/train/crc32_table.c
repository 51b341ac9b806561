// CRC-32 (reflected, 0xEDB88320) of a byte buffer with a 256-entry lookup table, one byte a step.
#include <stddef.h>
#include <stdint.h>

uint32_t crc32_table(const uint32_t *restrict table, const uint8_t *restrict p, size_t n) {
  uint32_t crc = 0xFFFFFFFFu;
  for (size_t i = 0; i < n; i++) crc = table[(crc ^ p[i]) & 0xFF] ^ (crc >> 8);
  return ~crc;
}
