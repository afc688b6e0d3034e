#include "app/codec/utf16_decoder.h"

#include "common/utf8.h"

namespace korgoo::app {
namespace {

constexpr char32_t kReplacement = 0xFFFD;
constexpr std::uint32_t kBom = 0xFEFF;

}  // namespace

bool Utf16Decoder::has_bom(ByteView head, Order& order) {
  if (head.size() < 2) return false;
  if (head[0] == 0xFF && head[1] == 0xFE) {
    order = Order::kLittleEndian;
    return true;
  }
  if (head[0] == 0xFE && head[1] == 0xFF) {
    order = Order::kBigEndian;
    return true;
  }
  return false;
}

void Utf16Decoder::decode(ByteView in, std::string& out) {
  for (std::uint8_t b : in) {
    if (!have_byte_) {
      byte_ = b;
      have_byte_ = true;
      continue;
    }
    have_byte_ = false;
    const std::uint32_t unit = order_ == Order::kLittleEndian
                                   ? static_cast<std::uint32_t>(byte_ | (b << 8))
                                   : static_cast<std::uint32_t>((byte_ << 8) | b);
    on_unit(unit, out);
  }
}

void Utf16Decoder::on_unit(std::uint32_t unit, std::string& out) {
  const bool first = first_unit_;
  first_unit_ = false;
  if (first && unit == kBom) return;
  if (high_ != 0) {
    const std::uint32_t high = high_;
    high_ = 0;
    if (unit >= 0xDC00 && unit <= 0xDFFF) {
      append_utf8(out, static_cast<char32_t>(0x10000 + ((high - 0xD800) << 10) + (unit - 0xDC00)));
      return;
    }
    append_utf8(out, kReplacement);  // the high half had no low half
  }
  if (unit >= 0xD800 && unit <= 0xDBFF) {
    high_ = unit;
  } else if (unit >= 0xDC00 && unit <= 0xDFFF) {
    append_utf8(out, kReplacement);
  } else {
    append_utf8(out, static_cast<char32_t>(unit));
  }
}

void Utf16Decoder::finish(std::string& out) {
  if (high_ != 0 || have_byte_) append_utf8(out, kReplacement);
  high_ = 0;
  have_byte_ = false;
}

}  // namespace korgoo::app
