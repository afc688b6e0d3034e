#include "detect/text_fold.h"

namespace korgoo::detect {

char32_t fold_code_point(char32_t cp) {
  if (cp >= U'A' && cp <= U'Z') return cp + 0x20;
  if (cp >= 0x0410 && cp <= 0x042F) return cp + 0x20;  // А-Я
  if (cp >= 0x0400 && cp <= 0x040F) return cp + 0x50;  // Ѐ-Џ (Ё, І, Ј, ...)
  // Cyrillic Supplement pairs (Ғ Қ Ң Ү Ұ Һ Ө Ә ...): upper case at even code points, except
  // 0x04C1-0x04CE where the upper case is odd; 0x04C0 (palochka) pairs with 0x04CF.
  if (cp == 0x04C0) return 0x04CF;
  if (cp >= 0x04C1 && cp <= 0x04CE) return (cp % 2 == 1) ? cp + 1 : cp;
  if ((cp >= 0x0460 && cp <= 0x0481) || (cp >= 0x048A && cp <= 0x04BF) ||
      (cp >= 0x04D0 && cp <= 0x052F)) {
    return (cp % 2 == 0) ? cp + 1 : cp;
  }
  return cp;
}

char32_t upper_code_point(char32_t cp) {
  if (cp >= U'a' && cp <= U'z') return cp - 0x20;
  if (cp >= 0x0430 && cp <= 0x044F) return cp - 0x20;
  if (cp >= 0x0450 && cp <= 0x045F) return cp - 0x50;
  if (cp == 0x04CF) return 0x04C0;
  if (cp >= 0x04C1 && cp <= 0x04CE) return (cp % 2 == 0) ? cp - 1 : cp;
  if ((cp >= 0x0460 && cp <= 0x0481) || (cp >= 0x048A && cp <= 0x04BF) ||
      (cp >= 0x04D0 && cp <= 0x052F)) {
    return (cp % 2 == 1) ? cp - 1 : cp;
  }
  return cp;
}

bool is_word_code_point(char32_t cp) {
  if (cp < 0x80) {
    return (cp >= U'0' && cp <= U'9') || (cp >= U'A' && cp <= U'Z') || (cp >= U'a' && cp <= U'z');
  }
  if (cp >= 0x00C0 && cp <= 0x024F) return cp != 0x00D7 && cp != 0x00F7;
  return cp >= 0x0400 && cp <= 0x052F;
}

char32_t decode_at(std::string_view s, std::size_t i, std::size_t& len) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  len = 1;
  if (b0 < 0x80) return b0;
  std::size_t n = 0;
  char32_t cp = 0;
  if ((b0 & 0xE0) == 0xC0) {
    n = 2;
    cp = b0 & 0x1F;
  } else if ((b0 & 0xF0) == 0xE0) {
    n = 3;
    cp = b0 & 0x0F;
  } else if ((b0 & 0xF8) == 0xF0) {
    n = 4;
    cp = b0 & 0x07;
  } else {
    return b0;
  }
  if (i + n > s.size()) return b0;
  for (std::size_t k = 1; k < n; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) return b0;
    cp = (cp << 6) | (b & 0x3F);
  }
  len = n;
  return cp;
}

void fold_utf8_append(std::string_view text, std::string& out) {
  for (std::size_t i = 0; i < text.size();) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {  // ASCII fast path
      out.push_back(b >= 'A' && b <= 'Z' ? static_cast<char>(b + 0x20) : static_cast<char>(b));
      ++i;
      continue;
    }
    std::size_t len = 0;
    const char32_t cp = decode_at(text, i, len);
    if (len == 1) {
      out.push_back(text[i]);  // invalid byte: keep as is
    } else {
      append_utf8(out, fold_code_point(cp));
    }
    i += len;
  }
}

std::string fold_utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  fold_utf8_append(text, out);
  return out;
}

}  // namespace korgoo::detect
