// What `korgoo scan` undoes before a file at rest is scanned: the layers the network path
// undoes too (issue 14, item 6). In order: gzip or zlib compression (told by the magic bytes),
// UTF-16 with a byte-order mark, then one structure: a mail message (.eml, or headers that
// read as RFC 5322) through the MIME parser (base64 and quoted-printable parts decoded), JSON
// string escapes, or percent-encoding in form and query shapes. Each layer is chosen from the
// first bytes it sees; only the decoded text is scanned, so a value is counted once, as the
// person wrote it, and never from an encoded fragment. decoders() says which layers ran.
//
// Before all of these (issue 13): an archive told by its magic bytes (ZIP, tar, bzip2, xz,
// zstd) is read whole (up to max_archive_bytes) and each member decoded as a file of its own,
// nested up to max_archive_depth; an OOXML (xlsx, docx, pptx) or ODF (ods, odt, odp) package
// gives the text of its content parts instead (app/file/office_text.h). Members are separated by
// boundaries. A PDF (%PDF-) is read whole up to max_pdf_bytes and gives its text page by page
// (app/file/pdf_text.h). The limits of app::AppLimits bound the output; a hit is a problem and a
// counter and ends only the decoding it concerns.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "app/file/file_magic.h"
#include "app/protocol_decoder.h"
#include "common/bytes.h"

namespace korgoo::app {

class FileDecoder {
 public:
  // Receives the decoded text. boundary(): the text before and after is not adjacent (two
  // MIME parts), so no value may join across it.
  class Sink {
   public:
    virtual ~Sink() = default;
    virtual void text(std::string_view decoded) = 0;
    virtual void boundary() = 0;
  };

  // What the archive layers did and the limits they hit (each hit is also a problem).
  struct Counters {
    std::uint64_t archives = 0;           // archives and packages opened
    std::uint64_t entries = 0;            // members decoded
    std::uint64_t encrypted_entries = 0;  // password-protected members (not decoded)
    std::uint64_t output_limit_hits = 0;  // max_file_output_bytes
    std::uint64_t ratio_limit_hits = 0;   // max_decompression_ratio
    std::uint64_t entry_limit_hits = 0;   // max_archive_entries
    std::uint64_t depth_limit_hits = 0;   // max_archive_depth
    std::uint64_t size_limit_hits = 0;    // max_archive_bytes
    std::uint64_t memcap_hits = 0;        // app.memcap refused to hold more of an archive
    std::uint64_t damaged = 0;            // archives that ended in damage
    std::uint64_t pdfs = 0;               // PDF documents whose text was read
    std::uint64_t time_limit_hits = 0;    // max_file_seconds
    std::uint64_t limit_hits() const {
      return output_limit_hits + ratio_limit_hits + entry_limit_hits + depth_limit_hits +
             size_limit_hits + memcap_hits + time_limit_hits;
    }
  };
  struct Shared;

  // kArchivesOnly: only an archive (and its members, with every layer) is decoded; anything
  // else passes to the sink as it is (files in HTTP bodies, whose Content-Encoding and media
  // type the body decoder undoes itself). It holds back only the first 6 bytes, so it tells
  // ZIP (and office packages), bzip2, xz and zstd, not tar.
  enum class Layers : std::uint8_t { kAll, kArchivesOnly };

  // `memory`: the worker's app.memcap, charged for a held archive (nullptr: uncapped).
  FileDecoder(std::string_view file_name, Sink& sink, const AppLimits& limits = AppLimits{},
              Layers layers = Layers::kAll, AppMemory* memory = nullptr);
  // A member of an archive, `depth` archives deep, sharing the outer file's budget and reports.
  FileDecoder(std::string_view file_name, Sink& sink, Shared& shared, std::uint32_t depth);
  ~FileDecoder();
  FileDecoder(const FileDecoder&) = delete;
  FileDecoder& operator=(const FileDecoder&) = delete;

  void feed(ByteView bytes);
  void finish();

  // The layers that ran, outermost first, each named once: zip, tar, bzip2, xz, zstd, xlsx,
  // docx, pptx, ods, odt, odp, gzip, deflate, utf16le, utf16be, mime, base64,
  // quoted_printable, json_escapes, percent.
  std::vector<std::string> decoders() const;
  // What could not be decoded ("gzip: corrupt data ..."): said, never silently dropped.
  const std::vector<std::string>& problems() const;
  const Counters& counters() const;
  // A password-protected member was seen (file.encrypted for rules, later).
  bool encrypted() const { return counters().encrypted_entries > 0; }

  // Names the file's type with libmagic (app/file/file_magic.h) from its first bytes; `magic` is
  // the owner's and outlives this decoder. Call before the first feed(); outermost file only.
  // kMimeType: "application/pdf" (korgoo scan); kDescription: "PDF document, version 1.4"
  // (EVE fileinfo.magic, as Suricata says it).
  enum class MagicForm : std::uint8_t { kMimeType, kDescription };
  void set_magic(FileMagic* magic, MagicForm form = MagicForm::kMimeType);
  // What libmagic said of the file ("" without set_magic(), or before finish()).
  const std::string& magic() const;
  // Hashes every byte fed (the file as it travelled), for fileinfo.sha256. Call before the first
  // feed(); outermost file only.
  void set_sha256(bool on);
  // 64 lowercase hex digits after finish(); "" without set_sha256(true).
  const std::string& sha256() const;

  class Stage;

 private:
  void build(std::string_view file_name, Sink& sink, std::uint32_t depth, Layers layers);

  std::unique_ptr<Shared> own_;  // the outermost decoder's; members use their file's
  Shared* shared_;
  std::vector<std::unique_ptr<Stage>> stages_;  // outermost first
};

}  // namespace korgoo::app
