#include <gtest/gtest.h>

#include "detect/masking.h"

namespace korgoo::detect {
namespace {

TEST(Masking, KeepsTwoFirstAndTwoLastCharacters) {
  EXPECT_EQ(mask_value("12345678901234"), "12**********34");
  EXPECT_EQ(mask_value("4000123412341234"), "40************34");
  EXPECT_EQ(mask_value("user.name@mail.kg"), "us*************kg");
  EXPECT_EQ(mask_value("+996555000111"), "+9*********11");
}

TEST(Masking, NeverRevealsMoreThanAQuarterOnEachSide) {
  EXPECT_EQ(mask_value(""), "");
  EXPECT_EQ(mask_value("a"), "*");
  EXPECT_EQ(mask_value("abc"), "***");
  EXPECT_EQ(mask_value("abcd"), "a**d");
  EXPECT_EQ(mask_value("abcdefg"), "a*****g");
  EXPECT_EQ(mask_value("abcdefgh"), "ab****gh");
}

TEST(Masking, CountsCodePointsNotBytes) {
  EXPECT_EQ(mask_value("диагноз"), "д*****з");
  EXPECT_EQ(mask_value("туберкулез"), "ту******ез");
}

TEST(Masking, HonoursSmallerKeeps) {
  EXPECT_EQ(mask_value("12345678901234", 0, 0), "**************");
  EXPECT_EQ(mask_value("12345678901234", 1, 2), "1***********34");
  EXPECT_EQ(mask_value("12345678901234", 5, 5), "12**********34");  // capped at 2
}

}  // namespace
}  // namespace korgoo::detect
