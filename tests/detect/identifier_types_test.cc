// Per-type tables: every positive is found exactly once, every near miss not at all.
#include <gtest/gtest.h>

#include "detect/cases.h"
#include "detect/detect_fixture.h"

namespace korgoo::detect::testing {
namespace {

struct TypeCases {
  const char* type;
  std::vector<std::string> (*positives)();
  std::vector<std::string> (*negatives)();
  friend void PrintTo(const TypeCases& c, std::ostream* os) { *os << c.type; }
};

class IdentifierTypes : public ::testing::TestWithParam<TypeCases> {};

TEST_P(IdentifierTypes, TablesAreLargeEnough) {
  EXPECT_GE(GetParam().positives().size(), 30u);
  EXPECT_GE(GetParam().negatives().size(), 30u);
}

TEST_P(IdentifierTypes, EveryPositiveIsFoundOnce) {
  expect_each_found_once(GetParam().type, GetParam().positives());
}

TEST_P(IdentifierTypes, NoNegativeIsFound) {
  expect_none_found(GetParam().type, GetParam().negatives());
}

INSTANTIATE_TEST_SUITE_P(
    Detect, IdentifierTypes,
    ::testing::Values(TypeCases{"kg_pin", kg_pin_positives, kg_pin_negatives},
                      TypeCases{"kz_iin", kz_iin_positives, kz_iin_negatives},
                      TypeCases{"payment_card", payment_card_positives, payment_card_negatives},
                      TypeCases{"kg_passport", kg_passport_positives, kg_passport_negatives},
                      TypeCases{"mrz", mrz_positives, mrz_negatives},
                      TypeCases{"phone", phone_positives, phone_negatives},
                      TypeCases{"email", email_positives, email_negatives},
                      TypeCases{"iban", iban_positives, iban_negatives}),
    [](const auto& info) { return std::string(info.param.type); });

TEST(KgPin, OrganisationInnIsSuppressedNotReported) {
  const auto cases = org_inn_cases();
  for (std::size_t i = 0; i < cases.size(); ++i) {
    SCOPED_TRACE("org INN case #" + std::to_string(i));
    const ScanResult r = scan_text(cases[i]);
    EXPECT_TRUE(r.tally.empty());
    EXPECT_EQ(r.suppressed, 1u);
  }
}

TEST(KgPin, SuppressionIsCountedInStats) {
  const auto before = scratch().stats().suppressed_org_inn;
  scan_text(org_inn_cases().front());
  EXPECT_EQ(scratch().stats().suppressed_org_inn, before + 1);
}

TEST(KgPin, SampleIsMasked) {
  const std::string pin = kg_pin_of('2', 15, 5, 1988, 1234);
  const ScanResult r = scan_text("ПИН " + pin);
  ASSERT_EQ(r.tally.samples("kg_pin").size(), 1u);
  EXPECT_EQ(r.tally.samples("kg_pin")[0], pin.substr(0, 2) + std::string(10, '*') + pin.substr(12));
}

TEST(KgPin, SeveralValuesCountAndDistinct) {
  Rng rng(42);
  const std::string a = kg_pin(rng);
  const std::string b = kg_pin(rng);
  const ScanResult r = scan_text(a + "," + b + "," + a + "\n");
  EXPECT_EQ(r.tally.count("kg_pin"), 3u);
  EXPECT_EQ(r.tally.distinct("kg_pin"), 2u);
}

TEST(KzIin, BinIsSuppressedNotReported) {
  const auto cases = kz_bin_cases();
  for (std::size_t i = 0; i < cases.size(); ++i) {
    SCOPED_TRACE("BIN case #" + std::to_string(i));
    const ScanResult r = scan_text(cases[i]);
    EXPECT_EQ(r.tally.count("kz_iin"), 0u);
    EXPECT_EQ(r.suppressed, 1u);
  }
}

TEST(PaymentCard, GroupedDigitsAreNormalisedBeforeHashingAndMasking) {
  Rng rng(7);
  const std::string pan = card(rng, "4", 16);
  const ScanResult r = scan_text(pan + " and " + group(pan, {4, 4, 4, 4}, ' ') + " and " +
                                 group(pan, {4, 4, 4, 4}, '-'));
  EXPECT_EQ(r.tally.count("payment_card"), 3u);
  EXPECT_EQ(r.tally.distinct("payment_card"), 1u);
  ASSERT_EQ(r.tally.samples("payment_card").size(), 1u);
  EXPECT_EQ(r.tally.samples("payment_card")[0],
            pan.substr(0, 2) + std::string(12, '*') + pan.substr(14));
}

TEST(Mrz, IdCardPinIsAlsoAKgPin) {
  const std::string pin = kg_pin_of('1', 2, 3, 1990, 4567);
  const ScanResult r = scan_text(mrz_td1("ID1234567", pin, "900302", 'F', "300101"));
  EXPECT_EQ(r.tally.count("mrz"), 1u);
  EXPECT_EQ(r.tally.count("kg_pin"), 1u);
}

TEST(Mrz, PassportPersonalNumberPinIsAlsoAKgPin) {
  const std::string pin = kg_pin_of('2', 2, 3, 1985, 4567);
  const ScanResult r = scan_text(mrz_td3("AC1234567", "850302", 'M', "300101", pin));
  EXPECT_EQ(r.tally.count("mrz"), 1u);
  EXPECT_EQ(r.tally.count("kg_pin"), 1u);
}

TEST(Mrz, NonPinOptionalFieldIsNotAKgPin) {
  const ScanResult r = scan_text(mrz_td1("ID1234567", "TEST", "900302", 'F', "300101"));
  EXPECT_EQ(r.tally.count("mrz"), 1u);
  EXPECT_EQ(r.tally.count("kg_pin"), 0u);
}

TEST(Phone, FormatsOfOneNumberAreOneDistinctValue) {
  const ScanResult r = scan_text("+996 555 123 456; 0555123456; 996555123456; 0(555)123456");
  EXPECT_EQ(r.tally.count("phone"), 4u);
  EXPECT_EQ(r.tally.distinct("phone"), 1u);
}

TEST(Email, RoleMailboxesAreSuppressed) {
  const auto cases = role_mailbox_cases();
  for (std::size_t i = 0; i < cases.size(); ++i) {
    SCOPED_TRACE("role mailbox case #" + std::to_string(i));
    const ScanResult r = scan_text("Write to " + cases[i] + " today");
    EXPECT_EQ(r.tally.count("email"), 0u);
    EXPECT_EQ(r.suppressed, 1u);
  }
}

TEST(Email, CaseDoesNotMakeADistinctValue) {
  const ScanResult r = scan_text("Aibek.Test@Mail.KG aibek.test@mail.kg");
  EXPECT_EQ(r.tally.count("email"), 2u);
  EXPECT_EQ(r.tally.distinct("email"), 1u);
}

TEST(Detect, TypesInOneTextAreTalliedSeparately) {
  Rng rng(99);
  const std::string text = "ПИН " + kg_pin(rng) + ", карта " + card(rng, "4", 16) +
                           ", email test.user@mail.kg, тел +996" + kg_mobile_national(rng) +
                           ", IBAN " + iban("KZ", "123KZT1234567890") + ", диагноз: грипп";
  const ScanResult r = scan_text(text);
  EXPECT_EQ(r.tally.types(), (std::vector<std::string>{"email", "iban", "kg_pin", "payment_card",
                                                       "phone", "special.health"}));
}

}  // namespace
}  // namespace korgoo::detect::testing
