// CRC-32 (reflected, 0xEDB88320) of a byte buffer, bit by bit without a table.
#include <stddef.h>
#include <stdint.h>

uint32_t crc32_bitwise(const uint8_t *restrict p, size_t n) {
  uint32_t crc = 0xFFFFFFFFu;
  for (size_t i = 0; i < n; i++) {
    crc ^= p[i];
    for (int b = 0; b < 8; b++) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
  }
  return ~crc;
}
