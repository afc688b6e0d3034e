// One HTTP request/response pair as the EVE `http` record reports it, and the JSON of that
// record and of the `fileinfo` records of the files it carried (Suricata's field names).
#pragma once

#include <cstdint>
#include <string>

#include "app/http/http_body.h"
#include "common/json.h"

namespace korgoo::app {

struct HttpTransaction {
  std::uint64_t id = 0;  // order within the flow: responses pair with requests in this order
  bool has_request = false;
  std::string method;
  std::string url;       // request target as sent
  std::string protocol;  // of the request, "HTTP/1.1"
  std::string hostname;  // normalize_host() of the URI authority or Host
  std::string user_agent;
  bool has_status = false;
  int status = 0;
  std::string response_content_type;  // media type only (parameters cut, as Suricata does)
  std::uint64_t response_length = 0;  // response body bytes, transfer coding removed
  bool request_done = false;
  bool response_done = false;
};

// {"hostname": ..., "url": ..., ...}: the value of an `http` object.
Json http_fields(const HttpTransaction& tx);
// {"filename": ..., "gaps": ..., "state": ..., "size": ..., "korgoo": {decoding}}: the value of
// a `fileinfo` object (the engine adds korgoo.pii).
Json fileinfo_fields(const HttpFile& file);

}  // namespace korgoo::app
