// Undoes an HTTP body's Content-Encoding ("gzip", "deflate", "gzip, deflate", ...) layer by
// layer, up to kMaxLayers, with protection against decompression bombs: output stops at
// limits.max_decompressed_bytes, or once it exceeds limits.max_decompression_ratio times the
// compressed input; either counts one decompress_limit_hits. Codings it cannot undo (br,
// lzma, compress) are passed on as they are (each layer passes through what does not inflate).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string_view>
#include <vector>

#include "app/codec/inflater.h"
#include "app/protocol_decoder.h"
#include "common/bytes.h"

namespace korgoo::app {

enum class ContentCoding : std::uint8_t { kGzip, kDeflate, kOther };

// The codings named in a Content-Encoding value, in the order the sender applied them
// ("identity" dropped).
std::vector<ContentCoding> parse_content_codings(std::string_view header_value);

class ContentDecoder {
 public:
  static constexpr std::size_t kMaxLayers = 3;
  using Output = std::function<void(ByteView)>;

  ContentDecoder(const std::vector<ContentCoding>& codings, const AppLimits& limits,
                 AppStats& stats, Output out);

  void feed(ByteView in);
  bool limit_hit() const { return limit_hit_; }
  bool decoding() const { return !layers_.empty(); }
  std::uint64_t bytes_out() const { return out_total_; }

 private:
  bool deliver(ByteView decoded);  // the last layer's output; false = stop
  void note_status(Inflater::Status s);

  const AppLimits& limits_;
  AppStats& stats_;
  Output out_;
  // layers_[0] undoes the coding applied last; each feeds the next.
  std::vector<std::unique_ptr<Inflater>> layers_;
  std::uint64_t in_total_ = 0;
  std::uint64_t out_total_ = 0;
  bool limit_hit_ = false;
  bool error_counted_ = false;
};

}  // namespace korgoo::app
