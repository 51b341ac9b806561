// Hex text to machine-code bytes and back (parseHex, toHex).
#include "surrogate/block/BasicBlock.h"

namespace surrogate::block {

static int hexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

DecodeResult parseHex(const std::string &hex, std::vector<std::uint8_t> &bytes) {
  bytes.clear();
  if (hex.empty())
    return DecodeResult::failure("empty block (no hex digits)");
  for (std::size_t i = 0; i < hex.size(); ++i)
    if (hexDigit(hex[i]) < 0)
      return DecodeResult::failure("non-hex character '" + std::string(1, hex[i]) + "' at position " + std::to_string(i + 1));
  if (hex.size() % 2 != 0)
    return DecodeResult::failure("odd-length hex string (" + std::to_string(hex.size()) + " digits)");
  bytes.reserve(hex.size() / 2);
  for (std::size_t i = 0; i < hex.size(); i += 2)
    bytes.push_back(static_cast<std::uint8_t>(hexDigit(hex[i]) * 16 + hexDigit(hex[i + 1])));
  return DecodeResult::success();
}

std::string toHex(const std::uint8_t *data, std::size_t size) {
  static const char *digits = "0123456789abcdef";
  std::string out(size * 2, '0');
  for (std::size_t i = 0; i < size; ++i) {
    out[2 * i] = digits[data[i] >> 4];
    out[2 * i + 1] = digits[data[i] & 15];
  }
  return out;
}

} // namespace surrogate::block
