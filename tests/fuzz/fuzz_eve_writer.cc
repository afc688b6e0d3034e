// libFuzzer harness: the EVE writer on records whose strings are arbitrary bytes (invalid
// UTF-8, control characters, quotes), as decoded metadata can be. Input: strings of
// [1: length][bytes], placed in turn into nested fields. Checks that every record comes out
// as exactly one line that parses back as JSON.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>

#include "common/json.h"
#include "fuzz/fuzz_input.h"
#include "output/eve_writer.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace korgoo;
  char* text = nullptr;
  std::size_t text_size = 0;
  std::FILE* stream = open_memstream(&text, &text_size);
  if (!stream) return 0;
  std::size_t records = 0;
  {
    output::EveWriter eve(stream);
    fuzz::FuzzInput in(data, size);
    while (!in.empty()) {
      Json rec;
      rec["event_type"] = "http";
      static constexpr const char* kFields[] = {"hostname", "url", "http_user_agent", "referer"};
      for (const char* field : kFields) {
        const ByteView b = in.bytes(in.u8());
        const std::string s(reinterpret_cast<const char*>(b.data()), b.size());
        rec["http"][field] = s;
        rec["list"].push_back(s);
      }
      eve.write(rec);
      ++records;
    }
    eve.flush();
  }
  std::fclose(stream);
  std::istringstream lines(std::string(text, text_size));
  std::free(text);
  std::size_t seen = 0;
  for (std::string line; std::getline(lines, line); ++seen)
    if (!Json::accept(line)) std::abort();
  if (seen != records) std::abort();
  return 0;
}
