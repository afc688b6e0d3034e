#include "app/codec/legacy_charset.h"

#include <iconv.h>

namespace korgoo::app {
namespace {

// How often each lowercase Russian letter а..я (U+0430..U+044F) occurs, per mille of letters
// (rounded; the usual corpus figures). A text decoded with the wrong code page turns its
// frequent lowercase letters into capitals or rare letters, so the right page scores higher.
constexpr std::array<std::uint8_t, 32> kLowerFrequency = {
    80, 16, 45, 17, 30, 85, 9, 16, 73, 12, 35, 44, 32, 67, 110, 28,  // а..п
    47, 55, 63, 26, 3,  10, 5, 14, 7,  4,  1,  19, 17, 3,  6,   20,  // р..я
};

// The code point of a 2- or 3-byte UTF-8 character (0 for any other length).
char32_t code_point(std::string_view utf8) {
  if (utf8.size() == 2) return static_cast<char32_t>(((utf8[0] & 0x1F) << 6) | (utf8[1] & 0x3F));
  if (utf8.size() == 3)
    return static_cast<char32_t>(((utf8[0] & 0x0F) << 12) | ((utf8[1] & 0x3F) << 6) |
                                 (utf8[2] & 0x3F));
  return 0;
}

// Letter-frequency score of `head` read in the code page of `table`: frequent lowercase
// letters score most, capitals a quarter, and a capital right after a lowercase letter (the
// mark of the wrong page: "иБЮМНБ") costs.
long score(ByteView head, const CodePageDecoder& page) {
  long s = 0;
  bool prev_lower = false;
  for (const std::uint8_t b : head) {
    if (b < 0x80) {
      prev_lower = false;
      continue;
    }
    const char32_t c = code_point(page.utf8(b));
    if (c >= 0x430 && c <= 0x44F) {
      s += 4 * kLowerFrequency[c - 0x430];
      prev_lower = true;
    } else if (c >= 0x410 && c <= 0x42F) {
      s += kLowerFrequency[c - 0x410];
      if (prev_lower) s -= 200;
      prev_lower = false;
    } else {
      prev_lower = false;
    }
  }
  return s;
}

// Whether `head` is UTF-8 (a character cut by the head's end is allowed).
bool valid_utf8(ByteView head) {
  std::size_t i = 0;
  while (i < head.size()) {
    const std::uint8_t b = head[i];
    std::size_t n = 0;
    if (b < 0x80) {
      ++i;
      continue;
    }
    if (b >= 0xC2 && b <= 0xDF)
      n = 1;
    else if (b >= 0xE0 && b <= 0xEF)
      n = 2;
    else if (b >= 0xF0 && b <= 0xF4)
      n = 3;
    else
      return false;
    for (std::size_t k = 1; k <= n; ++k) {
      if (i + k >= head.size()) return true;  // cut by the end of the head
      if ((head[i + k] & 0xC0) != 0x80) return false;
    }
    i += n + 1;
  }
  return true;
}

// UTF-16 without a byte-order mark: one byte of each pair is nearly always 00 (Latin) or 04
// (Cyrillic), the other nearly never 00.
LegacyCharset guess_utf16(ByteView head) {
  const std::size_t pairs = head.size() / 2;
  if (pairs < 8) return LegacyCharset::kNone;
  std::size_t high[2] = {0, 0}, zero[2] = {0, 0};
  for (std::size_t i = 0; i < pairs * 2; ++i) {
    high[i % 2] += head[i] == 0x00 || head[i] == 0x04 ? 1 : 0;
    zero[i % 2] += head[i] == 0x00 ? 1 : 0;
  }
  // The high byte is the second of a little-endian pair, the first of a big-endian one.
  if (high[1] * 10 >= pairs * 9 && zero[0] * 20 <= pairs) return LegacyCharset::kUtf16le;
  if (high[0] * 10 >= pairs * 9 && zero[1] * 20 <= pairs) return LegacyCharset::kUtf16be;
  return LegacyCharset::kNone;
}

const char* iconv_name(LegacyCharset page) {
  return page == LegacyCharset::kKoi8r ? "KOI8-R" : "CP1251";
}

}  // namespace

std::string_view legacy_charset_name(LegacyCharset c) {
  switch (c) {
    case LegacyCharset::kCp1251:
      return "cp1251";
    case LegacyCharset::kKoi8r:
      return "koi8r";
    case LegacyCharset::kUtf16le:
      return "utf16le";
    case LegacyCharset::kUtf16be:
      return "utf16be";
    case LegacyCharset::kNone:
      break;
  }
  return "";
}

CodePageDecoder::CodePageDecoder(LegacyCharset page) {
  iconv_t cd = iconv_open("UTF-8", iconv_name(page));
  for (int b = 0x80; b <= 0xFF; ++b) {
    std::string& out = high_[b - 0x80];
    out = "\xEF\xBF\xBD";  // U+FFFD unless iconv knows the byte
    if (cd == reinterpret_cast<iconv_t>(-1)) continue;
    char in[1] = {static_cast<char>(b)};
    char buf[8] = {};
    char* ip = in;
    char* op = buf;
    std::size_t il = 1, ol = sizeof buf;
    iconv(cd, nullptr, nullptr, nullptr, nullptr);  // a fresh state for each byte
    if (iconv(cd, &ip, &il, &op, &ol) != static_cast<std::size_t>(-1) && il == 0)
      out.assign(buf, static_cast<std::size_t>(op - buf));
  }
  if (cd != reinterpret_cast<iconv_t>(-1)) iconv_close(cd);
}

void CodePageDecoder::decode(ByteView in, std::string& out) const {
  out.reserve(out.size() + in.size() * 2);
  for (const std::uint8_t b : in) {
    if (b < 0x80) {
      out.push_back(static_cast<char>(b));
    } else {
      out += high_[b - 0x80];
    }
  }
}

LegacyCharset guess_legacy_charset(ByteView head) {
  if (const LegacyCharset u = guess_utf16(head); u != LegacyCharset::kNone) return u;
  std::size_t high = 0, block = 0, ascii_letters = 0;
  for (const std::uint8_t b : head) {
    if (b == 0 || (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f'))
      return LegacyCharset::kNone;  // binary
    if (b >= 0x80) ++high;
    if (b >= 0xC0) ++block;  // the Cyrillic letters of both code pages
    if ((b | 0x20) >= 'a' && (b | 0x20) <= 'z') ++ascii_letters;
  }
  // Mostly Cyrillic letters: a third of the letters at least, nearly all in the letter block.
  if (high < 8 || high * 2 < ascii_letters || block * 4 < high * 3) return LegacyCharset::kNone;
  if (valid_utf8(head)) return LegacyCharset::kNone;
  const CodePageDecoder cp1251(LegacyCharset::kCp1251), koi8r(LegacyCharset::kKoi8r);
  return score(head, cp1251) >= score(head, koi8r) ? LegacyCharset::kCp1251 : LegacyCharset::kKoi8r;
}

}  // namespace korgoo::app
