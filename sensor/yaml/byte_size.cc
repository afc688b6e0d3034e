#include "yaml/byte_size.h"

#include <cctype>
#include <limits>
#include <string>

namespace korgoo::yaml {

bool parse_byte_size(std::string_view text, std::uint64_t& out) {
  std::size_t i = 0;
  std::uint64_t n = 0;
  while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) {
    if (n > std::numeric_limits<std::uint64_t>::max() / 10) return false;
    n = n * 10 + static_cast<std::uint64_t>(text[i++] - '0');
  }
  if (i == 0) return false;
  std::string unit;
  for (; i < text.size(); ++i)
    if (!std::isspace(static_cast<unsigned char>(text[i])))
      unit += static_cast<char>(std::tolower(static_cast<unsigned char>(text[i])));
  std::uint64_t mult = 1;
  if (unit.empty() || unit == "b") {
    mult = 1;
  } else if (unit == "kb" || unit == "k" || unit == "kib") {
    mult = 1ull << 10;
  } else if (unit == "mb" || unit == "m" || unit == "mib") {
    mult = 1ull << 20;
  } else if (unit == "gb" || unit == "g" || unit == "gib") {
    mult = 1ull << 30;
  } else {
    return false;
  }
  if (n > std::numeric_limits<std::uint64_t>::max() / mult) return false;
  out = n * mult;
  return true;
}

}  // namespace korgoo::yaml
