// Where an intercepted request goes, as the policy needs it: the host (for legal bases by
// name), the port, and the server's address (for the country). The address comes, in order,
// from the header in which the proxy reports it, the host itself when it is an address, the
// configured `hosts` answers, and, if `resolve_hosts`, the system resolver (cached).
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "common/ip_address.h"

namespace korgoo::icap {

struct Destination {
  std::string host;  // normalised (lower case, no port)
  std::uint16_t port = 0;
  std::optional<IpAddress> address;
  std::string address_from;  // "header", "literal", "hosts", "dns", "" (unknown)
};

// The host and port of an HTTP request: an absolute-form target wins over the Host field
// (a proxy's REQMOD carries "POST http://host:port/path"); the scheme gives the default port.
Destination destination_of(std::string_view target, std::string_view host_field);

class DestinationResolver {
 public:
  DestinationResolver(std::map<std::string, std::string> hosts, bool resolve);

  // Fills d.address; `reported` is the proxy's header value ("" when absent).
  void resolve(Destination& d, std::string_view reported);

 private:
  static constexpr std::size_t kMaxCached = 4096;
  static constexpr std::chrono::seconds kTtl{300};
  struct Cached {
    std::optional<IpAddress> address;
    std::chrono::steady_clock::time_point expires;
  };

  std::map<std::string, IpAddress> hosts_;
  bool resolve_;
  std::mutex mu_;  // the cache is shared by the event loops
  std::unordered_map<std::string, Cached> cache_;
};

}  // namespace korgoo::icap
