// The HTTP/1.x decoder of one flow: a message parser per direction, transactions paired in
// order (keep-alive and pipelining), bodies decoded into content views, and the EVE `http`
// and `fileinfo` records. CONNECT and 101 hand the connection over to another protocol: after
// a CONNECT the tunnel is probed again and decoded here if it carries plain HTTP; anything
// else (TLS) is handed back to the app layer as a new stream (take_handover()).
#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <string_view>

#include "app/http/http_body.h"
#include "app/http/http_headers.h"
#include "app/http/http_message_parser.h"
#include "app/http/http_transaction.h"
#include "app/protocol_decoder.h"

namespace korgoo::app {

class HttpDecoder final : public ProtocolDecoder, private HttpMessageHandler {
 public:
  explicit HttpDecoder(AppContext& ctx);
  ~HttpDecoder() override;

  std::string_view app_proto() const override { return "http"; }
  // Bodies are scanned as decoded views only; heads, framing and what is not HTTP go to the
  // raw view.
  bool forwards_unclaimed() const override { return true; }
  void on_data(Direction dir, ByteView data) override;
  void on_gap(Direction dir, std::uint64_t length) override;
  // Records of unfinished transactions are written once both directions have ended.
  void on_end(Direction dir) override;
  std::optional<StreamHandover> take_handover() override;

 private:
  // Transactions waiting for their response beyond this are written as they are: a client
  // pipelining without end must not grow the flow's memory.
  static constexpr std::size_t kMaxPending = 64;

  enum class Tunnel : std::uint8_t {
    kNone,
    kConnectSent,  // CONNECT sent; the client's next bytes wait for the answer
    kRefused,      // the answer was not 2xx: the held bytes are HTTP again
    kOpen,         // 2xx: what the tunnel carries is being probed
  };

  MessagePlan on_head(Direction dir, std::string_view head) override;
  void on_body(Direction dir, ByteView data) override;
  void on_unparsed(Direction dir, ByteView data) override;
  void on_body_gap(Direction dir) override;
  void on_message_end(Direction dir, bool complete) override;
  void on_lost(Direction dir, bool head_lost) override;

  MessagePlan request_head(std::string_view start_line, std::string_view header_lines);
  MessagePlan response_head(std::string_view start_line, std::string_view header_lines);
  void plan_response_body(const HttpTransaction& tx, const HttpHeaders& h,
                          std::string_view header_lines, MessagePlan& plan);
  HttpTransaction* find(std::uint64_t id);
  HttpTransaction& transaction_for_response();
  void emit_uri_view(const std::string& target);
  void emit_files(Direction dir, std::uint64_t tx_id, std::vector<HttpFile> files);
  void emit_transaction(const HttpTransaction& tx);
  void emit_ready();
  void emit_all();
  void settle();  // acts on tunnel state changes once no parser is mid-call
  void add_server_name(const std::string& host);

  AppContext& ctx_;
  HttpMessageParser parsers_[2];
  std::unique_ptr<HttpBody> bodies_[2];
  std::uint32_t next_view_id_[2] = {1, 1};  // view 0 is the raw stream
  std::deque<HttpTransaction> txs_;
  std::uint64_t next_tx_id_ = 0;
  std::uint64_t request_tx_ = 0;        // tx whose request is being read
  std::uint64_t response_tx_ = 0;       // tx whose response is being read
  std::uint64_t next_response_tx_ = 0;  // the next response belongs to this tx (or a later one)
  bool interim_response_ = false;       // the response being read is a 1xx
  bool response_open_ = false;          // a final response's head was read, its end not yet
  bool switching_ = false;              // 101: both directions stop being HTTP
  Tunnel tunnel_ = Tunnel::kNone;
  Direction tunnel_first_ = Direction::kToServer;  // which side sent into the tunnel first
  bool tunnel_data_ = false;                       // either side has
  std::optional<StreamHandover> handover_;         // the tunnel is not HTTP
  bool ended_[2] = {false, false};
};

}  // namespace korgoo::app
