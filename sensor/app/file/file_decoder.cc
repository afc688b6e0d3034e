#include "app/file/file_decoder.h"

#include <algorithm>
#include <cctype>
#include <chrono>

#include "app/codec/inflater.h"
#include "app/codec/json_unescaper.h"
#include "app/codec/legacy_charset.h"
#include "app/codec/url_decoder.h"
#include "app/codec/utf16_decoder.h"
#include "app/file/archive_reader.h"
#include "app/file/file_sha256.h"
#include "app/file/office_text.h"
#include "app/file/pdf_text.h"
#include "app/mime/mime_parser.h"

namespace korgoo::app {

struct FileDecoder::Shared {
  AppLimits limits;
  AppMemory* memory = nullptr;
  std::uint64_t output = 0;  // decoded bytes of the file, all layers (max_file_output_bytes)
  bool output_reported = false;
  Counters counters;
  std::vector<std::string> problems;
  std::chrono::steady_clock::time_point start = std::chrono::steady_clock::now();
  bool time_reported = false;
  FileMagic* magic = nullptr;
  MagicForm magic_form = MagicForm::kMimeType;
  std::vector<std::uint8_t> head;  // the file's first bytes, for libmagic
  std::string magic_type;
  std::unique_ptr<FileSha256> sha256;  // set_sha256(true)
  std::string sha256_hex;

  // Whether the file's time (max_file_millis) is up; said once. Asked between members and
  // pages, so one member's decoding is never cut inside.
  bool out_of_time(const std::string& layer) {
    if (time_reported) return true;
    const auto spent = std::chrono::steady_clock::now() - start;
    if (spent < std::chrono::milliseconds(limits.max_file_millis)) return false;
    time_reported = true;
    ++counters.time_limit_hits;
    problems.push_back(layer + ": decoding took longer than " +
                       std::to_string(limits.max_file_millis / 1000) +
                       " s (max_file_seconds); the rest was not scanned");
    return true;
  }

  // Counts `n` more decoded bytes; false once the file's output cap is passed (said once).
  bool spend(std::uint64_t n, const std::string& layer) {
    output += n;
    if (output <= limits.max_file_output_bytes) return true;
    if (!output_reported) {
      output_reported = true;
      ++counters.output_limit_hits;
      problems.push_back(layer + ": more than " + std::to_string(limits.max_file_output_bytes) +
                         " bytes decoded (max_file_output_bytes); the rest was not scanned");
    }
    return false;
  }
};

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
  CompressionStage(FileDecoder::Stage& next, FileDecoder::Shared& shared)
      : Sniffing(2), next_(next), shared_(shared), problems_(shared.problems) {}

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
          if (!shared_.spend(b.size(), name_)) return false;
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
        case Inflater::Status::kStopped:  // the output cap, said by Shared::spend
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
  FileDecoder::Shared& shared_;
  std::vector<std::string>& problems_;
  std::string name_;
  std::unique_ptr<Inflater> inflater_;
};

// UTF-16 (with a byte-order mark, or told from its zero bytes) and the Cyrillic code pages
// CP1251 and KOI8-R (app/codec/legacy_charset.h) become UTF-8.
class CharsetStage final : public Sniffing {
 public:
  explicit CharsetStage(FileDecoder::Stage& next) : Sniffing(kStructureSniff), next_(next) {}

  void names(std::vector<std::string>& out) const override {
    if (utf16_) out.push_back(order_ == Utf16Decoder::Order::kLittleEndian ? "utf16le" : "utf16be");
    if (page_) out.emplace_back(legacy_charset_name(legacy_));
  }

 private:
  void choose(ByteView head) override {
    if (Utf16Decoder::has_bom(head, order_)) {
      utf16_ = std::make_unique<Utf16Decoder>(order_);
      return;
    }
    legacy_ = guess_legacy_charset(head);
    if (legacy_ == LegacyCharset::kUtf16le || legacy_ == LegacyCharset::kUtf16be) {
      order_ = legacy_ == LegacyCharset::kUtf16le ? Utf16Decoder::Order::kLittleEndian
                                                  : Utf16Decoder::Order::kBigEndian;
      utf16_ = std::make_unique<Utf16Decoder>(order_);
    } else if (legacy_ != LegacyCharset::kNone) {
      page_ = std::make_unique<CodePageDecoder>(legacy_);
    }
  }
  void pass(ByteView in) override {
    if (!utf16_ && !page_) {
      next_.feed(in);
      return;
    }
    buf_.clear();
    if (utf16_) utf16_->decode(in, buf_);
    if (page_) page_->decode(in, buf_);
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
  LegacyCharset legacy_ = LegacyCharset::kNone;
  std::unique_ptr<CodePageDecoder> page_;
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

bool starts(std::string_view s, std::string_view p) {
  return s.starts_with(p);
}
bool ends(std::string_view s, std::string_view p) {
  return s.ends_with(p);
}

// What an archive is, told by its member names (and an ODF package's mimetype member).
enum class Package : std::uint8_t { kNone, kXlsx, kDocx, kPptx, kOds, kOdt, kOdp };

std::string_view package_name(Package p) {
  switch (p) {
    case Package::kXlsx:
      return "xlsx";
    case Package::kDocx:
      return "docx";
    case Package::kPptx:
      return "pptx";
    case Package::kOds:
      return "ods";
    case Package::kOdt:
      return "odt";
    case Package::kOdp:
      return "odp";
    case Package::kNone:
      break;
  }
  return "";
}

// The part of a package whose text is read, and how; other parts (styles, themes,
// relationships, media) carry no text a person wrote.
enum class Part : std::uint8_t { kSkip, kSheet, kDocument, kEmbedded };

Part part_of(Package p, std::string_view name) {
  if (name.find("/embeddings/") != std::string_view::npos) return Part::kEmbedded;
  switch (p) {
    case Package::kXlsx:
      if (starts(name, "xl/worksheets/") && ends(name, ".xml")) return Part::kSheet;
      if (starts(name, "xl/comments") && ends(name, ".xml")) return Part::kDocument;
      return Part::kSkip;
    case Package::kDocx:
      if (name == "word/document.xml" || name == "word/footnotes.xml" ||
          name == "word/endnotes.xml" || name == "word/comments.xml" ||
          ((starts(name, "word/header") || starts(name, "word/footer")) && ends(name, ".xml")))
        return Part::kDocument;
      return Part::kSkip;
    case Package::kPptx:
      if ((starts(name, "ppt/slides/slide") || starts(name, "ppt/notesSlides/")) &&
          ends(name, ".xml"))
        return Part::kDocument;
      return Part::kSkip;
    case Package::kOds:
    case Package::kOdt:
    case Package::kOdp:
      return name == "content.xml" || name == "styles.xml" ? Part::kDocument : Part::kSkip;
    case Package::kNone:
      break;
  }
  return Part::kEmbedded;  // a plain archive: every member is a file of its own
}

// An archive (zip, tar, bzip2/xz/zstd) read whole, each member decoded on its own: an office
// package's content parts as text, any other member as a file (nested archives included) by
// a FileDecoder one level deeper. A PDF is held the same way and gives its pages' text.
// Anything else passes on unchanged.
class ArchiveStage final : public Sniffing {
 public:
  // `sniff`: the bytes held to tell the type: 262 finds tar (ustar at 257); 6 (the longest
  // magic of the others) holds back as little as possible of a file on the wire.
  ArchiveStage(FileDecoder::Stage& next, FileDecoder::Sink& sink, FileDecoder::Shared& shared,
               std::uint32_t depth, std::size_t sniff = 262)
      : Sniffing(sniff),
        next_(next),
        sink_(sink),
        shared_(shared),
        depth_(depth),
        held_(shared.memory) {}

  void names(std::vector<std::string>& out) const override {
    for (const auto& n : names_)
      if (std::find(out.begin(), out.end(), n) == out.end()) out.push_back(n);
  }

 private:
  static constexpr std::size_t kChunk = 64 * 1024;
  static constexpr std::uint64_t kRatioFloor = 1 << 20;  // small files never trip the ratio

  void choose(ByteView head) override {
    if (as_chars(head).starts_with("%PDF-")) {
      archive_ = pdf_ = true;
      layer_ = "pdf";
      return;
    }
    std::string name;
    if (!sniff_archive(head, kind_, name)) return;
    if (depth_ >= shared_.limits.max_archive_depth) {
      ++shared_.counters.depth_limit_hits;
      shared_.problems.push_back(name + ": nested more than " +
                                 std::to_string(shared_.limits.max_archive_depth) +
                                 " archives deep (max_archive_depth); scanned as it is");
      return;
    }
    archive_ = true;
    layer_ = name;
  }
  void pass(ByteView in) override {
    if (!archive_) {
      next_.feed(in);
      return;
    }
    if (truncated_) return;  // what is held is all that will be read
    const std::uint64_t cap =
        pdf_ ? shared_.limits.max_pdf_bytes : shared_.limits.max_archive_bytes;
    const std::uint64_t room = cap - buffer_.size();
    bool full = false;
    if (in.size() > room) {
      full = true;
      ++shared_.counters.size_limit_hits;
      shared_.problems.push_back(layer_ + ": larger than " + std::to_string(cap) + " bytes (" +
                                 (pdf_ ? "max_pdf_bytes" : "max_archive_bytes") +
                                 "); read up to there");
      in = in.subspan(0, static_cast<std::size_t>(room));
    }
    if (!held_.cover(buffer_.size() + in.size())) {
      truncated_ = true;
      ++shared_.counters.memcap_hits;
      shared_.problems.push_back(layer_ +
                                 ": app.memcap refused to hold more of the file; read up to "
                                 "there");
      return;
    }
    truncated_ = full;
    buffer_.insert(buffer_.end(), in.begin(), in.end());
  }
  void end() override {
    if (pdf_) {
      read_pdf();
    } else if (archive_) {
      read_archive();
    }
    buffer_.clear();
    buffer_.shrink_to_fit();
    held_.reset();
    next_.finish();
  }

  // Counts decoded bytes against the file's cap and this archive's expansion ratio.
  bool spend(std::uint64_t n) {
    out_ += n;
    if (!shared_.spend(n, layer_)) return false;
    const std::uint64_t allowed = std::max<std::uint64_t>(
        kRatioFloor, std::uint64_t{shared_.limits.max_decompression_ratio} * buffer_.size());
    if (out_ <= allowed) return true;
    ++shared_.counters.ratio_limit_hits;
    shared_.problems.push_back(layer_ + ": expands more than " +
                               std::to_string(shared_.limits.max_decompression_ratio) +
                               " times (max_decompression_ratio); the rest was not scanned");
    return false;
  }

  // The current member whole (for XML parts); false if a limit stopped it.
  bool read_whole(ArchiveReader& r, std::string& out) {
    out.clear();
    std::string chunk;
    while (r.read(chunk, kChunk) > 0) {
      if (!spend(chunk.size())) return false;
      out += chunk;
    }
    return true;
  }

  ArchiveReader::Kind reader_kind() const {
    return kind_ == ArchiveReader::Kind::kZip && truncated_ ? ArchiveReader::Kind::kZipStream
                                                            : kind_;
  }

  // Pass 1 (names only): the package type, an xlsx's shared strings.
  Package classify(std::vector<std::string>& shared_strings) {
    ArchiveReader r(reader_kind(), ByteView(buffer_.data(), buffer_.size()));
    ArchiveReader::Entry e;
    Package p = Package::kNone;
    bool content_types = false;
    std::string data;
    for (std::uint32_t n = 0; n <= shared_.limits.max_archive_entries && r.next(e); ++n) {
      content_types = content_types || e.name == "[Content_Types].xml";
      if (e.name == "xl/workbook.xml") p = Package::kXlsx;
      if (e.name == "word/document.xml") p = Package::kDocx;
      if (e.name == "ppt/presentation.xml") p = Package::kPptx;
      if (e.name == "xl/sharedStrings.xml" && !e.encrypted && read_whole(r, data))
        shared_strings = ooxml_shared_strings(data);
      if (e.name == "mimetype" && !e.encrypted && e.size >= 0 && e.size < 128 &&
          r.read(data, 128) > 0) {
        if (data == "application/vnd.oasis.opendocument.spreadsheet") p = Package::kOds;
        if (data == "application/vnd.oasis.opendocument.text") p = Package::kOdt;
        if (data == "application/vnd.oasis.opendocument.presentation") p = Package::kOdp;
      }
    }
    const bool ooxml = p == Package::kXlsx || p == Package::kDocx || p == Package::kPptx;
    return ooxml && !content_types ? Package::kNone : p;
  }

  void read_archive() {
    ++shared_.counters.archives;
    names_.push_back(layer_);
    if (kind_ == ArchiveReader::Kind::kZip && !truncated_) {
      // A zip without its central directory (cut short, or only local headers): read what
      // the local headers give.
      ArchiveReader probe(kind_, ByteView(buffer_.data(), buffer_.size()));
      ArchiveReader::Entry e;
      if (!probe.next(e) && !probe.error().empty()) truncated_ = true;
    }
    std::vector<std::string> strings;
    const Package package =
        kind_ == ArchiveReader::Kind::kStream ? Package::kNone : classify(strings);
    if (package != Package::kNone) names_.emplace_back(package_name(package));
    ArchiveReader r(reader_kind(), ByteView(buffer_.data(), buffer_.size()));
    ArchiveReader::Entry e;
    std::uint32_t entries = 0;
    std::uint64_t encrypted = 0;
    bool stopped = false;
    std::string data, text;
    while (!stopped && r.next(e)) {
      if (entries > 0 && shared_.out_of_time(layer_)) break;
      if (++entries > shared_.limits.max_archive_entries) {
        ++shared_.counters.entry_limit_hits;
        shared_.problems.push_back(layer_ + ": more than " +
                                   std::to_string(shared_.limits.max_archive_entries) +
                                   " members (max_archive_entries); the rest were not read");
        break;
      }
      if (!e.regular) continue;
      if (e.encrypted) {
        ++encrypted;
        continue;
      }
      const Part part = part_of(package, e.name);
      if (part == Part::kSkip) continue;
      ++shared_.counters.entries;
      sink_.boundary();
      if (part == Part::kEmbedded) {
        stopped = !member(r, e.name);
      } else {
        stopped = !read_whole(r, data);  // a cut part still gives the text before the cut
        text.clear();
        if (part == Part::kSheet) ooxml_sheet_text(data, strings, text);
        if (part == Part::kDocument) document_text(data, text);
        sink_.text(text);
      }
      sink_.boundary();
    }
    if (!stopped && !r.error().empty() && entries <= shared_.limits.max_archive_entries) {
      ++shared_.counters.damaged;
      shared_.problems.push_back(layer_ + ": damaged archive; the members before it were scanned");
    }
    if (encrypted > 0) {
      shared_.counters.encrypted_entries += encrypted;
      shared_.problems.push_back(layer_ + ": " + std::to_string(encrypted) +
                                 " encrypted member(s) not decoded (encrypted)");
    }
  }

  // A PDF's text, each page a view of its own; an encrypted one is counted as an encrypted
  // member is.
  void read_pdf() {
    const PdfTextResult r = pdf_text(
        ByteView(buffer_.data(), buffer_.size()),
        [this](std::string_view text) {
          sink_.boundary();
          const bool ok = spend(text.size());  // a page over the cap is still scanned whole
          sink_.text(text);
          sink_.boundary();
          return ok;
        },
        [this](int) { return !shared_.out_of_time(layer_); });
    switch (r.status) {
      case PdfTextResult::Status::kOk:
        names_.push_back(layer_);
        ++shared_.counters.pdfs;
        break;
      case PdfTextResult::Status::kEncrypted:
        names_.push_back(layer_);
        ++shared_.counters.encrypted_entries;
        shared_.problems.push_back(layer_ + ": encrypted document not decoded (encrypted)");
        break;
      case PdfTextResult::Status::kDamaged:
        // Not a PDF poppler can open: its bytes are scanned as they are, as before PDFs were
        // read (an uncompressed content stream still shows its text).
        ++shared_.counters.damaged;
        shared_.problems.push_back(layer_ + ": damaged document; scanned as its bytes");
        sink_.boundary();
        next_.feed(ByteView(buffer_.data(), buffer_.size()));
        break;
    }
  }

  // One member as a file of its own, one archive deeper; false if a limit stopped it.
  bool member(ArchiveReader& r, const std::string& name) {
    FileDecoder inner(name, sink_, shared_, depth_ + 1);
    std::string chunk;
    bool ok = true;
    while (r.read(chunk, kChunk) > 0) {
      if (!spend(chunk.size())) {
        ok = false;
        break;
      }
      inner.feed(as_bytes(chunk));
    }
    inner.finish();
    for (auto& n : inner.decoders())
      if (std::find(names_.begin(), names_.end(), n) == names_.end()) names_.push_back(n);
    return ok;
  }

  FileDecoder::Stage& next_;
  FileDecoder::Sink& sink_;
  FileDecoder::Shared& shared_;
  std::uint32_t depth_;
  ArchiveReader::Kind kind_ = ArchiveReader::Kind::kZip;
  bool archive_ = false;  // an archive or a PDF is held
  bool pdf_ = false;
  bool truncated_ = false;
  std::string layer_;
  std::vector<std::uint8_t> buffer_;
  std::uint64_t out_ = 0;
  std::vector<std::string> names_;
  AppMemoryShare held_;  // buffer_'s share of app.memcap
};

// The end of the chain for Layers::kArchivesOnly: bytes to the sink as they are.
class ToSink final : public FileDecoder::Stage {
 public:
  explicit ToSink(FileDecoder::Sink& sink) : sink_(sink) {}
  void feed(ByteView in) override { sink_.text(as_chars(in)); }
  void finish() override {}
  void names(std::vector<std::string>&) const override {}

 private:
  FileDecoder::Sink& sink_;
};

}  // namespace

FileDecoder::FileDecoder(std::string_view file_name, Sink& sink, const AppLimits& limits,
                         Layers layers, AppMemory* memory)
    : own_(std::make_unique<Shared>()), shared_(own_.get()) {
  own_->limits = limits;
  own_->memory = memory;
  build(file_name, sink, 0, layers);
}

FileDecoder::FileDecoder(std::string_view file_name, Sink& sink, Shared& shared,
                         std::uint32_t depth)
    : shared_(&shared) {
  build(file_name, sink, depth, Layers::kAll);
}

void FileDecoder::build(std::string_view file_name, Sink& sink, std::uint32_t depth,
                        Layers layers) {
  if (layers == Layers::kArchivesOnly) {
    auto to_sink = std::make_unique<ToSink>(sink);
    // No tar here: its magic is 257 bytes in, and holding them back would delay the scan of
    // every small file part.
    auto archive = std::make_unique<ArchiveStage>(*to_sink, sink, *shared_, depth, 6);
    stages_.push_back(std::move(archive));
    stages_.push_back(std::move(to_sink));
    return;
  }
  // Built innermost first: each stage feeds the one after it. Compression comes first so that
  // a .tar.gz or .zip.gz reaches the archive stage inflated.
  auto structure = std::make_unique<StructureStage>(file_name, sink);
  auto charset = std::make_unique<CharsetStage>(*structure);
  auto archive = std::make_unique<ArchiveStage>(*charset, sink, *shared_, depth);
  auto compression = std::make_unique<CompressionStage>(*archive, *shared_);
  stages_.push_back(std::move(compression));
  stages_.push_back(std::move(archive));
  stages_.push_back(std::move(charset));
  stages_.push_back(std::move(structure));
}

FileDecoder::~FileDecoder() = default;

void FileDecoder::feed(ByteView bytes) {
  if (own_ && own_->magic && own_->head.size() < FileMagic::kHeadBytes) {
    const std::size_t n = std::min(bytes.size(), FileMagic::kHeadBytes - own_->head.size());
    own_->head.insert(own_->head.end(), bytes.begin(), bytes.begin() + static_cast<long>(n));
  }
  if (own_ && own_->sha256) own_->sha256->update(bytes);
  stages_.front()->feed(bytes);
}

void FileDecoder::finish() {
  stages_.front()->finish();
  if (own_ && own_->magic) {
    const ByteView head(own_->head.data(), own_->head.size());
    own_->magic_type = own_->magic_form == MagicForm::kDescription ? own_->magic->describe(head)
                                                                   : own_->magic->type(head);
    own_->head.clear();
    own_->head.shrink_to_fit();
  }
  if (own_ && own_->sha256) {
    own_->sha256_hex = own_->sha256->finish();
    own_->sha256.reset();
  }
}

void FileDecoder::set_magic(FileMagic* magic, MagicForm form) {
  if (!own_) return;
  own_->magic = magic;
  own_->magic_form = form;
}

void FileDecoder::set_sha256(bool on) {
  if (!own_) return;
  if (on) {
    own_->sha256 = std::make_unique<FileSha256>();
  } else {
    own_->sha256.reset();
  }
}

const std::string& FileDecoder::sha256() const {
  return shared_->sha256_hex;
}

const std::string& FileDecoder::magic() const {
  return shared_->magic_type;
}

std::vector<std::string> FileDecoder::decoders() const {
  std::vector<std::string> out;
  for (const auto& s : stages_) s->names(out);
  return out;
}

const std::vector<std::string>& FileDecoder::problems() const {
  return shared_->problems;
}

const FileDecoder::Counters& FileDecoder::counters() const {
  return shared_->counters;
}

}  // namespace korgoo::app
