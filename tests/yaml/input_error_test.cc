#include "yaml/input_error.h"

#include <gtest/gtest.h>

#include "yaml/scalar.h"

namespace korgoo::yaml {
namespace {

TEST(InputError, PlaceShapesTheText) {
  EXPECT_STREQ(InputError("a.yaml", 3, 7, "bad").what(), "a.yaml:3:7: bad");
  EXPECT_STREQ(InputError("sigs.yaml", 0, std::nullopt, "no signatures loaded").what(),
               "sigs.yaml:0: no signatures loaded");
  EXPECT_STREQ(InputError("geoip", std::nullopt, std::nullopt, "cannot open").what(),
               "geoip: cannot open");
  // A column without a line is meaningless and is dropped.
  const InputError e("f", std::nullopt, 4, "m");
  EXPECT_STREQ(e.what(), "f: m");
  EXPECT_FALSE(e.column().has_value());
}

TEST(InputError, TextAloneIsKeptAsIs) {
  const InputError e("'x' is not a list of queue numbers 0..65535");
  EXPECT_STREQ(e.what(), "'x' is not a list of queue numbers 0..65535");
  EXPECT_EQ(e.message(), e.what());
  EXPECT_TRUE(e.file().empty());
  EXPECT_FALSE(e.line().has_value());
}

TEST(InputError, AtAMarkOrNot) {
  const YAML::Node doc = YAML::Load("a: 1\nb: 2\n");
  EXPECT_STREQ(InputError::at("f.yaml", doc["b"].Mark(), "m").what(), "f.yaml:2:4: m");
  EXPECT_STREQ(InputError::at("f.yaml", YAML::Node(5).Mark(), "m").what(), "f.yaml: m");
}

TEST(Scalars, TwoGrammarsForNumbersAndBooleans) {
  const YAML::Node d = YAML::Load(
      "n: 12\nplus: '+5'\nneg: -3\nhex: 0x10\nword: x1\nbig: 99999999999999999999\n"
      "yes: yes\ntrue: true\nlist: [1]\n");
  EXPECT_EQ(whole_number(d["n"]), 12);
  EXPECT_EQ(decimal(d["n"]), 12);
  EXPECT_EQ(decimal(d["plus"]), 5);
  EXPECT_EQ(decimal(d["neg"]), -3);
  EXPECT_EQ(whole_number(d["hex"]), 16);  // YAML 1.1's reading, kept for the configuration
  EXPECT_FALSE(decimal(d["hex"]));        // signatures take base 10 only
  EXPECT_FALSE(decimal(d["word"]));
  EXPECT_FALSE(whole_number(d["word"]));
  EXPECT_FALSE(decimal(d["big"]));
  EXPECT_FALSE(decimal(d["list"]));
  EXPECT_EQ(yaml_boolean(d["yes"]), true);
  EXPECT_FALSE(true_or_false(d["yes"]));
  EXPECT_EQ(true_or_false(d["true"]), true);
  EXPECT_FALSE(yaml_boolean(d["list"]));
  EXPECT_EQ(line_of(d["neg"]), 3);
  EXPECT_EQ(line_of(YAML::Node(1)), 0);
}

}  // namespace
}  // namespace korgoo::yaml
