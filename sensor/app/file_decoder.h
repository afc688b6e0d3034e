// What `korgoo scan` undoes before a file at rest is scanned: the layers the network path
// undoes too (issue 14, item 6). In order: gzip or zlib compression (told by the magic bytes),
// UTF-16 with a byte-order mark, then one structure: a mail message (.eml, or headers that
// read as RFC 5322) through the MIME parser (base64 and quoted-printable parts decoded), JSON
// string escapes, or percent-encoding in form and query shapes. Each layer is chosen from the
// first bytes it sees; only the decoded text is scanned, so a value is counted once, as the
// person wrote it, and never from an encoded fragment. decoders() says which layers ran.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

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

  // Decompressed output beyond this is not scanned (reported as a problem).
  static constexpr std::uint64_t kMaxInflated = std::uint64_t{1} << 30;

  FileDecoder(std::string_view file_name, Sink& sink);
  ~FileDecoder();
  FileDecoder(const FileDecoder&) = delete;
  FileDecoder& operator=(const FileDecoder&) = delete;

  void feed(ByteView bytes);
  void finish();

  // The layers that ran, outermost first: gzip, deflate, utf16le, utf16be, mime, base64,
  // quoted_printable, json_escapes, percent.
  std::vector<std::string> decoders() const;
  // What could not be decoded ("gzip: corrupt data ..."): said, never silently dropped.
  const std::vector<std::string>& problems() const { return problems_; }

  class Stage;

 private:
  std::vector<std::string> problems_;
  std::vector<std::unique_ptr<Stage>> stages_;  // outermost first
};

}  // namespace korgoo::app
