#include "engine/icap_inspection.h"

#include <cstdio>

#include "app/http/http_headers.h"
#include "icap/http_framing.h"
#include "output/icap_record.h"

namespace korgoo::engine {

namespace {

std::string_view header_or_empty(const app::HttpHeaders& h, std::string_view name) {
  if (name.empty()) return {};
  const auto* v = h.find(name);
  return v ? std::string_view(*v) : std::string_view();
}

// The start line and header fields of an HTTP head.
app::HttpHeaders fields_of(std::string_view head) {
  const auto eol = head.find('\n');
  return app::HttpHeaders::parse(eol == std::string_view::npos ? "" : head.substr(eol + 1));
}

std::string hex64(std::uint64_t v) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
  return buf;
}

}  // namespace

IcapInspection::IcapInspection(const Runtime& rt, Worker& worker, const icap::IcapConfig& config)
    : rt_(rt),
      worker_(worker),
      config_(config),
      resolver_(config.hosts, config.resolve_hosts),
      block_page_(config.block_page) {}

icap::IcapVerdict IcapInspection::inspect(const icap::IcapExchange& x) {
  const auto& icap_headers = x.icap.headers;
  const auto req_fields = fields_of(x.request_head);
  const auto line =
      x.request_head.empty()
          ? std::optional<app::HttpRequestLine>()
          : app::parse_request_line(x.request_head.substr(0, x.request_head.find('\r')));
  const auto* host_field = req_fields.find("Host");
  icap::Destination dest =
      icap::destination_of(line ? std::string_view(line->target) : std::string_view(),
                           host_field ? std::string_view(*host_field) : std::string_view());
  resolver_.resolve(dest, header_or_empty(icap_headers, config_.server_ip_header));

  Exchange ex;
  ex.iface = "icap";
  const auto client = IpAddress::parse(header_or_empty(icap_headers, config_.client_ip_header));
  ex.client = {client.value_or(IpAddress::v4(0u)), 0};
  ex.server = {dest.address.value_or(IpAddress::v4(0u)), dest.port};

  output::IcapFacts facts;
  facts.service = config_.service;
  facts.method = icap::method_name(x.icap.method);
  if (client) facts.client = client->to_string(rt_.config.output.ipv6_compress);
  facts.address_from = dest.address_from;
  // The user name is personal data: only its keyed hash goes out, enough to group one user's
  // incidents without naming them.
  if (const auto user = header_or_empty(icap_headers, config_.username_header); !user.empty())
    facts.user_hash = hex64(rt_.detect->hasher().value("icap.user", user));
  facts.body_truncated = x.body_truncated;
  ex.extra["icap"] = output::icap_object(facts);

  std::string request, response;
  if (x.icap.method == icap::IcapMethod::kReqmod) {
    request = icap::wire_message(x.request_head, x.body);
  } else {
    // The decoder pairs a response with its request: give it one even when the proxy did not.
    request = x.request_head.empty() ? "GET / HTTP/1.1\r\nHost: " + dest.host + "\r\n\r\n"
                                     : icap::wire_message(x.request_head, {});
    response = icap::wire_message(x.response_head, x.body);
  }
  ex.to_server = request;
  ex.to_client = response;
  const ExchangeResult r = worker_.inspect_exchange(ex);
  if (!r.blocked) return {};
  const auto accept = header_or_empty(req_fields, "Accept");
  return {icap::IcapVerdict::Kind::kBlock,
          // The incident is the alert's EVE flow_id: the operator finds the record by it.
          block_page_.render(accept, r.block_signature, std::to_string(r.flow_id),
                             x.icap.method == icap::IcapMethod::kRespmod ? "download" : "upload")};
}

std::string IcapInspection::budget_block_page(const icap::IcapRequest& /*icap*/) {
  return block_page_.render("", "inspection time budget exceeded", "-");
}

}  // namespace korgoo::engine
