// Issue 14: the shapes real exports take, and no false values. One test per class of the
// issue's "Found" list; each failed before its fix. Values are synthetic; messages name cases
// by index only.
#include <gtest/gtest.h>

#include "detect/cases.h"
#include "detect/detect_fixture.h"
#include "detect/text_fold.h"

namespace korgoo::detect::testing {
namespace {

void expect_found(std::string_view type, const std::vector<std::string>& texts) {
  expect_each_found_once(type, texts);
}

TEST(TrustedShapes, MrzLinesSeparatedAsExportsDo) {
  Rng r(14001);
  const std::string td3 = mrz_td3("AC" + r.digits(7), "850315", 'M', "300101", "");
  const std::string l1 = td3.substr(0, 44);
  const std::string l2 = td3.substr(45);
  expect_found("mrz", {
                          "{\"mrz\":\"" + l1 + "\\n" + l2 + "\"}",
                          l1 + "\",\"" + l2 + "\n",
                          l1 + "," + l2 + "\n",
                          "{\"line1\":\"" + l1 + "\",\"line2\":\"" + l2 + "\"}",
                          l1 + " " + l2,
                          "\t" + l1 + "\n\t" + l2 + "\n",
                          "<p>" + l1 + "<br>" + l2 + "</p>",
                          "<td>" + l1 + "</td><td>" + l2 + "</td>",
                      });
  expect_none_found("mrz", {l1 + " and then " + l2, l1 + "12345" + l2});
}

TEST(TrustedShapes, PassportSeriesAcAndWrittenForms) {
  Rng r(14002);
  expect_found("kg_passport", {"AC" + r.digits(7), "AN-" + r.digits(7), "AN №" + r.digits(7),
                               "№ AN " + r.digits(7), "ID №" + r.digits(7), "AC " + r.digits(7)});
  expect_none_found("kg_passport", {"XY-" + r.digits(7), "ORD-AN-" + r.digits(7) + "-1"});
}

TEST(TrustedShapes, CardsFollowTheIssuerTableAndLuhn) {
  Rng r(14003);
  expect_found("payment_card",
               {card(r, "6011", 16), card(r, "65", 16), card(r, "644", 19), card(r, "3530", 16),
                card(r, "3589", 19), card(r, "36", 14), card(r, "300", 14), card(r, "38", 16),
                card(r, "4", 18), card(r, "62", 19), card(r, "62", 17), card(r, "81", 16),
                "card " + card(r, "4", 13), [&] {
                  const std::string c = card(r, "4", 16);
                  return c.substr(0, 4) + " " + c.substr(4, 4) + "-" + c.substr(8, 4) + " " +
                         c.substr(12);
                }()});
  // Luhn-failing UnionPay/Elcard numbers are account numbers; a 13-digit "Visa" without a
  // context word is an EAN-13 barcode; digits of an IBAN are not a card.
  expect_none_found("payment_card",
                    {card(r, "62", 16, false), card(r, "9417", 16, false), card(r, "62", 19, false),
                     "EAN " + card(r, "4", 13), card(r, "4", 13),
                     "IBAN " + iban_printed(iban("NL", "ABNA" + card(r, "4", 16).substr(0, 10))),
                     "GB82 WEST " + group(card(r, "4", 16), {4, 4, 4, 4}, ' '),
                     "ie46 qkuj " + group(card(r, "36", 14), {4, 4, 4, 2}, ' ')});
}

TEST(TrustedShapes, PhonesNeverFromTheTailOfALongerNumber) {
  Rng r(14004);
  const std::string c = card(r, "4", 19);
  expect_none_found(
      "phone", {group(c, {4, 4, 4, 4, 3}, ' '), "ORD-2026-0701-6093-20", "KZ86 1250 0555 1234 5678",
                "ref 1234 0555 123 456", "NL38 WKGI 0774 3679 08", "nl38 wkgi 0774 3679 08"});
}

TEST(TrustedShapes, PhoneFormatsAndFixedLines) {
  expect_found("phone", {"00996555123456", "(0312) 58-76-96", "8 701 234 56 78",
                         "+7 (701) 234-56-78", "+996 312 587696", "0312 587 696"});
  // The libphonenumber type is counted in the stats.
  const auto stat = [](std::string_view t) {
    const auto& c = scratch().stats().confirmed;
    const auto it = c.find(std::string(t));
    return it == c.end() ? std::uint64_t{0} : it->second;
  };
  const std::uint64_t fixed_before = stat("phone.fixed_line");
  EXPECT_EQ(scan_text("тел (0312) 12-34-56").tally.count("phone"), 1u);
  EXPECT_EQ(stat("phone.fixed_line"), fixed_before + 1);
  const std::uint64_t mobile_before = stat("phone.mobile");
  EXPECT_EQ(scan_text("тел +996 555 123 456").tally.count("phone"), 1u);
  EXPECT_EQ(stat("phone.mobile"), mobile_before + 1);
}

TEST(TrustedShapes, IbanCheckDigitsCaseAndNewCountries) {
  Rng r(14005);
  expect_found("iban", {iban("MN", r.digits(16)), iban("NI", "BAPR" + r.digits(20)),
                        iban("OM", r.digits(19)), iban("SO", r.digits(19)),
                        iban("YE", "CBYE" + r.digits(22))});
  std::string lower = iban("DE", r.digits(18));
  for (char& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  expect_found("iban", {lower, iban_printed(lower)});
  // Check digits 00, 01 and 99 are never issued (ISO 13616: 02..98).
  std::vector<std::string> bad;
  for (int i = 0; i < 400 && bad.size() < 6; ++i) {
    const std::string s = iban("DE", r.digits(18));
    if (s.substr(2, 2) == "98" || s.substr(2, 2) == "02") {
      // Same BBAN with check digits moved by 97 still satisfies mod 97 = 1.
      std::string t = s;
      t.replace(2, 2, s.substr(2, 2) == "98" ? "01" : "99");
      bad.push_back(t);
    }
  }
  ASSERT_FALSE(bad.empty());
  expect_none_found("iban", bad);
}

TEST(TrustedShapes, EmailCaseInternationalAndApostrophes) {
  expect_found("email", {"user@XN--80AKHBYKNJ4F.XN--P1AI", "айбек@почта.рф", "test@mail.қаз",
                         "жазуу.тест@example.kg"});
  const ScanResult r = scan_text("talant'kim@example.kg");
  EXPECT_EQ(r.tally.count("email"), 1u);
  ASSERT_EQ(r.tally.samples("email").size(), 1u);
  EXPECT_EQ(r.tally.samples("email")[0].substr(0, 2), "ta");
  // Quotes and guillemets around an address are not part of it; a one-letter or mixed-script
  // TLD is not a TLD.
  expect_found("email", {"'kim.test@example.kg'", "«айбек@почта.рф»", "почта: тест@пример.рф,"});
  expect_none_found("email", {"айбек@почта.р", "user@mail.рфx", "user@почта.рф2"});
  // A sample of a Cyrillic address is masked by whole characters: valid UTF-8, no clear value.
  const ScanResult c = scan_text("айбек@почта.рф");
  ASSERT_EQ(c.tally.samples("email").size(), 1u);
  const std::string sample = c.tally.samples("email")[0];
  EXPECT_EQ(sample.substr(0, 4), "ай");
  EXPECT_EQ(sample.find("айбек"), std::string::npos);
  for (std::size_t i = 0; i < sample.size();) {
    std::size_t len = 0;
    decode_at(sample, i, len);
    ASSERT_TRUE(len > 1 || static_cast<unsigned char>(sample[i]) < 0x80) << "byte " << i;
    i += len;
  }
}

TEST(TrustedShapes, PinGroupedAndBirthYearWindow) {
  const std::string pin = kg_pin_of('1', 15, 1, 1983, 892);
  expect_found("kg_pin", {pin.substr(0, 1) + " " + pin.substr(1, 8) + " " + pin.substr(9)});
  expect_none_found("kg_pin",
                    {kg_pin_of('1', 15, 1, 1890, 1),
                     "7 " + pin.substr(0, 1) + " " + pin.substr(1, 8) + " " + pin.substr(9)});
}

TEST(TrustedShapes, PinDateJudgedAgainstPacketTime) {
  // Born in 2024: a PIN in a capture taken in 2023 is not one; in 2025 it is.
  const std::string pin = kg_pin_of('2', 1, 6, 2024, 77);
  FlowDetector before(engine());
  scratch().set_time(1672531200);  // 2023-01-01
  before.scan(Direction::kToServer, kRawView, as_bytes("pin " + pin + "\n"), scratch());
  before.end_all(scratch());
  FlowDetector after(engine());
  scratch().set_time(1735689600);  // 2025-01-01
  after.scan(Direction::kToServer, kRawView, as_bytes("pin " + pin + "\n"), scratch());
  after.end_all(scratch());
  scratch().set_time(-1);
  EXPECT_EQ(before.tally(Direction::kToServer).count("kg_pin"), 0u);
  EXPECT_EQ(after.tally(Direction::kToServer).count("kg_pin"), 1u);
}

TEST(TrustedShapes, ShortKeywordsNeedText) {
  Rng r(14006);
  const auto random_bytes = [&r](int n) {
    std::string out;
    for (int i = 0; i < n; ++i) out.push_back(static_cast<char>(r.uniform(0, 255)));
    return out;
  };
  // Inside ciphertext (a TLS application-data record) or binary, even between spaces or
  // punctuation, a short keyword is chance: no finding. Longer keywords touching control
  // bytes are not in text either.
  std::vector<std::string> binary;
  for (const char* word : {"WSQ", "ДНК", "ВИЧ", "HIV", "DNA"}) {
    for (const char* wrap : {" %s ", "%s", "(%s)", ".%s,"}) {
      std::string w = wrap;
      w.replace(w.find("%s"), 2, word);
      binary.push_back("\x17\x03\x03\x00\x40" + random_bytes(20) + w + random_bytes(40));
      binary.push_back(random_bytes(33) + w + random_bytes(33));
    }
  }
  binary.push_back(random_bytes(10) + "\x01religion\x02" + random_bytes(10));
  binary.push_back(random_bytes(10) + "\x01профсоюзы\x02" + random_bytes(10));   // a stem
  binary.push_back("iVBORw0KGgoAAAANSUhEUgAA+WSQ/AAAB" + std::string(20, 'A'));  // base64
  for (std::size_t i = 0; i < binary.size(); ++i) {
    SCOPED_TRACE("binary case #" + std::to_string(i));
    const Tally t = scan_text(binary[i]).tally;
    EXPECT_EQ(t.count("special.biometric") + t.count("special.genetic") +
                  t.count("special.health") + t.count("special.religion") +
                  t.count("special.political"),
              0u);
  }
  // In a sentence, a JSON field, at the start or end of a text: found.
  EXPECT_EQ(scan_text("файл в формате WSQ, 500 dpi").tally.count("special.biometric"), 1u);
  EXPECT_EQ(scan_text("{\"format\":\"WSQ\",\"dpi\":500}").tally.count("special.biometric"), 1u);
  EXPECT_EQ(scan_text("WSQ").tally.count("special.biometric"), 1u);
  EXPECT_EQ(scan_text("анализ ДНК подтвердил родство").tally.count("special.genetic"), 1u);
  EXPECT_EQ(scan_text("тест на ВИЧ (отрицательный)").tally.count("special.health"), 1u);
  EXPECT_EQ(scan_text("«ДНК»").tally.count("special.genetic"), 1u);
  EXPECT_EQ(scan_text("his religion is stated").tally.count("special.religion"), 1u);
  EXPECT_EQ(scan_text("test=ВИЧ&result=neg").tally.count("special.health"), 1u);  // a form
}

}  // namespace
}  // namespace korgoo::detect::testing
