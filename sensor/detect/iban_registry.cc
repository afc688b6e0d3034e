#include "detect/iban_registry.h"

#include <algorithm>
#include <array>

#include "detect/char_class.h"

namespace korgoo::detect {
namespace {

// SWIFT IBAN Registry (ISO 13616), every country of the registry's published list: IBAN length
// and BBAN structure in the registry's notation (n digits, a upper-case letters, c either;
// "!" = fixed length). Sorted by country code.
constexpr std::array<IbanCountry, 89> kRegistry = {{
    {"AD", 24, "4!n4!n12!c"},
    {"AE", 23, "3!n16!n"},
    {"AL", 28, "8!n16!c"},
    {"AT", 20, "5!n11!n"},
    {"AZ", 28, "4!a20!c"},
    {"BA", 20, "3!n3!n8!n2!n"},
    {"BE", 16, "3!n7!n2!n"},
    {"BG", 22, "4!a4!n2!n8!c"},
    {"BH", 22, "4!a14!c"},
    {"BI", 27, "5!n5!n11!n2!n"},
    {"BR", 29, "8!n5!n10!n1!a1!c"},
    {"BY", 28, "4!c4!n16!c"},
    {"CH", 21, "5!n12!c"},
    {"CR", 22, "4!n14!n"},
    {"CY", 28, "3!n5!n16!c"},
    {"CZ", 24, "4!n6!n10!n"},
    {"DE", 22, "8!n10!n"},
    {"DJ", 27, "5!n5!n11!n2!n"},
    {"DK", 18, "4!n9!n1!n"},
    {"DO", 28, "4!c20!n"},
    {"EE", 20, "2!n14!n"},
    {"EG", 29, "4!n4!n17!n"},
    {"ES", 24, "4!n4!n1!n1!n10!n"},
    {"FI", 18, "3!n11!n"},
    {"FK", 18, "2!a12!n"},
    {"FO", 18, "4!n9!n1!n"},
    {"FR", 27, "5!n5!n11!c2!n"},
    {"GB", 22, "4!a6!n8!n"},
    {"GE", 22, "2!a16!n"},
    {"GI", 23, "4!a15!c"},
    {"GL", 18, "4!n9!n1!n"},
    {"GR", 27, "3!n4!n16!c"},
    {"GT", 28, "4!c20!c"},
    {"HN", 28, "4!a20!n"},
    {"HR", 21, "7!n10!n"},
    {"HU", 28, "3!n4!n1!n15!n1!n"},
    {"IE", 22, "4!a6!n8!n"},
    {"IL", 23, "3!n3!n13!n"},
    {"IQ", 23, "4!a3!n12!n"},
    {"IS", 26, "4!n2!n6!n10!n"},
    {"IT", 27, "1!a5!n5!n12!c"},
    {"JO", 30, "4!a4!n18!c"},
    {"KW", 30, "4!a22!c"},
    {"KZ", 20, "3!n13!c"},
    {"LB", 28, "4!n20!c"},
    {"LC", 32, "4!a24!c"},
    {"LI", 21, "5!n12!c"},
    {"LT", 20, "5!n11!n"},
    {"LU", 20, "3!n13!c"},
    {"LV", 21, "4!a13!c"},
    {"LY", 25, "3!n3!n15!n"},
    {"MC", 27, "5!n5!n11!c2!n"},
    {"MD", 24, "2!c18!c"},
    {"ME", 22, "3!n13!n2!n"},
    {"MK", 19, "3!n10!c2!n"},
    {"MN", 20, "4!n12!n"},
    {"MR", 27, "5!n5!n11!n2!n"},
    {"MT", 31, "4!a5!n18!c"},
    {"MU", 30, "4!a2!n2!n12!n3!n3!a"},
    {"NI", 28, "4!a20!n"},
    {"NL", 18, "4!a10!n"},
    {"NO", 15, "4!n6!n1!n"},
    {"OM", 23, "3!n16!c"},
    {"PK", 24, "4!a16!c"},
    {"PL", 28, "8!n16!n"},
    {"PS", 29, "4!a21!c"},
    {"PT", 25, "4!n4!n11!n2!n"},
    {"QA", 29, "4!a21!c"},
    {"RO", 24, "4!a16!c"},
    {"RS", 22, "3!n13!n2!n"},
    {"RU", 33, "9!n5!n15!c"},
    {"SA", 24, "2!n18!c"},
    {"SC", 31, "4!a2!n2!n16!n3!a"},
    {"SD", 18, "2!n12!n"},
    {"SE", 24, "3!n16!n1!n"},
    {"SI", 19, "5!n8!n2!n"},
    {"SK", 24, "4!n6!n10!n"},
    {"SM", 27, "1!a5!n5!n12!c"},
    {"SO", 23, "4!n3!n12!n"},
    {"ST", 25, "4!n4!n11!n2!n"},
    {"SV", 28, "4!a20!n"},
    {"TL", 23, "3!n14!n2!n"},
    {"TN", 24, "2!n3!n13!n2!n"},
    {"TR", 26, "5!n1!n16!c"},
    {"UA", 29, "6!n19!c"},
    {"VA", 22, "3!n15!n"},
    {"VG", 24, "4!a16!n"},
    {"XK", 20, "4!n10!n2!n"},
    {"YE", 30, "4!a4!n18!c"},
}};

}  // namespace

const IbanCountry* iban_country(std::string_view code) {
  const auto it =
      std::lower_bound(kRegistry.begin(), kRegistry.end(), code,
                       [](const IbanCountry& c, std::string_view k) { return c.code < k; });
  return it != kRegistry.end() && it->code == code ? &*it : nullptr;
}

std::span<const IbanCountry> iban_registry() {
  return kRegistry;
}

bool bban_matches(std::string_view structure, std::string_view bban) {
  std::size_t pos = 0;
  std::size_t i = 0;
  while (i < structure.size()) {
    std::size_t n = 0;
    while (i < structure.size() && is_digit(structure[i]))
      n = n * 10 + static_cast<std::size_t>(structure[i++] - '0');
    if (i + 1 >= structure.size() || structure[i] != '!') return false;
    const char kind = structure[i + 1];
    i += 2;
    if (pos + n > bban.size()) return false;
    for (std::size_t k = 0; k < n; ++k, ++pos) {
      const int c = static_cast<unsigned char>(bban[pos]);
      const bool ok = kind == 'n'   ? is_digit(c)
                      : kind == 'a' ? is_upper(c)
                                    : is_digit(c) || is_upper(c);
      if (!ok) return false;
    }
  }
  return pos == bban.size();
}

bool inside_printed_iban(const MatchWindow& w, std::size_t begin) {
  const auto upper = [](int c) { return is_lower(c) ? c - 'a' + 'A' : c; };
  auto i = static_cast<std::ptrdiff_t>(begin);
  for (int g = 0; g < 8; ++g) {
    if (w.at(i - 1) != ' ') return false;
    const auto gb = i - 5;
    for (auto k = gb; k < i - 1; ++k) {
      if (!is_alnum(w.at(k))) return false;
    }
    const int c0 = upper(w.at(gb));
    const int c1 = upper(w.at(gb + 1));
    if (is_upper(c0) && is_upper(c1) && is_digit(w.at(gb + 2)) && is_digit(w.at(gb + 3)) &&
        !is_alnum(w.at(gb - 1))) {
      const char code[2] = {static_cast<char>(c0), static_cast<char>(c1)};
      return iban_country(std::string_view(code, 2)) != nullptr;
    }
    i = gb;
  }
  return false;
}

}  // namespace korgoo::detect
