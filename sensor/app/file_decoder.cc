#include "app/file_decoder.h"

#include <algorithm>
#include <cctype>

#include "app/inflater.h"
#include "app/json_unescaper.h"
#include "app/mime_parser.h"
#include "app/url_decoder.h"
#include "app/utf16_decoder.h"

namespace korgoo::app {

class FileDecoder::Stage {
 public:
  virtual ~Stage() = default;
  virtual void feed(ByteView in) = 0;
  virtual void finish() = 0;
  // Appends the names of the layers this stage ran (none if its input was not encoded).
  virtual void names(std::vector<std::string>& out) const = 0;
};

namespace {

// Mail parts nest at most this deep; a header block is at most this long (as on the wire).
constexpr std::uint32_t kMaxMimeDepth = 8;
constexpr std::size_t kMaxMimeHeaderBytes = 64 * 1024;
// The first bytes a structure is told from.
constexpr std::size_t kStructureSniff = 4096;

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool is_hex(char c) {
  return std::isxdigit(static_cast<unsigned char>(c)) != 0;
}

bool has_escape(std::string_view s) {
  for (std::size_t i = 0; i + 2 < s.size(); ++i)
    if (s[i] == '%' && is_hex(s[i + 1]) && is_hex(s[i + 2])) return true;
  return false;
}

std::string_view first_line(std::string_view s) {
  return s.substr(0, s.find_first_of("\r\n"));
}

// Holds the first bytes until a stage can tell from them which layer applies.
class Sniffing : public FileDecoder::Stage {
 public:
  explicit Sniffing(std::size_t need) : need_(need) {}
  void feed(ByteView in) final {
    if (chosen_) {
      pass(in);
      return;
    }
    head_.insert(head_.end(), in.begin(), in.end());
    if (head_.size() >= need_) decide();
  }
  void finish() final {
    if (!chosen_) decide();
    end();
  }

 protected:
  virtual void choose(ByteView head) = 0;
  virtual void pass(ByteView in) = 0;
  virtual void end() = 0;

 private:
  void decide() {
    chosen_ = true;
    choose(head_);
    pass(head_);
    head_.clear();
    head_.shrink_to_fit();
  }
  std::size_t need_;
  bool chosen_ = false;
  std::vector<std::uint8_t> head_;
};

// gzip (1F 8B) or zlib-wrapped deflate (CMF/FLG with the header check).
class CompressionStage final : public Sniffing {
 public:
  CompressionStage(FileDecoder::Stage& next, std::vector<std::string>& problems)
      : Sniffing(2), next_(next), problems_(problems) {}

  void names(std::vector<std::string>& out) const override {
    if (inflater_ && inflater_->status() != Inflater::Status::kPassthrough) out.push_back(name_);
  }

 private:
  void choose(ByteView head) override {
    if (head.size() < 2) return;
    const bool gzip = head[0] == 0x1F && head[1] == 0x8B;
    const bool zlib =
        (head[0] & 0x0F) == 8 && (head[0] >> 4) <= 7 && (head[0] * 256 + head[1]) % 31 == 0;
    if (!gzip && !zlib) return;
    name_ = gzip ? "gzip" : "deflate";
    inflater_ = std::make_unique<Inflater>(
        [this](ByteView b) {
          inflated_ += b.size();
          if (inflated_ > FileDecoder::kMaxInflated) return false;
          next_.feed(b);
          return true;
        },
        false);
  }
  void pass(ByteView in) override {
    if (!inflater_) {
      next_.feed(in);
      return;
    }
    inflater_->feed(in);
  }
  void end() override {
    if (inflater_) {
      switch (inflater_->status()) {
        case Inflater::Status::kError:
          problems_.push_back(name_ + ": corrupt compressed data; scanned what inflated before it");
          break;
        case Inflater::Status::kStopped:
          problems_.push_back(name_ + ": more than " + std::to_string(FileDecoder::kMaxInflated) +
                              " bytes inflated; the rest was not scanned");
          break;
        case Inflater::Status::kOk:
          problems_.push_back(name_ + ": the file ends inside the compressed stream (truncated)");
          break;
        case Inflater::Status::kEnd:
        case Inflater::Status::kPassthrough:
          break;
      }
    }
    next_.finish();
  }

  FileDecoder::Stage& next_;
  std::vector<std::string>& problems_;
  std::string name_;
  std::unique_ptr<Inflater> inflater_;
  std::uint64_t inflated_ = 0;
};

// UTF-16 with a byte-order mark becomes UTF-8.
class CharsetStage final : public Sniffing {
 public:
  explicit CharsetStage(FileDecoder::Stage& next) : Sniffing(2), next_(next) {}

  void names(std::vector<std::string>& out) const override {
    if (utf16_) out.push_back(order_ == Utf16Decoder::Order::kLittleEndian ? "utf16le" : "utf16be");
  }

 private:
  void choose(ByteView head) override {
    if (Utf16Decoder::has_bom(head, order_)) utf16_ = std::make_unique<Utf16Decoder>(order_);
  }
  void pass(ByteView in) override {
    if (!utf16_) {
      next_.feed(in);
      return;
    }
    buf_.clear();
    utf16_->decode(in, buf_);
    next_.feed(as_bytes(buf_));
  }
  void end() override {
    if (utf16_) {
      buf_.clear();
      utf16_->finish(buf_);
      next_.feed(as_bytes(buf_));
    }
    next_.finish();
  }

  FileDecoder::Stage& next_;
  Utf16Decoder::Order order_ = Utf16Decoder::Order::kLittleEndian;
  std::unique_ptr<Utf16Decoder> utf16_;
  std::string buf_;
};

// A mail message's header blocks and decoded parts, each part on its own.
class MailToSink final : public MimeEvents {
 public:
  explicit MailToSink(FileDecoder::Sink& sink) : sink_(sink) {}
  void on_mime_headers(std::string_view header_text) override {
    sink_.text(header_text);
    sink_.boundary();
    const std::string h = lower(header_text);
    for (std::size_t at = h.find("content-transfer-encoding:"); at != std::string::npos;
         at = h.find("content-transfer-encoding:", at + 1)) {
      const std::string_view v = std::string_view(h).substr(at + 26);
      const std::size_t start = v.find_first_not_of(" \t");
      const std::string_view value = start == std::string_view::npos ? v : v.substr(start);
      base64_ = base64_ || value.starts_with("base64");
      quoted_printable_ = quoted_printable_ || value.starts_with("quoted-printable");
    }
  }
  void on_message_headers(const MimeMessageHeaders&) override {}
  void on_part_begin(const MimePartInfo&) override {}
  void on_part_data(std::string_view decoded) override { sink_.text(decoded); }
  void on_undecoded(std::string_view text) override { sink_.text(text); }
  void on_part_end(const MimePartInfo&, std::uint64_t, bool) override { sink_.boundary(); }
  bool base64() const { return base64_; }
  bool quoted_printable() const { return quoted_printable_; }

 private:
  FileDecoder::Sink& sink_;
  bool base64_ = false;
  bool quoted_printable_ = false;
};

// Header lines of a mail message ("From: ...") at the start of `head`.
bool looks_like_mail(std::string_view head) {
  static constexpr std::string_view kFields[] = {"from",        "to",           "subject",
                                                 "date",        "received",     "message-id",
                                                 "return-path", "mime-version", "content-type"};
  int known = 0;
  std::size_t pos = 0;
  for (int line = 0; line < 64; ++line) {
    const std::size_t nl = head.find('\n', pos);
    if (nl == std::string_view::npos) break;  // the sniffed bytes end inside this line
    std::string_view l = head.substr(pos, nl - pos);
    pos = nl + 1;
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    if (l.empty()) break;                                 // the end of the header block
    if (l.front() == ' ' || l.front() == '\t') continue;  // a folded line
    const std::size_t colon = l.find(':');
    if (colon == std::string_view::npos || colon == 0) return false;
    const std::string_view field = l.substr(0, colon);
    if (!std::all_of(field.begin(), field.end(), [](char c) {
          return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-';
        })) {
      return false;
    }
    for (std::string_view f : kFields) known += iequals(field, f) ? 1 : 0;
  }
  return known >= 2;
}

// "name=value&name=value" on the first line: a form body (where '+' is a space).
bool looks_like_form(std::string_view head) {
  const std::string_view l = first_line(head);
  if (l.find('=') == std::string_view::npos) return false;
  if (l.find_first_of(" \t\"{}<>") != std::string_view::npos) return false;
  std::size_t pos = 0;
  while (pos <= l.size()) {
    const std::size_t amp = std::min(l.find('&', pos), l.size());
    const std::string_view pair = l.substr(pos, amp - pos);
    const std::size_t eq = pair.find('=');
    if (eq == 0 || eq == std::string_view::npos) return false;
    pos = amp + 1;
  }
  return l.find('&') != std::string_view::npos || has_escape(l) ||
         l.find('+') != std::string_view::npos;
}

// Percent-escapes inside query strings ("...?q=%D0%B0..."): URLs in logs or lists.
bool looks_like_queries(std::string_view head) {
  if (!has_escape(head)) return false;
  for (std::size_t at = head.find_first_of("?&"); at != std::string_view::npos;
       at = head.find_first_of("?&", at + 1)) {
    const std::size_t eq = head.find('=', at);
    if (eq != std::string_view::npos && eq > at + 1 &&
        head.substr(at + 1, eq - at - 1).find_first_of(" \t\r\n&?") == std::string_view::npos) {
      return true;
    }
  }
  return false;
}

// The structure of the (decompressed, UTF-8) text; writes the decoded text to the sink.
class StructureStage final : public Sniffing {
 public:
  StructureStage(std::string_view file_name, FileDecoder::Sink& sink)
      : Sniffing(kStructureSniff),
        eml_name_(file_name.size() >= 4 && iequals(file_name.substr(file_name.size() - 4), ".eml")),
        sink_(sink) {}

  void names(std::vector<std::string>& out) const override {
    switch (mode_) {
      case Mode::kMail:
        out.push_back("mime");
        if (mail_->base64()) out.push_back("base64");
        if (mail_->quoted_printable()) out.push_back("quoted_printable");
        break;
      case Mode::kJson:
        out.push_back("json_escapes");
        break;
      case Mode::kPercent:
        out.push_back("percent");
        break;
      case Mode::kText:
        break;
    }
  }

 private:
  enum class Mode : std::uint8_t { kText, kMail, kJson, kPercent };

  void choose(ByteView head) override {
    const std::string_view h = as_chars(head);
    const std::size_t first = h.find_first_not_of(" \t\r\n");
    if (eml_name_ || looks_like_mail(h)) {
      mode_ = Mode::kMail;
      mail_ = std::make_unique<MailToSink>(sink_);
      mime_ = std::make_unique<MimeParser>(*mail_, kMaxMimeDepth, kMaxMimeHeaderBytes);
    } else if (first != std::string_view::npos && (h[first] == '{' || h[first] == '[')) {
      mode_ = Mode::kJson;
    } else if (looks_like_form(h) || looks_like_queries(h)) {
      mode_ = Mode::kPercent;
      url_ = std::make_unique<UrlDecoder>(looks_like_form(h));
    }
  }
  void pass(ByteView in) override {
    switch (mode_) {
      case Mode::kText:
        sink_.text(as_chars(in));
        return;
      case Mode::kMail:
        mime_->feed(in);
        return;
      case Mode::kJson:
        buf_.clear();
        json_.decode(in, buf_);
        break;
      case Mode::kPercent:
        buf_.clear();
        url_->decode(in, buf_);
        break;
    }
    sink_.text(buf_);
  }
  void end() override {
    buf_.clear();
    if (mode_ == Mode::kMail) mime_->finish(true);
    if (mode_ == Mode::kJson) json_.finish(buf_);
    if (mode_ == Mode::kPercent) url_->finish(buf_);
    if (!buf_.empty()) sink_.text(buf_);
  }

  bool eml_name_;
  FileDecoder::Sink& sink_;
  Mode mode_ = Mode::kText;
  std::unique_ptr<MailToSink> mail_;
  std::unique_ptr<MimeParser> mime_;
  JsonUnescaper json_;
  std::unique_ptr<UrlDecoder> url_;
  std::string buf_;
};

}  // namespace

FileDecoder::FileDecoder(std::string_view file_name, Sink& sink) {
  // Built innermost first: each stage feeds the one after it.
  auto structure = std::make_unique<StructureStage>(file_name, sink);
  auto charset = std::make_unique<CharsetStage>(*structure);
  auto compression = std::make_unique<CompressionStage>(*charset, problems_);
  stages_.push_back(std::move(compression));
  stages_.push_back(std::move(charset));
  stages_.push_back(std::move(structure));
}

FileDecoder::~FileDecoder() = default;

void FileDecoder::feed(ByteView bytes) {
  stages_.front()->feed(bytes);
}

void FileDecoder::finish() {
  stages_.front()->finish();
}

std::vector<std::string> FileDecoder::decoders() const {
  std::vector<std::string> out;
  for (const auto& s : stages_) s->names(out);
  return out;
}

}  // namespace korgoo::app
