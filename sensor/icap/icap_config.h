// Configuration of the ICAP service (`icap:` section, or `--icap [ADDR:]PORT`): where it
// listens, what it announces in OPTIONS, its caps and time budget, how it learns the client
// and the destination of a request from what the proxy sends, and the block page.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace korgoo::icap {

struct BlockPageConfig {
  int status = 403;
  std::string html_file;  // "" = the built-in page; {{signature}} and {{incident}} are filled in
  std::string json_file;  // "" = the built-in JSON body; same placeholders
};

struct IcapConfig {
  bool enabled = false;
  std::string address = "127.0.0.1";
  std::uint16_t port = 1344;
  std::string service = "korgoo";  // icap://host:port/<service>
  // Event loops, each with its own connections and Worker; 0 = one per core (like threads:).
  unsigned threads = 0;
  std::uint32_t max_connections = 512;
  std::uint32_t preview = 4096;      // Preview: announced in OPTIONS
  std::uint32_t options_ttl = 3600;  // seconds
  std::vector<std::string> transfer_ignore = {"jpg", "jpeg", "png", "gif", "mp4", "webm"};
  std::uint64_t max_header_bytes = 64 * 1024;     // ICAP head plus encapsulated HTTP heads
  std::uint64_t max_buffered_body = 16ull << 20;  // kept to echo back when 204 is not allowed
  std::int64_t idle_timeout_ms = 30'000;          // no byte from the proxy for this long
  std::int64_t time_budget_ms = 2'000;            // per request, head to answer
  bool fail_open = true;                          // over budget: allow (true) or block
  bool enforce = true;                            // drop rules answer with the block page
  std::string client_ip_header = "X-Client-IP";
  std::string username_header = "X-Client-Username";
  // Header in which the proxy reports the server's address (Squid: adaptation_meta); "" = none.
  std::string server_ip_header = "X-Server-IP";
  // When neither the header nor the Host is an address: resolve the name (getaddrinfo).
  bool resolve_hosts = true;
  // Fixed name -> address answers asked before the resolver (tests, split-horizon names).
  std::map<std::string, std::string> hosts;
  BlockPageConfig block_page;
};

}  // namespace korgoo::icap
