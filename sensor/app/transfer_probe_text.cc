#include "app/transfer_probe_text.h"

#include <algorithm>

#include "app/transfer_text.h"

namespace korgoo::app {

namespace {

bool icontains(std::string_view hay, std::string_view needle) {
  if (needle.empty() || hay.size() < needle.size()) return false;
  for (std::size_t i = 0; i + needle.size() <= hay.size(); ++i) {
    if (iequals(hay.substr(i, needle.size()), needle)) return true;
  }
  return false;
}

}  // namespace

ProbeResult probe_keywords(std::string_view data,
                           std::initializer_list<std::string_view> keywords) {
  bool maybe = false;
  for (const std::string_view kw : keywords) {
    if (data.size() <= kw.size()) {
      if (istarts_with(kw, data)) maybe = true;
      continue;
    }
    if (!istarts_with(data, kw)) continue;
    const char next = data[kw.size()];
    if (next == ' ' || next == '\r' || next == '\n') return ProbeResult::kYes;
  }
  return maybe ? ProbeResult::kMaybe : ProbeResult::kNo;
}

ProbeResult probe_greeting(std::string_view data, std::string_view marker, std::string_view other) {
  const std::string_view code = "220";
  if (data.size() < 4) {
    return code.substr(0, std::min<std::size_t>(data.size(), 3)) == data.substr(0, 3)
               ? ProbeResult::kMaybe
               : ProbeResult::kNo;
  }
  if (!data.starts_with(code) || (data[3] != ' ' && data[3] != '-')) return ProbeResult::kNo;
  const std::size_t eol = data.find('\n');
  const std::string_view line = data.substr(0, eol);
  if (icontains(line, marker) && !icontains(line, other)) return ProbeResult::kYes;
  if (icontains(line, other)) return ProbeResult::kNo;
  // A greeting that names neither: the client's first command will tell.
  return ProbeResult::kMaybe;
}

}  // namespace korgoo::app
