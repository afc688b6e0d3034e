// The value of one hexadecimal digit, for the decoders that read %XX, =XX, \uXXXX, chunk
// sizes and keys.
#pragma once

namespace korgoo {

// 0..15, or -1 when `c` is not a hexadecimal digit (either case).
constexpr int hex_digit_value(unsigned char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

static_assert(hex_digit_value('7') == 7 && hex_digit_value('b') == 11 &&
              hex_digit_value('F') == 15 && hex_digit_value('g') == -1);

}  // namespace korgoo
