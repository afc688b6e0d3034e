// libFuzzer harness for the SMTP/MIME, FTP, DNS and TLS decoders (not built by default).
// Build, e.g.:
//   clang++ -std=c++20 -g -O1 -fsanitize=fuzzer,address,undefined -I sensor \
//     tests/app/fuzz_mail_dns_tls.cc sensor/app/{transfer,mime,smtp,ftp,dns,tls}_*.cc \
//     sensor/app/expectations.cc sensor/app/fuzz_entry_points_mail_dns_tls.cc \
//     sensor/common/ip_address.cc -lfmt \
//     -DKORGOO_FUZZ_TARGET=2 -o fuzz_dns
// KORGOO_FUZZ_TARGET: 0 smtp, 1 mime, 2 dns, 3 tls, 4 ftp. The first input byte splits the
// rest into the two directions where a target has two.
#include <cstddef>
#include <cstdint>

#include "app/fuzz_entry_points_mail_dns_tls.h"

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
