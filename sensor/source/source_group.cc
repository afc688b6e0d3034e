#include "source/source_group.h"

#include <stdexcept>

namespace korgoo::source {

SourceGroup::SourceGroup(std::vector<std::unique_ptr<PacketSource>> members)
    : members_(std::move(members)) {
  if (members_.empty()) throw std::invalid_argument("SourceGroup: no member");
}

void SourceGroup::stop() {
  for (auto& m : members_) m->stop();
}

const SourceStats& SourceGroup::stats() const {
  SourceStats t;
  for (const auto& m : members_) t += m->stats();
  total_ = t;
  return total_;
}

std::string SourceGroup::describe() const {
  if (members_.size() == 1) return members_.front()->describe();
  std::string out = members_.front()->describe();
  for (std::size_t i = 1; i < members_.size(); ++i) {
    const std::string d = members_[i]->describe();
    if (d != members_.front()->describe()) out.append(", ").append(d);
  }
  return out.append(" (").append(std::to_string(members_.size())).append(" readers)");
}

}  // namespace korgoo::source
