// The control socket: a unix stream socket, mode 0660, owned by the service's user and group
// so that members of the group (and root) can run korgoo-ctl. One request per connection: the
// client writes a command line, the sensor answers one line and closes.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include "ops/privileges.h"

namespace korgoo::ops {

class ControlSocket {
 public:
  // Binds `path` (replacing a stale socket there); `owner`: chown it, before the sensor gives
  // up root. Throws std::runtime_error naming the path.
  ControlSocket(std::filesystem::path path, std::optional<Ids> owner);
  ~ControlSocket();
  ControlSocket(const ControlSocket&) = delete;
  ControlSocket& operator=(const ControlSocket&) = delete;

  int fd() const { return fd_; }
  // Accepts one pending client, reads its command, writes `handler`'s reply.
  void serve_one(const std::function<std::string(const std::string&)>& handler);

 private:
  std::filesystem::path path_;
  int fd_ = -1;
};

}  // namespace korgoo::ops
