// Streaming MIME parser (RFC 2045-2049) for one mail message: header blocks with folded lines
// and encoded-words, nested multipart bodies up to a depth limit, encapsulated
// message/rfc822, and base64 / quoted-printable parts decoded as they stream in. It knows
// nothing of SMTP or of content views: it reports what it finds to a MimeEvents listener.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/app_memory.h"
#include "app/codec/transfer_base64.h"
#include "app/codec/transfer_quoted_printable.h"
#include "app/transfer_line_assembler.h"
#include "common/bytes.h"

namespace korgoo::app {

// Attachment names longer than this are cut, as Suricata does.
inline constexpr std::size_t kMaxAttachmentNameBytes = 255;

struct MimePartInfo {
  std::string content_type;  // lowercase, e.g. "text/plain" ("" when the part has none)
  std::string filename;      // Content-Disposition filename or Content-Type name, decoded
  std::uint32_t depth = 0;   // 0 = the message itself
  bool is_attachment() const { return !filename.empty(); }
};

// The top-level header fields a mail record reports.
struct MimeMessageHeaders {
  std::optional<std::string> from;
  std::vector<std::string> to;
  std::vector<std::string> cc;
  std::optional<std::string> subject;
};

class MimeEvents {
 public:
  virtual ~MimeEvents() = default;
  // A complete header block (message, part or encapsulated message): unfolded, encoded-words
  // decoded, one header per CRLF-terminated line.
  virtual void on_mime_headers(std::string_view header_text) = 0;
  virtual void on_message_headers(const MimeMessageHeaders& headers) = 0;  // top level only
  virtual void on_part_begin(const MimePartInfo& part) = 0;
  virtual void on_part_data(std::string_view decoded) = 0;
  // `complete`: the part ended at its boundary or at the message end, not cut by finish().
  virtual void on_part_end(const MimePartInfo& part, std::uint64_t decoded_size, bool complete) = 0;
  // Text no header block or decoded part carries: a multipart preamble and epilogue, header
  // lines beyond the cap, a "base64" line that is not base64. Whoever scans the message scans
  // these as they are, so that nothing in a message is hidden from detection.
  virtual void on_undecoded(std::string_view /*text*/) {}
};

class MimeParser {
 public:
  // `memory`: the worker's app.memcap, charged for the line and header buffers (nullptr:
  // uncapped). When it refuses, the rest of the message is handed out as undecoded text.
  MimeParser(MimeEvents& events, std::uint32_t max_depth, std::size_t max_header_bytes,
             AppMemory* memory = nullptr);

  // Raw message bytes (for SMTP: after dot-unstuffing), in any segmentation.
  void feed(ByteView bytes);
  // The message ended (`complete` = properly, e.g. SMTP's final dot; false = flow cut).
  void finish(bool complete = true);

  std::uint64_t parts() const { return parts_; }
  std::uint64_t anomalies() const { return anomalies_; }

 private:
  void undecoded_line(std::string_view text, bool ends);
  static bool looks_like_base64(std::string_view line);
  enum class State { kHeaders, kBody, kSkip, kRaw };
  enum class Encoding { kIdentity, kBase64, kQuotedPrintable };
  struct Level {
    std::string delimiter;  // "--" + boundary; empty for an encapsulated message
  };

  void on_line(std::string_view text, bool starts, bool ends);
  bool try_boundary(std::string_view text);
  void header_line(std::string_view text, bool starts);
  void end_headers();
  void start_leaf(std::string content_type, std::string filename, std::string_view encoding);
  void body_bytes(std::string_view bytes);
  void end_part(bool complete);
  void give_up(std::string_view pending, bool ends);
  void release_headers();

  MimeEvents& events_;
  std::uint32_t max_depth_;
  std::size_t max_header_bytes_;
  LineAssembler lines_;

  State state_ = State::kHeaders;
  std::vector<Level> levels_;
  bool top_level_ = true;  // the next header block is the message's own

  std::vector<std::string> headers_;  // unfolded header lines of the current entity
  std::size_t header_bytes_ = 0;
  AppMemoryShare header_memory_;  // headers_' charge to app.memcap

  MimePartInfo part_;
  Encoding encoding_ = Encoding::kIdentity;
  Base64Decoder base64_;
  QuotedPrintableDecoder qp_;
  bool pending_newline_ = false;  // the CRLF before a boundary belongs to the boundary
  std::uint64_t part_size_ = 0;
  std::string scratch_;

  std::uint64_t parts_ = 0;
  std::uint64_t anomalies_ = 0;
};

}  // namespace korgoo::app
