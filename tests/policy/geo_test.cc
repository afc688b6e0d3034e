#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "policy/country_codes.h"
#include "policy/geo_resolver.h"
#include "policy/mmdb_geo.h"
#include "policy/tor_geoip_loader.h"
#include "policy_test_util.h"

namespace korgoo::policy {
namespace {

using testing::ip;

constexpr const char* kTorV4 = "/usr/share/tor/geoip";
constexpr const char* kTorV6 = "/usr/share/tor/geoip6";

RangeGeoDatabase small_db() {
  RangeGeoDatabase db;
  std::istringstream v4(
      "# comment\n"
      "\n"
      "16777216,16777471,AU\n"
      "134744064,134744319,US\n"  // 8.8.8.0/24
      "134744320,134744575,US\n"  // adjacent, same country: merged
      "3232235520,3232235775,??\n");
  std::istringstream v6(
      "2001:4860::,2001:4860:ffff:ffff:ffff:ffff:ffff:ffff,US\n"
      "2a02:6b8::,2a02:6b8:ffff:ffff:ffff:ffff:ffff:ffff,RU\n"
      "2a00:1::,2a00:1:ffff:ffff:ffff:ffff:ffff:ffff,UK\n");
  TorGeoipLoader::read_v4(v4, "v4", db);
  TorGeoipLoader::read_v6(v6, "v6", db);
  EXPECT_EQ(db.finish(), "");
  return db;
}

TEST(RangeGeoDatabase, FindsRangesAndTheirEdges) {
  const auto db = small_db();
  EXPECT_EQ(db.v4_ranges(), 2u);  // two US ranges merged, "??" dropped
  EXPECT_EQ(db.country(ip("1.0.0.0")), "AU");
  EXPECT_EQ(db.country(ip("1.0.0.255")), "AU");
  EXPECT_EQ(db.country(ip("1.0.1.0")), "");
  EXPECT_EQ(db.country(ip("0.255.255.255")), "");
  EXPECT_EQ(db.country(ip("8.8.9.255")), "US");
  EXPECT_EQ(db.country(ip("8.8.10.0")), "");
  EXPECT_EQ(db.country(ip("192.168.0.1")), "");  // "??" is unknown
  EXPECT_EQ(db.country(ip("2001:4860:4860::8888")), "US");
  EXPECT_EQ(db.country(ip("2a02:6b8::1")), "RU");
  EXPECT_EQ(db.country(ip("2a00:1:ffff:ffff:ffff:ffff:ffff:ffff")), "GB");  // UK -> GB
  EXPECT_EQ(db.country(ip("2a00:2::")), "");
  EXPECT_EQ(db.country(ip("::")), "");
}

TEST(TorGeoipLoader, MalformedLineNamesFileAndLine) {
  RangeGeoDatabase db;
  std::istringstream in("# header\n1,2,US\n3,x,US\n");
  try {
    TorGeoipLoader::read_v4(in, "geoip", db);
    FAIL() << "expected GeoError";
  } catch (const GeoError& e) {
    EXPECT_STREQ(e.what(), "geoip:3: bad address range '3,x,US'");
  }
  std::istringstream bad_cc("1,2,USA\n");
  EXPECT_THROW(TorGeoipLoader::read_v4(bad_cc, "geoip", db), GeoError);
  std::istringstream v6("2001:db8::,1.2.3.4,US\n");
  EXPECT_THROW(TorGeoipLoader::read_v6(v6, "geoip6", db), GeoError);
}

TEST(TorGeoipLoader, OverlappingRangesAreAnError) {
  RangeGeoDatabase db;
  std::istringstream in("10,20,US\n15,30,DE\n");
  TorGeoipLoader::read_v4(in, "x", db);
  EXPECT_NE(db.finish().find("overlaps"), std::string::npos);
}

TEST(TorGeoipLoader, MissingFileIsAClearError) {
  try {
    TorGeoipLoader::load("/nonexistent/geoip", "");
    FAIL();
  } catch (const GeoError& e) {
    EXPECT_NE(std::string(e.what()).find("/nonexistent/geoip: cannot open"), std::string::npos);
  }
}

class TorDatabase : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (std::filesystem::exists(kTorV4) && std::filesystem::exists(kTorV6))
      db_ = TorGeoipLoader::load(kTorV4, kTorV6).release();
  }
  static void TearDownTestSuite() {
    delete db_;
    db_ = nullptr;
  }
  void SetUp() override {
    if (!db_) GTEST_SKIP() << "tor-geoipdb not installed (" << kTorV4 << ")";
  }
  static RangeGeoDatabase* db_;
};
RangeGeoDatabase* TorDatabase::db_ = nullptr;

// Long-stable allocations: Google DNS, Yandex, Cloudflare, DFN, Kyrgyz and Kazakh operators.
TEST_F(TorDatabase, WellKnownIpv4) {
  EXPECT_EQ(db_->country(ip("8.8.8.8")), "US");
  EXPECT_EQ(db_->country(ip("77.88.55.88")), "RU");
  EXPECT_EQ(db_->country(ip("5.255.255.5")), "RU");
  EXPECT_EQ(db_->country(ip("193.174.0.1")), "DE");
  EXPECT_EQ(db_->country(ip("212.42.96.1")), "KG");
  EXPECT_GT(db_->v4_ranges(), 100000u);
}

TEST_F(TorDatabase, WellKnownIpv6) {
  EXPECT_EQ(db_->country(ip("2001:4860:4860::8888")), "US");
  EXPECT_EQ(db_->country(ip("2a02:6b8::2:242")), "RU");
  EXPECT_GT(db_->v6_ranges(), 10000u);
}

TEST_F(TorDatabase, EveryCodeIsTwoLetters) {
  for (const char* a : {"1.1.1.1", "9.9.9.9", "200.1.1.1", "41.1.1.1", "2400:cb00::1"}) {
    auto cc = db_->country(ip(a));
    EXPECT_TRUE(cc.empty() || cc.size() == 2) << a;
  }
}

TEST(GeoResolver, SpecialRangesArePrivateNeverACountry) {
  // The table claims a country for each; the special range must win.
  std::map<std::string, std::string> lies;
  const char* specials[] = {"10.1.2.3",    "172.16.0.1",  "192.168.1.1", "127.0.0.1",
                            "169.254.1.1", "100.64.0.1",  "192.0.2.1",   "198.51.100.7",
                            "203.0.113.9", "224.0.0.251", "::1",         "fe80::1",
                            "fd00::1",     "2001:db8::1", "ff02::1"};
  for (const char* a : specials) lies[ip(a).to_string(true)] = "US";
  auto r = testing::table_resolver(lies);
  for (const char* a : specials) EXPECT_EQ(r->lookup(ip(a)).kind, GeoClass::kPrivate) << a;
  EXPECT_EQ(r->lookup(ip("100.128.0.1")).kind, GeoClass::kUnknown);  // just outside CGNAT
}

TEST(GeoResolver, OverridesComeFirstAndTheLongestPrefixWins) {
  std::vector<GeoOverride> ov = {{*Cidr::parse("8.0.0.0/8"), "DE"},
                                 {*Cidr::parse("8.8.8.0/24"), "KG"},
                                 {*Cidr::parse("10.50.0.0/16"), "KZ"}};
  auto r = testing::table_resolver(testing::world(), ov);
  EXPECT_EQ(r->lookup(ip("8.8.8.8")).country, "KG");
  EXPECT_EQ(r->lookup(ip("8.8.4.4")).country, "DE");
  // An override on a private prefix (a tunnel to a branch abroad) beats "private".
  EXPECT_EQ(r->lookup(ip("10.50.1.1")).country, "KZ");
  EXPECT_EQ(r->lookup(ip("10.51.1.1")).kind, GeoClass::kPrivate);
  EXPECT_EQ(r->lookup(ip("77.88.55.88")).country, "RU");
  EXPECT_EQ(r->lookup(ip("9.9.9.9")).kind, GeoClass::kUnknown);
}

TEST(GeoResolver, MappedIpv4IsLookedUpAsIpv4) {
  auto r = testing::table_resolver(testing::world());
  EXPECT_EQ(r->lookup(ip("::ffff:8.8.8.8")).country, "US");
  EXPECT_EQ(r->lookup(ip("::ffff:10.0.0.1")).kind, GeoClass::kPrivate);
}

TEST(GeoResolver, DatabasesAreAskedInOrder) {
  std::vector<std::unique_ptr<GeoDatabase>> dbs;
  dbs.push_back(
      std::make_unique<testing::TableGeo>(std::map<std::string, std::string>{{"8.8.8.8", "CH"}}));
  dbs.push_back(std::make_unique<testing::TableGeo>(testing::world()));
  GeoResolver r(std::move(dbs), {});
  EXPECT_EQ(r.lookup(ip("8.8.8.8")).country, "CH");
  EXPECT_EQ(r.lookup(ip("77.88.55.88")).country, "RU");
}

TEST(GeoResolver, FromConfigWithNothingConfiguredKnowsOnlyPrivate) {
  GeoConfig c;
  c.tor_geoip = c.tor_geoip6 = "";
  auto r = GeoResolver::from_config(c);
  EXPECT_EQ(r->lookup(ip("8.8.8.8")).kind, GeoClass::kUnknown);
  EXPECT_EQ(r->lookup(ip("10.0.0.1")).kind, GeoClass::kPrivate);
}

TEST(MmdbGeo, MissingFileIsAClearError) {
  try {
    MmdbGeo db("/nonexistent/GeoLite2-Country.mmdb");
    FAIL();
  } catch (const GeoError& e) {
    const std::string msg = e.what();
    EXPECT_NE(msg.find("/nonexistent/GeoLite2-Country.mmdb: cannot open MaxMind database"),
              std::string::npos)
        << msg;
  }
}

TEST(MmdbGeo, NotAnMmdbFileIsAClearError) {
  const auto path = std::filesystem::temp_directory_path() / "korgoo_policy_not_an.mmdb";
  std::ofstream(path) << "this is not a MaxMind database\n";
  try {
    MmdbGeo db(path.string());
    FAIL();
  } catch (const GeoError& e) {
    EXPECT_NE(std::string(e.what()).find("cannot open MaxMind database"), std::string::npos);
  }
  std::filesystem::remove(path);
}

TEST(MmdbGeo, ConfiguredButMissingFailsTheResolver) {
  GeoConfig c;
  c.tor_geoip = c.tor_geoip6 = "";
  c.mmdb = "/nonexistent/x.mmdb";
  EXPECT_THROW(GeoResolver::from_config(c), GeoError);
}

TEST(CountryCodes, ValidatesIso3166) {
  EXPECT_TRUE(is_iso_country("KG"));
  EXPECT_TRUE(is_iso_country("GB"));
  EXPECT_FALSE(is_iso_country("UK"));
  EXPECT_FALSE(is_iso_country("kg"));
  EXPECT_FALSE(is_iso_country("KGZ"));
  EXPECT_TRUE(is_accepted_country("EU"));
  EXPECT_EQ(normalize_country("de"), "DE");
}

}  // namespace
}  // namespace korgoo::policy
