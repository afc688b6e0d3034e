// The SWIFT IBAN registry as data: for each country, the IBAN length and the BBAN structure.
// Shared by the iban validator and the card/phone validators' "inside an IBAN" rule.
#pragma once

#include <cstddef>
#include <span>
#include <string_view>

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

}  // namespace korgoo::detect
