// Synthetic identifiers for the detect tests. Check digits are computed here, independently
// of the production code, so that a bug in a validator's arithmetic shows up as a failing
// positive. No real identifiers appear anywhere in the tests.
#pragma once

#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace korgoo::detect::testing {

// The "today" the tests run the engine with (DetectConfig::current_year).
inline constexpr int kTestYear = 2025;

class Rng {
 public:
  explicit Rng(std::uint64_t seed) : gen_(seed) {}
  int uniform(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(gen_); }
  std::string digits(int n) {
    std::string s;
    for (int i = 0; i < n; ++i) s.push_back(static_cast<char>('0' + uniform(0, 9)));
    return s;
  }
  template <class T>
  const T& pick(const std::vector<T>& v) {
    return v[static_cast<std::size_t>(uniform(0, static_cast<int>(v.size()) - 1))];
  }

 private:
  std::mt19937_64 gen_;
};

inline std::string pad(int v, int width) {
  std::string s = std::to_string(v);
  while (static_cast<int>(s.size()) < width) s.insert(s.begin(), '0');
  return s;
}

inline std::string format(std::string_view tmpl, std::string_view value) {
  std::string out(tmpl);
  const auto pos = out.find("{}");
  if (pos != std::string::npos) out.replace(pos, 2, value);
  return out;
}

inline int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

// ---- kg_pin / org INN -----------------------------------------------------------------------

inline int kg_check_digit(std::string_view d13) {
  const int w1[] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 1, 2, 3};
  const int w2[] = {3, 4, 5, 6, 7, 8, 9, 10, 1, 2, 3, 4, 5};
  int s = 0;
  for (int i = 0; i < 13; ++i) s += w1[i] * (d13[i] - '0');
  if (s % 11 < 10) return s % 11;
  s = 0;
  for (int i = 0; i < 13; ++i) s += w2[i] * (d13[i] - '0');
  return s % 11 < 10 ? s % 11 : 0;
}

// Day, month, year are written as given (so tests can build impossible dates).
inline std::string kg_pin_of(char first, int day, int month, int year, int serial) {
  std::string d;
  d.push_back(first);
  d += pad(day, 2) + pad(month, 2) + pad(year, 4) + pad(serial, 4);
  d.push_back(static_cast<char>('0' + kg_check_digit(d)));
  return d;
}

inline std::string kg_pin(Rng& r, char gender = 0) {
  const int year = r.uniform(1935, 2020);
  const int month = r.uniform(1, 12);
  const int day = r.uniform(1, days_in_month(year, month));
  return kg_pin_of(gender != 0 ? gender : static_cast<char>('0' + r.uniform(1, 2)), day, month,
                   year, r.uniform(0, 9999));
}

inline std::string org_inn(Rng& r) {
  const int year = r.uniform(1992, 2023);
  const int month = r.uniform(1, 12);
  return kg_pin_of('0', r.uniform(1, days_in_month(year, month)), month, year, r.uniform(0, 9999));
}

// ---- kz_iin / BIN ---------------------------------------------------------------------------

// -1 when the number can never be issued.
inline int kz_check_digit(std::string_view d11) {
  int s = 0;
  for (int i = 0; i < 11; ++i) s += (i + 1) * (d11[i] - '0');
  if (s % 11 != 10) return s % 11;
  const int w2[] = {3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2};
  s = 0;
  for (int i = 0; i < 11; ++i) s += w2[i] * (d11[i] - '0');
  return s % 11 == 10 ? -1 : s % 11;
}

// Completes 11 digits with their check digit, changing the serial until one exists.
inline std::string kz_complete(std::string d11, Rng& r) {
  for (;;) {
    const int c = kz_check_digit(d11);
    if (c >= 0) return d11 + static_cast<char>('0' + c);
    d11 = d11.substr(0, 7) + r.digits(4);
  }
}

inline std::string kz_iin(Rng& r) {
  const int year = r.uniform(1940, 2015);
  const int month = r.uniform(1, 12);
  const int day = r.uniform(1, days_in_month(year, month));
  const int century = (year < 2000 ? 3 : 5) + r.uniform(0, 1);
  return kz_complete(pad(year % 100, 2) + pad(month, 2) + pad(day, 2) +
                         static_cast<char>('0' + century) + r.digits(4),
                     r);
}

inline std::string kz_bin(Rng& r) {
  return kz_complete(pad(r.uniform(0, 24), 2) + pad(r.uniform(1, 12), 2) +
                         static_cast<char>('0' + r.uniform(4, 6)) + "0" + r.digits(5),
                     r);
}

// ---- payment cards --------------------------------------------------------------------------

inline int luhn_check_digit(std::string_view body) {
  int sum = 0;
  bool twice = true;  // the rightmost body digit is doubled once the check digit is appended
  for (auto it = body.rbegin(); it != body.rend(); ++it) {
    int d = *it - '0';
    if (twice) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    twice = !twice;
  }
  return (10 - sum % 10) % 10;
}

inline std::string card(Rng& r, std::string_view prefix, int length, bool valid = true) {
  std::string body(prefix);
  body += r.digits(length - 1 - static_cast<int>(prefix.size()));
  const int c = luhn_check_digit(body);
  return body + static_cast<char>('0' + (valid ? c : (c + 1) % 10));
}

inline std::string group(std::string_view digits, const std::vector<int>& sizes, char sep) {
  std::string out;
  std::size_t pos = 0;
  for (int s : sizes) {
    if (!out.empty()) out.push_back(sep);
    out.append(digits.substr(pos, static_cast<std::size_t>(s)));
    pos += static_cast<std::size_t>(s);
  }
  return out;
}

// ---- IBAN -----------------------------------------------------------------------------------

inline int mod97(std::string_view rearranged) {
  int rem = 0;
  for (char c : rearranged) {
    if (c >= '0' && c <= '9') {
      rem = (rem * 10 + (c - '0')) % 97;
    } else {
      rem = (rem * 100 + (c - 'A' + 10)) % 97;
    }
  }
  return rem;
}

inline std::string iban(std::string_view country, std::string_view bban) {
  std::string rearranged(bban);
  rearranged.append(country).append("00");
  const int check = 98 - mod97(rearranged);
  return std::string(country) + pad(check, 2) + std::string(bban);
}

inline std::string iban_printed(std::string_view compact) {
  std::string out;
  for (std::size_t i = 0; i < compact.size(); ++i) {
    if (i > 0 && i % 4 == 0) out.push_back(' ');
    out.push_back(compact[i]);
  }
  return out;
}

// A BBAN of the registry structure ("4!a10!n") from the tests' own parser of the notation.
inline std::string bban_of(std::string_view structure, Rng& r) {
  std::string out;
  std::size_t i = 0;
  while (i < structure.size()) {
    int n = 0;
    while (structure[i] >= '0' && structure[i] <= '9') n = n * 10 + (structure[i++] - '0');
    const char kind = structure[i + 1];
    i += 2;
    for (int k = 0; k < n; ++k) {
      const bool letter = kind == 'a' || (kind == 'c' && r.uniform(0, 3) == 0);
      out.push_back(letter ? static_cast<char>('A' + r.uniform(0, 25))
                           : static_cast<char>('0' + r.uniform(0, 9)));
    }
  }
  return out;
}

// ---- MRZ ------------------------------------------------------------------------------------

inline char icao(std::string_view field) {
  const int w[] = {7, 3, 1};
  int s = 0;
  for (std::size_t i = 0; i < field.size(); ++i) {
    const char c = field[i];
    const int v = c >= '0' && c <= '9' ? c - '0' : (c >= 'A' && c <= 'Z' ? c - 'A' + 10 : 0);
    s += v * w[i % 3];
  }
  return static_cast<char>('0' + s % 10);
}

inline std::string fill(std::string s, std::size_t n) {
  s.resize(n, '<');
  return s;
}

// TD3 passport: two lines of 44 joined by `newline`.
inline std::string mrz_td3(std::string_view doc, std::string_view dob, char sex,
                           std::string_view expiry, std::string_view personal,
                           std::string_view newline = "\n") {
  const std::string l1 = fill("P<KGZ" + std::string("TESTOV<<TEST"), 44);
  const std::string pers = fill(std::string(personal), 14);
  std::string l2 = std::string(doc) + icao(doc) + "KGZ" + std::string(dob) + icao(dob) + sex +
                   std::string(expiry) + icao(expiry) + pers +
                   (personal.empty() ? '<' : icao(pers));
  const std::string composite = l2.substr(0, 10) + l2.substr(13, 7) + l2.substr(21, 22);
  l2.push_back(icao(composite));
  return l1 + std::string(newline) + l2;
}

// TD1 ID card: lines 1 and 2 (30 each) and the name line.
inline std::string mrz_td1(std::string_view doc, std::string_view optional, std::string_view dob,
                           char sex, std::string_view expiry) {
  const std::string l1 = "I<KGZ" + std::string(doc) + icao(doc) + fill(std::string(optional), 15);
  std::string l2 = std::string(dob) + icao(dob) + sex + std::string(expiry) + icao(expiry) + "KGZ" +
                   std::string(11, '<');
  const std::string composite =
      l1.substr(5, 25) + l2.substr(0, 7) + l2.substr(8, 7) + l2.substr(18, 11);
  l2.push_back(icao(composite));
  return l1 + "\n" + l2 + "\n" + fill("TESTOVA<<TESTA", 30);
}

// ---- phones ---------------------------------------------------------------------------------

inline std::string kg_mobile_national(Rng& r) {
  static const std::vector<std::string> kPrefixes = {
      "200", "201", "203", "205", "220", "227", "500", "507", "510", "515", "520",
      "545", "550", "555", "559", "560", "577", "700", "705", "709", "755", "770",
      "775", "777", "779", "880", "888", "990", "995", "998", "999"};
  // (600 and 912 left the list: libphonenumber's metadata, the reference, has them invalid.)
  return r.pick(kPrefixes) + r.digits(6);
}

inline std::string kz_mobile_national(Rng& r) {
  static const std::vector<std::string> kPrefixes = {
      "700", "701", "702", "705", "706", "707", "708", "747", "760", "761",
      "762", "763", "764", "771", "775", "776", "777", "778", "785"};
  return r.pick(kPrefixes) + r.digits(7);
}

}  // namespace korgoo::detect::testing
