#include "policy/mmdb_geo.h"

#include <netinet/in.h>
#include <sys/socket.h>

#include <cerrno>
#include <cstring>

#include <maxminddb.h>

namespace korgoo::policy {

MmdbGeo::MmdbGeo(const std::string& path) : db_(std::make_unique<MMDB_s>()), path_(path) {
  const int status = MMDB_open(path.c_str(), MMDB_MODE_MMAP, db_.get());
  if (status != MMDB_SUCCESS) {
    std::string reason = MMDB_strerror(status);
    if (status == MMDB_IO_ERROR) reason += std::string(" (") + std::strerror(errno) + ")";
    db_.reset();  // MMDB_open frees what it allocated on failure
    throw GeoError(path, std::nullopt, std::nullopt, "cannot open MaxMind database: " + reason);
  }
}

MmdbGeo::~MmdbGeo() {
  if (db_) MMDB_close(db_.get());
}

std::string_view MmdbGeo::country(const IpAddress& address) const {
  sockaddr_storage storage{};
  if (address.is_v4()) {
    auto* sin = reinterpret_cast<sockaddr_in*>(&storage);
    sin->sin_family = AF_INET;
    std::memcpy(&sin->sin_addr, address.bytes().data(), 4);
  } else if (address.is_v6()) {
    auto* sin6 = reinterpret_cast<sockaddr_in6*>(&storage);
    sin6->sin6_family = AF_INET6;
    std::memcpy(&sin6->sin6_addr, address.bytes().data(), 16);
  } else {
    return {};
  }
  int error = MMDB_SUCCESS;
  MMDB_lookup_result_s result =
      MMDB_lookup_sockaddr(db_.get(), reinterpret_cast<const sockaddr*>(&storage), &error);
  if (error != MMDB_SUCCESS || !result.found_entry) return {};
  for (const char* top : {"country", "registered_country"}) {
    MMDB_entry_data_s data{};
    if (MMDB_get_value(&result.entry, &data, top, "iso_code", nullptr) == MMDB_SUCCESS &&
        data.has_data && data.type == MMDB_DATA_TYPE_UTF8_STRING && data.data_size == 2)
      return {data.utf8_string, data.data_size};  // points into the mapped file
  }
  return {};
}

std::string MmdbGeo::describe() const {
  return "MaxMind " + std::string(db_->metadata.database_type ? db_->metadata.database_type : "?") +
         " (" + path_ + ")";
}

}  // namespace korgoo::policy
