#include "detect/kg_pin_rules.h"

#include "detect/char_class.h"
#include "detect/check_digits.h"

namespace korgoo::detect {

KgPinClass classify_kg_pin(std::string_view d, int current_year) {
  const int day = parse_digits(d.substr(1, 2));
  const int month = parse_digits(d.substr(3, 2));
  const int year = parse_digits(d.substr(5, 4));
  // Registration and birth dates both start in 1900; a future year is neither.
  const bool date_ok = year >= 1900 && year <= current_year && is_calendar_date(year, month, day);
  if (d[0] == '0') return date_ok ? KgPinClass::kOrganisation : KgPinClass::kBadDate;
  if (d[0] != '1' && d[0] != '2') return KgPinClass::kBadGender;
  return date_ok ? KgPinClass::kPerson : KgPinClass::kBadDate;
}

bool kg_pin_check_digit_holds(std::string_view d) {
  return kg_pin_check_digit(d) == digit_value(d[13]);
}

}  // namespace korgoo::detect
