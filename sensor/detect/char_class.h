// Byte classes and the "stands alone" rules that validators share.
#pragma once

#include <cstddef>
#include <string_view>

#include "detect/match_window.h"

namespace korgoo::detect {

inline bool is_digit(int c) {
  return c >= '0' && c <= '9';
}
inline bool is_upper(int c) {
  return c >= 'A' && c <= 'Z';
}
inline bool is_lower(int c) {
  return c >= 'a' && c <= 'z';
}
inline bool is_alpha(int c) {
  return is_upper(c) || is_lower(c);
}
inline bool is_alnum(int c) {
  return is_digit(c) || is_alpha(c);
}
inline bool is_hex(int c) {
  return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
inline int digit_value(int c) {
  return c - '0';
}

// True when `bytes[begin, end)` are all digits.
inline bool all_digits(const MatchWindow& w, std::size_t begin, std::size_t end) {
  for (std::size_t i = begin; i < end; ++i) {
    if (!is_digit(w.at(static_cast<std::ptrdiff_t>(i)))) return false;
  }
  return true;
}

// A number stands alone when no letter or digit touches it and it is not part of a decimal
// ("1.22010199012345", "22010199012345.5"). Letters count too: a digit run inside a hex
// token or base64 blob is not an identifier someone typed. A comma does not join numbers:
// CSV ("…45,22…") is the most common way identifiers leave in bulk.
inline bool number_stands_alone(const MatchWindow& w, std::size_t begin, std::size_t end) {
  const auto b = static_cast<std::ptrdiff_t>(begin);
  const auto e = static_cast<std::ptrdiff_t>(end);
  const int before = w.at(b - 1);
  const int after = w.at(e);
  if (before == MatchWindow::kUnknown || after == MatchWindow::kUnknown) return false;
  if (is_alnum(before) || is_alnum(after)) return false;
  if (before == '.' && is_digit(w.at(b - 2))) return false;
  if (after == '.' && is_digit(w.at(e + 1))) return false;
  return true;
}

// Bytes after a value ending at `end` that a validator needs (Validator::lookahead_needed)
// when it reads the byte right after the value and, only if that byte is one of `soft` (a
// group separator or decimal point the value might continue across), the byte after it too.
// Any other byte closes the value: the verdict cannot change, so one byte is enough. Nothing
// arrived yet: `most`, the validator's lookahead().
inline std::size_t bytes_needed_after(const MatchWindow& w, std::size_t end, std::string_view soft,
                                      std::size_t most) {
  const int after = w.at(static_cast<std::ptrdiff_t>(end));
  if (after == MatchWindow::kUnknown) return most;
  if (after != MatchWindow::kEdge &&
      soft.find(static_cast<char>(after)) != std::string_view::npos) {
    return most;
  }
  return 1;
}

// The last group of a GUID ("…-446655440000") is 12 hex characters that are often all
// digits; a kz_iin candidate there is noise.
inline bool is_guid_tail(const MatchWindow& w, std::size_t begin) {
  // 8-4-4-4- precedes the last group: 24 bytes.
  static constexpr int kLayout[] = {8, 4, 4, 4};
  auto i = static_cast<std::ptrdiff_t>(begin) - 1;
  for (int g = 3; g >= 0; --g) {
    if (w.at(i) != '-') return false;
    --i;
    for (int k = 0; k < kLayout[g]; ++k, --i) {
      if (!is_hex(w.at(i))) return false;
    }
  }
  return true;
}
inline constexpr std::size_t kGuidPrefixLength = 24;

}  // namespace korgoo::detect
