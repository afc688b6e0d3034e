// Test helpers for the app decoders: an AppSink that records what it is given, a context that
// owns everything an AppContext points to, and a way to feed a flow in any segmentation.
#pragma once

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "app/app_sink.h"
#include "app/protocol_decoder.h"

namespace korgoo::app::testing {

class RecordingSink final : public AppSink {
 public:
  struct View {
    Direction dir;
    ContentView view;
    std::string bytes;
    std::uint64_t size = 0;
    bool ended = false;
    int calls_after_end = 0;
  };

  void content(Direction dir, ContentView view, ByteView bytes) override {
    View& v = find_or_open(dir, view);
    if (v.ended) ++v.calls_after_end;
    v.size += bytes.size();
    if (keep_bytes) v.bytes.append(as_chars(bytes));
  }
  void content_end(Direction dir, ContentView view) override {
    find_or_open(dir, view).ended = true;
  }
  void record(AppRecord rec) override { records.push_back(std::move(rec)); }

  std::vector<std::string> contents(ContentKind kind, Direction dir) const {
    std::vector<std::string> out;
    for (const auto& v : views) {
      if (v.view.kind == kind && v.dir == dir) out.push_back(v.bytes);
    }
    return out;
  }
  // Views of one kind in either direction, in the order they were opened.
  std::vector<std::string> contents(ContentKind kind) const {
    std::vector<std::string> out;
    for (const auto& v : views)
      if (v.view.kind == kind) out.push_back(v.bytes);
    return out;
  }

  // ContentView::group of the views of one kind, in the order they were opened.
  std::vector<std::uint32_t> groups(ContentKind kind) const {
    std::vector<std::uint32_t> out;
    for (const auto& v : views)
      if (v.view.kind == kind) out.push_back(v.view.group);
    return out;
  }

  std::vector<const AppRecord*> records_of(const std::string& type) const {
    std::vector<const AppRecord*> out;
    for (const auto& r : records) {
      if (r.event_type == type) out.push_back(&r);
    }
    return out;
  }
  // Everything observable, to compare runs fed in different segmentations.
  std::string summary() const {
    std::string s;
    for (const auto& v : views) {
      s += std::to_string(index_of(v.dir)) + "/" + std::to_string(v.view.id) + "/" +
           std::to_string(static_cast<int>(v.view.kind)) + (v.ended ? "E" : "O") +
           std::to_string(v.calls_after_end) + ":" + v.bytes + "\n";
    }
    for (const auto& r : records) {
      s += r.event_type + std::to_string(index_of(r.dir)) + r.body.dump() + "\n";
    }
    return s;
  }
  // The decoded views (not the raw view), in the order they were opened.
  std::vector<const View*> decoded() const {
    std::vector<const View*> out;
    for (const auto& v : views)
      if (v.view != kRawView) out.push_back(&v);
    return out;
  }
  // Every decoded view was closed, and nothing came after its end. The raw view (bytes no
  // decoded view covers) is the engine's to close.
  bool all_ended() const {
    return std::all_of(views.begin(), views.end(), [](const View& v) {
      return v.view == kRawView || (v.ended && v.calls_after_end == 0);
    });
  }

  bool keep_bytes = true;
  std::vector<View> views;
  std::vector<AppRecord> records;

 private:
  View& find_or_open(Direction dir, ContentView view) {
    for (auto& v : views) {
      if (v.dir == dir && v.view == view) return v;
    }
    views.push_back(View{dir, view, {}, 0, false, 0});
    return views.back();
  }
};

// Owns what an AppContext refers to.
struct TestContext {
  TestContext() = default;
  TestContext(const TestContext&) = delete;
  RecordingSink sink;
  AppMetadata meta;
  AppStats stats;
  ExpectationTable expectations;
  AppLimits limits;
  AppContext ctx{sink, meta, stats, expectations, limits, 0, {}, {}, 0, 0, {}};
};

// The same, for a flow with a non-zero id (expectations and records name their control flow).
struct Harness : TestContext {
  Harness() { ctx.flow_id = 7; }
};

// One step of a flow: bytes one way.
struct Step {
  Direction dir;
  std::string bytes;
};
inline Step client(std::string s) {
  return {Direction::kToServer, std::move(s)};
}
inline Step server(std::string s) {
  return {Direction::kToClient, std::move(s)};
}

}  // namespace korgoo::app::testing
