#include "config/yaml_reader.h"

#include <gtest/gtest.h>

namespace korgoo::config {
namespace {

YamlReader reader(const std::string& text) {
  return YamlReader(YAML::Load(text), "test.yaml");
}

std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "";
}

TEST(YamlReader, UnknownKeyNamesFileLineAndKey) {
  auto r = reader("flow:\n  max_flows: 10\n  max_flowz: 3\n");
  auto flow = r.section("flow");
  const auto msg = error_of([&] { flow.allow_only({"max_flows"}); });
  EXPECT_EQ(msg.rfind("test.yaml:3:3: unknown key 'flow.max_flowz'", 0), 0u) << msg;
}

TEST(YamlReader, BadValuesNameTheKey) {
  auto r = reader("n: abc\nb: maybe\nsize: 12parsecs\nrange: 99\n");
  EXPECT_NE(error_of([&] { r.integer("n", 0, 0, 10); }).find("test.yaml:1:4: key 'n'"),
            std::string::npos);
  EXPECT_NE(error_of([&] { r.boolean("b", false); }).find("key 'b'"), std::string::npos);
  EXPECT_NE(error_of([&] { r.bytes("size", 0); }).find("key 'size'"), std::string::npos);
  EXPECT_NE(error_of([&] { r.integer("range", 0, 0, 10); }).find("outside 0..10"),
            std::string::npos);
}

TEST(YamlReader, PortLists) {
  auto r = reader("one: 4789\nmany: [4789, 8472]\nnone: []\nbad: [70000]\nword: [vxlan]\n");
  EXPECT_EQ(r.ports("one", {}), (std::vector<std::uint16_t>{4789}));
  EXPECT_EQ(r.ports("many", {}), (std::vector<std::uint16_t>{4789, 8472}));
  EXPECT_TRUE(r.ports("none", {1}).empty());
  EXPECT_EQ(r.ports("absent", {6081}), (std::vector<std::uint16_t>{6081}));
  EXPECT_NE(error_of([&] { r.ports("bad", {}); }).find("test.yaml:4:7: key 'bad'"),
            std::string::npos);
  EXPECT_NE(error_of([&] { r.ports("word", {}); }).find("'vxlan' is not a port"),
            std::string::npos);
}

TEST(YamlReader, TypedValuesAndDefaults) {
  auto r = reader("n: 7\nb: yes\nsize: 16mb\nlist: [a, b]\nnets: [10.0.0.0/8, 'fc00::/7']\n");
  EXPECT_EQ(r.integer("n", 0, 0, 10), 7);
  EXPECT_EQ(r.integer("missing", 3, 0, 10), 3);
  EXPECT_TRUE(r.boolean("b", false));
  EXPECT_EQ(r.bytes("size", 0), 16u << 20);
  EXPECT_EQ(r.strings("list", {}), (std::vector<std::string>{"a", "b"}));
  auto nets = r.cidrs("nets", {});
  EXPECT_TRUE(nets.contains(*IpAddress::parse("fd00::1")));
}

TEST(YamlReader, BadCidrIsNamed) {
  auto r = reader("nets:\n  - 10.0.0.0/8\n  - 10.0.0.0/40\n");
  const auto msg = error_of([&] { r.cidrs("nets", {}); });
  EXPECT_NE(msg.find("test.yaml:3:5"), std::string::npos) << msg;
  EXPECT_NE(msg.find("10.0.0.0/40"), std::string::npos) << msg;
}

TEST(YamlReader, ChoiceListsAlternatives) {
  auto r = reader("mode: sometimes\n");
  EXPECT_NE(error_of([&] {
              r.choice("mode", "pii", {"pii", "all", "none"});
            }).find("not one of: pii, all, none"),
            std::string::npos);
}

TEST(ByteSize, Parses) {
  std::uint64_t v = 0;
  EXPECT_TRUE(parse_byte_size("65536", v));
  EXPECT_EQ(v, 65536u);
  EXPECT_TRUE(parse_byte_size("64kb", v));
  EXPECT_EQ(v, 65536u);
  EXPECT_TRUE(parse_byte_size("1 GB", v));
  EXPECT_EQ(v, 1u << 30);
  EXPECT_FALSE(parse_byte_size("", v));
  EXPECT_FALSE(parse_byte_size("kb", v));
  EXPECT_FALSE(parse_byte_size("5 parsecs", v));
  EXPECT_FALSE(parse_byte_size("99999999999999999999999", v));
}

}  // namespace
}  // namespace korgoo::config
