// Several sources that workers read one each (fanout sockets, queues), seen as one by the
// service (counters for stats and metrics, stop on a signal). It is never read from itself.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "source/packet_source.h"

namespace korgoo::source {

class SourceGroup final : public PacketSource {
 public:
  explicit SourceGroup(std::vector<std::unique_ptr<PacketSource>> members);

  // The members are read by their workers, not through the group.
  ReadStatus next(Packet&) override { return ReadStatus::kEnd; }
  void stop() override;
  bool is_inline() const override { return members_.front()->is_inline(); }
  // The members' counters added up. Reads each member's: call it only while no worker reads
  // (engine::LaneRun runs the service's tasks with every worker paused).
  const SourceStats& stats() const override;
  std::string describe() const override;

  std::size_t size() const { return members_.size(); }
  PacketSource& member(std::size_t i) { return *members_[i]; }

 private:
  std::vector<std::unique_ptr<PacketSource>> members_;
  mutable SourceStats total_;
};

}  // namespace korgoo::source
