#include "app/codec/mime_header_text.h"
#include "common/hex_digit.h"

#include <algorithm>
#include <cstdint>
#include <map>

#include "app/codec/transfer_base64.h"
#include "app/transfer_text.h"

namespace korgoo::app {

namespace {

bool is_latin1_charset(std::string_view charset) {
  const std::string cs = ascii_lowercase(charset);
  return cs == "iso-8859-1" || cs == "latin1" || cs == "iso8859-1" || cs == "windows-1252" ||
         cs == "cp1252" || cs == "iso-8859-15";
}

// Bytes in `charset` to UTF-8 where we know how; other charsets pass through as bytes (the
// EVE writer's UTF-8 repair keeps them printable).
std::string charset_to_utf8(std::string_view charset, std::string bytes) {
  if (!is_latin1_charset(charset)) return bytes;
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 4);
  for (const char c : bytes) {
    const auto b = static_cast<std::uint8_t>(c);
    if (b < 0x80) {
      out.push_back(c);
    } else {
      out.push_back(static_cast<char>(0xC0 | (b >> 6)));
      out.push_back(static_cast<char>(0x80 | (b & 0x3F)));
    }
  }
  return out;
}

std::string decode_q(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '_') {
      out.push_back(' ');
    } else if (c == '=' && i + 2 < text.size() && hex_digit_value(text[i + 1]) >= 0 &&
               hex_digit_value(text[i + 2]) >= 0) {
      out.push_back(
          static_cast<char>(hex_digit_value(text[i + 1]) * 16 + hex_digit_value(text[i + 2])));
      i += 2;
    } else {
      out.push_back(c);
    }
  }
  return out;
}

// Parses one encoded-word at the start of `s`; on success returns its decoded text and sets
// `consumed` to its length.
std::optional<std::string> parse_encoded_word(std::string_view s, std::size_t& consumed) {
  if (s.size() < 8 || s[0] != '=' || s[1] != '?') return std::nullopt;
  const std::size_t q1 = s.find('?', 2);
  if (q1 == std::string_view::npos || q1 + 2 >= s.size() || s[q1 + 2] != '?') return std::nullopt;
  std::string_view charset = s.substr(2, q1 - 2);
  // RFC 2231 adds an optional language: charset*lang.
  charset = charset.substr(0, charset.find('*'));
  const char enc = ascii_lower(s[q1 + 1]);
  const std::size_t text_start = q1 + 3;
  const std::size_t end = s.find("?=", text_start);
  if (end == std::string_view::npos) return std::nullopt;
  const std::string_view text = s.substr(text_start, end - text_start);
  if (text.find(' ') != std::string_view::npos) return std::nullopt;
  std::string decoded;
  if (enc == 'b') {
    Base64Decoder b64;
    b64.decode(as_bytes(text), decoded);
    b64.finish(decoded);
  } else if (enc == 'q') {
    decoded = decode_q(text);
  } else {
    return std::nullopt;
  }
  consumed = end + 2;
  return charset_to_utf8(charset, std::move(decoded));
}

std::string unquote(std::string_view v) {
  v = trim(v);
  if (v.size() < 2 || v.front() != '"') return std::string(v);
  std::string out;
  for (std::size_t i = 1; i < v.size(); ++i) {
    const char c = v[i];
    if (c == '\\' && i + 1 < v.size()) {
      out.push_back(v[++i]);
    } else if (c == '"') {
      break;
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::string percent_decode(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && hex_digit_value(s[i + 1]) >= 0 &&
        hex_digit_value(s[i + 2]) >= 0) {
      out.push_back(static_cast<char>(hex_digit_value(s[i + 1]) * 16 + hex_digit_value(s[i + 2])));
      i += 2;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

// Splits at ';' outside quoted strings.
std::vector<std::string_view> split_params(std::string_view value) {
  std::vector<std::string_view> out;
  bool quoted = false;
  std::size_t start = 0;
  for (std::size_t i = 0; i < value.size(); ++i) {
    const char c = value[i];
    if (c == '\\' && quoted) {
      ++i;
    } else if (c == '"') {
      quoted = !quoted;
    } else if (c == ';' && !quoted) {
      out.push_back(value.substr(start, i - start));
      start = i + 1;
    }
  }
  out.push_back(value.substr(start));
  return out;
}

}  // namespace

std::string decode_encoded_words(std::string_view value) {
  std::string out;
  std::size_t i = 0;
  std::size_t pending_space_start = std::string::npos;  // whitespace after an encoded-word
  bool last_was_word = false;
  while (i < value.size()) {
    std::size_t consumed = 0;
    if (value[i] == '=' && i + 1 < value.size() && value[i + 1] == '?') {
      if (auto word = parse_encoded_word(value.substr(i), consumed)) {
        // Whitespace between two encoded-words is not part of the text (RFC 2047 6.2).
        if (!last_was_word && pending_space_start != std::string::npos) {
          out.append(value.substr(pending_space_start, i - pending_space_start));
        }
        out += *word;
        i += consumed;
        last_was_word = true;
        pending_space_start = std::string::npos;
        continue;
      }
    }
    const char c = value[i];
    if (c == ' ' || c == '\t') {
      if (pending_space_start == std::string::npos) pending_space_start = i;
      ++i;
      continue;
    }
    if (pending_space_start != std::string::npos) {
      out.append(value.substr(pending_space_start, i - pending_space_start));
      pending_space_start = std::string::npos;
    }
    out.push_back(c);
    last_was_word = false;
    ++i;
  }
  if (pending_space_start != std::string::npos) out.append(value.substr(pending_space_start));
  return out;
}

std::string header_main_value(std::string_view value) {
  return ascii_lowercase(trim(value.substr(0, value.find(';'))));
}

std::vector<HeaderParam> header_params(std::string_view value) {
  struct Segment {
    std::string value;
    bool encoded = false;
  };
  std::vector<HeaderParam> out;
  // RFC 2231 continuations: name*0, name*1*, ... joined by index.
  std::map<std::string, std::map<int, Segment>> continued;
  std::vector<std::string> order;
  const auto parts = split_params(value);
  for (std::size_t p = 1; p < parts.size(); ++p) {
    const std::string_view part = trim(parts[p]);
    const std::size_t eq = part.find('=');
    if (eq == std::string_view::npos) continue;
    std::string name = ascii_lowercase(trim(part.substr(0, eq)));
    std::string raw = unquote(part.substr(eq + 1));
    if (name.empty()) continue;
    const std::size_t star = name.find('*');
    if (star == std::string::npos) {
      out.push_back({std::move(name), std::move(raw)});
      continue;
    }
    std::string base = name.substr(0, star);
    std::string_view rest = std::string_view(name).substr(star + 1);
    int index = 0;
    bool encoded = false;
    if (rest.empty()) {
      encoded = true;  // name*=charset'lang'value
    } else {
      std::size_t k = 0;
      while (k < rest.size() && rest[k] >= '0' && rest[k] <= '9' && index < 10000) {
        index = index * 10 + (rest[k] - '0');
        ++k;
      }
      if (k == 0) continue;
      encoded = (k < rest.size() && rest[k] == '*');
    }
    if (!continued.contains(base)) order.push_back(base);
    continued[base][index] = Segment{std::move(raw), encoded};
  }
  for (const std::string& base : order) {
    const auto& segments = continued[base];
    std::string charset;
    std::string joined;
    bool first = true;
    for (const auto& [index, seg] : segments) {
      std::string_view v = seg.value;
      if (seg.encoded && first) {
        // charset'language'text: the first encoded segment names the charset.
        const std::size_t q1 = v.find('\'');
        const std::size_t q2 = q1 == std::string_view::npos ? q1 : v.find('\'', q1 + 1);
        if (q2 != std::string_view::npos) {
          charset = std::string(v.substr(0, q1));
          v = v.substr(q2 + 1);
        }
      }
      joined += seg.encoded ? percent_decode(v) : std::string(v);
      first = false;
    }
    joined = charset_to_utf8(charset, std::move(joined));
    // An extended value wins over a plain one of the same name (RFC 2231 section 4).
    auto it =
        std::find_if(out.begin(), out.end(), [&](const HeaderParam& h) { return h.name == base; });
    if (it != out.end()) {
      it->value = std::move(joined);
    } else {
      out.push_back({base, std::move(joined)});
    }
  }
  return out;
}

std::optional<std::string> find_param(const std::vector<HeaderParam>& params,
                                      std::string_view name) {
  for (const auto& p : params) {
    if (p.name == name) return p.value;
  }
  return std::nullopt;
}

}  // namespace korgoo::app
