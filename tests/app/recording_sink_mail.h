// Test helpers for the mail, FTP, DNS and TLS decoders: an AppSink that records everything it
// is given, and a context that owns what an AppContext points to.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "app/app_sink.h"
#include "app/protocol_decoder.h"

namespace korgoo::app::testing_mail {

class RecordingSink final : public AppSink {
 public:
  struct View {
    Direction dir;
    ContentView view;
    std::string bytes;
    bool ended = false;
    int content_calls_after_end = 0;
  };

  void content(Direction dir, ContentView view, ByteView bytes) override {
    View& v = find_or_open(dir, view);
    if (v.ended) ++v.content_calls_after_end;
    v.bytes.append(as_chars(bytes));
  }
  void content_end(Direction dir, ContentView view) override {
    find_or_open(dir, view).ended = true;
  }
  void record(AppRecord rec) override { records.push_back(std::move(rec)); }

  // Views of one kind, in the order they were opened.
  std::vector<std::string> contents(ContentKind kind) const {
    std::vector<std::string> out;
    for (const auto& v : views) {
      if (v.view.kind == kind) out.push_back(v.bytes);
    }
    return out;
  }
  std::vector<const AppRecord*> records_of(const std::string& type) const {
    std::vector<const AppRecord*> out;
    for (const auto& r : records) {
      if (r.event_type == type) out.push_back(&r);
    }
    return out;
  }
  // Everything observable, for comparing runs fed with different segmentations.
  std::string summary() const {
    std::string s;
    for (const auto& v : views) {
      s += std::to_string(index_of(v.dir)) + "/" + std::to_string(v.view.id) + "/" +
           std::to_string(static_cast<int>(v.view.kind)) + (v.ended ? "E" : "O") + ":" + v.bytes +
           "\n";
    }
    for (const auto& r : records)
      s += r.event_type + std::to_string(index_of(r.dir)) + r.body.dump() + "\n";
    return s;
  }

  std::vector<View> views;
  std::vector<AppRecord> records;

 private:
  View& find_or_open(Direction dir, ContentView view) {
    for (auto& v : views) {
      if (v.dir == dir && v.view.id == view.id) return v;
    }
    views.push_back(View{dir, view, {}, false, 0});
    return views.back();
  }
};

struct Harness {
  RecordingSink sink;
  AppMetadata meta;
  AppStats stats;
  ExpectationTable expectations;
  AppLimits limits;
  AppContext ctx{sink, meta, stats, expectations, limits, 7, {}, {}, 0, 0, {}};
};

}  // namespace korgoo::app::testing_mail
