// Positive and near-miss negative texts for each type, generated deterministically. Shared by
// the per-type tests and the streaming test (which re-scans every case split into chunks).
#pragma once

#include <string>
#include <vector>

#include "detect/generators.h"

namespace korgoo::detect::testing {

// Surroundings a value is found in: prose, forms, JSON, CSV, logs, markup.
inline const std::vector<std::string>& contexts() {
  static const std::vector<std::string> kContexts = {
      "{}",
      "ПИН: {}",
      "{\"pin\":\"{}\",\"name\":\"Test\"}",
      "pin={}&submit=1",
      "Жеке номер {}.",
      "<td>{}</td>",
      "id;{};Test Testov\n",
      "'{}'",
      "(номер {})",
      "Value:\t{}\r\n",
      "2024-01-15 12:00:00 INFO user {} logged in",
      "Урматтуу кардар, сиздин маалымат: {}, рахмат!",
      "key = \"{}\"",
      "[{}]",
      "x {} y",
  };
  return kContexts;
}

inline std::vector<std::string> embed_all(const std::vector<std::string>& values) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < values.size(); ++i) {
    out.push_back(format(contexts()[i % contexts().size()], values[i]));
  }
  return out;
}

// ---- kg_pin ---------------------------------------------------------------------------------

inline std::vector<std::string> kg_pin_positives() {
  Rng r(1001);
  std::vector<std::string> v;
  for (int i = 0; i < 30; ++i) v.push_back(kg_pin(r));
  v.push_back(kg_pin_of('1', 29, 2, 2000, 1234));  // leap day
  v.push_back(kg_pin_of('2', 31, 12, 1999, 1));
  v.push_back(kg_pin_of('1', 1, 1, 1900, 0));
  v.push_back(kg_pin_of('2', 15, 6, kTestYear, 4321));
  // A failing check digit does not reject (DOMAIN.md: unverified for persons).
  std::string bad_check = kg_pin_of('1', 10, 10, 1980, 5555);
  bad_check.back() = static_cast<char>('0' + (bad_check.back() - '0' + 1) % 10);
  v.push_back(bad_check);
  auto out = embed_all(v);
  out.push_back(format("ИНН:{}", kg_pin_of('2', 2, 1, 1990, 1234)));
  out.push_back(format("a,{},b", kg_pin_of('1', 3, 3, 1970, 7)));  // CSV
  return out;
}

inline std::vector<std::string> kg_pin_negatives() {
  Rng r(1002);
  std::vector<std::string> v = {
      kg_pin_of('1', 32, 1, 1990, 1),  kg_pin_of('1', 0, 1, 1990, 1),
      kg_pin_of('2', 10, 13, 1990, 1), kg_pin_of('2', 10, 0, 1990, 1),
      kg_pin_of('1', 30, 2, 1996, 1),  kg_pin_of('1', 29, 2, 2023, 1),
      kg_pin_of('2', 31, 4, 1985, 1),  kg_pin_of('1', 1, 1, 2099, 1),
      kg_pin_of('1', 1, 1, 2026, 1),   kg_pin_of('2', 1, 1, 1899, 1),
      kg_pin_of('3', 1, 1, 1990, 1),   kg_pin_of('5', 1, 1, 1990, 1),
      kg_pin_of('9', 1, 1, 1990, 1),   kg_pin_of('4', 12, 12, 1980, 1),
  };
  const std::string pin = kg_pin(r);
  v.push_back("1" + pin);  // inside a 15-digit run
  v.push_back(pin + "7");
  v.push_back("000000" + pin);  // inside a 20-digit run
  v.push_back("A" + pin);       // touching letters: part of a token
  v.push_back(pin + "x");
  v.push_back("0x" + pin);
  v.push_back("1." + pin);  // a decimal
  v.push_back(pin + ".5");
  v.push_back(pin.substr(0, 13));  // too short
  v.push_back("1700000000000");    // 13-digit millisecond timestamp
  v.push_back("1705312800123 1705312800456");
  v.push_back("ORD-20240115-000123");  // order numbers
  v.push_back("invoice 2024011500012");
  v.push_back("550e8400-e29b-41d4-a716-446655440000");  // GUID
  v.push_back(pin.substr(0, 7) + " " + pin.substr(7));  // split by a space
  v.push_back("+996 555 123 456");
  v.push_back("2010199012345");
  v.push_back("sha1 " + pin + "a9f0e1c2d3b4");
  return v;
}

// Organisation INNs: not reported, counted as suppressed.
inline std::vector<std::string> org_inn_cases() {
  Rng r(1003);
  std::vector<std::string> v;
  for (int i = 0; i < 10; ++i)
    v.push_back(format(contexts()[static_cast<std::size_t>(i)], org_inn(r)));
  return v;
}

// ---- kz_iin ---------------------------------------------------------------------------------

inline std::vector<std::string> kz_iin_positives() {
  Rng r(2001);
  std::vector<std::string> v;
  for (int i = 0; i < 32; ++i) v.push_back(kz_iin(r));
  auto out = embed_all(v);
  out.push_back(format("ИИН {}", kz_iin(r)));
  out.push_back(format("ЖСН: {};", kz_iin(r)));
  return out;
}

inline std::vector<std::string> kz_iin_negatives() {
  Rng r(2002);
  std::vector<std::string> v;
  for (int i = 0; i < 8; ++i) {  // failing check digit
    std::string iin = kz_iin(r);
    iin.back() = static_cast<char>('0' + (iin.back() - '0' + 1 + i % 9) % 10);
    v.push_back(iin);
  }
  v.push_back(kz_complete("901301" + std::string("3") + "1234", r));  // month 13
  v.push_back(kz_complete("900001" + std::string("3") + "1234", r));  // month 00
  v.push_back(kz_complete("900100" + std::string("3") + "1234", r));  // day 00
  v.push_back(kz_complete("900132" + std::string("3") + "1234", r));  // day 32
  v.push_back(kz_complete("900115" + std::string("0") + "1234", r));  // century digit 0
  v.push_back(kz_complete("900115" + std::string("7") + "1234", r));  // century digit 7
  v.push_back(kz_complete("900115" + std::string("9") + "1234", r));  // century digit 9
  const std::string iin = kz_iin(r);
  v.push_back("5" + iin);
  v.push_back(iin + "5");
  v.push_back("00" + iin);
  v.push_back("u" + iin);
  v.push_back(iin + "abc");
  v.push_back("3." + iin);
  v.push_back(iin + ".25");
  v.push_back(iin.substr(0, 11));
  v.push_back("1700000000000");
  v.push_back("ts=1705312800123");
  v.push_back("550e8400-e29b-41d4-a716-" + iin);  // GUID tail
  v.push_back("ORD-" + iin.substr(0, 6) + "-" + iin.substr(6));
  v.push_back(iin.substr(0, 6) + " " + iin.substr(6));
  v.push_back("+77011234567");
  v.push_back("tel 87011234567");
  v.push_back("996555123456");  // a KG phone number without '+'
  v.push_back("202401150001");  // a date-based order number
  return v;
}

// BINs: suppressed.
inline std::vector<std::string> kz_bin_cases() {
  Rng r(2003);
  std::vector<std::string> v;
  for (int i = 0; i < 10; ++i) v.push_back(format("БИН {}", kz_bin(r)));
  return v;
}

// ---- payment_card ---------------------------------------------------------------------------

inline std::vector<std::string> payment_card_positives() {
  Rng r(3001);
  std::vector<std::string> v;
  const std::vector<std::pair<std::string, int>> kinds = {
      {"4", 16},    {"4", 18},    {"4", 19},    {"51", 16},   {"55", 16},   {"53", 16},
      {"2221", 16}, {"2720", 16}, {"2500", 16}, {"2200", 16}, {"2204", 19}, {"2202", 18},
      {"62", 16},   {"62", 19},   {"9417", 16}, {"9417", 19}, {"34", 15},   {"37", 15}};
  for (const auto& [prefix, len] : kinds) v.push_back(card(r, prefix, len));
  // Grouped as printed.
  v.push_back(group(card(r, "4", 16), {4, 4, 4, 4}, ' '));
  v.push_back(group(card(r, "52", 16), {4, 4, 4, 4}, '-'));
  v.push_back(group(card(r, "2200", 16), {4, 4, 4, 4}, ' '));
  v.push_back(group(card(r, "2204", 19), {4, 4, 4, 4, 3}, ' '));
  v.push_back(group(card(r, "37", 15), {4, 6, 5}, ' '));
  v.push_back(group(card(r, "34", 15), {4, 6, 5}, '-'));
  v.push_back("card " + group(card(r, "4", 13), {4, 4, 4, 1}, ' '));
  v.push_back(group(card(r, "9417", 16), {4, 4, 4, 4}, ' '));
  // Luhn holds for UnionPay and Elcard too (issue 14: these were Luhn-failing positives).
  v.push_back(card(r, "62", 16));
  v.push_back("карта " + card(r, "4", 13));
  v.push_back(card(r, "4", 16));
  v.push_back(card(r, "54", 16));
  auto out = embed_all(v);
  // A card followed by a separate number, or a CSV list item.
  out.push_back(card(r, "4", 16) + " 12/27");
  out.push_back("x," + card(r, "4", 16) + ",y");
  {  // mixed space/dash grouping (a negative before issue 14)
    const std::string c = card(r, "4", 16);
    out.push_back(c.substr(0, 4) + " " + c.substr(4, 4) + "-" + c.substr(8, 4) + " " +
                  c.substr(12));
  }
  return out;
}

inline std::vector<std::string> payment_card_negatives() {
  Rng r(3002);
  std::vector<std::string> v = {
      card(r, "4", 16, false),  card(r, "51", 16, false),   card(r, "2200", 16, false),
      card(r, "34", 15, false), card(r, "2221", 16, false), card(r, "4", 13, false),
      card(r, "4", 14),         card(r, "4", 15),           card(r, "4", 17),
      card(r, "51", 15),        card(r, "51", 17),          card(r, "34", 16),
      card(r, "37", 14),        card(r, "1", 16),           card(r, "7", 16),
      card(r, "8", 16),         card(r, "2100", 16),        card(r, "2721", 16),
      card(r, "56", 16),        card(r, "9416", 16),        card(r, "62", 15),
      "6200000000000000",       "9417000000000000",
  };
  const std::string c = card(r, "4", 16);
  v.push_back("1" + c);
  v.push_back(c + "2");
  v.push_back("0000" + c);
  v.push_back("A" + c);
  v.push_back(c + "Z");
  v.push_back("0." + c);
  v.push_back(card(r, "62", 16, false));  // Luhn-failing UnionPay/Elcard: account numbers
  v.push_back(card(r, "9417", 16, false));
  v.push_back(card(r, "4", 13));  // 13-digit "Visa" without context: an EAN-13 barcode
  v.push_back(group(c, {4, 4, 4, 4}, ' ') + " 1234");  // 20 digits grouped
  v.push_back("1234 " + group(c, {4, 4, 4, 4}, ' '));
  v.push_back(group(c, {3, 3, 3, 3, 4}, ' '));
  v.push_back(group(c, {2, 6, 8}, ' '));
  v.push_back("1700000000000");
  v.push_back("ts=1705312800123456");
  v.push_back("550e8400-e29b-41d4-a716-446655440000");
  v.push_back("order 40000000000000000000001");
  return v;
}

// ---- kg_passport ----------------------------------------------------------------------------

inline std::vector<std::string> kg_passport_positives() {
  Rng r(4001);
  std::vector<std::string> v;
  for (int i = 0; i < 12; ++i) v.push_back("ID" + r.digits(7));
  for (int i = 0; i < 12; ++i) v.push_back("AN" + r.digits(7));
  v.push_back("AN " + r.digits(7));
  v.push_back("ID " + r.digits(7));
  auto out = embed_all(v);
  // Other series only next to a context word.
  out.push_back("Паспорт серия AC" + r.digits(7));
  out.push_back("паспорт: KR" + r.digits(7));
  out.push_back("Passport No. PA" + r.digits(7) + " issued 2019");
  out.push_back("{\"passport\":\"BT" + r.digits(7) + "\"}");
  out.push_back("ID-карта: ZZ" + r.digits(7));
  out.push_back("AB" + r.digits(7) + " (паспорттун номери)");
  out.push_back("серия и номер документа: KG" + r.digits(7));
  return out;
}

inline std::vector<std::string> kg_passport_negatives() {
  Rng r(4002);
  std::vector<std::string> v;
  for (int i = 0; i < 8; ++i) {  // generic series, no context
    std::string s;
    s.push_back(static_cast<char>('B' + i));
    s.push_back(static_cast<char>('K' + i));
    v.push_back("order " + s + r.digits(7));
  }
  const std::string d = r.digits(7);
  v.push_back("ID" + d + "8");
  v.push_back("ID" + d.substr(0, 6));
  v.push_back("AN" + d.substr(0, 5));
  v.push_back("id" + d);
  v.push_back("an" + d);
  v.push_back("XID" + d);
  v.push_back("UAN" + d);
  v.push_back("ID" + d + "X");
  v.push_back("AN" + d + "a");
  v.push_back("7ID" + d);
  v.push_back("ID0000000");
  v.push_back("ID-" + d);
  v.push_back("ID" + d + ".5");
  v.push_back("PN" + d);
  v.push_back("SKU AB" + d);
  v.push_back("ticket XY" + d + " booked");
  v.push_back("I D" + d);
  v.push_back("ID  " + d);
  v.push_back("A N" + d);
  v.push_back("GUID 550e8400-e29b-41d4-a716-446655440000");
  v.push_back("REF:QQ" + d);
  v.push_back("ANX" + d);
  return v;
}

// ---- mrz ------------------------------------------------------------------------------------

inline std::vector<std::string> mrz_positives() {
  Rng r(5001);
  std::vector<std::string> v;
  for (int i = 0; i < 16; ++i) {
    const std::string doc = "AC" + r.digits(7);
    const std::string dob =
        pad(r.uniform(50, 99), 2) + pad(r.uniform(1, 12), 2) + pad(r.uniform(1, 28), 2);
    const std::string exp =
        pad(r.uniform(25, 35), 2) + pad(r.uniform(1, 12), 2) + pad(r.uniform(1, 28), 2);
    v.push_back(mrz_td3(doc, dob, i % 2 ? 'M' : 'F', exp, i % 3 ? std::string() : r.digits(14),
                        i % 4 ? "\n" : "\r\n"));
  }
  for (int i = 0; i < 16; ++i) {
    const std::string doc = "ID" + r.digits(7);
    const std::string dob =
        pad(r.uniform(50, 99), 2) + pad(r.uniform(1, 12), 2) + pad(r.uniform(1, 28), 2);
    const std::string exp =
        pad(r.uniform(25, 35), 2) + pad(r.uniform(1, 12), 2) + pad(r.uniform(1, 28), 2);
    v.push_back(
        mrz_td1(doc, i % 2 ? r.digits(14) : std::string("TEST"), dob, i % 2 ? 'M' : 'F', exp));
  }
  // Exports separate the lines by a space or a blank line too (issue 14; these two were
  // negatives before).
  {
    const std::string td3 = mrz_td3("AC" + r.digits(7), "850315", 'M', "300101", "");
    v.push_back(td3.substr(0, 44) + " " + td3.substr(45));
    v.push_back(td3.substr(0, 44) + "\n\n" + td3.substr(45));
  }
  std::vector<std::string> out;
  for (std::size_t i = 0; i < v.size(); ++i) {
    out.push_back(i % 3 == 0
                      ? v[i]
                      : (i % 3 == 1 ? "Scan result:\n" + v[i] + "\n" : "<pre>" + v[i] + "</pre>"));
  }
  return out;
}

inline std::vector<std::string> mrz_negatives() {
  Rng r(5002);
  const std::string doc = "AC" + r.digits(7);
  const std::string good = mrz_td3(doc, "850315", 'M', "300101", "");
  std::vector<std::string> v;
  // Break each check digit or checked field of a valid TD3.
  for (std::size_t pos : {0u, 4u, 9u, 13u, 16u, 19u, 21u, 25u, 27u, 42u, 43u}) {
    std::string bad = good;
    char& c = bad[45 + pos];
    c = c == '<' ? '1' : (c >= '0' && c <= '8' ? static_cast<char>(c + 1) : (c == '9' ? '0' : 'B'));
    v.push_back(bad);
  }
  v.push_back(mrz_td3(doc, "851315", 'M', "300101", ""));  // month 13
  v.push_back(mrz_td3(doc, "850300", 'M', "300101", ""));  // day 00
  std::string other_country = good;
  other_country.replace(2, 3, "KAZ");
  v.push_back(other_country);
  v.push_back(good.substr(1));                                   // line 1 too short
  v.push_back(good + "<");                                       // line 2 too long
  v.push_back("X" + good);                                       // MRZ character before
  v.push_back(good.substr(0, 44) + " word " + good.substr(45));  // text between the lines
  v.push_back(good.substr(0, 44) + "12345" + good.substr(45));   // digits between the lines
  const std::string td1 = mrz_td1("ID" + r.digits(7), "TEST", "900101", 'F', "300101");
  for (std::size_t pos : {5u, 14u}) {
    std::string bad = td1;
    bad[pos] = bad[pos] == '9' ? '0' : static_cast<char>(bad[pos] + 1);
    v.push_back(bad);
  }
  for (std::size_t pos : {31u, 36u, 39u, 45u, 60u}) {
    std::string bad = td1;
    bad[pos] = bad[pos] == '9' ? '0' : static_cast<char>(bad[pos] + 1);
    v.push_back(bad);
  }
  std::string td1_other = td1;
  td1_other.replace(2, 3, "RUS");
  v.push_back(td1_other);
  v.push_back("P<KGZTESTOV<<TEST");
  v.push_back(std::string(44, '<') + "\n" + std::string(44, '<'));
  v.push_back(std::string(30, '<') + "\n" + std::string(30, '<'));
  return v;
}

// ---- phone ----------------------------------------------------------------------------------

inline std::vector<std::string> phone_positives() {
  Rng r(6001);
  std::vector<std::string> v;
  for (int i = 0; i < 9; ++i) {
    const std::string n = kg_mobile_national(r);
    const std::string a = n.substr(0, 3), b = n.substr(3, 3), c = n.substr(6, 3);
    const std::vector<std::string> forms = {
        "+996 " + a + " " + b + " " + c,
        "+996" + n,
        "996" + n,
        "0" + a + " " + b + " " + c,
        "0" + n,
        "+996 (" + a + ") " + b.substr(0, 2) + "-" + b.substr(2) + c.substr(0, 1) + "-" +
            c.substr(1),
        "0 " + a + " " + n.substr(3, 2) + " " + n.substr(5, 2) + " " + n.substr(7, 2),
        "0(" + a + ")" + b + c,
        "+996-" + a + "-" + b + "-" + c,
    };
    v.push_back(forms[static_cast<std::size_t>(i)]);
  }
  for (int i = 0; i < 7; ++i) {
    const std::string n = kz_mobile_national(r);
    const std::string a = n.substr(0, 3), b = n.substr(3, 3);
    const std::string c = n.substr(6, 2), d = n.substr(8, 2);
    const std::vector<std::string> forms = {
        "+7 " + a + " " + b + " " + c + " " + d,
        "+7" + n,
        "8" + n,
        "8 (" + a + ") " + b + "-" + c + "-" + d,
        "+7(" + a + ")" + b + "-" + c + "-" + d,
        "7" + n,
        "8 " + a + " " + b + " " + c + " " + d,
    };
    v.push_back(forms[static_cast<std::size_t>(i)]);
  }
  for (int i = 0; i < 10; ++i) v.push_back("+996" + kg_mobile_national(r));
  for (int i = 0; i < 6; ++i) v.push_back("+7" + kz_mobile_national(r));
  auto out = embed_all(v);
  out.push_back("Тел.: 0" + kg_mobile_national(r) + ", email: none");
  out.push_back("call 2 0" + kg_mobile_national(r));
  return out;
}

inline std::vector<std::string> phone_negatives() {
  Rng r(6002);
  const std::string n = kg_mobile_national(r);
  return {
      "0312 123 456",
      "+996 312 123456",
      "+996 3522 12345",
      "+996 100 123 456",
      "0400123456",
      "0800123456",
      "+7 495 123 45 67",
      "+7 916 123 45 67",
      "8 800 555 35 35",
      "+7 703 123 45 67",
      "+7 750 123 45 67",
      "87991234567",
      "0" + n + "1",
      "0" + n.substr(0, 8),
      "+996" + n + "7",
      "+996" + n.substr(0, 8),
      "10" + n,
      "x0" + n,
      "0" + n + "y",
      "+996 " + n.substr(0, 3) + " " + n.substr(3, 3) + " " + n.substr(6) + " 7",
      "0" + n + ".5",
      "1.0" + n,
      "+996 (" + n.substr(0, 3) + " " + n.substr(3),
      "2024-01-15 10:00:00",
      "1700000000000",
      "550e8400-e29b-41d4-a716-446655440000",
      "ORD-0" + n.substr(0, 5) + "-" + n.substr(5),
      "+7 7011234567 8",
      "99" + n,
      "+1 555 123 4567",
      "77712345678901",
      "+3 701 123 45 67",
  };
}

// ---- email ----------------------------------------------------------------------------------

inline std::vector<std::string> email_positives() {
  const std::vector<std::string> v = {
      "aibek.s@mail.kg",
      "n.ivanova@gmail.com",
      "user_2024@yandex.ru",
      "a+tag@example.co.uk",
      "Test.Testov@Sub.Domain-X.kz",
      "x@y.io",
      "first.last@company.kg",
      "jyldyz99@inbox.ru",
      "t-t@t-t.org",
      "q%w@host.net",
      "aidana.test@bk.ru",
      "a.b.c.d@e.f.gh",
      "kanat_93@mail.ru",
      "ivanov@gov.kg",
      "e1@d1.museum",
      "person@xn--80ao21a.xn--p1ai",
      "john.doe@outlook.com",
      "tst@vip.kz",
      "AB@CD.EF",
      "user.name+news@domain.info",
      "m@m.mm",
      "test123@test123.test",
      "asel.k@university.edu.kg",
      "bolot@host-1.host-2.com",
      "z_z@z.zz",
      "abc.def@ghi.jkl",
      "emp001@company.kz",
      "kasym.test@protonmail.com",
      "a1.b2@c3.de",
      "manager.hr@firm.kg",
      "x.y@localhost.localdomain",
      "nur.sultan@post.kz",
  };
  auto out = embed_all(v);
  out.push_back("mailto:alice.test@example.com?subject=hi");
  out.push_back("...bob.test@example.com.");
  return out;
}

inline std::vector<std::string> email_negatives() {
  return {
      "logo@2x.png",
      "icon@3x.jpg",
      "a@b",
      "user@domain.c",
      "user@-domain.com",
      "user@domain-.com",
      "user..x@mail.kg",
      "user.@mail.kg",
      "@mail.kg",
      "user@",
      "user@.com",
      "user@localhost",
      "foo@bar.123",
      "ver@1.2.3",
      "name@@mail.kg",
      "a@b@mail.kg",
      "user@domain..com",
      "npm i pkg@1.2.3",
      "user(at)mail.kg",
      "user at mail dot kg",
      "user@mail.kg1",
      "user@mail_kg.com",
      "background@2x.webp",
      "style@media.css",
      "a@b.c",
      "user@domain.k",
      "user@123.456",
      "x@y",
      "sprite@2x.svg",
      "@handle on twitter",
      "email: (none)",
      "user@domain.12ab",
  };
}

inline std::vector<std::string> role_mailbox_cases() {
  return {"info@company.kg",  "noreply@bank.kz",    "no-reply@service.com", "support@isp.kg",
          "admin@site.ru",    "postmaster@mail.kg", "webmaster@gov.kg",     "sales@shop.kz",
          "contact@firm.com", "Info@Company.KG",    "noreply+x@bank.kz"};
}

// ---- iban -----------------------------------------------------------------------------------

inline std::vector<std::string> iban_positives() {
  Rng r(7001);
  std::vector<std::string> v;
  auto letters = [&r](int n) {
    std::string s;
    for (int i = 0; i < n; ++i) s.push_back(static_cast<char>('A' + r.uniform(0, 25)));
    return s;
  };
  for (int i = 0; i < 6; ++i) v.push_back(iban("KZ", r.digits(3) + "KZT" + r.digits(10)));
  for (int i = 0; i < 4; ++i) v.push_back(iban("DE", r.digits(18)));
  for (int i = 0; i < 4; ++i) v.push_back(iban("GB", letters(4) + r.digits(14)));
  for (int i = 0; i < 3; ++i) v.push_back(iban("FR", r.digits(23)));
  for (int i = 0; i < 3; ++i) v.push_back(iban("NL", letters(4) + r.digits(10)));
  v.push_back(iban("NO", r.digits(11)));
  v.push_back(iban("RU", r.digits(29)));
  v.push_back(iban("TR", r.digits(22)));
  v.push_back(iban("MT", letters(4) + r.digits(23)));
  v.push_back(iban("LC", letters(4) + r.digits(24)));
  v.push_back(iban("CH", r.digits(17)));
  for (int i = 0; i < 4; ++i) v.push_back(iban("KZ", r.digits(16)));
  v.push_back(iban("AT", r.digits(16)));
  v.push_back(iban("BE", r.digits(12)));
  std::vector<std::string> out;
  for (std::size_t i = 0; i < v.size(); ++i) {
    out.push_back(format(contexts()[i % contexts().size()], i % 2 ? iban_printed(v[i]) : v[i]));
  }
  out.push_back("IBAN " + iban_printed(iban("DE", r.digits(18))) + " EUR");
  out.push_back("IBAN: " + iban("KZ", r.digits(3) + "KZT" + r.digits(10)) + ";");
  {  // lower case (a negative before issue 14)
    std::string lower = iban("DE", r.digits(18));
    lower[0] = 'd';
    lower[1] = 'e';
    out.push_back(lower);
  }
  return out;
}

inline std::vector<std::string> iban_negatives() {
  Rng r(7002);
  std::vector<std::string> v;
  for (int i = 0; i < 6; ++i) {  // wrong check digits
    std::string s = iban("DE", r.digits(18));
    s[2 + i % 2] = static_cast<char>('0' + (s[2 + i % 2] - '0' + 1 + i) % 10);
    v.push_back(s);
  }
  for (int i = 0; i < 4; ++i) {  // a BBAN digit changed
    std::string s = iban("KZ", r.digits(3) + "KZT" + r.digits(10));
    s[10 + i] = static_cast<char>('0' + (s[10 + i] - '0' + 3) % 10);
    v.push_back(s);
  }
  v.push_back(iban("DE", r.digits(17)));  // too short for DE
  v.push_back(iban("DE", r.digits(19)));  // too long for DE
  v.push_back(iban("KZ", r.digits(15)));
  v.push_back(iban("XX", r.digits(18)));  // not a country
  v.push_back(iban("KG", r.digits(16)));  // Kyrgyzstan does not use IBAN
  v.push_back(iban("US", r.digits(18)));
  const std::string good = iban("DE", r.digits(18));
  v.push_back("X" + good);
  v.push_back(good + "1");
  v.push_back(good + "A");
  v.push_back("9" + good);
  std::string mixed = good;  // one case throughout (lower case alone is a positive since issue 14)
  mixed[1] = 'e';
  v.push_back(mixed);
  v.push_back(good.substr(0, 3) + " " + good.substr(3));   // bad grouping
  v.push_back(good.substr(0, 6) + "  " + good.substr(6));  // double space
  {
    std::string g = iban_printed(good);
    g.erase(g.find(' '), 1);
    v.push_back(g.substr(0, 10) + " " + g.substr(10));
  }
  v.push_back("DE00" + r.digits(18));
  v.push_back("DE99" + r.digits(18));
  v.push_back("AB12CDEF");
  v.push_back("ISBN 978-3-16-148410-0");
  v.push_back("SKU AA11BBBB2222CCCC3333");
  v.push_back("550e8400-e29b-41d4-a716-446655440000");
  v.push_back("KZ" + r.digits(18));
  v.push_back("GB82 WEST 1234 5698 7654 32X");
  return v;
}

}  // namespace korgoo::detect::testing
