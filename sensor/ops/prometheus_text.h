// The Prometheus text exposition format (version 0.0.4) of one stats snapshot, as the control
// socket's `stats` returns it (ServiceCommands::stats): so /metrics and korgoo-ctl always show
// the same numbers, read on the packet thread.
//
// Names: every numeric counter of a stats section becomes korgoo_SECTION_KEY_total (a nested
// object, e.g. detect.confirmed, becomes one family with a label); the few levels that go
// down as well as up are gauges without _total. Then the headline families by hand: alerts
// by rule (sid, signature), inline verdicts, memory used and allowed per cap, reloads.
#pragma once

#include <string>

#include "common/json.h"

namespace korgoo::ops {

std::string prometheus_text(const Json& stats, const std::string& version);

}  // namespace korgoo::ops
