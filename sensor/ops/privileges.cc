#include "ops/privileges.h"

#include <cap-ng.h>
#include <grp.h>
#include <pwd.h>
#include <sys/prctl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <vector>

namespace korgoo::ops {

Ids lookup_ids(const std::string& user, const std::string& group) {
  Ids ids{static_cast<unsigned>(getuid()), static_cast<unsigned>(getgid())};
  std::vector<char> buf(16384);
  if (!user.empty()) {
    passwd pw{};
    passwd* found = nullptr;
    if (getpwnam_r(user.c_str(), &pw, buf.data(), buf.size(), &found) != 0 || !found)
      throw std::runtime_error("user '" + user + "' does not exist");
    ids.uid = found->pw_uid;
    ids.gid = found->pw_gid;
  }
  if (!group.empty()) {
    struct group gr {};
    struct group* found = nullptr;
    if (getgrnam_r(group.c_str(), &gr, buf.data(), buf.size(), &found) != 0 || !found)
      throw std::runtime_error("group '" + group + "' does not exist");
    ids.gid = found->gr_gid;
  }
  return ids;
}

std::string drop_privileges(const PrivilegeRequest& request) {
  const Ids ids = lookup_ids(request.user, request.group);
  // Clearing the bounding set needs CAP_SETPCAP, which a service started unprivileged by
  // systemd does not have; its unit bounds it instead (CapabilityBoundingSet).
  capng_get_caps_process();
  const bool can_bound = capng_have_capability(CAPNG_EFFECTIVE, CAP_SETPCAP);
  capng_clear(CAPNG_SELECT_BOTH);
  if (request.keep_net_admin)
    capng_update(CAPNG_ADD, static_cast<capng_type_t>(CAPNG_EFFECTIVE | CAPNG_PERMITTED),
                 CAP_NET_ADMIN);
  const bool change_id = !request.user.empty() && (ids.uid != getuid() || ids.gid != getgid());
  if (change_id) {
    const int rc =
        capng_change_id(static_cast<int>(ids.uid), static_cast<int>(ids.gid),
                        static_cast<capng_flags_t>(CAPNG_DROP_SUPP_GRP | CAPNG_CLEAR_BOUNDING));
    if (rc != 0)
      throw std::runtime_error("cannot become user '" + request.user +
                               "' (capng_change_id: " + std::to_string(rc) + ")");
  } else {
    if (capng_apply(can_bound ? CAPNG_SELECT_BOTH : CAPNG_SELECT_CAPS) != 0)
      throw std::runtime_error(std::string("cannot drop capabilities: ") + std::strerror(errno));
  }
  if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0)
    throw std::runtime_error(std::string("prctl(PR_SET_NO_NEW_PRIVS): ") + std::strerror(errno));
  return "uid " + std::to_string(getuid()) + " gid " + std::to_string(getgid()) +
         ", capabilities: " + (request.keep_net_admin ? "cap_net_admin" : "none");
}

}  // namespace korgoo::ops
