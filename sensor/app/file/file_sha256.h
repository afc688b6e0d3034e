// SHA-256 of a file as it passes, for EVE fileinfo.sha256 (issue 13): computed incrementally
// with OpenSSL's libcrypto (Debian libssl-dev, already linked for the Community ID), so the
// file is never held for it.
#pragma once

#include <memory>
#include <string>

#include "common/bytes.h"

struct evp_md_ctx_st;

namespace korgoo::app {

class FileSha256 {
 public:
  FileSha256();
  ~FileSha256();
  FileSha256(const FileSha256&) = delete;
  FileSha256& operator=(const FileSha256&) = delete;

  void update(ByteView bytes);
  // The digest of everything updated so far, 64 lowercase hex digits; "" if libcrypto failed.
  // Ends the computation: later update() calls are ignored.
  std::string finish();

 private:
  evp_md_ctx_st* ctx_ = nullptr;
  std::string hex_;
};

}  // namespace korgoo::app
