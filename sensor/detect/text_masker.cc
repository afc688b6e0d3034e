#include "detect/text_masker.h"
#include "common/hex_digit.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <utility>
#include <vector>

#include "detect/flow_detector.h"
#include "detect/masking.h"
#include "detect/text_fold.h"

namespace korgoo::detect {
namespace {

// A derived form of the text, each byte knowing which bytes of the original it came from.
struct Derived {
  std::string text;
  std::vector<std::pair<std::size_t, std::size_t>> origin;  // [begin, end) in the original
  void add(char c, std::size_t b, std::size_t e) {
    text.push_back(c);
    origin.emplace_back(b, e);
  }
};

Derived identity(std::string_view s) {
  Derived d;
  for (std::size_t i = 0; i < s.size(); ++i) d.add(s[i], i, i + 1);
  return d;
}

// %XX and '+' (form encoding) decoded; false if nothing changed.
bool percent_decode(const Derived& in, Derived& out) {
  bool changed = false;
  const std::string& s = in.text;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && hex_digit_value(s[i + 1]) >= 0 &&
        hex_digit_value(s[i + 2]) >= 0) {
      out.add(static_cast<char>(hex_digit_value(s[i + 1]) * 16 + hex_digit_value(s[i + 2])),
              in.origin[i].first, in.origin[i + 2].second);
      i += 2;
      changed = true;
    } else if (s[i] == '+') {
      out.add(' ', in.origin[i].first, in.origin[i].second);
      changed = true;
    } else {
      out.add(s[i], in.origin[i].first, in.origin[i].second);
    }
  }
  return changed;
}

// Every run of 2-4 adjacent dot-separated pieces joined without the dots, one run per line.
// A DNS exfiltration tool splits a value over labels; the DNS decoder's name view does the same.
bool join_pieces(const Derived& in, Derived& out) {
  std::vector<std::pair<std::size_t, std::size_t>> pieces;  // [begin, end) in in.text
  std::size_t start = 0;
  for (std::size_t i = 0; i <= in.text.size(); ++i) {
    if (i == in.text.size() || in.text[i] == '.') {
      pieces.emplace_back(start, i);
      start = i + 1;
    }
  }
  if (pieces.size() < 2) return false;
  for (std::size_t first = 0; first + 1 < pieces.size(); ++first) {
    for (std::size_t n = 2; n <= 4 && first + n <= pieces.size(); ++n) {
      if (!out.text.empty()) {
        const auto at = in.origin[pieces[first].first > 0 ? pieces[first].first - 1 : 0];
        out.add('\n', at.first, at.first);
      }
      for (std::size_t p = first; p < first + n; ++p)
        for (std::size_t i = pieces[p].first; i < pieces[p].second; ++i)
          out.add(in.text[i], in.origin[i].first, in.origin[i].second);
    }
  }
  return true;
}

// Only text with a digit, '@', '%' or a non-ASCII byte can hold an identifier the signatures
// know (every type but e-mail has digits); the rest, most metadata, is not scanned at all.
bool may_hold_identifier(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return (u >= '0' && u <= '9') || u == '@' || u == '%' || u >= 0x80;
  });
}

std::string hex64(std::uint64_t v) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
  return buf;
}

}  // namespace

struct TextMasker::Span {
  std::size_t begin;
  std::size_t end;
  std::string type;
  std::string value;
  const Signature* signature;
};

TextMasker::TextMasker(const DetectEngine& engine, Redaction how)
    : engine_(engine), how_(how), scratch_(engine.make_scratch()) {}

TextMasker::~TextMasker() = default;

std::string TextMasker::token(std::string_view type, std::string_view value) const {
  // Appended piece by piece: GCC 12 warns falsely (-Wrestrict) on chained operator+.
  std::string out = "[";
  out.append(type);
  out += ':';
  out.append(hex64(engine_.hasher().value(type, value)));
  out += ']';
  return out;
}

std::string TextMasker::render(std::string_view type, const std::string& value,
                               const Signature* sig) const {
  const std::size_t first = sig ? sig->masking.keep_first : 2;
  const std::size_t last = sig ? sig->masking.keep_last : 2;
  if (type == "email") {
    const auto at = value.rfind('@');
    if (at != std::string::npos && at > 0) {
      std::string out = how_ == Redaction::kHashed ? token(type, value)
                                                   : mask_value(value.substr(0, at), first, last);
      out.append(value, at, std::string::npos);
      return out;
    }
  }
  if (how_ == Redaction::kHashed) return token(type, value);
  return mask_value(value, first, last);
}

std::string TextMasker::mask(std::string_view text) {
  if (how_ == Redaction::kClear || !may_hold_identifier(text)) return std::string(text);
  std::vector<Derived> forms;
  forms.push_back(identity(text));
  for (int round = 0; round < 2; ++round) {
    Derived d;
    if (!percent_decode(forms.back(), d)) break;
    forms.push_back(std::move(d));
  }
  {
    Derived joined;
    if (join_pieces(forms.back(), joined)) forms.push_back(std::move(joined));
  }

  std::vector<Span> spans;
  std::size_t form_index = 0;
  FlowDetector detector(engine_);
  detector.on_located([&](const FlowDetector::Located& l) {
    if (l.signature.category != Category::kIdentifier || l.end <= l.begin) return;
    const Derived& d = forms[form_index];
    if (l.end > d.origin.size()) return;
    spans.push_back(Span{d.origin[l.begin].first, d.origin[l.end - 1].second, std::string(l.type),
                         l.value, &l.signature});
  });
  for (form_index = 0; form_index < forms.size(); ++form_index) {
    const auto& t = forms[form_index].text;
    const ContentView view{static_cast<std::uint32_t>(form_index), ContentKind::kOther};
    detector.scan(Direction::kToServer, view,
                  ByteView(reinterpret_cast<const std::uint8_t*>(t.data()), t.size()), *scratch_);
    detector.end(Direction::kToServer, view, *scratch_);
  }
  if (spans.empty()) return std::string(text);

  // Overlapping finds (the same value raw and decoded, a card inside an IBAN) become one
  // replacement, rendered from the longest value among them.
  std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) {
    return a.begin < b.begin || (a.begin == b.begin && a.end > b.end);
  });
  std::string out;
  std::size_t pos = 0;
  for (std::size_t i = 0; i < spans.size();) {
    std::size_t end = spans[i].end;
    std::size_t best = i;
    std::size_t j = i + 1;
    for (; j < spans.size() && spans[j].begin < end; ++j) {
      end = std::max(end, spans[j].end);
      if (spans[j].value.size() > spans[best].value.size()) best = j;
    }
    out.append(text.substr(pos, spans[i].begin - pos));
    out += render(spans[best].type, spans[best].value, spans[best].signature);
    pos = end;
    i = j;
  }
  out.append(text.substr(pos));
  return out;
}

std::string TextMasker::mask_address(std::string_view field) {
  if (how_ == Redaction::kClear) return std::string(field);
  std::string_view addr = field;
  bool brackets = false;
  if (const auto lt = field.rfind('<'); lt != std::string_view::npos) {
    const auto gt = field.find('>', lt);
    addr = field.substr(lt + 1, (gt == std::string_view::npos ? field.size() : gt) - lt - 1);
    brackets = field.find_first_not_of(" \t") == lt;
  }
  while (!addr.empty() && (addr.front() == ' ' || addr.front() == '\t')) addr.remove_prefix(1);
  while (!addr.empty() && (addr.back() == ' ' || addr.back() == '\t')) addr.remove_suffix(1);
  const auto at = addr.rfind('@');
  if (at == std::string_view::npos) return mask(field);
  const std::string_view local = addr.substr(0, at);
  std::string out = brackets ? "<" : "";
  if (how_ == Redaction::kHashed) {
    // Folded as the e-mail validator folds, so that the token matches the tally's hash.
    out += token("email", fold_utf8(addr));
  } else {
    out += mask_value(local);
  }
  out += '@';
  out += mask(addr.substr(at + 1));
  if (brackets) out += ">";
  return out;
}

}  // namespace korgoo::detect
