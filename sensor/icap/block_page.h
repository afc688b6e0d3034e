// The HTTP answer a blocked upload (or download) gets instead of reaching its server: status 403
// (by config), an HTML page or, for clients that ask for JSON, a JSON body. It names the rule and
// an incident id that finds the EVE alert; it never repeats anything from the request.
#pragma once

#include <string>
#include <string_view>

#include "icap/icap_config.h"

namespace korgoo::icap {

class BlockPage {
 public:
  // Reads the configured templates; throws std::runtime_error naming a file it cannot read.
  explicit BlockPage(const BlockPageConfig& config);

  // A complete HTTP/1.1 response, head and body. `accept` is the request's Accept value;
  // `transfer` fills {{transfer}} / {{Transfer}}: "upload" (REQMOD) or "download" (RESPMOD).
  std::string render(std::string_view accept, std::string_view signature, std::string_view incident,
                     std::string_view transfer = "upload") const;
  int status() const { return status_; }

 private:
  int status_;
  std::string html_;
  std::string json_;
};

}  // namespace korgoo::icap
