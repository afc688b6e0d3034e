#include "common/content.h"

namespace korgoo {

std::string_view to_string(ContentKind kind) {
  switch (kind) {
    case ContentKind::kRaw:
      return "raw";
    case ContentKind::kHttpUri:
      return "http_uri";
    case ContentKind::kHttpHeaders:
      return "http_headers";
    case ContentKind::kHttpBody:
      return "http_body";
    case ContentKind::kMailHeaders:
      return "mail_headers";
    case ContentKind::kMailBody:
      return "mail_body";
    case ContentKind::kFtpData:
      return "ftp_data";
    case ContentKind::kDnsName:
      return "dns_name";
    case ContentKind::kTlsMeta:
      return "tls_meta";
    case ContentKind::kOther:
      return "other";
  }
  return "other";
}

}  // namespace korgoo
