// What the app stage learned about a flow that later stages (policy, output) read: the
// protocol and the names of the far side.
#pragma once

#include <array>
#include <string>
#include <vector>

namespace korgoo::app {

struct AppMetadata {
  std::string app_proto;                  // EVE app_proto: "http", "smtp", ... ("" = unknown)
  std::vector<std::string> server_names;  // HTTP Host values and TLS SNI, unique, in order seen
  std::vector<std::string> recipient_domains;  // SMTP RCPT TO domains, unique, in order seen
  bool opaque = false;  // encrypted from here on (TLS, STARTTLS): content is not decodable
  // A file with a password-protected member travelled this way (index_of(dir)): its content
  // could not be read (rules: file.encrypted).
  std::array<bool, 2> encrypted_file{};
};

}  // namespace korgoo::app
