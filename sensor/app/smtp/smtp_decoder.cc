// SMTP decoder: both directions line by line. The client side carries commands and, after
// DATA or BDAT, the message, which goes through the MIME parser into content views; the
// server side carries replies, matched in order to the commands waiting for them (so
// pipelined commands work). Transactions follow Suricata's rules so that record counts
// agree: a transaction starts with the first command after the previous one completed (RSET
// and QUIT never start one) and completes at the end of the message, at an accepted RSET,
// at an accepted HELO/EHLO once MAIL FROM was given, or when STARTTLS is accepted.
#include <algorithm>
#include <deque>
#include <memory>
#include <utility>

#include "app/decoders.h"
#include "app/file/file_decoder.h"
#include "app/mime/mime_parser.h"
#include "app/smtp/smtp_command.h"
#include "app/smtp/smtp_transaction.h"
#include "app/transfer_line_assembler.h"

namespace korgoo::app {

namespace {

// Longest command or reply line kept; longer lines are handled by their first part (the
// message itself streams through in pieces, so this does not limit message lines).
constexpr std::size_t kMaxLine = 4096;
// Commands awaiting a reply; a client that never reads replies cannot grow this past it.
constexpr std::size_t kMaxPendingCommands = 256;
// Per transaction, so that a hostile client cannot grow one record without bound.
constexpr std::size_t kMaxRecipients = 1024;
constexpr std::size_t kMaxAttachments = 1024;

class SmtpDecoder final : public ProtocolDecoder, private MimeEvents, private FileDecoder::Sink {
 public:
  explicit SmtpDecoder(AppContext& ctx)
      : ctx_(ctx),
        client_lines_(kMaxLine, ctx.memory),
        server_lines_(kMaxLine, ctx.memory),
        envelope_memory_(ctx.memory),
        file_limits_(wire_file_limits(ctx.limits)) {}

  std::string_view app_proto() const override { return "smtp"; }
  // A message is scanned as its MIME views only (header blocks, decoded parts, and the text
  // outside them); commands and replies go to the raw view; after STARTTLS nothing can be read.
  bool forwards_unclaimed() const override { return true; }

  void on_data(Direction dir, ByteView data) override {
    if (dir == Direction::kToServer) {
      client_data(data);
    } else {
      server_data(data);
    }
  }

  void on_gap(Direction dir, std::uint64_t length) override {
    if (opaque_) return tls_->on_gap(dir, length);
    if (raw_only_[index_of(dir)]) return;
    if (dir == Direction::kToClient) {
      // Replies lost: which command they answered is unknown, so stop matching.
      server_lines_.reset();
      pending_.clear();
      return;
    }
    client_lines_.reset();
    if (mime_) message_damaged_ = true;  // its parts are reported truncated
    if (mode_ == Mode::kBdat) {
      bdat_left_ -= std::min(bdat_left_, length);
      if (bdat_left_ == 0) end_bdat_chunk();
    }
  }

  void on_end(Direction dir) override {
    if (tls_) tls_->on_end(dir);
    ended_[index_of(dir)] = true;
    if (dir == Direction::kToServer && !opaque_ && !raw_only_[0] && client_lines_.flush()) {
      client_piece();
      client_lines_.next();
    }
    if (dir == Direction::kToServer || (ended_[0] && ended_[1])) finish_session();
  }

 private:
  enum class Mode { kCommand, kData, kBdat };

  // --- client side ---------------------------------------------------------------------------

  void client_data(ByteView data) {
    while (!data.empty()) {
      if (opaque_) {
        tls_->on_data(Direction::kToServer, data);
        return;
      }
      if (raw_only_[0]) {
        raw(Direction::kToServer, data);
        return;
      }
      if (mode_ == Mode::kBdat) {
        const std::size_t n =
            static_cast<std::size_t>(std::min<std::uint64_t>(bdat_left_, data.size()));
        message_bytes(data.first(n));
        data = data.subspan(n);
        bdat_left_ -= n;
        if (bdat_left_ == 0) end_bdat_chunk();
        continue;
      }
      // A line's mode is the one it starts in: DATA's own line is a command.
      const bool message_line = mode_ == Mode::kData && mime_;
      const std::size_t n = client_lines_.feed(data);
      if (!message_line) raw(Direction::kToServer, data.first(n));
      data = data.subspan(n);
      if (client_lines_.refused()) {
        client_refused(message_line);
      } else if (client_lines_.ready()) {
        client_piece();
        client_lines_.next();
      }
    }
  }

  // app.memcap refused the client's line buffer: the rest of the direction is scanned as raw
  // bytes. A message line had not reached the raw view yet, so it goes there now, and the
  // message ends cut off (what its parser holds is reported).
  void client_refused(bool message_line) {
    if (message_line) raw(Direction::kToServer, as_bytes(client_lines_.text()));
    client_lines_.next();
    raw_only_[0] = true;
    end_message(false);
    mode_ = Mode::kCommand;
  }

  void client_piece() {
    const std::string_view text = client_lines_.text();
    const bool starts = client_lines_.starts_line();
    const bool ends = client_lines_.ends_line();
    if (mode_ == Mode::kData) {
      data_line(text, starts, ends);
    } else if (starts) {
      command_line(text);
    }
    // Further pieces of an over-long command line carry nothing we log.
  }

  void data_line(std::string_view text, bool starts, bool ends) {
    if (starts && ends && text == ".") {
      expect_reply(SmtpVerb::kOther);  // the server answers the end of the message too
      end_message(true);
      mode_ = Mode::kCommand;
      return;
    }
    // Dot-stuffing (RFC 5321 4.5.2): a leading dot was doubled by the client.
    if (starts && !text.empty() && text[0] == '.') text.remove_prefix(1);
    data_bytes_ += text.size() + (ends ? 2 : 0);
    message_bytes(as_bytes(text));
    if (ends) message_bytes(as_bytes(std::string_view("\r\n")));
  }

  void command_line(std::string_view line) {
    const SmtpCommand cmd = parse_smtp_command(line);
    const bool keeps_tx = cmd.verb == SmtpVerb::kRset || cmd.verb == SmtpVerb::kQuit;
    if (!tx_ || (tx_->done && !keeps_tx)) new_transaction();
    // A new greeting resets the envelope (RFC 5321 4.1.4) once accepted; whether there was
    // an envelope to reset is decided now, as pipelined commands may fill it before the reply.
    const bool resets = cmd.verb == SmtpVerb::kHelo && tx_->mail_from && !tx_->done;
    expect_reply(cmd.verb, resets);

    switch (cmd.verb) {
      case SmtpVerb::kHelo:
        if (!helo_) helo_ = cmd.param;  // Suricata keeps the first
        break;
      case SmtpVerb::kMail:
        if (!tx_->mail_from) tx_->mail_from = cmd.param;
        break;
      case SmtpVerb::kRcpt:
        // Recipients are charged to app.memcap too (a thousand long ones add up): when it
        // refuses, the record lists fewer, the command line itself was scanned raw. A
        // short list stays uncharged, like a short line.
        if (tx_->rcpt_to.size() < kMaxRecipients) {
          const std::uint64_t bytes = envelope_bytes_ + cmd.param.size() + sizeof(std::string);
          if (bytes <= AppMemoryShare::kUnchargedBytes || envelope_memory_.cover(bytes)) {
            envelope_bytes_ = bytes;
            tx_->rcpt_to.push_back(cmd.param);
          }
        }
        if (auto domain = smtp_address_domain(cmd.param)) add_recipient_domain(*domain);
        break;
      case SmtpVerb::kData:
        // The message follows the 354 reply; entering data mode now (rather than at the
        // reply) keeps the decoder right when the reply is delayed or reordered. A rejected
        // DATA before any message line is undone when its reply arrives.
        begin_message();
        mode_ = Mode::kData;
        data_bytes_ = 0;
        break;
      case SmtpVerb::kBdat:
        if (!cmd.valid) {
          ++ctx_.stats.smtp.parse_errors;
          break;
        }
        if (!mime_) begin_message();
        bdat_left_ = cmd.bdat_size;
        bdat_last_ = cmd.bdat_last;
        mode_ = Mode::kBdat;
        if (bdat_left_ == 0) end_bdat_chunk();
        break;
      default:
        break;
    }
  }

  // Remembers that a reply is due, and to which transaction: with pipelining, the reply to a
  // RSET can arrive after the next transaction has begun, and must not end that one.
  void expect_reply(SmtpVerb verb, bool resets_envelope = false) {
    if (pending_.size() < kMaxPendingCommands) pending_.push_back({verb, resets_envelope, tx_seq_});
  }

  void end_bdat_chunk() {
    mode_ = Mode::kCommand;
    if (bdat_last_) end_message(true);
  }

  // --- server side ---------------------------------------------------------------------------

  void server_data(ByteView data) {
    while (!data.empty()) {
      if (opaque_) {
        tls_->on_data(Direction::kToClient, data);
        return;
      }
      if (raw_only_[1]) {
        raw(Direction::kToClient, data);
        return;
      }
      const std::size_t n = server_lines_.feed(data);
      raw(Direction::kToClient, data.first(n));
      data = data.subspan(n);
      if (server_lines_.refused()) {
        // app.memcap refused the reply buffer: replies are no longer matched to commands.
        server_lines_.next();
        raw_only_[1] = true;
        pending_.clear();
      } else if (server_lines_.ready()) {
        if (server_lines_.starts_line()) reply_line(server_lines_.text());
        server_lines_.next();
      }
    }
  }

  void reply_line(std::string_view line) {
    const SmtpReply reply = parse_smtp_reply(line);
    if (reply.code == 0) {
      if (!line.empty()) ++ctx_.stats.smtp.parse_errors;
      return;
    }
    last_reply_code_ = reply.code;
    if (reply.more || pending_.empty()) return;  // continuation, or the greeting
    const Pending cmd = pending_.front();
    pending_.pop_front();
    switch (cmd.verb) {
      case SmtpVerb::kStartTls:
        if (reply.code == 220) {
          complete_transaction();
          go_opaque();
        }
        break;
      case SmtpVerb::kData:
        if (reply.code != 354 && mode_ == Mode::kData && data_bytes_ == 0) {
          mode_ = Mode::kCommand;  // rejected: no message follows
          mime_.reset();
          if (tx_) tx_->has_message = false;
        }
        break;
      case SmtpVerb::kRset:
        if (reply.code == 250 && cmd.tx_seq == tx_seq_) complete_transaction();
        break;
      case SmtpVerb::kHelo:
        if (reply.code == 250 && cmd.resets_envelope && cmd.tx_seq == tx_seq_ && tx_ &&
            !tx_->done) {
          complete_transaction();
        }
        break;
      default:
        break;
    }
  }

  // After an accepted STARTTLS the rest of the flow is TLS: its hellos still name the server
  // (SNI) and give a `tls` record; everything after them is encrypted and only counted.
  void go_opaque() {
    opaque_ = true;
    ctx_.meta.opaque = true;
    tls_ = make_tls_decoder(ctx_);
    client_lines_.reset();
    server_lines_.reset();
    pending_.clear();
  }

  // --- transactions ----------------------------------------------------------------------------

  void new_transaction() {
    tx_.emplace();
    envelope_memory_.reset();
    envelope_bytes_ = 0;
    tx_->id = tx_seq_++;
    ++ctx_.stats.smtp.transactions;
  }

  void complete_transaction() {
    if (!tx_) return;
    if (mime_) end_message(false);
    tx_->done = true;
    if (!tx_->logged) {
      tx_->logged = true;
      for (auto& rec : smtp_transaction_records(helo_, *tx_)) ctx_.sink.record(std::move(rec));
    }
  }

  void finish_session() {
    if (mode_ == Mode::kData || mode_ == Mode::kBdat) mode_ = Mode::kCommand;
    complete_transaction();
  }

  void add_recipient_domain(const std::string& domain) {
    auto& domains = ctx_.meta.recipient_domains;
    for (const auto& d : domains) {
      if (d == domain) return;
    }
    if (domains.size() < 256) domains.push_back(domain);
  }

  // --- the message -------------------------------------------------------------------------------

  void begin_message() {
    if (tx_->has_message || tx_->data_sent) {
      // A second message (or DATA) in one transaction without a reset: Suricata starts a new
      // one.
      complete_transaction();
      new_transaction();
    }
    tx_->has_message = true;
    tx_->data_sent = true;
    message_damaged_ = false;
    MimeEvents& events = *this;  // a private base: convert here, where it is accessible
    mime_ = std::make_unique<MimeParser>(events, ctx_.limits.max_mime_depth,
                                         static_cast<std::size_t>(ctx_.limits.max_header_bytes),
                                         ctx_.memory);
  }

  void message_bytes(ByteView bytes) {
    if (bytes.empty()) return;
    if (mime_) {
      mime_->feed(bytes);
    } else {
      raw(Direction::kToServer, bytes);
    }
  }

  void raw(Direction dir, ByteView bytes) {
    if (!bytes.empty()) ctx_.sink.content(dir, kRawView, bytes);
  }

  // `finished`: the message ended as the protocol says (final dot, BDAT LAST), which ends the
  // transaction; otherwise it was cut off (reset, STARTTLS, end of flow). Parts are complete
  // only when the message finished and no bytes of it were lost.
  void end_message(bool finished) {
    if (!mime_) return;
    // finish() calls back into this object; keep the parser alive until it returns.
    std::unique_ptr<MimeParser> parser = std::move(mime_);
    parser->finish(finished && !message_damaged_);
    ctx_.stats.smtp.mime_parts += parser->parts();
    if (tx_ && finished) {
      tx_->done = true;
      complete_transaction();
    }
  }

  // --- MimeEvents --------------------------------------------------------------------------------

  void on_mime_headers(std::string_view header_text) override {
    const ContentView view{next_view_id_++, ContentKind::kMailHeaders};
    ctx_.sink.content(Direction::kToServer, view, as_bytes(header_text));
    ctx_.sink.content_end(Direction::kToServer, view);
  }

  void on_undecoded(std::string_view text) override { raw(Direction::kToServer, as_bytes(text)); }

  void on_message_headers(const MimeMessageHeaders& headers) override {
    if (tx_) tx_->headers = headers;
  }

  void on_part_begin(const MimePartInfo& part) override {
    part_view_ = ContentView{next_view_id_++, ContentKind::kMailBody};
    // An attachment's members are one group of views: their counts add up.
    if (part.is_attachment()) part_view_.group = part_view_.id;
    part_view_open_ = false;
    part_delivered_ = 0;
    part_capped_ = false;
    // An attachment that is an archive or office document is scanned as its members' text
    // (issue 13); any other passes as it is.
    if (part.is_attachment()) {
      file_handle_ = ctx_.sink.file_begin(Direction::kToServer, part.filename);
      file_report_ = FileReport{};
      file_ = std::make_unique<FileDecoder>(part.filename, static_cast<FileDecoder::Sink&>(*this),
                                            file_limits_, FileDecoder::Layers::kArchivesOnly,
                                            ctx_.memory);
      watch_file(*file_, ctx_);
    }
  }

  // --- FileDecoder::Sink (an attachment's decoded text) ------------------------------------------

  void text(std::string_view decoded) override {
    if (decoded.empty()) return;
    part_view_open_ = true;
    ctx_.sink.content(Direction::kToServer, part_view_, as_bytes(decoded));
  }
  void boundary() override {  // the next archive member is a view of its own
    if (!part_view_open_) return;
    ctx_.sink.content_end(Direction::kToServer, part_view_);
    part_view_ = ContentView{next_view_id_++, ContentKind::kMailBody, part_view_.group};
    part_view_open_ = false;
  }

  void close_file() {
    if (!file_) return;
    file_report_ = close_file_decoder(*file_, ctx_, Direction::kToServer);
    file_.reset();
  }

  void on_part_data(std::string_view decoded) override {
    if (part_capped_) return;
    const std::uint64_t cap = ctx_.limits.max_decompressed_bytes;
    if (part_delivered_ + decoded.size() > cap) {
      decoded = decoded.substr(0, static_cast<std::size_t>(cap - part_delivered_));
      part_capped_ = true;
      ++ctx_.stats.decompress_limit_hits;
    }
    if (decoded.empty()) return;
    part_delivered_ += decoded.size();
    if (file_) {
      file_->feed(as_bytes(decoded));
      return;
    }
    text(decoded);
  }

  void on_part_end(const MimePartInfo& part, std::uint64_t size, bool complete) override {
    close_file();
    if (part_view_open_) ctx_.sink.content_end(Direction::kToServer, part_view_);
    part_view_open_ = false;
    if (!part.is_attachment()) return;
    const std::uint64_t handle = std::exchange(file_handle_, 0);
    if (handle) ctx_.sink.file_end(Direction::kToServer, handle);
    if (part_capped_) file_report_.cut("max_decompressed_bytes");
    if (!complete) file_report_.cut("truncated");
    if (tx_ && tx_->attachments.size() < kMaxAttachments) {
      tx_->attachments.push_back({part.filename, size, complete, handle, std::move(file_report_)});
    }
  }

  AppContext& ctx_;
  LineAssembler client_lines_;
  LineAssembler server_lines_;
  bool raw_only_[2] = {false, false};  // app.memcap refused a line buffer: no more framing
  Mode mode_ = Mode::kCommand;
  bool opaque_ = false;
  std::unique_ptr<ProtocolDecoder> tls_;  // after STARTTLS
  bool ended_[2] = {false, false};
  struct Pending {
    SmtpVerb verb;
    bool resets_envelope;  // a HELO/EHLO sent while a transaction had MAIL FROM
    std::uint64_t tx_seq;  // the transaction current when the command was sent
  };
  std::deque<Pending> pending_;
  int last_reply_code_ = 0;

  std::optional<std::string> helo_;
  std::optional<SmtpTransaction> tx_;
  std::uint64_t tx_seq_ = 0;
  AppMemoryShare envelope_memory_;  // tx_'s recipients' charge to app.memcap
  std::uint64_t envelope_bytes_ = 0;

  std::unique_ptr<MimeParser> mime_;
  std::uint64_t data_bytes_ = 0;
  std::uint64_t bdat_left_ = 0;
  bool bdat_last_ = false;
  bool message_damaged_ = false;

  std::uint32_t next_view_id_ = 1;  // client-direction views; 0 is the raw stream
  ContentView part_view_{};
  bool part_view_open_ = false;
  std::uint64_t part_delivered_ = 0;
  bool part_capped_ = false;
  AppLimits file_limits_;
  std::unique_ptr<FileDecoder> file_;  // the attachment being received
  std::uint64_t file_handle_ = 0;
  FileReport file_report_;
};

}  // namespace

std::unique_ptr<ProtocolDecoder> make_smtp_decoder(AppContext& ctx) {
  return std::make_unique<SmtpDecoder>(ctx);
}

}  // namespace korgoo::app
