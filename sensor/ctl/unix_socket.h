// The few unix-socket steps the control socket's two ends share: the address of a path, a
// write that finishes, and an error that names the path.
#pragma once

#include <sys/socket.h>
#include <sys/un.h>

#include <filesystem>
#include <stdexcept>
#include <string>

namespace korgoo::ctl {

// Throws std::runtime_error when the path does not fit sun_path.
sockaddr_un unix_address(const std::filesystem::path& path);
// "PATH: WHAT: strerror(errno)".
std::runtime_error socket_error(const std::filesystem::path& path, const char* what);
// Writes all of `text` unless the peer goes away (then returns false).
bool write_all(int fd, const std::string& text);

}  // namespace korgoo::ctl
