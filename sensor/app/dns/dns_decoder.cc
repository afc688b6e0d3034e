// DNS decoder: one message per datagram over UDP, two-byte length-prefixed messages over TCP
// (reassembled across segments, the prefix itself split included; after a gap, resumed at
// the next message that parses). Every request becomes a `dns` record in Suricata's v3
// layout, and its query names a kDnsName content view.
//
// What the view holds, per question: the name with dots, a newline, then every run of two to
// four adjacent labels concatenated, one per line. Exfiltration tools cut an identifier across
// labels ("4111111111.111111.evil.example"); the runs put it back together for the detector,
// the dotted name keeps what was sent.
#include <algorithm>
#include <array>
#include <memory>
#include <optional>
#include <string>

#include "app/decoders.h"
#include "app/dns/dns_message.h"

namespace korgoo::app {

namespace {

// Suricata's v3 request record, plus the top-level rrname/rrtype of the v2 layout (harmless
// in v3, and lets either style of check match the first query).
Json dns_request_json(const DnsMessage& m) {
  Json dns = Json::object();
  dns["version"] = 3;
  dns["type"] = "request";
  dns["id"] = m.id;
  dns["opcode"] = m.opcode;
  if (!m.questions.empty()) {
    dns["rrname"] = dns_name_for_eve(m.questions[0].name);
    dns["rrtype"] = dns_rrtype_name(m.questions[0].type);
    Json queries = Json::array();
    for (const auto& q : m.questions) {
      queries.push_back(
          {{"rrname", dns_name_for_eve(q.name)}, {"rrtype", dns_rrtype_name(q.type)}});
    }
    dns["queries"] = std::move(queries);
  }
  return dns;
}

class DnsDecoder final : public ProtocolDecoder {
 public:
  DnsDecoder(AppContext& ctx, bool over_tcp)
      : ctx_(ctx), over_tcp_(over_tcp), framing_{Framing(ctx.memory), Framing(ctx.memory)} {}

  std::string_view app_proto() const override { return "dns"; }

  void on_data(Direction dir, ByteView data) override {
    if (!over_tcp_) {
      message(dir, data);
      return;
    }
    Framing& f = framing_[index_of(dir)];
    if (f.lost) return;  // nothing more of this direction is decoded
    if (!f.resync) return frame(dir, f, data);
    if (const std::optional<std::string> rest = resync(f, data)) frame(dir, f, as_bytes(*rest));
  }

  void on_gap(Direction dir, std::uint64_t) override {
    // The message framing is lost: the next message starts somewhere after the gap, where a
    // length is followed by a message that parses (resync). Each message is whole in itself,
    // so the requests after a lost segment are reported again (issue 16).
    if (!over_tcp_) return;
    Framing& f = framing_[index_of(dir)];
    if (f.lost) return;
    f.memory.release_buffer(f.buffer);
    f.length = 0;
    f.length_bytes = 0;
    f.resync = true;
  }

  void on_end(Direction dir) override {
    Framing& f = framing_[index_of(dir)];
    // Cut short (what a resync still held after a gap is no message begun).
    if (!f.resync && (!f.buffer.empty() || f.length_bytes == 1)) ++ctx_.stats.dns.parse_errors;
    f = Framing(ctx_.memory);
  }

 private:
  struct Framing {
    explicit Framing(AppMemory* m) : memory(m) {}
    std::uint16_t length = 0;
    int length_bytes = 0;  // how many of the two prefix bytes were read
    std::string buffer;
    AppMemoryShare memory;  // buffer's charge to app.memcap
    bool lost = false;
    bool resync = false;  // after a gap: looking for the next message's start
  };

  // How far past a gap the next message's start is looked for. Requests are small; a
  // response longer than this is not decoded anyway (only requests are logged).
  static constexpr std::size_t kResyncWindow = 4096;

  // The two-byte length of each message, then the message, across any split.
  void frame(Direction dir, Framing& f, ByteView data) {
    while (!data.empty()) {
      if (f.length_bytes < 2) {
        f.length = static_cast<std::uint16_t>((f.length << 8) | data[0]);
        ++f.length_bytes;
        data = data.subspan(1);
        if (f.length_bytes == 2 && f.length == 0) f.length_bytes = 0;  // empty message
        continue;
      }
      const std::size_t want = f.length - f.buffer.size();
      const std::size_t take = std::min(want, data.size());
      if (take == f.length) {
        // The whole message is in this piece: parsed in place, nothing buffered.
        message(dir, data.first(take));
      } else {
        f.buffer.append(reinterpret_cast<const char*>(data.data()), take);
        if (!f.memory.cover_buffer(f.buffer)) {
          // app.memcap refused: the app layer scans these bytes raw anyway, so the rest of
          // the direction is simply not decoded.
          f.memory.release_buffer(f.buffer);
          f.lost = true;
          return;
        }
      }
      data = data.subspan(take);
      if (take == f.length || f.buffer.size() == f.length) {
        if (take != f.length) message(dir, as_bytes(f.buffer));
        f.memory.release_buffer(f.buffer);
        f.length = 0;
        f.length_bytes = 0;
      }
    }
  }

  // After a gap: looks for the first offset where a length announces a message that parses
  // with a plausible header (the probe's test). Returns the bytes from there on, or nothing
  // while no offset qualifies yet; offsets that could still start one (the message is not
  // complete yet) are kept, within kResyncWindow.
  std::optional<std::string> resync(Framing& f, ByteView data) {
    f.buffer.append(reinterpret_cast<const char*>(data.data()), data.size());
    if (!f.memory.cover_buffer(f.buffer)) {
      f.memory.release_buffer(f.buffer);
      f.lost = true;
      return std::nullopt;
    }
    std::size_t keep_from = f.buffer.size();
    for (std::size_t i = 0; i < f.buffer.size(); ++i) {
      const ByteView at = as_bytes(std::string_view(f.buffer).substr(i));
      const ProbeResult r = probe_dns_framed(at);
      if (r == ProbeResult::kYes) {
        std::string rest = f.buffer.substr(i);
        f.memory.release_buffer(f.buffer);
        f.resync = false;
        return rest;
      }
      // A whole message that did not parse is no start; one still arriving may be.
      const bool whole = at.size() >= 2 && at.size() >= 2u + load_be16(at.data());
      if (r == ProbeResult::kMaybe && !whole) keep_from = std::min(keep_from, i);
    }
    if (f.buffer.size() > kResyncWindow) {
      keep_from = std::max(keep_from, f.buffer.size() - kResyncWindow);
    }
    f.buffer.erase(0, keep_from);
    return std::nullopt;
  }

  void message(Direction dir, ByteView bytes) {
    if (over_tcp_ && framing_[index_of(dir)].lost) return;
    DnsError error = DnsError::kNone;
    const auto m = parse_dns_message(bytes, &error);
    if (error != DnsError::kNone) ++ctx_.stats.dns.parse_errors;
    if (!m || m->response) return;
    ctx_.stats.dns.queries += m->questions.size();
    deliver_names(dir, *m);
    AppRecord rec;
    rec.event_type = "dns";
    rec.dir = dir;  // src is the side that asked
    rec.body["dns"] = dns_request_json(*m);
    ctx_.sink.record(std::move(rec));
  }

  static constexpr std::size_t kMaxSplicedLabels = 4;

  void deliver_names(Direction dir, const DnsMessage& m) {
    if (m.questions.empty()) return;
    std::string text;
    for (const auto& q : m.questions) {
      text += q.name.dotted();
      text.push_back('\n');
      text += q.name.spliced(kMaxSplicedLabels);
    }
    const ContentView view{next_view_id_[index_of(dir)]++, ContentKind::kDnsName};
    ctx_.sink.content(dir, view, as_bytes(text));
    ctx_.sink.content_end(dir, view);
  }

  AppContext& ctx_;
  bool over_tcp_;
  std::array<Framing, 2> framing_;
  std::array<std::uint32_t, 2> next_view_id_{1, 1};
};

}  // namespace

std::unique_ptr<ProtocolDecoder> make_dns_decoder(AppContext& ctx, bool over_tcp) {
  return std::make_unique<DnsDecoder>(ctx, over_tcp);
}

}  // namespace korgoo::app
