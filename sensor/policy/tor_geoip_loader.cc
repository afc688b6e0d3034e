#include "policy/tor_geoip_loader.h"

#include <charconv>
#include <fstream>
#include <string_view>

#include <fmt/format.h>

namespace korgoo::policy {

namespace {

// Tor's files use a few codes that are not ISO 3166-1: "??"/"ZZ" for unassigned space (left
// out, so the address is unknown), and "UK", which ISO reserves for GB.
bool country_from_file(std::string_view in, std::string_view& out) {
  if (in.size() != 2) return false;
  for (char c : in)
    if (c != '?' && (c < 'A' || c > 'Z')) return false;
  out = in == "UK" ? std::string_view("GB") : in;
  return true;
}
bool is_unassigned(std::string_view cc) {
  return cc == "??" || cc == "ZZ";
}

struct Fields {
  std::string_view low, high, country;
};

bool split3(std::string_view line, Fields& f) {
  const auto a = line.find(',');
  if (a == std::string_view::npos) return false;
  const auto b = line.find(',', a + 1);
  if (b == std::string_view::npos || line.find(',', b + 1) != std::string_view::npos) return false;
  f = {line.substr(0, a), line.substr(a + 1, b - a - 1), line.substr(b + 1)};
  return true;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.back() == '\r' || s.back() == ' ' || s.back() == '\t'))
    s.remove_suffix(1);
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  return s;
}

bool parse_u32(std::string_view s, std::uint32_t& out) {
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size() && !s.empty();
}

template <typename OnLine>
void for_each_line(std::istream& in, const std::string& name, OnLine on_line) {
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    const std::string_view text = trim(line);
    if (text.empty() || text.front() == '#') continue;
    Fields f;
    std::string_view cc;
    if (!split3(text, f) || !country_from_file(trim(f.country), cc))
      throw GeoError(name, number, std::nullopt, "expected LOW,HIGH,CC");
    if (is_unassigned(cc)) continue;
    if (!on_line(trim(f.low), trim(f.high), cc))
      throw GeoError(name, number, std::nullopt, fmt::format("bad address range '{}'", text));
  }
}

void finish(RangeGeoDatabase& db, const std::string& names) {
  if (auto e = db.finish(); !e.empty()) throw GeoError(names, std::nullopt, std::nullopt, e);
}

}  // namespace

void TorGeoipLoader::read_v4(std::istream& in, const std::string& name, RangeGeoDatabase& db) {
  for_each_line(in, name, [&](std::string_view low, std::string_view high, std::string_view cc) {
    std::uint32_t lo = 0, hi = 0;
    if (!parse_u32(low, lo) || !parse_u32(high, hi) || hi < lo) return false;
    db.add_v4(lo, hi, cc);
    return true;
  });
}

void TorGeoipLoader::read_v6(std::istream& in, const std::string& name, RangeGeoDatabase& db) {
  for_each_line(in, name, [&](std::string_view low, std::string_view high, std::string_view cc) {
    auto lo = IpAddress::parse(low);
    auto hi = IpAddress::parse(high);
    if (!lo || !hi || !lo->is_v6() || !hi->is_v6()) return false;
    const V6Key l = V6Key::of(*lo), h = V6Key::of(*hi);
    if (h < l) return false;
    db.add_v6(l, h, cc);
    return true;
  });
}

std::unique_ptr<RangeGeoDatabase> TorGeoipLoader::load(const std::string& v4_path,
                                                       const std::string& v6_path) {
  auto db = std::make_unique<RangeGeoDatabase>();
  auto read = [&](const std::string& path, auto reader) {
    if (path.empty()) return;
    std::ifstream in(path);
    if (!in)
      throw GeoError(path, std::nullopt, std::nullopt,
                     "cannot open geoip file (package tor-geoipdb?)");
    reader(in, path, *db);
  };
  read(v4_path, &TorGeoipLoader::read_v4);
  read(v6_path, &TorGeoipLoader::read_v6);
  finish(*db, v4_path + (v6_path.empty() ? "" : ", " + v6_path));
  db->set_label("tor geoip (" + v4_path + (v6_path.empty() ? "" : ", " + v6_path) + ")");
  return db;
}

}  // namespace korgoo::policy
