// What a `fileinfo` record says about one file's decoding (issue 13): the layers that ran,
// whether everything sent was scanned, and why not. Shared by the carriers of files (HTTP
// bodies, SMTP attachments, FTP data), which also close the file's decoder the same way here.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "app/file/file_decoder.h"
#include "common/direction.h"
#include "common/json.h"

namespace korgoo::app {

struct AppContext;

struct FileReport {
  std::vector<std::string> decoders;  // outermost first; empty: scanned as it was sent
  bool encrypted = false;             // a password-protected member was seen
  // "full": every byte sent was scanned (decoded, or as it is); "partial": part of it was
  // not; "none": nothing of it could be read (every member encrypted). `reason` says why.
  std::string decoded = "full";
  std::string reason;  // gap, truncated, encrypted, damaged or the limit's config key
  // Suricata's fields: libmagic's description of the file (AppContext::magic) and the SHA-256
  // of its bytes as they travelled (app.file_sha256); "" when not known (no magic database,
  // hashing off, part of the file lost).
  std::string magic;
  std::string sha256;

  // The carrier lost part of the file (a gap, the body cap): at most partial, and its hash is
  // not the file's.
  void cut(std::string_view why);
  // {"decoders":[...],"decoded":"full","encrypted":false[,"reason":"..."]}: fileinfo.korgoo.
  Json to_json() const;
  // Adds magic and sha256 (when known) and korgoo to a fileinfo object.
  void add_to(Json& fileinfo) const;
};

// The limits a file carried on the wire is decoded under: the app limits with every file cap
// (output, held archive, held PDF) no larger than what one body or part may inflate to.
AppLimits wire_file_limits(const AppLimits& limits);

// Names the file's type (ctx.magic) and hashes it (ctx.limits.file_sha256): call on a file's
// decoder before its first byte.
void watch_file(FileDecoder& decoder, const AppContext& ctx);

// What `decoder` did with its file (after finish()).
FileReport report_of(const FileDecoder& decoder);

// Finishes `decoder` (which held a file travelling in `dir`), adds its limit hits, damage and
// encryption to the worker's stats and the flow's metadata, and says what it did.
FileReport close_file_decoder(FileDecoder& decoder, AppContext& ctx, Direction dir);

}  // namespace korgoo::app
