#include "detect/keyword_pattern.h"

#include <cstdio>

#include "detect/text_fold.h"

namespace korgoo::detect {
namespace {

void append_escaped_bytes(std::string& out, std::string_view bytes) {
  for (char c : bytes) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "\\x%02X", static_cast<unsigned char>(c));
    out += buf;
  }
}

}  // namespace

std::string keyword_to_pattern(std::string_view folded) {
  std::string out;
  for (std::size_t i = 0; i < folded.size();) {
    std::size_t len = 0;
    const char32_t cp = decode_at(folded, i, len);
    const std::string_view bytes = folded.substr(i, len);
    i += len;
    if (cp < 0x80) {
      const auto c = static_cast<unsigned char>(cp);
      if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z')) {
        out.push_back(static_cast<char>(c));  // ASCII letters: HS_FLAG_CASELESS
      } else {
        append_escaped_bytes(out, bytes);
      }
      continue;
    }
    std::string upper;
    append_utf8(upper, upper_code_point(cp));
    if (upper.size() != bytes.size() || upper == bytes) {
      out += "(?:";
      append_escaped_bytes(out, bytes);
      out += ")";
      continue;
    }
    out += "(?:";
    append_escaped_bytes(out, bytes);
    out += "|";
    append_escaped_bytes(out, upper);
    out += ")";
  }
  return out;
}

}  // namespace korgoo::detect
