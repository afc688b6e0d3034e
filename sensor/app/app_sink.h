// What the app stage produces, as an interface the engine implements: decoded content for the
// detect stage, and application records (EVE `http`, `smtp`, `dns`, `tls`, `fileinfo`, ...).
// The app stage never sees the detect stage or the output; the engine connects them.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "common/bytes.h"
#include "common/content.h"
#include "common/direction.h"
#include "common/json.h"

namespace korgoo::app {

struct AppRecord {
  std::string event_type;  // "http", "smtp", "dns", "tls", "fileinfo", "ftp", ...
  // Which way the record's src -> dest runs: kToServer keeps the flow's orientation (client is
  // src); kToClient swaps it (a downloaded file's fileinfo has the server as src).
  Direction dir = Direction::kToServer;
  // Objects placed after the common header, e.g. {"http": {...}} or {"fileinfo": {...},
  // "http": {...}}. `app_proto` is added by the engine.
  Json body = Json::object();
  // The transaction it belongs to, counted from 0 within the flow (EVE `tx_id`); only for
  // protocols with transactions (HTTP, SMTP).
  std::optional<std::uint64_t> tx_id;
  // The file this fileinfo record is about (AppSink::file_begin), so that the engine adds the
  // file's own pii tally; 0: none.
  std::uint64_t file = 0;
};

class AppSink {
 public:
  virtual ~AppSink() = default;
  // Decoded bytes of `view`, in order. A view's first call opens it.
  virtual void content(Direction dir, ContentView view, ByteView bytes) = 0;
  // The view is complete (body ended, part ended, or the flow ended mid-view).
  virtual void content_end(Direction dir, ContentView view) = 0;
  // A finished application transaction or file.
  virtual void record(AppRecord rec) = 0;
  // A file (an upload, an attachment, an FTP transfer) starts in `dir`: the decoded views of
  // `dir` until file_end() are its content, and their identifiers are tallied for it too.
  // `name` as sent. Returns the handle its fileinfo record names (AppRecord::file).
  virtual std::uint64_t file_begin(Direction /*dir*/, std::string_view /*name*/) { return 0; }
  // The file's last view has ended.
  virtual void file_end(Direction /*dir*/, std::uint64_t /*file*/) {}
};

}  // namespace korgoo::app
