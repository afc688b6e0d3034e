// Case folding and letter classes for the UTF-8 text the sensor scans: ASCII plus the Cyrillic
// block used by Kyrgyz, Russian and Kazakh. Invalid UTF-8 passes through byte by byte, because
// the scanned data is arbitrary.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "common/utf8.h"  // append_utf8 pairs with decode_at below

namespace korgoo::detect {

// The lower-case partner of an upper-case code point, or the code point itself.
char32_t fold_code_point(char32_t cp);
// The upper-case partner of a lower-case code point, or the code point itself.
char32_t upper_code_point(char32_t cp);
// Lower-cases ASCII and Cyrillic letters.
std::string fold_utf8(std::string_view text);
// The same, appended to `out` (reuses its capacity on the hot path).
void fold_utf8_append(std::string_view text, std::string& out);
// A letter or digit of the scripts above (ASCII, Latin-1/Extended-A/B, Cyrillic).
bool is_word_code_point(char32_t cp);

// Decodes one code point starting at `text[i]`; `len` receives its byte length. Invalid bytes
// decode as themselves with length 1.
char32_t decode_at(std::string_view text, std::size_t i, std::size_t& len);

}  // namespace korgoo::detect
