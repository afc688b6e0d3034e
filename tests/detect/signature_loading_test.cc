// Signature files: errors name the file and line; the shipped files load and compile.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "detect/detect_fixture.h"
#include "detect/validator.h"

namespace korgoo::detect::testing {
namespace {

namespace fs = std::filesystem;

constexpr const char* kGood = R"(signatures:
  - id: 1
    type: kg_pin
    name: test
    category: identifier
    patterns: ['[12][0-9]{13}']
    validator: kg_pin
)";

std::string error_of(const std::string& yaml) {
  try {
    SignatureSet::parse(yaml, "test.yaml");
  } catch (const SignatureError& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(SignatureLoading, ParsesAValidEntry) {
  const auto set = SignatureSet::parse(kGood, "test.yaml");
  ASSERT_EQ(set.signatures().size(), 1u);
  const Signature& s = set.signatures()[0];
  EXPECT_EQ(s.id, 1u);
  EXPECT_EQ(s.type, "kg_pin");
  EXPECT_EQ(s.where.line, 2);
  EXPECT_EQ(s.patterns[0].where.line, 6);
}

TEST(SignatureLoading, UnknownKeyNamesFileLineAndKey) {
  const std::string e = error_of(std::string(kGood) + "    colour: blue\n");
  EXPECT_EQ(e.rfind("test.yaml:8: ", 0), 0u) << e;
  EXPECT_NE(e.find("colour"), std::string::npos) << e;
}

TEST(SignatureLoading, UnknownTopLevelKey) {
  EXPECT_EQ(error_of("version: 2\nsignatures: []\n").rfind("test.yaml:1: ", 0), 0u);
}

TEST(SignatureLoading, UnknownValidatorNamesItsLine) {
  std::string yaml = kGood;
  yaml.replace(yaml.find("validator: kg_pin"), 17, "validator: kg_pinn");
  const std::string e = error_of(yaml);
  EXPECT_EQ(e.rfind("test.yaml:7: ", 0), 0u) << e;
  EXPECT_NE(e.find("kg_pinn"), std::string::npos) << e;
}

TEST(SignatureLoading, BadValuesNameTheirLine) {
  EXPECT_EQ(error_of(std::string(kGood) + "    confidence: extreme\n").rfind("test.yaml:8: ", 0),
            0u);
  EXPECT_EQ(error_of(std::string(kGood) + "    caseless: maybe\n").rfind("test.yaml:8: ", 0), 0u);
  EXPECT_EQ(
      error_of(std::string(kGood) + "    masking: {keep_first: 3}\n").rfind("test.yaml:8: ", 0),
      0u);
  EXPECT_EQ(
      error_of(std::string(kGood) + "    context:\n      window: -1\n").rfind("test.yaml:9: ", 0),
      0u);
  EXPECT_EQ(
      error_of(std::string(kGood) + "    context:\n      color: x\n").rfind("test.yaml:9: ", 0),
      0u);
  std::string bad_id = kGood;
  bad_id.replace(bad_id.find("id: 1"), 5, "id: x1");
  EXPECT_EQ(error_of(bad_id).rfind("test.yaml:2: ", 0), 0u) << error_of(bad_id);
  std::string bad_category = kGood;
  bad_category.replace(bad_category.find("category: identifier"), 20, "category: secret");
  EXPECT_EQ(error_of(bad_category).rfind("test.yaml:5: ", 0), 0u);
}

TEST(SignatureLoading, WholeEntryRules) {
  std::string special = kGood;
  special.replace(special.find("type: kg_pin"), 12, "type: special.health");
  EXPECT_NE(error_of(special).find("needs category 'special'"), std::string::npos);
  std::string unknown_type = kGood;
  unknown_type.replace(unknown_type.find("type: kg_pin"), 12, "type: ssn");
  EXPECT_NE(error_of(unknown_type).find("unknown type 'ssn'"), std::string::npos);
  EXPECT_NE(error_of(std::string(kGood) + "    keywords: [a]\n").find("takes 'patterns'"),
            std::string::npos);
  const std::string twice = std::string(kGood) + std::string(kGood).substr(12);
  const std::string e = error_of(twice);
  EXPECT_NE(e.find("duplicate signature id 1"), std::string::npos) << e;
  EXPECT_EQ(e.rfind("test.yaml:8: ", 0), 0u) << e;
}

TEST(SignatureLoading, YamlSyntaxErrorNamesLine) {
  const std::string e = error_of("signatures:\n  - id: 1\n    type: [unclosed\n");
  EXPECT_EQ(e.rfind("test.yaml:", 0), 0u) << e;
  EXPECT_NE(e.find("YAML"), std::string::npos) << e;
}

class TempDir {
 public:
  TempDir() : path_(fs::temp_directory_path() / ("korgoo-detect-" + std::to_string(::getpid()))) {
    fs::create_directories(path_);
  }
  ~TempDir() { fs::remove_all(path_); }
  fs::path write(const std::string& name, const std::string& text) const {
    std::ofstream(path_ / name) << text;
    return path_ / name;
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

TEST(SignatureLoading, BadPatternNamesFileLineAndHyperscanMessage) {
  TempDir dir;
  std::string yaml = kGood;
  yaml +=
      "  - id: 2\n    type: kz_iin\n    category: identifier\n    validator: kz_iin\n"
      "    patterns:\n      - '[0-9]{12}'\n      - '([0-9]{12}'\n";
  const fs::path file = dir.write("bad.yaml", yaml);
  DetectConfig c = test_config();
  c.signature_paths = {file};
  try {
    DetectEngine::create(c);
    FAIL() << "expected SignatureError";
  } catch (const SignatureError& e) {
    const std::string msg = e.what();
    EXPECT_EQ(msg.rfind(file.string() + ":14: ", 0), 0u) << msg;
    EXPECT_NE(msg.find("Hyperscan"), std::string::npos) << msg;
    EXPECT_NE(msg.find("signature 2"), std::string::npos) << msg;
  }
}

TEST(SignatureLoading, DirectoryLoadsYamlFilesInOrder) {
  TempDir dir;
  dir.write("b.yaml", std::string(kGood).replace(std::string(kGood).find("id: 1"), 5, "id: 7"));
  dir.write("a.yaml", kGood);
  dir.write("notes.txt", "not yaml");
  const auto set = SignatureSet::load({dir.path()});
  ASSERT_EQ(set.signatures().size(), 2u);
  EXPECT_EQ(set.signatures()[0].id, 1u);
  EXPECT_EQ(set.signatures()[1].id, 7u);
}

TEST(SignatureLoading, MissingFileAndEmptySetAreErrors) {
  EXPECT_THROW(SignatureSet::load({"/nonexistent/korgoo.yaml"}), SignatureError);
  TempDir dir;
  EXPECT_THROW(SignatureSet::load({dir.path()}), SignatureError);
}

TEST(SignatureLoading, BadHashKeyIsRejected) {
  DetectConfig c = test_config();
  c.hash_key = "not-hex";
  EXPECT_THROW(DetectEngine::create(c), std::invalid_argument);
}

TEST(ShippedSignatures, LoadCompileAndCoverEveryType) {
  std::vector<std::string> types;
  for (const Signature& s : engine().signatures()) types.push_back(s.type);
  for (const char* t : {"kg_pin", "kz_iin", "kg_passport", "mrz", "payment_card", "phone", "email",
                        "iban", "special.health", "special.biometric", "special.religion",
                        "special.ethnicity", "special.political", "special.genetic"}) {
    EXPECT_NE(std::find(types.begin(), types.end(), t), types.end()) << t;
  }
}

TEST(ShippedSignatures, ListingNamesEverySignature) {
  std::ostringstream out;
  print_signatures(engine(), out);
  for (const Signature& s : engine().signatures()) {
    EXPECT_NE(out.str().find(std::to_string(s.id)), std::string::npos);
    EXPECT_NE(out.str().find(s.type), std::string::npos);
  }
}

TEST(Validators, RegistryNamesMatchBuiltValidators) {
  const ValidatorRegistry registry(ValidatorOptions{});
  for (auto name : ValidatorRegistry::names()) {
    ASSERT_NE(registry.find(name), nullptr) << name;
    EXPECT_EQ(registry.find(name)->name(), name);
  }
  EXPECT_FALSE(ValidatorRegistry::is_known("ssn"));
}

}  // namespace
}  // namespace korgoo::detect::testing

namespace korgoo::detect::testing {
namespace {

TEST(SignatureLoading, NonScalarKeyIsASignatureError) {
  const std::string e = error_of("signatures:\n  - ? [a, b]\n    : 1\n");
  EXPECT_EQ(e.rfind("test.yaml:", 0), 0u) << e;
}

TEST(SignatureLoading, EmptyListLoadsNothing) {
  EXPECT_TRUE(SignatureSet::parse("signatures: []\n", "test.yaml").signatures().empty());
}

}  // namespace
}  // namespace korgoo::detect::testing
