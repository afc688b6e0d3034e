// Masks the personal identifiers inside a short piece of text that korgoo writes out: a URL,
// a file name, a host or DNS name, an e-mail header, a log line. The same signatures and
// validators as on the wire find them, in the text as written, percent-decoded (twice, for
// double encoding) and with runs of 2-4 dot-separated pieces joined (an identifier split over
// DNS labels); each one is replaced where it stands in the original text.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "detect/detect_engine.h"
#include "detect/scratch.h"

namespace korgoo::detect {

// What replaces an identifier: its masked form (`21**********45`), or a keyed hash of its
// normalised value (`[kg_pin:0123456789abcdef]`) that is the same for the same value in every
// record of a run, so records can be joined without the value. kClear writes it as it is.
enum class Redaction : std::uint8_t { kMasked, kHashed, kClear };

class TextMasker {
 public:
  TextMasker(const DetectEngine& engine, Redaction how);
  ~TextMasker();
  TextMasker(const TextMasker&) = delete;
  TextMasker& operator=(const TextMasker&) = delete;

  Redaction redaction() const { return how_; }
  // `text` with every identifier in it replaced; e-mail addresses keep their domain.
  std::string mask(std::string_view text);
  // A field that holds an e-mail address ("Name <local@domain>", "<local@domain>",
  // "local@domain"): the display name is dropped, the local part masked or hashed whether or
  // not it looks personal, the domain kept (identifiers inside it are masked). Angle brackets
  // stay when there was no display name. Text without '@' is masked as text.
  std::string mask_address(std::string_view field);

 private:
  struct Span;
  std::string render(std::string_view type, const std::string& value, const Signature* sig) const;
  std::string token(std::string_view type, std::string_view value) const;

  const DetectEngine& engine_;
  Redaction how_;
  std::unique_ptr<Scratch> scratch_;
};

}  // namespace korgoo::detect
