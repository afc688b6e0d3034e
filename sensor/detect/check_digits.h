// Check-digit and calendar arithmetic used by the validators. Inputs are ASCII digit strings
// that the caller has already checked.
#pragma once

#include <optional>
#include <string_view>

namespace korgoo::detect {

bool is_leap_year(int year);
// A real calendar date (1 <= month <= 12, day within the month).
bool is_calendar_date(int year, int month, int day);
// Parses `n` ASCII digits.
int parse_digits(std::string_view s);

// Luhn (ISO/IEC 7812-1) over all digits, the last being the check digit.
bool luhn_valid(std::string_view digits);

// Kyrgyz PIN / INN check digit over the first 13 digits (DOMAIN.md): weights 1..10,1,2,3
// mod 11; if 10, weights 3..10,1..5; if 10 again, 0.
int kg_pin_check_digit(std::string_view digits13);

// Kazakh IIN/BIN check digit over the first 11 digits: weights 1..11 mod 11; if 10, weights
// 3..11,1,2; if 10 again the number is never issued (nullopt).
std::optional<int> kz_iin_check_digit(std::string_view digits11);

// ICAO 9303 check digit (weights 7,3,1; '<' = 0, A-Z = 10..35); nullopt on a bad character.
std::optional<int> icao_check_digit(std::string_view field);

// ISO 13616 / ISO 7064 mod 97-10 over a compact IBAN (country, check digits, BBAN).
bool iban_mod97_valid(std::string_view compact);

}  // namespace korgoo::detect
