#include "detect/kg_pin_rules.h"

#include <algorithm>

#include "detect/char_class.h"
#include "detect/check_digits.h"

namespace korgoo::detect {

KgPinClass classify_kg_pin(std::string_view d, const KgPinDates& dates) {
  const int day = parse_digits(d.substr(1, 2));
  const int month = parse_digits(d.substr(3, 2));
  const int year = parse_digits(d.substr(5, 4));
  // Registration and birth dates both lie between min_year and the time of the traffic.
  const bool real = year >= dates.min_year && is_calendar_date(year, month, day) &&
                    CivilDate{year, month, day} <= dates.today;
  if (d[0] == '0') return real ? KgPinClass::kOrganisation : KgPinClass::kBadDate;
  if (d[0] != '1' && d[0] != '2') return KgPinClass::kBadGender;
  const bool plausible = real && year >= std::max(dates.min_year, dates.today.year - dates.max_age);
  return plausible ? KgPinClass::kPerson : KgPinClass::kBadDate;
}

bool kg_pin_check_digit_holds(std::string_view d) {
  return kg_pin_check_digit(d) == digit_value(d[13]);
}

}  // namespace korgoo::detect
