// The client side of the control socket (korgoo-ctl and tests): one command line out, the
// sensor's one-line JSON answer back.
#pragma once

#include <chrono>
#include <filesystem>
#include <stdexcept>
#include <string>

namespace korgoo::ctl {

// The sensor could not be reached (no socket, no permission, nobody listening); `error_number`
// is the errno of the failed step, for the hint korgoo-ctl prints.
class Unreachable : public std::runtime_error {
 public:
  Unreachable(const std::runtime_error& e, int error_number)
      : std::runtime_error(e), error_number_(error_number) {}
  int error_number() const { return error_number_; }

 private:
  int error_number_;
};

// Sends `command`, returns the reply (without its newline; "" when the sensor closed without
// answering). Throws Unreachable when it cannot connect, std::runtime_error on a read timeout.
// `timeout`: a reload compiles every signature, so the default is generous.
std::string control_request(const std::filesystem::path& path, const std::string& command,
                            std::chrono::seconds timeout = std::chrono::seconds(30));

}  // namespace korgoo::ctl
