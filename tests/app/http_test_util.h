// Runs a flow through an HTTP decoder in a chosen segmentation, for the HTTP tests.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "app/decoders.h"
#include "recording_sink.h"

namespace korgoo::app::testing {

struct HttpRun {
  std::unique_ptr<TestContext> t = std::make_unique<TestContext>();
  RecordingSink& sink() { return t->sink; }
  AppStats& stats() { return t->stats; }
};

// cut < 0: each step whole; cut >= 0: the step holding byte `cut` of the whole flow is split
// there; byte_by_byte: every byte its own call.
inline HttpRun run_http(const std::vector<Step>& steps, long cut = -1, bool byte_by_byte = false,
                        const AppLimits* limits = nullptr) {
  HttpRun run;
  if (limits) run.t->limits = *limits;
  auto decoder = make_http_decoder(run.t->ctx);
  long offset = 0;
  for (const Step& s : steps) {
    const ByteView all = as_bytes(s.bytes);
    if (byte_by_byte) {
      for (std::size_t i = 0; i < all.size(); ++i) decoder->on_data(s.dir, all.subspan(i, 1));
    } else if (cut >= offset && cut < offset + static_cast<long>(all.size())) {
      const auto k = static_cast<std::size_t>(cut - offset);
      decoder->on_data(s.dir, all.first(k));
      decoder->on_data(s.dir, all.subspan(k));
    } else {
      decoder->on_data(s.dir, all);
    }
    offset += static_cast<long>(all.size());
  }
  decoder->on_end(Direction::kToServer);
  decoder->on_end(Direction::kToClient);
  return run;
}

inline std::size_t flow_size(const std::vector<Step>& steps) {
  std::size_t n = 0;
  for (const Step& s : steps) n += s.bytes.size();
  return n;
}

// The flow gives the same views and records however it is cut.
inline void expect_segmentation_independent(const std::vector<Step>& steps) {
  const std::string whole = run_http(steps).sink().summary();
  for (long cut = 0; cut < static_cast<long>(flow_size(steps)); ++cut) {
    ASSERT_EQ(run_http(steps, cut).sink().summary(), whole) << "cut at " << cut;
  }
  ASSERT_EQ(run_http(steps, -1, true).sink().summary(), whole) << "byte by byte";
}

}  // namespace korgoo::app::testing
