#include "icap/destination.h"

#include <netdb.h>
#include <sys/socket.h>

#include <charconv>
#include <stdexcept>

#include "app/http/http_headers.h"

namespace korgoo::icap {

namespace {

// "host", "host:port", "[v6]:port" -> host, port (0 when absent).
std::pair<std::string_view, std::uint16_t> split_authority(std::string_view a) {
  const auto at = a.rfind('@');
  if (at != std::string_view::npos) a.remove_prefix(at + 1);
  std::uint16_t port = 0;
  std::string_view host = a;
  if (!a.empty() && a.front() == '[') {
    const auto close = a.find(']');
    host = a.substr(1, close == std::string_view::npos ? a.npos : close - 1);
    a.remove_prefix(close == std::string_view::npos ? a.size() : close + 1);
    if (!a.empty() && a.front() == ':')
      a.remove_prefix(1);
    else
      a = {};
  } else {
    const auto colon = a.rfind(':');
    if (colon != std::string_view::npos && a.find(':') == colon) {
      host = a.substr(0, colon);
      a.remove_prefix(colon + 1);
    } else {
      a = {};
    }
  }
  if (!a.empty()) {
    unsigned v = 0;
    auto [end, ec] = std::from_chars(a.data(), a.data() + a.size(), v);
    if (ec == std::errc() && end == a.data() + a.size() && v <= 65535)
      port = static_cast<std::uint16_t>(v);
  }
  return {host, port};
}

}  // namespace

Destination destination_of(std::string_view target, std::string_view host_field) {
  Destination d;
  std::string_view authority = host_field;
  std::uint16_t default_port = 80;
  const auto scheme_end = target.find("://");
  if (scheme_end != std::string_view::npos) {
    const auto scheme = target.substr(0, scheme_end);
    if (app::equals_nocase(scheme, "https")) default_port = 443;
    auto rest = target.substr(scheme_end + 3);
    authority = rest.substr(0, rest.find_first_of("/?#"));
  } else if (target.find('/') != 0 && target.find(':') != std::string_view::npos) {
    authority = target;  // CONNECT host:port
    default_port = 443;
  }
  const auto [host, port] = split_authority(authority);
  // normalize_host() would cut an IPv6 literal at its first colon: those are only lower-cased.
  if (host.find(':') == std::string_view::npos) {
    d.host = app::normalize_host(host);
  } else {
    for (char c : host) d.host += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  d.port = port ? port : default_port;
  return d;
}

DestinationResolver::DestinationResolver(std::map<std::string, std::string> hosts, bool resolve)
    : resolve_(resolve) {
  for (const auto& [name, addr] : hosts) {
    const auto a = IpAddress::parse(addr);
    if (!a) throw std::invalid_argument("icap.hosts: '" + addr + "' is not an address");
    hosts_.emplace(app::normalize_host(name), *a);
  }
}

void DestinationResolver::resolve(Destination& d, std::string_view reported) {
  if (const auto a = IpAddress::parse(reported); !reported.empty() && a) {
    d.address = *a, d.address_from = "header";
    return;
  }
  if (const auto a = IpAddress::parse(d.host)) {
    d.address = *a, d.address_from = "literal";
    return;
  }
  if (const auto it = hosts_.find(d.host); it != hosts_.end()) {
    d.address = it->second, d.address_from = "hosts";
    return;
  }
  if (!resolve_ || d.host.empty()) return;
  const auto now = std::chrono::steady_clock::now();
  {
    std::lock_guard lock(mu_);
    if (const auto it = cache_.find(d.host); it != cache_.end() && it->second.expires > now) {
      d.address = it->second.address;
      if (d.address) d.address_from = "dns";
      return;
    }
  }
  // Blocking, but only for names not cached; the proxy resolved the same name a moment ago,
  // so the system's resolver usually answers from its own cache.
  addrinfo hints{};
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* res = nullptr;
  std::optional<IpAddress> found;
  if (getaddrinfo(d.host.c_str(), nullptr, &hints, &res) == 0) {
    for (auto* p = res; p && !found; p = p->ai_next) {
      if (p->ai_family == AF_INET) {
        const auto* sa = reinterpret_cast<const sockaddr_in*>(p->ai_addr);
        found = IpAddress::v4(reinterpret_cast<const std::uint8_t*>(&sa->sin_addr));
      } else if (p->ai_family == AF_INET6) {
        const auto* sa = reinterpret_cast<const sockaddr_in6*>(p->ai_addr);
        found = IpAddress::v6(reinterpret_cast<const std::uint8_t*>(&sa->sin6_addr));
      }
    }
    freeaddrinfo(res);
  }
  std::lock_guard lock(mu_);
  if (cache_.size() >= kMaxCached) cache_.clear();
  cache_[d.host] = Cached{found, now + kTtl};
  d.address = found;
  if (found) d.address_from = "dns";
}

}  // namespace korgoo::icap
