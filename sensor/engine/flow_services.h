// What a flow's inspection borrows from the worker that owns it, for as long as the flow
// lives: the shared runtime, the worker's counters and bounded pools, its scan scratch and
// metadata masker, and where application records go. One instance per worker; a flow holds
// a reference, so the worker's private state stays private.
#pragma once

#include "app/app_memory.h"
#include "app/app_sink.h"
#include "app/expectations.h"
#include "app/file/file_magic.h"
#include "app/protocol_decoder.h"
#include "detect/scratch.h"
#include "engine/runtime.h"
#include "flow/flow.h"
#include "output/metadata_masker.h"
#include "stream/reassembly_budget.h"
#include "stream/stream_stats.h"

namespace korgoo::engine {

// Writes an app record of `flow` as an EVE record (the worker adds header and keys).
class AppRecordWriter {
 public:
  virtual ~AppRecordWriter() = default;
  virtual void write_app_record(flow::Flow& flow, const app::AppRecord& rec,
                                const app::AppMetadata& meta) = 0;
};

struct FlowServices {
  const Runtime& rt;
  app::AppStats& app_stats;
  app::ExpectationTable& expectations;
  stream::StreamStats& stream_stats;
  stream::ReassemblyBudget& budget;
  app::AppMemory& app_memory;        // app.memcap, shared by every flow's app-layer buffers
  detect::Scratch& scratch;          // refitted in place on a reload, never replaced
  output::MetadataMasker& metadata;  // masks every app record before it is kept
  AppRecordWriter& records;
  app::FileMagic* file_magic;  // the worker's libmagic, for fileinfo.magic (not thread-safe)
};

}  // namespace korgoo::engine
