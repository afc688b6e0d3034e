#include "icap/icap_chunk_reader.h"

#include <gtest/gtest.h>

#include <string>

namespace korgoo::icap {
namespace {

struct Run {
  IcapChunkReader::Result result;
  std::string data;
  std::size_t consumed = 0;
};

// Feeds `in` in pieces of `step` bytes, as a socket might deliver it.
Run feed_all(IcapChunkReader& r, std::string_view in, std::size_t step) {
  Run out{IcapChunkReader::Result::kMore, {}, 0};
  while (out.consumed < in.size()) {
    std::size_t used = 0;
    const auto piece = in.substr(out.consumed, step);
    out.result = r.feed(piece, used, [&](std::string_view d) { out.data.append(d); });
    out.consumed += used;
    if (out.result != IcapChunkReader::Result::kMore) break;
  }
  return out;
}

TEST(IcapChunkReader, DecodesChunksInAnySplit) {
  const std::string in = "5\r\nhello\r\na;ext=1\r\n, chunked!\r\n0\r\n\r\nNEXT";
  for (std::size_t step : {1u, 2u, 7u, 100u}) {
    IcapChunkReader r;
    const auto run = feed_all(r, in, step);
    EXPECT_EQ(run.result, IcapChunkReader::Result::kEnd) << step;
    EXPECT_EQ(run.data, "hello, chunked!");
    EXPECT_EQ(run.consumed, in.size() - 4);  // the next request's bytes are left
    EXPECT_FALSE(r.ieof());
    EXPECT_EQ(r.body_bytes(), 15u);
  }
}

TEST(IcapChunkReader, IeofMarksTheWholeBodyInPreview) {
  IcapChunkReader r;
  const auto run = feed_all(r, "3\r\nabc\r\n0; ieof\r\n\r\n", 4);
  EXPECT_EQ(run.result, IcapChunkReader::Result::kEnd);
  EXPECT_TRUE(r.ieof());
  r.reset();
  EXPECT_FALSE(r.ieof());
}

TEST(IcapChunkReader, TrailersAreSkipped) {
  IcapChunkReader r;
  const auto run = feed_all(r, "1\r\nx\r\n0\r\nX-T: 1\r\n\r\n", 3);
  EXPECT_EQ(run.result, IcapChunkReader::Result::kEnd);
  EXPECT_EQ(run.data, "x");
}

TEST(IcapChunkReader, MalformedInputIsAnError) {
  for (std::string_view bad :
       {"zz\r\n", "3\r\nabcX", "1; ieof\r\nx\r\n0\r\n\r\n", "ffffffffffffffffff\r\n"}) {
    IcapChunkReader r;
    EXPECT_EQ(feed_all(r, bad, 64).result, IcapChunkReader::Result::kError) << bad;
    EXPECT_FALSE(r.error().empty());
  }
  IcapChunkReader r;
  EXPECT_EQ(feed_all(r, std::string(IcapChunkReader::kMaxLine + 1, '1'), 64).result,
            IcapChunkReader::Result::kError);
}

TEST(IcapChunkReader, IncompleteInputAsksForMore) {
  IcapChunkReader r;
  EXPECT_EQ(feed_all(r, "4\r\nab", 64).result, IcapChunkReader::Result::kMore);
}

}  // namespace
}  // namespace korgoo::icap
