#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include "config/config_error.h"
#include "policy/country_codes.h"
#include "policy/policy_config_loader.h"

namespace korgoo::policy {
namespace {

PolicyConfig load(const std::string& yaml) {
  return load_policy_section(YAML::Load(yaml)["policy"], "korgoo.yaml", "/etc/korgoo");
}

// The message of the ConfigError that loading `yaml` throws.
std::string error_of(const std::string& yaml) {
  try {
    load(yaml);
  } catch (const config::ConfigError& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(PolicyConfigLoader, DefaultsWhenAbsent) {
  const PolicyConfig c = load("other: 1\n");
  EXPECT_EQ(c.home_country, "KG");
  EXPECT_TRUE(c.is_adequate("DE"));
  EXPECT_TRUE(c.is_adequate("UY"));
  EXPECT_TRUE(c.is_adequate("GB"));
  EXPECT_FALSE(c.is_adequate("US"));
  EXPECT_FALSE(c.is_adequate("CN"));
  EXPECT_FALSE(c.unknown_is_adequate);
  EXPECT_EQ(c.geo.tor_geoip, "/usr/share/tor/geoip");
  EXPECT_TRUE(c.home_networks.contains(*IpAddress::parse("192.168.1.1")));
  EXPECT_EQ(c.adequate_countries.size(), 55u);
  for (const auto& cc : c.adequate_countries) EXPECT_TRUE(is_iso_country(cc)) << cc;
}

TEST(PolicyConfigLoader, ReadsEverySection) {
  const PolicyConfig c = load(R"(
policy:
  home_country: kg
  adequate_countries: [DE, fr, KZ]
  unknown_country: adequate
  geo:
    tor_geoip: geo/geoip
    tor_geoip6: ""
    mmdb: /var/lib/GeoIP/GeoLite2-Country.mmdb
    overrides:
      - {prefix: 203.0.113.0/24, country: DE}
  legal_bases:
    - id: payroll
      basis: contract
      reference: "DPA 12/2024"
      match:
        hosts: ["*.payroll.example", payroll.example]
        countries: [DE]
    - id: embassy
      basis: treaty
      match: {cidrs: [198.51.100.0/24]}
  threat:
    default_type_points: 2
    type_points: {mrz: 5, "special.*": 4}
    volume: [{min_distinct: 50, points: 3}]
    special: 1
    not_adequate: 7
    levels: {blue: 0, green: 3, yellow: 9}
  aggregation: {max_hosts: 100, bucket_seconds: 10}
)");
  EXPECT_EQ(c.home_country, "KG");
  EXPECT_EQ(c.adequate_countries, (std::vector<std::string>{"DE", "FR", "KZ"}));
  EXPECT_TRUE(c.unknown_is_adequate);
  EXPECT_EQ(c.geo.tor_geoip, "/etc/korgoo/geo/geoip");
  EXPECT_EQ(c.geo.tor_geoip6, "");
  EXPECT_EQ(c.geo.mmdb, "/var/lib/GeoIP/GeoLite2-Country.mmdb");
  ASSERT_EQ(c.geo.overrides.size(), 1u);
  EXPECT_EQ(c.geo.overrides[0].country, "DE");
  ASSERT_EQ(c.legal_bases.size(), 2u);
  EXPECT_EQ(c.legal_bases[0].basis, BasisKind::kContract);
  EXPECT_EQ(c.legal_bases[0].hosts.size(), 2u);
  EXPECT_EQ(c.legal_bases[1].basis, BasisKind::kTreaty);
  EXPECT_EQ(c.threat.default_type_points, 2);
  ASSERT_EQ(c.threat.type_points.size(), 2u);
  EXPECT_EQ(c.threat.type_points[0], (std::pair<std::string, int>{"mrz", 5}));
  EXPECT_EQ(c.threat.volume.size(), 1u);
  EXPECT_EQ(c.threat.not_adequate, 7);
  EXPECT_EQ(c.threat.yellow_max, 9);
  EXPECT_EQ(c.aggregation.max_hosts, 100u);
  EXPECT_EQ(c.aggregation.bucket_seconds, 10);
}

TEST(PolicyConfigLoader, ErrorsNameFileLineAndKey) {
  EXPECT_EQ(error_of("policy:\n  home_country: KG\n  adequate: [DE]\n"),
            "korgoo.yaml:3:3: unknown key 'policy.adequate' (expected one of: home_country, "
            "adequate_countries, unknown_country, geo, legal_bases, threat, aggregation)");
  EXPECT_EQ(error_of("policy:\n  adequate_countries:\n    - DE\n    - XX\n"),
            "korgoo.yaml:4:7: key 'policy.adequate_countries': 'XX' is not an ISO 3166-1 "
            "alpha-2 country code");
  EXPECT_EQ(
      error_of("policy:\n  geo:\n    overrides:\n      - {prefix: 1.2.3.0/33, country: DE}\n"),
      "korgoo.yaml:4:9: key 'policy.geo.overrides[0].prefix': '1.2.3.0/33' is not an "
      "address or CIDR prefix");
  EXPECT_EQ(error_of("policy:\n  legal_bases:\n    - id: a\n      basis: legitimate_interest\n"
                     "      match: {countries: [US]}\n"),
            "korgoo.yaml:4:14: key 'policy.legal_bases[0].basis': 'legitimate_interest' is not "
            "one of: consent, treaty, vital_interest, contract");
  EXPECT_EQ(error_of("policy:\n  legal_bases:\n    - id: a\n      basis: consent\n"
                     "      match: {cidrs: [10.0.0.300]}\n"),
            "korgoo.yaml:5:23: key 'policy.legal_bases[0].match.cidrs': '10.0.0.300' is not an "
            "address or CIDR prefix");
  EXPECT_NE(
      error_of("policy:\n  legal_bases:\n    - id: a\n      basis: consent\n")
          .find("korgoo.yaml:3:7: key 'policy.legal_bases[0].match': a legal basis must match"),
      std::string::npos);
  EXPECT_NE(
      error_of("policy:\n  legal_bases:\n    - {id: a, basis: consent, match: {countries: [US]}}\n"
               "    - {id: a, basis: consent, match: {countries: [US]}}\n")
          .find("korgoo.yaml:4:7: key 'policy.legal_bases[1].id': 'a' is used twice"),
      std::string::npos);
  EXPECT_NE(
      error_of("policy:\n  threat:\n    levels: {blue: 3, green: 2}\n").find("levels must rise"),
      std::string::npos);
  EXPECT_NE(error_of("policy:\n  unknown_country: maybe\n").find("korgoo.yaml:2:20:"),
            std::string::npos);
  EXPECT_NE(error_of("policy:\n  home_country: Kyrgyzstan\n").find("korgoo.yaml:2:17:"),
            std::string::npos);
}

}  // namespace
}  // namespace korgoo::policy
