// Text written in a pre-Unicode Cyrillic code page (CP1251 from Windows exports, KOI8-R from
// old Unix systems) or in UTF-16 without a byte-order mark, told from the first bytes of a file
// and converted to UTF-8, so that Cyrillic context words and names, which the signatures hold
// as UTF-8, are found (issue 13). The guess is cheap and bounded (one pass over at most the
// sniffed head) and conservative: valid UTF-8 is never converted, and a code page is chosen
// only when most letters are high-bit bytes of the Cyrillic block.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "common/bytes.h"

namespace korgoo::app {

enum class LegacyCharset : std::uint8_t { kNone, kCp1251, kKoi8r, kUtf16le, kUtf16be };

// "cp1251", "koi8r", "utf16le", "utf16be" ("" for kNone): the decoders() names.
std::string_view legacy_charset_name(LegacyCharset c);

// What `head` (the first bytes of a file; its last bytes may cut a character) is written in,
// kNone when it is UTF-8, ASCII, binary or not clearly one of the others.
LegacyCharset guess_legacy_charset(ByteView head);

// A single-byte code page to UTF-8, one table lookup a byte; the table is built by glibc iconv
// at construction. A byte the code page leaves undefined becomes U+FFFD.
class CodePageDecoder {
 public:
  explicit CodePageDecoder(LegacyCharset page);
  // Appends the UTF-8 form of `in` to `out` (no state: every byte is a character).
  void decode(ByteView in, std::string& out) const;
  // The UTF-8 form of one byte 0x80..0xFF.
  const std::string& utf8(std::uint8_t high_byte) const { return high_[high_byte - 0x80]; }

 private:
  std::array<std::string, 128> high_;  // UTF-8 of the bytes 0x80..0xFF
};

}  // namespace korgoo::app
