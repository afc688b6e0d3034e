// Shared by the probes of the line-based protocols (SMTP, FTP): does a buffered prefix start
// with one of a set of keywords, could it still become one, or is the first line complete?
#pragma once

#include <initializer_list>
#include <string_view>

#include "app/probe.h"

namespace korgoo::app {

// kYes when `data` starts with one of `keywords` (case-insensitive) followed by a space, CR,
// LF or end of the keyword list's requirement; kMaybe when `data` is a proper prefix of one;
// kNo otherwise.
ProbeResult probe_keywords(std::string_view data, std::initializer_list<std::string_view> keywords);

// A server greeting "220 ..." or "220-...": kYes/kNo by whether the first line mentions
// `marker` (e.g. "FTP") and not `other` (e.g. "SMTP"); kMaybe while undecided.
ProbeResult probe_greeting(std::string_view data, std::string_view marker, std::string_view other);

}  // namespace korgoo::app
