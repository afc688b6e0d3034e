// Where records end up. The EVE file (EveWriter) is the first implementation; everything that
// writes records (the workers' RecordSinks, the replay's merge, the live lanes, the ICAP loops)
// and the service (reopen after logrotate, close at exit) talks to this interface only.
// Another destination is one more implementation of it, in its own folder under output/
// (built into korgoo_output with the rest), plus one line in engine::open_output's table.
//
// Implementations are thread-safe: the ICAP loops and the packet path write to one output.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>

#include "common/json.h"
#include "output/record_sink.h"

namespace korgoo::output {

// The line form of a record (one JSON object, no newline), as write_serialized takes it:
// serialised by the thread that made the record, so the output only copies lines.
std::string serialize_record(const Json& record);

class RecordOutput {
 public:
  virtual ~RecordOutput() = default;

  virtual void write(const Json& record) = 0;
  // A record serialised by serialize_record; `event_type` counts it in by_type().
  virtual void write_serialized(std::string_view event_type, std::string_view line) = 0;
  // Writes what is buffered; false if some of it could not be written.
  virtual bool flush() = 0;
  // Writes what is buffered if the oldest of it has waited the flush interval (while idle).
  virtual void flush_if_due() = 0;
  // After logrotate: starts again on a fresh file (or connection). "" or the reason it failed
  // (the old one is kept then).
  virtual std::string reopen() = 0;
  // Writes what is buffered and lets go of the file; what is written after is counted lost.
  virtual void close() = 0;

  virtual SinkCounts counts() const = 0;
  // Records written by event_type, for the closing summary (once no thread writes).
  virtual const std::map<std::string, std::uint64_t, std::less<>>& by_type() const = 0;
  // Where the records go, for log messages ("/var/log/korgoo/eve.json").
  virtual std::string describe() const = 0;
};

}  // namespace korgoo::output
