// A quick, deterministic stand-in for the fuzzers: seeds plus many random mutations of them
// through every entry point. It finds crashes and hangs early (run it under ASan/UBSan); the
// libFuzzer harness in fuzz_mail_dns_tls.cc goes much further.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "fuzz/mail_dns_tls_entry_points.h"

namespace korgoo::app {
namespace {

const std::vector<std::string> kSeeds = {
    "EHLO x\r\nMAIL FROM:<a@b>\r\nRCPT TO:<c@d>\r\nDATA\r\nContent-Type: multipart/mixed; "
    "boundary=q\r\n\r\n--q\r\nContent-Transfer-Encoding: base64\r\nContent-Disposition: "
    "attachment; "
    "filename*0*=utf-8''%41;filename*1=b\r\n\r\nQUJD\r\n--q--\r\n.\r\nBDAT 3 "
    "LAST\r\nabcSTARTTLS\r\n",
    "220 x ESMTP\r\n250-PIPELINING\r\n250 ok\r\n354 go\r\n250 ok\r\n220 tls\r\n",
    std::string("\x12\x34\x01\x00\x00\x02\x00\x00\x00\x00\x00\x00\x03www\x07"
                "example\x03"
                "com\x00\x00\x01\x00\x01"
                "\xC0\x0C\x00\x1C\x00\x01",
                39),
    std::string("\x16\x03\x01\x00\x30\x01\x00\x00\x2C\x03\x03", 11) + std::string(32, 'r') +
        std::string("\x00\x00\x02\x13\x01\x01\x00\x00\x00", 9),
    "USER a\r\nPORT 10,0,0,1,4,1\r\nEPRT |2|::1|5000|\r\nSTOR x y\r\n227 (1,2,3,4,5,6)\r\n229 "
    "(|||7|)\r\n",
};

std::string mutate(const std::string& seed, std::mt19937& rng) {
  std::string s = seed;
  const int edits = 1 + static_cast<int>(rng() % 8);
  for (int i = 0; i < edits; ++i) {
    const std::size_t pos = s.empty() ? 0 : rng() % s.size();
    switch (rng() % 4) {
      case 0:
        if (!s.empty()) s[pos] = static_cast<char>(rng());
        break;
      case 1:
        s.insert(pos, 1, static_cast<char>(rng()));
        break;
      case 2:
        if (!s.empty()) s.erase(pos, 1 + rng() % 4);
        break;
      default:
        s.insert(pos, s.substr(pos, rng() % 16));
        break;
    }
  }
  return s;
}

TEST(TransferFuzzSmoke, MutatedInputsNeverCrash) {
  std::mt19937 rng(12345);
  for (int round = 0; round < 3000; ++round) {
    const std::string& seed = kSeeds[static_cast<std::size_t>(round) % kSeeds.size()];
    const std::string a = mutate(seed, rng);
    const std::string b = mutate(kSeeds[rng() % kSeeds.size()], rng);
    fuzz_smtp(as_bytes(a), as_bytes(b));
    fuzz_mime(as_bytes(a));
    fuzz_ftp(as_bytes(a), as_bytes(b));
    fuzz_dns(as_bytes(a));
    fuzz_tls(as_bytes(a));
  }
  SUCCEED();
}

}  // namespace
}  // namespace korgoo::app
