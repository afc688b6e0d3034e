#include "app/http/http_decoder.h"

#include <algorithm>

#include "app/codec/url_decoder.h"
#include "app/decoders.h"
#include "app/http/http_headers.h"

namespace korgoo::app {
namespace {

bool is_method(const std::string& m, std::string_view want) {
  return equals_nocase(m, want);
}

// The path of a request target, for naming a file that has no Content-Disposition name:
// authority and query dropped, percent-decoded (as libhtp's parsed path, which Suricata uses).
std::string url_path(std::string_view target) {
  if (const std::size_t scheme = target.find("://");
      scheme != std::string_view::npos && scheme < target.find('/')) {
    const std::size_t slash = target.find('/', scheme + 3);
    target = slash == std::string_view::npos ? "/" : target.substr(slash);
  }
  target = target.substr(0, std::min(target.find('?'), target.find('#')));
  return percent_decode(target);
}

// The authority of an absolute-form target ("http://Host:8080/x"), if it is one.
std::string_view target_authority(std::string_view target) {
  const std::size_t scheme = target.find("://");
  if (scheme == std::string_view::npos || scheme > target.find('/')) return {};
  std::string_view rest = target.substr(scheme + 3);
  rest = rest.substr(0, std::min(rest.find('/'), rest.find('?')));
  if (const std::size_t at = rest.rfind('@'); at != std::string_view::npos) {
    rest = rest.substr(at + 1);
  }
  return rest;
}

// "Transfer-Encoding" and, after it, "chunked" anywhere in the head, however the field is
// mangled ("Transfer-Encoding\r :chunked", "Transfer-Encoding:\n\0chunked").
bool head_mentions_chunked(std::string_view head) {
  for (std::size_t i = 0; i + 17 <= head.size(); ++i) {
    if (equals_nocase(head.substr(i, 17), "transfer-encoding")) {
      return contains_nocase(head.substr(i + 17), "chunked");
    }
  }
  return false;
}

BodyFraming framing_of(const HttpHeaders& h, std::string_view head, std::uint64_t& length) {
  // Chunked wins over a Content-Length sent with it (RFC 9112 §6.3, libhtp): a receiver
  // that obeys the length would be reading a different body from the browser.
  // "chunked" anywhere in the value counts ("chunked;", "\0chunked", ", \tchunked,"):
  // guessing chunked wrongly costs nothing, as a body whose first size line is not one is
  // read as plain body to the close.
  if (contains_nocase(h.joined("Transfer-Encoding"), "chunked") || head_mentions_chunked(head)) {
    return BodyFraming::kChunked;
  }
  if (const std::string* cl = h.find("Content-Length")) {
    if (auto n = parse_content_length(*cl)) {
      length = *n;
      return *n == 0 ? BodyFraming::kNone : BodyFraming::kLength;
    }
  }
  return BodyFraming::kUntilClose;  // the caller decides what "no length" means
}

// A Content-Length of more than 0.
bool nonzero_length(const HttpHeaders& h) {
  const std::string* cl = h.find("Content-Length");
  const auto n = cl ? parse_content_length(*cl) : std::nullopt;
  return n && *n > 0;
}

std::string media_type(std::string_view content_type) {
  content_type = content_type.substr(0, content_type.find(';'));
  while (!content_type.empty() && (content_type.back() == ' ' || content_type.back() == '\t')) {
    content_type.remove_suffix(1);
  }
  return std::string(content_type);
}

}  // namespace

std::unique_ptr<ProtocolDecoder> make_http_decoder(AppContext& ctx) {
  return std::make_unique<HttpDecoder>(ctx);
}

HttpDecoder::HttpDecoder(AppContext& ctx)
    : ctx_(ctx),
      parsers_{{Direction::kToServer, static_cast<std::size_t>(ctx.limits.max_header_bytes), *this,
                ctx.memory},
               {Direction::kToClient, static_cast<std::size_t>(ctx.limits.max_header_bytes), *this,
                ctx.memory}} {}

HttpDecoder::~HttpDecoder() = default;

void HttpDecoder::on_data(Direction dir, ByteView data) {
  if (handover_) return;  // not called: the app layer has taken the flow back
  const bool tunnel = tunnel_ == Tunnel::kConnectSent || tunnel_ == Tunnel::kOpen;
  if (tunnel && !tunnel_data_ && parsers_[index_of(dir)].holding()) {
    tunnel_data_ = true;
    tunnel_first_ = dir;
  }
  parsers_[index_of(dir)].feed(data);
  settle();
}

std::optional<StreamHandover> HttpDecoder::take_handover() {
  std::optional<StreamHandover> h = std::move(handover_);
  handover_.reset();
  return h;
}

void HttpDecoder::on_gap(Direction dir, std::uint64_t length) {
  parsers_[index_of(dir)].gap(length);
  settle();
}

void HttpDecoder::on_end(Direction dir) {
  if (ended_[index_of(dir)]) return;
  parsers_[index_of(dir)].end();
  ended_[index_of(dir)] = true;
  settle();
  if (ended_[0] && ended_[1]) emit_all();
}

MessagePlan HttpDecoder::on_head(Direction dir, std::string_view raw_head) {
  // NUL bytes inside field names and values are skipped by some browsers
  // ("Transfer\0-Encoding", "Content-Encoding:\0gzip"): read the head without them.
  std::string without_nul;
  std::string_view head = raw_head;
  if (raw_head.find('\0') != std::string_view::npos) {
    without_nul.reserve(raw_head.size());
    for (char c : raw_head) {
      if (c != '\0') without_nul.push_back(c);
    }
    head = without_nul;
  }
  // Junk lines before a status line ("foobar", " foobar", "SIP/2.0 200 ok"): browsers and
  // libhtp skip them and read the response that follows (http-evader 485, 487). Only a few,
  // and only when a line that starts "HTTP/" comes, so a response without one stays lost.
  if (dir == Direction::kToClient && !head.starts_with("HTTP/")) {
    constexpr int kMaxJunkLines = 3;
    std::size_t at = 0;
    for (int n = 0; n < kMaxJunkLines; ++n) {
      const std::size_t lf = head.find('\n', at);
      if (lf == std::string_view::npos) break;
      at = lf + 1;
      if (head.substr(at).starts_with("HTTP/")) {
        head = head.substr(at);
        break;
      }
    }
  }
  // The start line ends at the first CR or LF: a bare CR ends it for browsers, and the
  // fields behind one must not be read as part of it (http-evader 377, 403).
  const std::size_t eol = std::min(head.find_first_of("\r\n"), head.size());
  const std::string_view start = head.substr(0, eol);
  std::size_t next = eol;
  if (next < head.size() && head[next] == '\r') ++next;
  if (next < head.size() && head[next] == '\n' && (next == eol || head[next - 1] == '\r')) ++next;
  const std::string_view lines = head.substr(std::min(next, head.size()));
  return dir == Direction::kToServer ? request_head(start, lines) : response_head(start, lines);
}

MessagePlan HttpDecoder::request_head(std::string_view start_line, std::string_view lines) {
  MessagePlan plan;
  auto rl = parse_request_line(start_line);
  if (!rl) {
    plan.valid = false;
    return plan;
  }
  const HttpHeaders h = HttpHeaders::parse(lines);
  if (h.malformed_lines() > 0) ++ctx_.stats.http.parse_errors;

  HttpTransaction tx;
  tx.id = next_tx_id_++;
  tx.has_request = true;
  tx.method = rl->method;
  tx.url = rl->target;
  tx.protocol = rl->protocol;
  std::string_view authority = target_authority(rl->target);
  const std::string* host = h.find("Host");
  if (authority.empty() && host) authority = *host;
  if (authority.empty() && is_method(tx.method, "CONNECT")) authority = rl->target;
  tx.hostname = normalize_host(authority);
  if (const std::string* ua = h.find("User-Agent")) tx.user_agent = *ua;
  add_server_name(tx.hostname);
  emit_uri_view(rl->target);

  request_tx_ = tx.id;
  std::uint64_t length = 0;
  plan.framing = framing_of(h, lines, length);
  plan.length = length;
  if (plan.framing == BodyFraming::kUntilClose) plan.framing = BodyFraming::kNone;  // requests
  if (plan.framing != BodyFraming::kNone) {
    HttpBodyOptions o;
    o.dir = Direction::kToServer;
    o.content_encoding = h.joined("Content-Encoding");
    if (const std::string* ct = h.find("Content-Type")) o.content_type = *ct;
    // As Suricata: POST and PUT bodies are files; other methods' bodies are scanned only.
    o.is_file = is_method(tx.method, "POST") || is_method(tx.method, "PUT");
    const std::string* cd = h.find("Content-Disposition");
    auto name = cd ? header_parameter(*cd, "filename") : std::nullopt;
    o.file_name = name ? *name : url_path(rl->target);
    bodies_[0] = std::make_unique<HttpBody>(ctx_, next_view_id_[0], std::move(o));
  }
  if (is_method(tx.method, "CONNECT")) {
    // Until the server answers, what the client sends next may be tunnel data, not HTTP.
    plan.after = MessagePlan::After::kHold;
    tunnel_ = Tunnel::kConnectSent;
  }
  txs_.push_back(std::move(tx));
  if (txs_.size() > kMaxPending) {
    emit_transaction(txs_.front());
    txs_.pop_front();
  }
  return plan;
}

HttpTransaction& HttpDecoder::transaction_for_response() {
  for (HttpTransaction& tx : txs_) {
    if (tx.id >= next_response_tx_ && !tx.response_done) return tx;
  }
  // A response without a request (picked up mid-stream, or the request side was lost).
  HttpTransaction tx;
  tx.id = next_tx_id_++;
  tx.request_done = true;
  txs_.push_back(std::move(tx));
  return txs_.back();
}

MessagePlan HttpDecoder::response_head(std::string_view start_line, std::string_view lines) {
  MessagePlan plan;
  auto sl = parse_status_line(start_line);
  if (!sl) {
    plan.valid = false;
    return plan;
  }
  const HttpHeaders h = HttpHeaders::parse(lines);
  if (h.malformed_lines() > 0) ++ctx_.stats.http.parse_errors;
  HttpTransaction& tx = transaction_for_response();
  response_tx_ = tx.id;
  // 100 Continue and friends: the real response follows. One that announces a body is
  // read as the response instead (http-evader 447): a body is what a scanner must not miss.
  const bool announces_body = h.find("Content-Length") || h.find("Transfer-Encoding");
  if (sl->status >= 100 && sl->status < 200 && sl->status != 101 && !announces_body) {
    interim_response_ = true;
    return plan;
  }
  interim_response_ = false;
  response_open_ = true;
  tx.has_status = sl->status != 0;
  tx.status = sl->status;
  if (const std::string* ct = h.find("Content-Type")) tx.response_content_type = media_type(*ct);

  // A 101 or a 204 that announces a body has one for libhtp, and for the clients that read
  // it: an evasion hides a file there (a 101 that does so does not switch protocols either).
  // A 304's stays unread: servers send its Content-Length without the body.
  const bool carries_body = head_mentions_chunked(lines) || nonzero_length(h);
  if (sl->status == 101 && !carries_body) {
    switching_ = true;
    plan.after = MessagePlan::After::kIgnore;
    return plan;
  }
  if (is_method(tx.method, "CONNECT") && tunnel_ == Tunnel::kConnectSent) {
    if (sl->status / 100 == 2) {
      tunnel_ = Tunnel::kOpen;
      plan.after = MessagePlan::After::kHold;
      return plan;
    }
    tunnel_ = Tunnel::kRefused;
  }
  if (!is_method(tx.method, "HEAD") && (sl->status != 204 || carries_body) && sl->status != 304) {
    plan_response_body(tx, h, lines, plan);
  }
  if (tunnel_ == Tunnel::kRefused) {
    // The client's bytes held since the CONNECT are HTTP after all. Parsed now, before this
    // response's successors arrive, so that they pair with those requests. (Last: parsing
    // requests may write out transactions.)
    tunnel_ = Tunnel::kNone;
    parsers_[0].release(true);
  }
  return plan;
}

void HttpDecoder::plan_response_body(const HttpTransaction& tx, const HttpHeaders& h,
                                     std::string_view lines, MessagePlan& plan) {
  std::uint64_t length = 0;
  plan.framing = framing_of(h, lines, length);
  plan.length = length;
  if (plan.framing != BodyFraming::kNone) {
    HttpBodyOptions o;
    o.dir = Direction::kToClient;
    o.content_encoding = h.joined("Content-Encoding");
    if (const std::string* ct = h.find("Content-Type")) o.content_type = *ct;
    o.is_file = true;
    const std::string* cd = h.find("Content-Disposition");
    auto name = cd ? header_parameter(*cd, "filename") : std::nullopt;
    o.file_name = name ? *name : url_path(tx.url);
    bodies_[1] = std::make_unique<HttpBody>(ctx_, next_view_id_[1], std::move(o));
  }
}

void HttpDecoder::on_unparsed(Direction dir, ByteView data) {
  if (!data.empty()) ctx_.sink.content(dir, kRawView, data);
}

void HttpDecoder::on_body(Direction dir, ByteView data) {
  HttpBody* body = bodies_[index_of(dir)].get();
  if (!body || !body->feed(data)) on_unparsed(dir, data);
  if (dir == Direction::kToClient) {
    if (HttpTransaction* tx = find(response_tx_)) tx->response_length += data.size();
  }
}

void HttpDecoder::on_body_gap(Direction dir) {
  if (bodies_[index_of(dir)]) bodies_[index_of(dir)]->gap();
}

void HttpDecoder::on_message_end(Direction dir, bool complete) {
  const int d = index_of(dir);
  const std::uint64_t id = dir == Direction::kToServer ? request_tx_ : response_tx_;
  if (dir == Direction::kToClient && interim_response_) {
    interim_response_ = false;
    return;
  }
  if (bodies_[d]) {
    std::unique_ptr<HttpBody> body = std::move(bodies_[d]);
    emit_files(dir, id, body->finish(complete));
  }
  if (HttpTransaction* tx = find(id)) {
    if (dir == Direction::kToServer) {
      tx->request_done = true;
    } else {
      tx->response_done = true;
    }
  }
  if (dir == Direction::kToClient) {
    next_response_tx_ = id + 1;
    response_open_ = false;
  }
  emit_ready();
}

void HttpDecoder::on_lost(Direction dir, bool head_lost) {
  ++ctx_.stats.http.parse_errors;
  if (dir != Direction::kToClient) return;
  interim_response_ = false;
  if (!head_lost || response_open_) return;
  // The response that began here is gone with its head: it answered the oldest request still
  // waiting, so the response read next pairs with the request after it.
  for (HttpTransaction& tx : txs_) {
    if (tx.id >= next_response_tx_ && !tx.response_done && tx.has_request) {
      tx.response_done = true;
      next_response_tx_ = tx.id + 1;
      break;
    }
  }
  emit_ready();
}

HttpTransaction* HttpDecoder::find(std::uint64_t id) {
  for (HttpTransaction& tx : txs_) {
    if (tx.id == id) return &tx;
  }
  return nullptr;
}

void HttpDecoder::emit_uri_view(const std::string& target) {
  if (target.empty()) return;
  const ContentView view{next_view_id_[0]++, ContentKind::kHttpUri};
  const std::string decoded = percent_decode(target);
  ctx_.sink.content(Direction::kToServer, view, as_bytes(decoded));
  ctx_.sink.content_end(Direction::kToServer, view);
}

void HttpDecoder::emit_files(Direction dir, std::uint64_t tx_id, std::vector<HttpFile> files) {
  const HttpTransaction* tx = find(tx_id);
  const HttpTransaction none;
  for (HttpFile& f : files) {
    AppRecord rec;
    rec.event_type = "fileinfo";
    rec.dir = dir;
    rec.body["http"] = http_fields(tx ? *tx : none);
    rec.body["fileinfo"] = fileinfo_fields(f);
    rec.file = f.handle;
    if (tx) rec.tx_id = tx->id;
    ctx_.sink.record(std::move(rec));
  }
}

void HttpDecoder::emit_transaction(const HttpTransaction& tx) {
  ++ctx_.stats.http.transactions;
  AppRecord rec;
  rec.event_type = "http";
  rec.dir = Direction::kToServer;
  rec.body["http"] = http_fields(tx);
  rec.tx_id = tx.id;
  ctx_.sink.record(std::move(rec));
}

void HttpDecoder::emit_ready() {
  while (!txs_.empty() && txs_.front().request_done && txs_.front().response_done) {
    emit_transaction(txs_.front());
    txs_.pop_front();
  }
}

void HttpDecoder::emit_all() {
  for (const HttpTransaction& tx : txs_) emit_transaction(tx);
  txs_.clear();
}

void HttpDecoder::settle() {
  HttpMessageParser& req = parsers_[0];
  HttpMessageParser& resp = parsers_[1];
  for (bool changed = true; changed;) {
    changed = false;
    if (switching_) {
      switching_ = false;
      req.ignore();
    }
    if (tunnel_ == Tunnel::kOpen) {
      if (req.in_body() || !resp.holding()) break;  // the CONNECT exchange is not over yet
      ProbeResult r = ProbeResult::kNo;
      if (req.holding()) r = probe_http(Direction::kToServer, as_bytes(req.held()));
      if (r == ProbeResult::kMaybe) break;
      tunnel_ = Tunnel::kNone;
      if (r != ProbeResult::kYes) {
        // Not HTTP: the tunnel is a stream of its own for the app layer to probe (TLS to a
        // site behind the proxy, mostly). What came so far is written out first.
        StreamHandover h;
        h.held[0] = req.take_held();
        h.held[1] = resp.take_held();
        for (int d = 0; d < 2; ++d) {
          // Line ends after the CONNECT's head or its answer are HTTP's (servers skip empty
          // lines between messages), not the tunnel's first bytes.
          const std::size_t n = std::min(h.held[d].find_first_not_of("\r\n"), h.held[d].size());
          on_unparsed(d == 0 ? Direction::kToServer : Direction::kToClient,
                      as_bytes(std::string_view(h.held[d]).substr(0, n)));
          h.held[d].erase(0, n);
        }
        h.first = tunnel_data_ ? tunnel_first_ : Direction::kToServer;
        emit_all();
        handover_ = std::move(h);
        return;
      }
      req.release(true);
      resp.release(true);
      changed = true;
    }
  }
}

void HttpDecoder::add_server_name(const std::string& host) {
  if (host.empty()) return;
  auto& names = ctx_.meta.server_names;
  if (std::find(names.begin(), names.end(), host) == names.end()) names.push_back(host);
}

}  // namespace korgoo::app
