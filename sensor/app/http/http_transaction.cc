#include "app/http/http_transaction.h"

namespace korgoo::app {

Json http_fields(const HttpTransaction& tx) {
  Json j = Json::object();
  if (!tx.hostname.empty()) j["hostname"] = tx.hostname;
  if (tx.has_request) j["url"] = tx.url;
  if (!tx.user_agent.empty()) j["http_user_agent"] = tx.user_agent;
  if (!tx.response_content_type.empty()) j["http_content_type"] = tx.response_content_type;
  if (tx.has_request) j["http_method"] = tx.method;
  if (!tx.protocol.empty()) j["protocol"] = tx.protocol;
  if (tx.has_status) j["status"] = tx.status;
  j["length"] = tx.response_length;
  return j;
}

Json fileinfo_fields(const HttpFile& file) {
  Json j = Json::object();
  j["filename"] = file.name;
  j["gaps"] = file.gaps;
  j["state"] = file.truncated ? "TRUNCATED" : "CLOSED";
  j["size"] = file.size;
  file.report.add_to(j);
  return j;
}

}  // namespace korgoo::app
