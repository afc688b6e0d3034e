// libFuzzer harness for the SMTP, MIME, DNS, TLS and FTP decoders, one binary per decoder:
// tests/fuzz/CMakeLists.txt compiles this file once per KORGOO_FUZZ_TARGET (0 smtp, 1 mime,
// 2 dns, 3 tls, 4 ftp). The first input byte splits the rest into the two directions where a
// target has two.
#include <cstddef>
#include <cstdint>

#include "fuzz/mail_dns_tls_entry_points.h"

#ifndef KORGOO_FUZZ_TARGET
#define KORGOO_FUZZ_TARGET 0
#endif

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace korgoo;
  using namespace korgoo::app;
  const ByteView all(data, size);
  const std::size_t cut = size == 0 ? 0 : (static_cast<std::size_t>(data[0]) * size) / 256;
  const ByteView first = all.first(cut);
  const ByteView second = all.subspan(cut);
  switch (KORGOO_FUZZ_TARGET) {
    case 0:
      fuzz_smtp(first, second);
      break;
    case 1:
      fuzz_mime(all);
      break;
    case 2:
      fuzz_dns(all);
      break;
    case 3:
      fuzz_tls(all);
      break;
    default:
      fuzz_ftp(first, second);
      break;
  }
  return 0;
}
