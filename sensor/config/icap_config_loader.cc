#include "config/icap_config_loader.h"

#include <charconv>

#include "common/ip_address.h"
#include "config/config_error.h"
#include "config/korgoo_config.h"

namespace korgoo::config {

void parse_icap_listen(std::string_view text, icap::IcapConfig& c) {
  std::string_view addr, port = text;
  if (!text.empty() && text.front() == '[') {
    const auto close = text.find("]:");
    if (close == std::string_view::npos)
      throw ConfigError("'" + std::string(text) + "' is not [ADDR]:PORT");
    addr = text.substr(1, close - 1);
    port = text.substr(close + 2);
  } else if (const auto colon = text.rfind(':'); colon != std::string_view::npos) {
    addr = text.substr(0, colon);
    port = text.substr(colon + 1);
  }
  unsigned n = 0;
  auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), n);
  if (port.empty() || ec != std::errc() || end != port.data() + port.size() || n > 65535)
    throw ConfigError("'" + std::string(text) + "' is not [ADDR:]PORT (port 0-65535)");
  if (!addr.empty() && !IpAddress::parse(addr))
    throw ConfigError("'" + std::string(addr) + "' is not an IP address to listen on");
  if (!addr.empty()) c.address = std::string(addr);
  c.port = static_cast<std::uint16_t>(n);
}

namespace {

// A template named relative to the configuration file, like every other path in it, so that
// the service finds it whatever its working directory (systemd starts it in /).
std::string template_path(const std::string& file, const std::filesystem::path& base) {
  if (file.empty() || std::filesystem::path(file).is_absolute()) return file;
  return (base / file).lexically_normal().string();
}

}  // namespace

void load_icap(const yaml::Reader& r, icap::IcapConfig& c, const std::filesystem::path& base) {
  r.allow_only({"enabled",         "listen",           "service",
                "max_connections", "preview",          "options_ttl",
                "transfer_ignore", "max_header_bytes", "max_buffered_body",
                "idle_timeout_ms", "time_budget_ms",   "threads",
                "fail_open",       "enforce",          "client_ip_header",
                "username_header", "server_ip_header", "resolve_hosts",
                "hosts",           "block_page"});
  c.enabled = r.boolean("enabled", c.enabled);
  if (r.has("listen")) {
    try {
      parse_icap_listen(r.string("listen", ""), c);
    } catch (const ConfigError& e) {
      r.fail(r.node()["listen"], "listen", e.what());
    }
  }
  c.service = r.string("service", c.service);
  if (c.service.empty() || c.service.find_first_of("/? ") != std::string::npos)
    r.fail(r.node()["service"], "service", "a service name is one path segment, e.g. korgoo");
  c.max_connections =
      static_cast<std::uint32_t>(r.integer("max_connections", c.max_connections, 1, 100000));
  c.preview = static_cast<std::uint32_t>(r.integer("preview", c.preview, 0, 1 << 20));
  c.options_ttl = static_cast<std::uint32_t>(r.integer("options_ttl", c.options_ttl, 1, 86400));
  c.transfer_ignore = r.strings("transfer_ignore", c.transfer_ignore);
  c.max_header_bytes =
      r.nonzero_bytes("max_header_bytes", c.max_header_bytes, "refuses every request");
  c.max_buffered_body =
      r.nonzero_bytes("max_buffered_body", c.max_buffered_body, "inspects no body at all");
  c.idle_timeout_ms = r.integer("idle_timeout_ms", c.idle_timeout_ms, 100, 3'600'000);
  c.time_budget_ms = r.integer("time_budget_ms", c.time_budget_ms, 1, 600'000);
  if (r.has("threads"))
    c.threads = r.string("threads", "auto") == "auto"
                    ? 0
                    : static_cast<unsigned>(r.integer("threads", 0, 1, kMaxThreads));
  c.fail_open = r.boolean("fail_open", c.fail_open);
  c.enforce = r.boolean("enforce", c.enforce);
  c.client_ip_header = r.string("client_ip_header", c.client_ip_header);
  c.username_header = r.string("username_header", c.username_header);
  c.server_ip_header = r.string("server_ip_header", c.server_ip_header);
  c.resolve_hosts = r.boolean("resolve_hosts", c.resolve_hosts);
  if (r.has("hosts")) {
    const auto& node = r.node()["hosts"];
    if (!node.IsMap()) r.fail(node, "hosts", "a mapping of host name to address");
    c.hosts.clear();
    for (const auto& kv : node) {
      const auto name = kv.first.as<std::string>();
      const auto addr = kv.second.IsScalar() ? kv.second.as<std::string>() : std::string();
      if (!IpAddress::parse(addr))
        r.fail(kv.second, "hosts." + name, "'" + addr + "' is not an IP address");
      c.hosts[name] = addr;
    }
  }
  const auto bp = r.section("block_page");
  bp.allow_only({"status", "html_file", "json_file"});
  c.block_page.status = static_cast<int>(bp.integer("status", c.block_page.status, 400, 599));
  c.block_page.html_file = template_path(bp.string("html_file", c.block_page.html_file), base);
  c.block_page.json_file = template_path(bp.string("json_file", c.block_page.json_file), base);
}

}  // namespace korgoo::config
