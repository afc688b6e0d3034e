// A little of what the fuzzer does, on every test run: valid flows mutated at random (fixed
// seed) through the fuzz entry points must neither crash nor hang.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "fuzz/http_entry_points.h"

namespace korgoo::app {
namespace {

const std::vector<std::pair<std::string, std::string>> kSeeds = {
    {"GET /a?b=%41 HTTP/1.1\r\nHost: h\r\n\r\nPOST /f HTTP/1.1\r\nHost: h\r\nContent-Type: "
     "multipart/form-data; boundary=b\r\nContent-Length: 60\r\n\r\n--b\r\nContent-Disposition: "
     "form-data; filename=x\r\n\r\ndata\r\n--b--\r\n",
     "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\nHTTP/1.1 204 "
     "No\r\n\r\n"},
    {"CONNECT h:80 HTTP/1.1\r\n\r\nGET / HTTP/1.1\r\n\r\n",
     "HTTP/1.1 200 OK\r\n\r\nHTTP/1.0 200 OK\r\nContent-Encoding: gzip\r\n\r\n\x1f\x8b\x08\x00"},
    {"PUT /j HTTP/1.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
     "5\r\n{\"a\":\r\n8\r\n\"\\ud83d\\\r\n0\r\n\r\n",
     "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabc"},
};

TEST(HttpFuzzSmoke, MutatedFlowsDoNotCrash) {
  std::mt19937 rng(12345);
  for (int round = 0; round < 3000; ++round) {
    auto [c, s] = kSeeds[round % kSeeds.size()];
    for (std::string* side : {&c, &s}) {
      const int edits = static_cast<int>(rng() % 4);
      for (int e = 0; e < edits && !side->empty(); ++e) {
        const std::size_t at = rng() % side->size();
        switch (rng() % 3) {
          case 0:
            (*side)[at] = static_cast<char>(rng());
            break;
          case 1:
            side->erase(at, 1 + rng() % 8);
            break;
          default:
            side->insert(at, std::string(1 + rng() % 4, static_cast<char>(rng())));
            break;
        }
      }
    }
    const std::uint8_t cuts[3] = {static_cast<std::uint8_t>(rng()), 0, 6};
    fuzz_http(as_bytes(c), as_bytes(s), round % 2 ? ByteView(cuts) : ByteView{});
    std::string input = {static_cast<char>(c.size() >> 8), static_cast<char>(c.size()),
                         static_cast<char>(round % 5)};
    fuzz_app_layer(as_bytes(input + c + s));
  }
}

}  // namespace
}  // namespace korgoo::app
