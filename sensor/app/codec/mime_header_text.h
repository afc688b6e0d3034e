// Header text of a MIME entity as a person wrote it: RFC 2047 encoded-words
// (`=?utf-8?B?...?=`) decoded, and header parameters (`; name="x"`, RFC 2231
// `filename*=utf-8''...` and `filename*0*=` continuations) read out. Decoded text is bytes
// in the declared charset; UTF-8 and ASCII pass through, Latin-1 is converted to UTF-8.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace korgoo::app {

// Decodes every encoded-word in `value`; whitespace between two adjacent encoded-words is
// dropped, as RFC 2047 section 6.2 says. Malformed words are left as they are.
std::string decode_encoded_words(std::string_view value);

struct HeaderParam {
  std::string name;   // lowercase
  std::string value;  // unquoted, RFC 2231 continuations joined and percent-decoded
};

// The value before the first ';' (e.g. "multipart/mixed"), lowercase and trimmed.
std::string header_main_value(std::string_view value);
// The parameters after it.
std::vector<HeaderParam> header_params(std::string_view value);
// The value of parameter `name` (lowercase), if present.
std::optional<std::string> find_param(const std::vector<HeaderParam>& params,
                                      std::string_view name);

}  // namespace korgoo::app
