#include "app/file/file_report.h"

#include <algorithm>

#include "app/protocol_decoder.h"
#include "app/transfer_text.h"

namespace korgoo::app {

namespace {

// The first limit that stopped the decoding, by its config key (app.*).
std::string_view limit_key(const FileDecoder::Counters& c) {
  if (c.output_limit_hits) return "max_file_output_bytes";
  if (c.ratio_limit_hits) return "max_decompression_ratio";
  if (c.entry_limit_hits) return "max_archive_entries";
  if (c.depth_limit_hits) return "max_archive_depth";
  if (c.size_limit_hits) return "max_archive_bytes";
  if (c.memcap_hits) return "memcap";
  return {};
}

}  // namespace

AppLimits wire_file_limits(const AppLimits& limits) {
  AppLimits l = limits;
  l.max_file_output_bytes = std::min(l.max_file_output_bytes, l.max_decompressed_bytes);
  l.max_archive_bytes = std::min(l.max_archive_bytes, l.max_decompressed_bytes);
  l.max_pdf_bytes = std::min(l.max_pdf_bytes, l.max_decompressed_bytes);
  return l;
}

void FileReport::cut(std::string_view why) {
  if (decoded == "full") decoded = "partial";
  if (reason.empty()) reason = why;
  sha256.clear();
}

void FileReport::add_to(Json& fileinfo) const {
  if (!magic.empty()) fileinfo["magic"] = to_valid_utf8(magic);
  if (!sha256.empty()) fileinfo["sha256"] = sha256;
  fileinfo["korgoo"] = to_json();
}

Json FileReport::to_json() const {
  Json j = Json::object();
  j["decoders"] = decoders;
  j["decoded"] = decoded;
  if (!reason.empty()) j["reason"] = reason;
  j["encrypted"] = encrypted;
  return j;
}

FileReport report_of(const FileDecoder& decoder) {
  FileReport r;
  r.decoders = decoder.decoders();
  r.encrypted = decoder.encrypted();
  r.magic = decoder.magic();
  const FileDecoder::Counters& c = decoder.counters();
  if (r.encrypted && c.entries == 0) {
    r.decoded = "none";
    r.reason = "encrypted";
  } else {
    if (const auto key = limit_key(c); !key.empty()) r.cut(key);
    if (c.damaged) r.cut("damaged");
    if (r.encrypted) r.cut("encrypted");
  }
  // Set after those cuts: they say what decoding missed, while every byte sent was hashed.
  r.sha256 = decoder.sha256();
  return r;
}

void watch_file(FileDecoder& decoder, const AppContext& ctx) {
  decoder.set_magic(ctx.magic, FileDecoder::MagicForm::kDescription);
  decoder.set_sha256(ctx.limits.file_sha256);
}

FileReport close_file_decoder(FileDecoder& decoder, AppContext& ctx, Direction dir) {
  decoder.finish();
  const FileDecoder::Counters& c = decoder.counters();
  ctx.stats.decompress_limit_hits += c.limit_hits();
  ctx.stats.decompress_errors += c.damaged;
  if (decoder.encrypted()) {
    ++ctx.stats.encrypted_files;
    ctx.meta.encrypted_file[index_of(dir)] = true;
  }
  return report_of(decoder);
}

}  // namespace korgoo::app
