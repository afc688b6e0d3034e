#include "app/file/file_sha256.h"

#include <openssl/evp.h>

#include <array>

namespace korgoo::app {

FileSha256::FileSha256() : ctx_(EVP_MD_CTX_new()) {
  if (ctx_ && EVP_DigestInit_ex(ctx_, EVP_sha256(), nullptr) != 1) {
    EVP_MD_CTX_free(ctx_);
    ctx_ = nullptr;
  }
}

FileSha256::~FileSha256() {
  if (ctx_) EVP_MD_CTX_free(ctx_);
}

void FileSha256::update(ByteView bytes) {
  if (!ctx_ || bytes.empty()) return;
  if (EVP_DigestUpdate(ctx_, bytes.data(), bytes.size()) != 1) {
    EVP_MD_CTX_free(ctx_);
    ctx_ = nullptr;
  }
}

std::string FileSha256::finish() {
  if (!ctx_) return hex_;
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int len = 0;
  if (EVP_DigestFinal_ex(ctx_, digest.data(), &len) == 1) {
    static constexpr char kHex[] = "0123456789abcdef";
    for (unsigned int i = 0; i < len; ++i) {
      hex_.push_back(kHex[digest[i] >> 4]);
      hex_.push_back(kHex[digest[i] & 0xF]);
    }
  }
  EVP_MD_CTX_free(ctx_);
  ctx_ = nullptr;
  return hex_;
}

}  // namespace korgoo::app
