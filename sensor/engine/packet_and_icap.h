// What the service commands act on when the ICAP service runs alongside packet capture in
// one process: the packet path (one worker or a parallel run) and the ICAP loops. Tasks run
// on the packet thread; whatever reads the ICAP loops' workers parks them first.
#pragma once

#include "engine/icap_loops.h"
#include "engine/pipeline_control.h"

namespace korgoo::engine {

class PacketAndIcap final : public PipelineControl {
 public:
  PacketAndIcap(PipelineControl& packets, IcapLoops& icap) : packets_(packets), icap_(icap) {}

  // The packet path's counters, with the ICAP service's under "icap" (and its alerts).
  Json stats_json(const source::SourceStats& source_stats) const override {
    Json s = packets_.stats_json(source_stats);
    s["icap"] = icap_.icap_counters();
    s["icap"]["alerts"] = icap_.totals().alerts;
    return s;
  }
  WorkerStats totals() const override {
    WorkerStats t = packets_.totals();
    t += icap_.totals();
    return t;
  }
  void runtime_changed() override {
    packets_.runtime_changed();
    icap_.runtime_changed();
  }
  void write_event(std::string_view event_type, Json body) override {
    packets_.write_event(event_type, std::move(body));
  }
  // The packet path is alone on this thread already: only the loops need parking.
  void exclusive(const std::function<void()>& fn) override { icap_.hold(fn); }

 private:
  PipelineControl& packets_;
  IcapLoops& icap_;
};

}  // namespace korgoo::engine
