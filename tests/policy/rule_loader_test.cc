#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include "config/config_error.h"
#include "policy/rule_loader.h"

namespace korgoo::policy {
namespace {

std::string error_of(const std::string& yaml, RuleLoadOptions options = {}) {
  try {
    RuleLoader(options).load(YAML::Load(yaml), "r.yaml");
  } catch (const config::ConfigError& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(RuleLoader, ShippedDefaultRulesLoad) {
  const std::filesystem::path dir = std::filesystem::path(KORGOO_SOURCE_DIR) / "rules";
  RuleLoadOptions opts;
  opts.known_types = {
      "kg_pin", "kz_iin",         "kg_passport",      "mrz", "payment_card", "phone", "email",
      "iban",   "special.health", "special.biometric"};
  const auto rules = RuleLoader(opts).load_paths({dir});
  ASSERT_GE(rules.size(), 7u);
  for (const auto& r : rules) {
    EXPECT_GE(r.sid, 9000001u);
    EXPECT_FALSE(r.signature.empty());
    const bool has_rationale = std::any_of(r.metadata.begin(), r.metadata.end(),
                                           [](const auto& kv) { return kv.first == "rationale"; });
    EXPECT_TRUE(has_rationale) << r.sid;
  }
}

TEST(RuleLoader, ReadsEveryKey) {
  const auto rules = RuleLoader().load(YAML::Load(R"(
rules:
  - id: 42
    rev: 3
    name: "a name"
    category: cat
    action: drop
    severity: 1
    condition:
      types_any: [kg_pin, "special.*"]
      types_all: [email]
      min_count: 2
      min_distinct: 5
      special: true
      direction: any
      countries: [us, CN]
      not_countries: [KG]
      adequate: false
      domestic: false
      basis: contract
      app_proto: [HTTP, smtp]
      not_app_proto: tls
      hosts: ["*.example.com"]
      not_hosts: [ok.example.com]
      ports: [80, "8000-8080"]
      file.encrypted: true
    aggregate: {by: src_host, window: 600, min_distinct: 10, min_count: 20, types: [kg_pin]}
    metadata:
      rationale: why
      law: [a, b]
)"),
                                       "r.yaml");
  ASSERT_EQ(rules.size(), 1u);
  const Rule& r = rules[0];
  EXPECT_EQ(r.sid, 42u);
  EXPECT_EQ(r.rev, 3u);
  EXPECT_EQ(r.signature, "a name");
  EXPECT_EQ(r.action, RuleAction::kDrop);
  EXPECT_EQ(r.severity, 1);
  EXPECT_EQ(r.origin, "r.yaml:3");
  const auto& c = r.condition;
  EXPECT_EQ(c.types_any.size(), 2u);
  EXPECT_EQ(c.min_count, 2u);
  EXPECT_EQ(c.min_distinct, 5u);
  EXPECT_EQ(c.special, true);
  EXPECT_EQ(c.direction, TransferMatch::kAny);
  EXPECT_EQ(c.countries, (std::vector<std::string>{"US", "CN"}));
  EXPECT_EQ(c.adequate, false);
  EXPECT_EQ(c.basis.kind, BasisMatch::Kind::kSpecific);
  EXPECT_EQ(c.basis.specific, BasisKind::kContract);
  EXPECT_EQ(c.app_proto, (std::vector<std::string>{"http", "smtp"}));
  EXPECT_EQ(c.not_app_proto, (std::vector<std::string>{"tls"}));
  ASSERT_EQ(c.ports.size(), 2u);
  EXPECT_EQ(c.ports[1].low, 8000);
  EXPECT_EQ(c.ports[1].high, 8080);
  EXPECT_EQ(c.file_encrypted, true);
  ASSERT_TRUE(r.aggregate);
  EXPECT_EQ(r.aggregate->window_seconds, 600);
  EXPECT_EQ(r.aggregate->min_distinct, 10u);
  ASSERT_EQ(r.metadata.size(), 2u);
  EXPECT_EQ(r.metadata[1].second, (std::vector<std::string>{"a", "b"}));
}

TEST(RuleLoader, DisabledRulesAreCheckedButNotReturned) {
  EXPECT_TRUE(RuleLoader()
                  .load(YAML::Load("rules:\n  - {id: 1, signature: s, enabled: false, "
                                   "condition: {}}\n"),
                        "r.yaml")
                  .empty());
  EXPECT_NE(error_of("rules:\n  - {id: 1, signature: s, enabled: false, condition: {x: 1}}\n")
                .find("unknown key"),
            std::string::npos);
}

TEST(RuleLoader, ErrorsNameFileLineAndKey) {
  EXPECT_EQ(error_of("rules:\n  - id: 1\n    signature: s\n    condition:\n      colour: red\n"),
            "r.yaml:5:7: unknown key 'rules[0].condition.colour' (expected one of: types_any, "
            "types_all, min_count, min_distinct, special, direction, countries, not_countries, "
            "adequate, domestic, basis, app_proto, not_app_proto, hosts, not_hosts, ports, "
            "file.encrypted)");
  EXPECT_EQ(error_of("rules:\n  - id: 1\n    signature: s\n    condition:\n"
                     "      countries: [DE, XY]\n"),
            "r.yaml:5:23: key 'rules[0].condition.countries': 'XY' is not an ISO 3166-1 alpha-2 "
            "country code");
  EXPECT_EQ(error_of("rules:\n  - id: 1\n    signature: s\n    condition:\n      basis: maybe\n"),
            "r.yaml:5:14: key 'rules[0].condition.basis': 'maybe' is not one of: none, any, "
            "consent, treaty, vital_interest, contract");
  EXPECT_EQ(
      error_of("rules:\n  - id: 1\n    signature: s\n    action: reject\n    condition: {}\n"),
      "r.yaml:4:13: key 'rules[0].action': 'reject' is not one of: alert, drop, pass");
  EXPECT_EQ(error_of("rules:\n  - id: 1\n    signature: s\n    severity: 4\n    condition: {}\n"),
            "r.yaml:4:15: key 'rules[0].severity': 4 is outside 1..3");
  EXPECT_EQ(error_of("rules:\n  - {id: 7, signature: s, condition: {}}\n"
                     "  - {id: 7, signature: t, condition: {}}\n"),
            "r.yaml:3: rule id 7 already used at r.yaml:2");
  EXPECT_NE(error_of("rules:\n  - {signature: s, condition: {}}\n").find("needs an id"),
            std::string::npos);
  EXPECT_NE(error_of("rules:\n  - {id: 1, condition: {}}\n").find("needs a signature"),
            std::string::npos);
  EXPECT_NE(error_of("rules:\n  - {id: 1, signature: s}\n").find("needs a condition"),
            std::string::npos);
  EXPECT_EQ(
      error_of("rules:\n  - id: 1\n    signature: s\n    condition:\n      hosts: [\"a.*.com\"]\n"),
      "r.yaml:5:15: key 'rules[0].condition.hosts': 'a.*.com' is not a host name or "
      "'*.suffix' pattern (a '*' may only lead)");
  EXPECT_NE(error_of("rules:\n  - id: 1\n    signature: s\n    condition:\n      ports: [70000]\n")
                .find("r.yaml:5:15:"),
            std::string::npos);
  EXPECT_NE(error_of("rules:\n  - id: 1\n    signature: s\n    condition: {}\n"
                     "    aggregate: {by: dst_host, min_distinct: 5}\n")
                .find("'dst_host' is not one of: src_host"),
            std::string::npos);
  EXPECT_NE(error_of("rules:\n  - id: 1\n    signature: s\n    condition: {}\n"
                     "    aggregate: {window: 60}\n")
                .find("needs min_distinct or min_count"),
            std::string::npos);
  EXPECT_NE(error_of("rules:\n  - id: 1\n    signature: s\n    condition:\n      min_count: 0\n")
                .find("0 is outside 1.."),
            std::string::npos);
  RuleLoadOptions known;
  known.known_types = {"kg_pin", "special.health"};
  EXPECT_EQ(error_of("rules:\n  - id: 1\n    signature: s\n    condition:\n"
                     "      types_any: [kg_pinn]\n",
                     known),
            "r.yaml:5:19: key 'rules[0].condition.types_any': 'kg_pinn' matches no known data "
            "type");
  EXPECT_EQ(error_of("rules:\n  - id: 1\n    signature: s\n    condition:\n"
                     "      types_any: [\"special.*\"]\n",
                     known),
            "(no error)");
}

TEST(RuleLoader, SyntaxErrorsAndMissingFilesNameTheFile) {
  const auto path = std::filesystem::temp_directory_path() / "korgoo_policy_bad_rules.yaml";
  std::ofstream(path) << "rules:\n  - id: 1\n    signature: [unclosed\n";
  try {
    RuleLoader().load_file(path.string());
    FAIL();
  } catch (const config::ConfigError& e) {
    EXPECT_EQ(std::string(e.what()).rfind(path.string() + ":", 0), 0u) << e.what();
    EXPECT_NE(std::string(e.what()).find("YAML syntax error"), std::string::npos);
  }
  std::filesystem::remove(path);
  EXPECT_THROW(RuleLoader().load_file("/nonexistent/rules.yaml"), config::ConfigError);
}

TEST(RuleLoader, SidsMustBeUniqueAcrossFiles) {
  const auto dir = std::filesystem::temp_directory_path() / "korgoo_policy_rules_dir";
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "a.yaml") << "rules:\n  - {id: 5, signature: a, condition: {}}\n";
  std::ofstream(dir / "b.yml") << "rules:\n  - {id: 5, signature: b, condition: {}}\n";
  std::ofstream(dir / "notes.txt") << "ignored\n";
  try {
    RuleLoader().load_paths({dir});
    FAIL();
  } catch (const config::ConfigError& e) {
    EXPECT_NE(std::string(e.what()).find("b.yml:2: rule id 5 already used at"), std::string::npos)
        << e.what();
  }
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace korgoo::policy
