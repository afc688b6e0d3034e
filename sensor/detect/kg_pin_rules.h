// The Kyrgyz PIN rules, shared by the kg_pin validator and the MRZ validator (the ID card's
// MRZ carries the PIN in its optional field).
#pragma once

#include <cstdint>
#include <string_view>

#include "detect/civil_date.h"

namespace korgoo::detect {

enum class KgPinClass : std::uint8_t {
  kPerson,        // gender digit 1/2, real birth date within the plausible window
  kOrganisation,  // leading 0 and a real registration date: a legal entity's INN
  kBadGender,
  kBadDate,
};

// The dates a PIN's date may take: not after `today` (the time of the traffic), not before
// `min_year`, and for a person not more than `max_age` years before `today`.
struct KgPinDates {
  CivilDate today;
  int min_year = 1900;
  int max_age = 120;
};

// `digits` is 14 ASCII digits.
KgPinClass classify_kg_pin(std::string_view digits, const KgPinDates& dates);
// The check digit holds; DOMAIN.md: raises confidence, never rejects.
bool kg_pin_check_digit_holds(std::string_view digits);

}  // namespace korgoo::detect
