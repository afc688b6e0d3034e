#include "yaml/reader.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <functional>

#include "yaml/byte_size.h"

namespace korgoo::yaml {
namespace {

Reader reader(const std::string& text) {
  return Reader(YAML::Load(text), "test.yaml");
}

std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const InputError& e) {
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

// From policy's reader: lists of scalars keep each item's node, so each item names its line.
TEST(YamlReader, ScalarsKeepEachItemsLine) {
  auto r = reader("one: DE\nmany:\n  - KG\n  - KZ\nnested: [[a]]\nmap: {a: 1}\n");
  const auto one = r.scalars("one");
  ASSERT_EQ(one.size(), 1u);
  EXPECT_EQ(one[0].first, "DE");
  const auto many = r.scalars("many");
  ASSERT_EQ(many.size(), 2u);
  EXPECT_EQ(many[1].first, "KZ");
  EXPECT_EQ(many[1].second.Mark().line + 1, 4);
  EXPECT_TRUE(r.scalars("absent").empty());
  EXPECT_EQ(error_of([&] { r.scalars("nested"); }),
            "test.yaml:5:10: key 'nested': expected a list of plain values");
  EXPECT_EQ(error_of([&] { r.scalars("map"); }), "test.yaml:6:6: key 'map': expected a list");
}

// From policy's reader: an item of a list is a mapping named "key[index]" in messages.
TEST(YamlReader, ItemsAreNamedByIndex) {
  auto r = reader("rules:\n  - {sid: 1}\n  - {sid: 2, colour: red}\n  - plain\n");
  const YAML::Node list = r.node()["rules"];
  EXPECT_EQ(r.item(list, "rules", 0).integer("sid", 0, 0, 9), 1);
  const auto second = r.item(list, "rules", 1);
  const auto msg = error_of([&] { second.allow_only({"sid"}); });
  EXPECT_EQ(msg, "test.yaml:3:14: unknown key 'rules[1].colour' (expected one of: sid)");
  EXPECT_EQ(error_of([&] { r.item(list, "rules", 2); }),
            "test.yaml:4:5: key 'rules': item 2 must be a mapping");
}

// From config's reader: sizes with units, and caps that must not be 0.
TEST(YamlReader, NonzeroBytesSaysWhatZeroDoes) {
  auto r = reader("memcap: 0\ndepth: 1mb\n");
  EXPECT_EQ(r.nonzero_bytes("depth", 7, "x"), 1u << 20);
  EXPECT_EQ(r.nonzero_bytes("absent", 7, "x"), 7u);
  EXPECT_EQ(error_of([&] { r.nonzero_bytes("memcap", 7, "turns off buffering"); }),
            "test.yaml:1:9: key 'memcap': 0 turns off buffering; give a size such as 16mb");
}

TEST(YamlReader, EmptyValueTakesTheDefaultAndSectionsNest) {
  auto r = reader("bpf:\nflow:\n  table: {size: 3}\nlist: 5\n");
  EXPECT_FALSE(r.has("bpf"));
  EXPECT_FALSE(r.value("bpf").has_value());
  EXPECT_EQ(r.string("bpf", "tcp"), "tcp");
  const auto table = r.section("flow").section("table");
  EXPECT_EQ(table.integer("size", 0, 0, 9), 3);
  EXPECT_EQ(table.qualified("size"), "flow.table.size");
  EXPECT_EQ(error_of([&] { r.section("list"); }), "test.yaml:4:7: key 'list': expected a mapping");
  EXPECT_EQ(error_of([&] { r.cidrs("list", {}); }),
            "test.yaml:4:7: key 'list': expected a list of CIDR prefixes");
}

TEST(YamlReader, ErrorsCarryTheirPlaceApart) {
  auto r = reader("a:\n  b: nope\n");
  try {
    r.section("a").boolean("b", false);
    FAIL() << "expected an InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(e.file(), "test.yaml");
    EXPECT_EQ(e.line(), 2);
    EXPECT_EQ(e.column(), 6);
    EXPECT_EQ(e.message(), "key 'a.b': expected true or false, got 'nope'");
    EXPECT_STREQ(e.what(), "test.yaml:2:6: key 'a.b': expected true or false, got 'nope'");
  }
}

class TempFile {
 public:
  explicit TempFile(const std::string& text)
      : path_(std::filesystem::temp_directory_path() /
              ("korgoo-yaml-" + std::to_string(::getpid()) + ".yaml")) {
    std::ofstream(path_) << text;
  }
  ~TempFile() { std::filesystem::remove(path_); }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

TEST(YamlReader, LoadFileRefusesRepeatedAndNonScalarKeys) {
  {
    TempFile f("stream:\n  memcap: 64mb\n  memcap: 0\n");
    const auto msg = error_of([&] { Reader::load_file(f.path()); });
    EXPECT_EQ(msg, f.path().string() +
                       ":3:3: key 'stream.memcap' given twice (first at line 2; YAML would "
                       "silently keep only one)");
  }
  {
    TempFile f("? [a, b]\n: 1\n");
    const auto msg = error_of([&] { Reader::load_file(f.path()); });
    EXPECT_NE(msg.find("key '?' is a list or a mapping"), std::string::npos) << msg;
  }
  {
    TempFile f("a: [unclosed\n");
    const auto msg = error_of([&] { Reader::load_file(f.path()); });
    EXPECT_EQ(msg.rfind(f.path().string() + ":", 0), 0u) << msg;
    EXPECT_NE(msg.find("YAML syntax error"), std::string::npos) << msg;
  }
  EXPECT_EQ(error_of([&] { Reader::load_file("/nonexistent/korgoo.yaml"); }),
            "/nonexistent/korgoo.yaml: cannot read file");
  TempFile good("a: 1\n");
  EXPECT_EQ(Reader(Reader::load_file(good.path()), "x").integer("a", 0, 0, 9), 1);
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
}  // namespace korgoo::yaml
