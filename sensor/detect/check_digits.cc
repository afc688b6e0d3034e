#include "detect/check_digits.h"

#include "detect/char_class.h"

namespace korgoo::detect {

bool is_leap_year(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

bool is_calendar_date(int year, int month, int day) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1) return false;
  const int max = kDays[month - 1] + ((month == 2 && is_leap_year(year)) ? 1 : 0);
  return day <= max;
}

int parse_digits(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + digit_value(c);
  return v;
}

bool luhn_valid(std::string_view digits) {
  int sum = 0;
  bool twice = false;
  for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
    int d = digit_value(*it);
    if (twice) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    twice = !twice;
  }
  return sum % 10 == 0;
}

int kg_pin_check_digit(std::string_view d) {
  static constexpr int kFirst[13] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 1, 2, 3};
  static constexpr int kSecond[13] = {3, 4, 5, 6, 7, 8, 9, 10, 1, 2, 3, 4, 5};
  int s = 0;
  for (int i = 0; i < 13; ++i) s += kFirst[i] * digit_value(d[i]);
  if (s % 11 != 10) return s % 11;
  s = 0;
  for (int i = 0; i < 13; ++i) s += kSecond[i] * digit_value(d[i]);
  return s % 11 == 10 ? 0 : s % 11;
}

std::optional<int> kz_iin_check_digit(std::string_view d) {
  int s = 0;
  for (int i = 0; i < 11; ++i) s += (i + 1) * digit_value(d[i]);
  if (s % 11 != 10) return s % 11;
  s = 0;
  for (int i = 0; i < 11; ++i) s += ((i + 2) % 11 + 1) * digit_value(d[i]);
  if (s % 11 == 10) return std::nullopt;
  return s % 11;
}

std::optional<int> icao_check_digit(std::string_view field) {
  static constexpr int kWeights[3] = {7, 3, 1};
  int s = 0;
  for (std::size_t i = 0; i < field.size(); ++i) {
    const int c = static_cast<unsigned char>(field[i]);
    int v = 0;
    if (is_digit(c)) {
      v = c - '0';
    } else if (is_upper(c)) {
      v = c - 'A' + 10;
    } else if (c != '<') {
      return std::nullopt;
    }
    s += v * kWeights[i % 3];
  }
  return s % 10;
}

bool iban_mod97_valid(std::string_view compact) {
  if (compact.size() < 5) return false;
  // Move the first four characters to the end, letters become two digits, mod 97 == 1.
  int rem = 0;
  auto feed = [&rem](char c) {
    if (is_digit(c)) {
      rem = (rem * 10 + digit_value(c)) % 97;
    } else {
      rem = (rem * 100 + (c - 'A' + 10)) % 97;
    }
  };
  for (std::size_t i = 4; i < compact.size(); ++i) feed(compact[i]);
  for (std::size_t i = 0; i < 4; ++i) feed(compact[i]);
  return rem == 1;
}

}  // namespace korgoo::detect
