// Metadata masking: identifiers inside URLs, file names, DNS names and addresses are replaced
// where they stand, found raw, percent-decoded and split over dots. Values are generated;
// failure messages show masked output only.
#include "detect/text_masker.h"

#include <gtest/gtest.h>

#include <initializer_list>

#include "detect/detect_fixture.h"

namespace korgoo::detect {
namespace {

using testing::engine;
using testing::kg_pin;
using testing::Rng;

// Joins pieces (GCC 12 warns falsely, -Wrestrict, on chains of std::string operator+).
std::string cat(std::initializer_list<std::string_view> parts) {
  std::string out;
  for (auto p : parts) out.append(p);
  return out;
}

std::string pin() {
  Rng r(7);
  return kg_pin(r);
}

std::string percent_encode_all(std::string_view s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    out += '%';
    out += hex[c >> 4];
    out += hex[c & 15];
  }
  return out;
}

// Asserts without printing the clear value on failure.
void expect_absent(const std::string& text, const std::string& value, const char* what) {
  EXPECT_EQ(text.find(value), std::string::npos) << what << ": value in clear";
}

TEST(TextMasker, MasksAnIdentifierInAQueryString) {
  TextMasker m(engine(), Redaction::kMasked);
  const std::string p = pin();
  const std::string got = m.mask(cat({"/form?pin=", p, "&x=1"}));
  EXPECT_EQ(got, cat({"/form?pin=", mask_value(p), "&x=1"}));
  expect_absent(got, p, "query");
}

TEST(TextMasker, LeavesTextWithoutIdentifiersAlone) {
  TextMasker m(engine(), Redaction::kMasked);
  EXPECT_EQ(m.mask("/index.html?page=2"), "/index.html?page=2");
  EXPECT_EQ(m.mask("forms.example.com"), "forms.example.com");
  EXPECT_EQ(m.mask(""), "");
}

TEST(TextMasker, FindsPercentEncodedAndDoubleEncodedValues) {
  TextMasker m(engine(), Redaction::kMasked);
  const std::string p = pin();
  const std::string once = percent_encode_all(p);
  EXPECT_EQ(m.mask(cat({"/a?pin=", once})), cat({"/a?pin=", mask_value(p)}));
  std::string twice;
  for (char c : once) twice += c == '%' ? std::string("%25") : std::string(1, c);
  EXPECT_EQ(m.mask(cat({"/a?pin=", twice})), cat({"/a?pin=", mask_value(p)}));
}

TEST(TextMasker, EmailInTextKeepsItsDomain) {
  TextMasker m(engine(), Redaction::kMasked);
  EXPECT_EQ(m.mask("/s?to=jyldyz.osmonova%40example.com&a=1"),
            cat({"/s?to=", mask_value("jyldyz.osmonova"), "@example.com&a=1"}));
  // A Cyrillic local part, raw and percent-encoded: masked by whole characters (no UTF-8
  // sequence is split), the domain kept.
  EXPECT_EQ(m.mask("to: айбек.тест@почта.рф;"),
            cat({"to: ", mask_value("айбек.тест"), "@почта.рф;"}));
  const std::string encoded = "%D0%B0%D0%B9%D0%B1%D0%B5%D0%BA";
  const std::string got = m.mask(cat({"/s?to=", encoded, "@mail.kg"}));
  expect_absent(got, encoded, "percent-encoded local part");
  EXPECT_TRUE(got.starts_with("/s?to=") && got.ends_with("@mail.kg")) << got;
}

TEST(TextMasker, FindsAnIdentifierSplitOverDnsLabels) {
  TextMasker m(engine(), Redaction::kMasked);
  const std::string p = pin();
  const std::string name =
      cat({p.substr(0, 5), ".", p.substr(5, 6), ".", p.substr(11), ".x.example.com"});
  const std::string got = m.mask(name);
  EXPECT_EQ(got, cat({mask_value(p), ".x.example.com"}));
}

TEST(TextMasker, AddressesDropTheDisplayNameAndMaskTheLocalPart) {
  TextMasker m(engine(), Redaction::kMasked);
  EXPECT_EQ(m.mask_address("Aidai Bekova <aidai.bekova@example.com>"),
            cat({mask_value("aidai.bekova"), "@example.com"}));
  EXPECT_EQ(m.mask_address("<aidai.bekova@example.com>"),
            cat({"<", mask_value("aidai.bekova"), "@example.com>"}));
  EXPECT_EQ(m.mask_address("postmaster@example.com"),
            cat({mask_value("postmaster"), "@example.com"}));
  EXPECT_EQ(m.mask_address("<>"), "<>");
}

TEST(TextMasker, HashedIsStableAndHidesTheValue) {
  TextMasker m(engine(), Redaction::kHashed);
  const std::string p = pin();
  const std::string a = m.mask(cat({"/a?pin=", p}));
  const std::string b = m.mask(cat({"/b/", p, ".csv"}));
  expect_absent(a, p, "hashed query");
  EXPECT_EQ(a.substr(0, 14), "/a?pin=[kg_pin");
  const std::string token = a.substr(7);
  EXPECT_NE(b.find(token), std::string::npos) << a << " " << b;
  const std::string addr = m.mask_address("<aidai.bekova@example.com>");
  expect_absent(addr, "aidai", "hashed address");
  EXPECT_EQ(addr, cat({"<", m.mask_address("Aidai <Aidai.Bekova@example.com>"), ">"}));
}

TEST(TextMasker, ClearChangesNothing) {
  TextMasker m(engine(), Redaction::kClear);
  const std::string p = pin();
  const std::string text = cat({"/a?pin=", p});
  EXPECT_TRUE(m.mask(text) == text);
}

}  // namespace
}  // namespace korgoo::detect
