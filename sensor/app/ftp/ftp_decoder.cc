// FTP control decoder: reads commands and replies to learn where data connections will go
// (PORT/EPRT from the client, 227/229 replies to PASV/EPSV from the server) and which file
// each carries (STOR/RETR/...), and announces them in the worker's ExpectationTable so the
// data flow gets an ftp-data decoder.
//
// Addresses: the data connection's endpoints are the control flow's own, not only the ones
// announced. A server behind NAT announces its private address in 227 while the client
// connects to the public one; EPSV announces no address at all. So an expectation is added
// for the control flow's address and, when the announced one differs, one more for it (the
// unused one expires after 60 s).
#include <memory>

#include "app/decoders.h"
#include "app/ftp/ftp_address.h"
#include "app/transfer_line_assembler.h"
#include "app/transfer_text.h"

namespace korgoo::app {

namespace {

constexpr std::size_t kMaxLine = 4096;
constexpr std::int64_t kExpectationLifetimeUsec = 60 * kUsecPerSec;

bool is_file_command(std::string_view verb) {
  return verb == "STOR" || verb == "RETR" || verb == "APPE" || verb == "STOU";
}
bool is_listing_command(std::string_view verb) {
  return verb == "LIST" || verb == "NLST" || verb == "MLSD";
}

class FtpDecoder final : public ProtocolDecoder {
 public:
  explicit FtpDecoder(AppContext& ctx)
      : ctx_(ctx), client_lines_(kMaxLine, ctx.memory), server_lines_(kMaxLine, ctx.memory) {}

  std::string_view app_proto() const override { return "ftp"; }

  void on_data(Direction dir, ByteView data) override {
    LineAssembler& lines = dir == Direction::kToServer ? client_lines_ : server_lines_;
    while (!data.empty()) {
      if (opaque_) {
        ctx_.stats.opaque_bytes += data.size();
        return;
      }
      // The app layer gives every byte to the raw view as well, so a direction whose line
      // buffer app.memcap refused is simply no longer read for commands or replies.
      if (raw_only_[index_of(dir)]) return;
      const std::size_t n = lines.feed(data);
      data = data.subspan(n);
      if (lines.refused()) {
        lines.next();
        raw_only_[index_of(dir)] = true;
      } else if (lines.ready()) {
        if (lines.starts_line()) {
          if (dir == Direction::kToServer) {
            command_line(lines.text());
          } else {
            reply_line(lines.text());
          }
        }
        lines.next();
      }
    }
  }

  void on_gap(Direction dir, std::uint64_t) override {
    (dir == Direction::kToServer ? client_lines_ : server_lines_).reset();
  }

  void on_end(Direction) override {}

 private:
  void command_line(std::string_view line) {
    ++ctx_.stats.ftp.commands;
    const std::size_t space = line.find(' ');
    const std::string verb = [&] {
      std::string v(line.substr(0, space));
      for (char& c : v) c = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c;
      return v;
    }();
    // File names may hold spaces: the argument is the rest of the line.
    const std::string_view arg =
        space == std::string_view::npos ? std::string_view() : line.substr(space + 1);
    last_verb_ = verb;
    if (verb == "PORT") {
      if (auto ep = parse_ftp_port_argument(arg)) {
        active_expectation(*ep);
      } else {
        ++parse_errors_;
      }
    } else if (verb == "EPRT") {
      if (auto ep = parse_ftp_eprt_argument(arg)) {
        active_expectation(*ep);
      } else {
        ++parse_errors_;
      }
    } else if (is_file_command(verb) || is_listing_command(verb)) {
      file_command(verb, std::string(trim(arg)));
    } else if (verb == "AUTH") {
      auth_requested_ = true;
    }
  }

  void reply_line(std::string_view line) {
    if (line.size() < 3 || line[0] < '1' || line[0] > '5') return;
    const std::string_view code = line.substr(0, 3);
    const std::string_view text = line.size() > 4 ? line.substr(4) : std::string_view();
    if (code == "227") {
      if (auto ep = parse_ftp_pasv_reply(text)) {
        passive_expectation(*ep);
      } else {
        ++parse_errors_;
      }
    } else if (code == "229") {
      if (auto ep = parse_ftp_epsv_reply(text)) {
        passive_expectation(*ep);
      } else {
        ++parse_errors_;
      }
    } else if (code == "234" && auth_requested_) {
      // AUTH TLS accepted: the control channel is encrypted from here on.
      opaque_ = true;
      ctx_.meta.opaque = true;
    }
  }

  // PASV/EPSV: the client connects to the server.
  void passive_expectation(const FtpEndpoint& ep) {
    add_expectations(ctx_.client, ctx_.server, ep);
  }
  // PORT/EPRT: the server connects back to the client.
  void active_expectation(const FtpEndpoint& ep) { add_expectations(ctx_.server, ctx_.client, ep); }

  void add_expectations(const IpAddress& data_client, const IpAddress& data_server,
                        const FtpEndpoint& ep) {
    Expectation e;
    e.client = data_client;
    e.server = data_server;
    e.server_port = ep.port;
    e.app_proto = "ftp-data";
    e.control_flow_id = ctx_.flow_id;
    e.expires = Timestamp{ctx_.now.usec + kExpectationLifetimeUsec};
    // A file command sent before the address reply arrived (pipelined) belongs to this one.
    if (carried_) {
      e.command = carried_->command;
      e.file_name = carried_->file_name;
      carried_.reset();
      awaiting_command_ = false;
    } else {
      awaiting_command_ = true;
    }
    if (ep.ip && *ep.ip != data_server) {
      Expectation announced = e;
      announced.server = *ep.ip;
      ctx_.expectations.add(std::move(announced));
    }
    ctx_.expectations.add(std::move(e));
  }

  void file_command(const std::string& verb, std::string name) {
    if (awaiting_command_) {
      awaiting_command_ = false;
    } else {
      carried_ = ExpectationTable::Command{verb, name};
    }
    // Always recorded, so a data flow that opened before this line can still find it.
    ctx_.expectations.set_command(ctx_.flow_id, verb, name);
  }

  AppContext& ctx_;
  LineAssembler client_lines_;
  LineAssembler server_lines_;
  bool raw_only_[2] = {false, false};  // app.memcap refused the direction's line buffer
  std::string last_verb_;
  std::uint64_t parse_errors_ = 0;  // unparsable address announcements (kept for debugging)
  bool auth_requested_ = false;
  bool opaque_ = false;
  bool awaiting_command_ = false;  // an expectation was added since the last file command
  std::optional<ExpectationTable::Command> carried_;  // file command awaiting its address
};

}  // namespace

std::unique_ptr<ProtocolDecoder> make_ftp_decoder(AppContext& ctx) {
  return std::make_unique<FtpDecoder>(ctx);
}

}  // namespace korgoo::app
