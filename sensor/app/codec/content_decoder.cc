#include "app/codec/content_decoder.h"

#include <algorithm>
#include <cctype>

namespace korgoo::app {
namespace {

// Below this much output the ratio is not judged: a small, highly repetitive body is not a
// threat, and the ratio of the first few blocks says little.
constexpr std::uint64_t kRatioFloor = 1 << 20;

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

bool contains(std::string_view hay, std::string_view needle) {
  for (std::size_t i = 0; i + needle.size() <= hay.size(); ++i) {
    if (iequals(hay.substr(i, needle.size()), needle)) return true;
  }
  return false;
}

}  // namespace

std::vector<ContentCoding> parse_content_codings(std::string_view value) {
  std::vector<ContentCoding> out;
  std::size_t i = 0;
  while (i < value.size()) {
    std::size_t j = value.find_first_of(", \t", i);
    if (j == std::string_view::npos) j = value.size();
    const std::string_view tok = value.substr(i, j - i);
    i = j + 1;
    if (tok.empty() || iequals(tok, "identity")) continue;
    // By substring: "x-gzip", and "deflate\0" or other decorated names browsers accept.
    if (contains(tok, "gzip")) {
      out.push_back(ContentCoding::kGzip);
    } else if (contains(tok, "deflate")) {
      out.push_back(ContentCoding::kDeflate);
    } else {
      out.push_back(ContentCoding::kOther);
    }
  }
  return out;
}

ContentDecoder::ContentDecoder(const std::vector<ContentCoding>& codings, const AppLimits& limits,
                               AppStats& stats, Output out)
    : limits_(limits), stats_(stats), out_(std::move(out)) {
  // One layer per gzip/deflate named. Names we do not know are not obeyed blindly either
  // way: each layer tells the format from the data and passes through what does not
  // inflate, so "gzip x", a stray "br" or a mislabelled body still come out readable. A
  // value naming only unknown codings still gets one (content-sniffing) layer.
  std::size_t wanted = 0;
  for (ContentCoding c : codings) wanted += c != ContentCoding::kOther ? 1 : 0;
  const bool sniff_only = wanted == 0 && !codings.empty();
  if (sniff_only) wanted = 1;
  while (layers_.size() < std::min(wanted, kMaxLayers)) {
    const std::size_t next = layers_.size() + 1;
    layers_.push_back(std::make_unique<Inflater>(
        [this, next](ByteView b) {
          if (next < layers_.size()) {
            const Inflater::Status s = layers_[next]->feed(b);
            note_status(s);
            return s != Inflater::Status::kStopped;
          }
          return deliver(b);
        },
        !sniff_only));
  }
}

void ContentDecoder::note_status(Inflater::Status s) {
  if (s == Inflater::Status::kError && !error_counted_) {
    error_counted_ = true;
    ++stats_.decompress_errors;
  }
}

void ContentDecoder::feed(ByteView in) {
  if (limit_hit_ || in.empty()) return;
  if (layers_.empty()) {  // nothing to undo: no bomb to fear either
    out_total_ += in.size();
    out_(in);
    return;
  }
  in_total_ += in.size();
  note_status(layers_[0]->feed(in));
}

bool ContentDecoder::deliver(ByteView b) {
  if (limit_hit_) return false;
  std::uint64_t allowed = b.size();
  bool stop = false;
  if (out_total_ + allowed > limits_.max_decompressed_bytes) {
    allowed = limits_.max_decompressed_bytes - out_total_;
    stop = true;
  }
  if (allowed > 0) {
    out_total_ += allowed;
    out_(b.first(static_cast<std::size_t>(allowed)));
  }
  if (out_total_ > kRatioFloor &&
      out_total_ > in_total_ * std::uint64_t{limits_.max_decompression_ratio}) {
    stop = true;
  }
  if (stop) {
    limit_hit_ = true;
    ++stats_.decompress_limit_hits;
  }
  return !stop;
}

}  // namespace korgoo::app
