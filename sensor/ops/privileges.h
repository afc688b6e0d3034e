// Giving up root once the capture is open: the sensor parses hostile traffic, so it keeps
// only what it still needs. A pcap socket, once open, needs no capability; an NFQUEUE socket
// needs CAP_NET_ADMIN for every verdict it sends, so inline mode keeps that one. The bounding
// set is cleared when possible and no_new_privs is set, so nothing exec'd can regain them.
#pragma once

#include <string>

namespace korgoo::ops {

struct PrivilegeRequest {
  std::string user;   // "" = keep the current uid (e.g. systemd already started us as korgoo)
  std::string group;  // "" = the user's primary group
  bool keep_net_admin = false;
};

// Returns what was done, for the log ("uid 998 gid 998, capabilities: cap_net_admin").
// Throws std::runtime_error naming the user, group or call that failed.
std::string drop_privileges(const PrivilegeRequest& request);

// The uid and gid `user` and `group` name (for chown of the control socket before the drop).
struct Ids {
  unsigned uid;
  unsigned gid;
};
Ids lookup_ids(const std::string& user, const std::string& group);

}  // namespace korgoo::ops
