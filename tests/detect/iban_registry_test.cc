// Every country of the SWIFT IBAN registry: a synthetic IBAN of its structure is found, and
// one character too many or a letter where the structure has a digit is not.
#include <gtest/gtest.h>

#include <string>

#include "detect/detect_fixture.h"
#include "detect/iban_registry.h"

namespace korgoo::detect::testing {
namespace {

class IbanCountries : public ::testing::TestWithParam<IbanCountry> {};

TEST_P(IbanCountries, ValidIbanOfTheCountryIsFound) {
  const IbanCountry& c = GetParam();
  Rng r(std::hash<std::string_view>{}(c.code));
  for (int i = 0; i < 3; ++i) {
    const std::string v = iban(c.code, bban_of(c.structure, r));
    ASSERT_EQ(v.size(), c.length);
    SCOPED_TRACE("case #" + std::to_string(i));
    EXPECT_EQ(scan_text("IBAN " + v + "\n").tally.count("iban"), 1u);
    EXPECT_EQ(scan_text(iban_printed(v) + ";").tally.count("iban"), 1u);
  }
}

TEST_P(IbanCountries, WrongLengthOrStructureIsNot) {
  const IbanCountry& c = GetParam();
  Rng r(std::hash<std::string_view>{}(c.code) + 1);
  const std::string b = bban_of(c.structure, r);
  EXPECT_EQ(scan_text(iban(c.code, b + "1") + "\n").tally.count("iban"), 0u);
  // A letter where the structure starts with a digit, or a digit where it needs a letter.
  const char kind = c.structure[c.structure.find('!') + 1];
  if (kind != 'c') {
    std::string swapped = b;
    swapped[0] = kind == 'n' ? 'Q' : '7';
    EXPECT_EQ(scan_text(iban(c.code, swapped) + "\n").tally.count("iban"), 0u);
  }
}

INSTANTIATE_TEST_SUITE_P(Registry, IbanCountries,
                         ::testing::ValuesIn(iban_registry().begin(), iban_registry().end()),
                         [](const auto& info) { return std::string(info.param.code); });

TEST(IbanRegistry, HasEveryRecentlyAddedCountry) {
  for (std::string_view c : {"MN", "NI", "OM", "SO", "YE", "HN", "FK", "DJ", "BI"})
    EXPECT_NE(iban_country(c), nullptr) << c;
  EXPECT_EQ(iban_country("KG"), nullptr);
  EXPECT_EQ(iban_registry().size(), 89u);
}

}  // namespace
}  // namespace korgoo::detect::testing
