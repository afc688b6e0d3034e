// One ICAP connection from the proxy, as a state machine with no I/O: bytes in, bytes out.
// It reads a request head, the encapsulated HTTP heads, the chunked body (a preview first
// when the proxy sends one: `100 Continue` fetches the rest unless `ieof` said there is
// none), hands the message to the inspector, and answers 204, the message unchanged, or the
// block page. Requests follow one another on the connection (persistent) until either side
// says close. Anything malformed gets an ICAP error status and ends the connection, since its
// framing can no longer be trusted. Memory is bounded by the header and body caps.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include "icap/icap_chunk_reader.h"
#include "icap/icap_config.h"
#include "icap/icap_counters.h"
#include "icap/icap_exchange.h"
#include "icap/icap_parser.h"

namespace korgoo::icap {

class IcapConnection {
 public:
  using Clock = std::chrono::steady_clock;

  IcapConnection(const IcapConfig& config, std::string_view istag, IcapInspector& inspector,
                 IcapCounters& counters);

  // Takes the bytes that arrived and appends what is to be sent to `out`. false: close the
  // connection once `out` is sent.
  bool feed(std::string_view in, std::string& out, Clock::time_point now);
  // Called by the server's timer: when the request under way is past its time budget,
  // answers as `fail_open` says and returns false (close); true otherwise.
  bool check_budget(Clock::time_point now, std::string& out);
  // A request is partly read (an idle connection between requests is not).
  bool mid_request() const { return state_ != State::kHead || !in_.empty(); }

 private:
  enum class State : std::uint8_t { kHead, kHttpHeads, kBody, kClosed };

  bool step(std::string& out, bool& progressed);
  bool read_head(std::string& out, bool& progressed);
  bool read_http_heads(std::string& out, bool& progressed);
  bool read_body(std::string& out, bool& progressed);
  bool answer(std::string& out);
  bool fail(int status, std::string_view why, std::string& out);
  void next_request();
  // 204 is allowed when the proxy said Allow: 204, and always in answer to a preview.
  bool may_send_204() const { return req_.allow_204 || in_preview_; }

  const IcapConfig& config_;
  std::string istag_;
  IcapInspector& inspector_;
  IcapCounters& counters_;
  State state_ = State::kHead;
  std::string in_;  // received, not yet consumed
  std::size_t consumed_ = 0;
  std::size_t scanned_ = 0;  // how far in_ was searched for the end of the head
  IcapRequest req_;
  std::string heads_;  // the encapsulated HTTP heads, verbatim
  std::string_view request_head_, response_head_;
  std::string body_;
  bool truncated_ = false;
  bool in_preview_ = false;
  IcapChunkReader chunks_;
  bool started_ = false;
  Clock::time_point started_at_;
};

}  // namespace korgoo::icap
