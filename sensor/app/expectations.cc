#include "app/expectations.h"

#include <algorithm>

namespace korgoo::app {

void ExpectationTable::add(Expectation e) {
  if (entries_.size() >= kMaxEntries) entries_.erase(entries_.begin());  // oldest first
  entries_.push_back(std::move(e));
}

std::optional<Expectation> ExpectationTable::take(const IpAddress& client, const IpAddress& server,
                                                  std::uint16_t server_port, Timestamp now) {
  expire(now);
  for (auto it = entries_.begin(); it != entries_.end(); ++it) {
    const bool client_ok = it->client.family() == IpAddress::Family::kNone || it->client == client;
    if (client_ok && it->server == server && it->server_port == server_port) {
      Expectation found = std::move(*it);
      entries_.erase(it);
      return found;
    }
  }
  return std::nullopt;
}

void ExpectationTable::set_command(std::uint64_t control_flow_id, const std::string& command,
                                   const std::string& file_name) {
  for (auto& e : entries_) {
    if (e.control_flow_id == control_flow_id && e.command.empty()) {
      e.command = command;
      e.file_name = file_name;
    }
  }
  auto it = std::find_if(latest_.begin(), latest_.end(), [&](const LatestCommand& l) {
    return l.control_flow_id == control_flow_id;
  });
  if (it != latest_.end()) latest_.erase(it);
  if (latest_.size() >= kMaxLatestCommands) latest_.erase(latest_.begin());
  latest_.push_back({control_flow_id, {command, file_name}});
}

std::optional<ExpectationTable::Command> ExpectationTable::latest_command(
    std::uint64_t control_flow_id) const {
  for (auto it = latest_.rbegin(); it != latest_.rend(); ++it) {
    if (it->control_flow_id == control_flow_id) return it->command;
  }
  return std::nullopt;
}

void ExpectationTable::expire(Timestamp now) {
  std::erase_if(entries_, [now](const Expectation& e) { return e.expires < now; });
}

}  // namespace korgoo::app
