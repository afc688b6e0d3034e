// The SWIFT IBAN registry as data: for each country, the IBAN length and the BBAN structure.
// Shared by the iban validator and the card/phone validators' "inside an IBAN" rule.
#pragma once

#include <cstddef>
#include <span>
#include <string_view>

#include "detect/match_window.h"

namespace korgoo::detect {

struct IbanCountry {
  std::string_view code;       // ISO 3166 alpha-2
  std::size_t length;          // whole IBAN, compact
  std::string_view structure;  // BBAN, registry notation ("8!n10!n")
};

// nullptr for a country that does not use IBAN (KG, US, ...).
const IbanCountry* iban_country(std::string_view code);
std::span<const IbanCountry> iban_registry();
// `bban` (upper case) has the registry structure.
bool bban_matches(std::string_view structure, std::string_view bban);
// The digits starting at `begin` are the tail of a printed IBAN ("GB82 WEST 1234 5698 7654
// 3210", either case): groups of four IBAN characters separated by single spaces lead back to
// a country code and check digits of a registry country. Cards and phones are never that.
// Reads up to kIbanLeadBytes before `begin`.
bool inside_printed_iban(const MatchWindow& w, std::size_t begin);
inline constexpr std::size_t kIbanLeadBytes = 8 * 5 + 1;

}  // namespace korgoo::detect
