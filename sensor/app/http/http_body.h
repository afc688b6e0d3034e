// One HTTP message body, after transfer decoding (de-chunking is the parser's job), turned
// into the content views the detect stage scans:
//   Content-Encoding undone (gzip / deflate, bounded)
//   -> by media type: form fields percent/plus-decoded, JSON strings unescaped,
//      multipart split into parts (one view each), anything else as it is
//   -> a file (a part with a filename, or a body that is a file) that is an archive or an
//      office document: its members' text (FileDecoder, Layers::kArchivesOnly; issue 13),
//      one view per member
//   -> kHttpBody views on the sink.
// It also keeps the file accounting (name, size, truncation) for the fileinfo records.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "app/codec/content_decoder.h"
#include "app/codec/json_unescaper.h"
#include "app/codec/multipart_parser.h"
#include "app/codec/url_decoder.h"
#include "app/file/file_decoder.h"
#include "app/file/file_report.h"
#include "app/protocol_decoder.h"
#include "common/bytes.h"
#include "common/direction.h"

namespace korgoo::app {

struct HttpFile {
  std::string name;
  std::uint64_t size = 0;
  bool truncated = false;
  bool gaps = false;
  std::uint64_t handle = 0;  // AppSink::file_begin's
  FileReport report;         // fileinfo.korgoo
};

struct HttpBodyOptions {
  Direction dir = Direction::kToServer;
  std::string content_encoding;  // Content-Encoding value(s)
  std::string content_type;      // Content-Type value
  bool is_file = false;          // the whole body is a file (when not multipart)
  std::string file_name;         // its name
};

class HttpBody : private MultipartHandler, private FileDecoder::Sink {
 public:
  // `next_view_id` is the flow direction's view counter, shared by all its bodies.
  HttpBody(AppContext& ctx, std::uint32_t& next_view_id, HttpBodyOptions options);
  ~HttpBody() override;
  HttpBody(const HttpBody&) = delete;
  HttpBody& operator=(const HttpBody&) = delete;

  // Body bytes as sent, transfer coding removed. False when the body no longer decodes (after
  // a gap): the caller then has them scanned as sent.
  bool feed(ByteView data);
  // Bytes of the body were lost: decoded output stops (a decompressor or a part boundary
  // cannot be resumed mid-way); what follows is scanned as sent (feed() says so).
  void gap();
  // The body ended (`complete`: all of it was seen). Returns the files it carried.
  std::vector<HttpFile> finish(bool complete);

  std::uint64_t bytes() const { return bytes_; }  // as sent, after de-chunking

 private:
  enum class Format : std::uint8_t { kPlain, kForm, kJson, kMultipart };

  void decoded(ByteView data);  // after Content-Encoding
  void emit(ByteView data);     // to the current view
  void close_view();
  void flush_scratch();

  void part_begin(const MultipartPart& part) override;
  void part_data(ByteView data) override;
  void part_end(bool complete) override;
  void outside_parts(ByteView data) override;
  void close_outside();

  // The file being received, through the archive layers (kArchivesOnly).
  void open_file(std::string_view name);
  void close_file();
  // The file's views have ended: `file` gets its report and the engine its end.
  void end_file(HttpFile& file, bool truncated);
  void text(std::string_view decoded) override { emit(as_bytes(decoded)); }
  void boundary() override { close_view(); }

  AppContext& ctx_;
  std::uint32_t& next_view_id_;
  HttpBodyOptions opt_;
  // Preamble, part headers and epilogue of a multipart body: one view between parts.
  ContentView outside_;
  bool outside_open_ = false;
  Format format_ = Format::kPlain;
  ContentDecoder content_;
  UrlDecoder form_{true};
  JsonUnescaper json_;
  std::unique_ptr<MultipartParser> multipart_;
  std::string scratch_;  // decoded bytes of one call, before they go to the view
  ContentView view_{};
  bool view_open_ = false;
  bool broken_ = false;  // a gap: no more decoded output
  bool gaps_ = false;
  std::uint64_t bytes_ = 0;
  std::uint64_t entity_bytes_ = 0;  // after Content-Encoding
  std::vector<HttpFile> files_;
  bool part_is_file_ = false;
  HttpFile part_file_;
  AppLimits file_limits_;  // app limits with the file caps no larger than a body's
  std::unique_ptr<FileDecoder> file_;
  std::uint64_t file_handle_ = 0;
  std::uint32_t file_group_ = 0;  // ContentView::group of the file's views (its first view's id)
  FileReport file_report_;
};

}  // namespace korgoo::app
