// Expected flows announced by a control session (FTP PASV/EPSV/PORT/EPRT): when a new flow
// matches one, the engine ties it to its control session and gives it the announced decoder.
// One table per worker; entries expire by packet time.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/ip_address.h"
#include "common/timestamp.h"

namespace korgoo::app {

struct Expectation {
  IpAddress client;  // the side that will connect (unset = any)
  IpAddress server;  // the side that will accept
  std::uint16_t server_port = 0;
  std::string app_proto;  // "ftp-data"
  std::string command;    // "STOR", "RETR", ... once known (may be filled in later)
  std::string file_name;  // argument of that command
  std::uint64_t control_flow_id = 0;
  Timestamp expires;
};

class ExpectationTable {
 public:
  void add(Expectation e);
  // Removes and returns the expectation a new flow from `client` to `server:port` satisfies.
  std::optional<Expectation> take(const IpAddress& client, const IpAddress& server,
                                  std::uint16_t server_port, Timestamp now);
  // Updates the command and file name of pending expectations of a control flow (the STOR or
  // RETR usually follows the PASV that announced the data connection).
  void set_command(std::uint64_t control_flow_id, const std::string& command,
                   const std::string& file_name);
  // The last command set_command() recorded for a control flow, kept after its
  // expectations are taken: a data connection often opens before the STOR or RETR it
  // carries is seen on the control flow, so the data decoder asks again later.
  struct Command {
    std::string command;
    std::string file_name;
  };
  std::optional<Command> latest_command(std::uint64_t control_flow_id) const;

  std::size_t size() const { return entries_.size(); }

  // Bounds: a control flow announcing connections it never opens cannot grow the table.
  static constexpr std::size_t kMaxEntries = 1024;
  static constexpr std::size_t kMaxLatestCommands = 1024;

 private:
  void expire(Timestamp now);
  std::vector<Expectation> entries_;  // a handful at a time: linear search is the fastest
  struct LatestCommand {
    std::uint64_t control_flow_id = 0;
    Command command;
  };
  std::vector<LatestCommand> latest_;  // oldest first
};

}  // namespace korgoo::app
