// An AppSink for the fuzz entry points: discards content, but serialises every record as the
// EVE writer does (invalid UTF-8 replaced there, by design), so a record that cannot become
// JSON is a finding.
#pragma once

#include "app/app_sink.h"
#include "common/json.h"

namespace korgoo::app {

class NullSink final : public AppSink {
 public:
  void content(Direction, ContentView, ByteView) override {}
  void content_end(Direction, ContentView) override {}
  void record(AppRecord rec) override {
    (void)rec.body.dump(-1, ' ', false, Json::error_handler_t::replace);
  }
};

}  // namespace korgoo::app
