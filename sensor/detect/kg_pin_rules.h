// The Kyrgyz PIN rules, shared by the kg_pin validator and the MRZ validator (the ID card's
// MRZ carries the PIN in its optional field).
#pragma once

#include <cstdint>
#include <string_view>

namespace korgoo::detect {

enum class KgPinClass : std::uint8_t {
  kPerson,        // gender digit 1/2, real birth date, year not in the future
  kOrganisation,  // leading 0 and a real registration date: a legal entity's INN
  kBadGender,
  kBadDate,
};

// `digits` is 14 ASCII digits.
KgPinClass classify_kg_pin(std::string_view digits, int current_year);
// The check digit holds; DOMAIN.md: raises confidence, never rejects.
bool kg_pin_check_digit_holds(std::string_view digits);

}  // namespace korgoo::detect
