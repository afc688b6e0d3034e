#include <gtest/gtest.h>

#include "common/json.h"
#include "icap/block_page.h"
#include "icap/destination.h"

namespace korgoo::icap {
namespace {

TEST(BlockPage, HtmlByDefaultJsonWhenAsked) {
  BlockPage page(BlockPageConfig{});
  const auto html = page.render("text/html,*/*", "TEST drop <x>", "12345");
  EXPECT_EQ(html.rfind("HTTP/1.1 403 Forbidden\r\n", 0), 0u);
  EXPECT_NE(html.find("text/html"), std::string::npos);
  EXPECT_NE(html.find("TEST drop &lt;x&gt;"), std::string::npos);
  EXPECT_NE(html.find("12345"), std::string::npos);
  const auto body_at = html.find("\r\n\r\n") + 4;
  EXPECT_NE(html.find("Content-Length: " + std::to_string(html.size() - body_at)),
            std::string::npos);

  const auto json = page.render("application/json", "TEST \"drop\"", "9");
  const auto body = json.substr(json.find("\r\n\r\n") + 4);
  const Json j = Json::parse(body);
  EXPECT_EQ(j["rule"], "TEST \"drop\"");
  EXPECT_EQ(j["incident"], "9");
  EXPECT_EQ(j["error"], "upload_blocked");
}

TEST(BlockPage, ADownloadIsCalledADownload) {
  BlockPage page(BlockPageConfig{});
  const auto html = page.render("", "TEST drop", "1", "download");
  EXPECT_NE(html.find("<h1>Download blocked</h1>"), std::string::npos);
  EXPECT_EQ(html.find("pload"), std::string::npos);
  const auto json = page.render("application/json", "TEST drop", "1", "download");
  EXPECT_EQ(Json::parse(json.substr(json.find("\r\n\r\n") + 4))["error"], "download_blocked");
}

TEST(BlockPage, MissingTemplateNamesTheFile) {
  BlockPageConfig c;
  c.html_file = "/nonexistent/block.html";
  EXPECT_THROW({ BlockPage p(c); }, std::runtime_error);
}

TEST(Destination, AbsoluteTargetWinsOverHost) {
  auto d = destination_of("http://Upload.Example:8080/x?y", "other.example");
  EXPECT_EQ(d.host, "upload.example");
  EXPECT_EQ(d.port, 8080);
  d = destination_of("https://a.example/p", "");
  EXPECT_EQ(d.port, 443);
  d = destination_of("/path", "b.example:81");
  EXPECT_EQ(d.host, "b.example");
  EXPECT_EQ(d.port, 81);
  d = destination_of("/", "[2001:db8::1]:8443");
  EXPECT_EQ(d.host, "2001:db8::1");
  EXPECT_EQ(d.port, 8443);
  d = destination_of("c.example:443", "");  // CONNECT
  EXPECT_EQ(d.host, "c.example");
  EXPECT_EQ(d.port, 443);
}

TEST(Destination, AddressOrder) {
  DestinationResolver r({{"Mapped.Test", "192.0.2.7"}}, false);
  auto d = destination_of("/", "mapped.test");
  r.resolve(d, "198.51.100.1");
  EXPECT_EQ(d.address_from, "header");
  EXPECT_EQ(d.address->to_string(), "198.51.100.1");
  d = destination_of("/", "mapped.test");
  r.resolve(d, "");
  EXPECT_EQ(d.address_from, "hosts");
  EXPECT_EQ(d.address->to_string(), "192.0.2.7");
  d = destination_of("/", "203.0.113.9:80");
  r.resolve(d, "-");  // Squid's "no value" is not an address
  EXPECT_EQ(d.address_from, "literal");
  d = destination_of("/", "unmapped.test");
  r.resolve(d, "");
  EXPECT_FALSE(d.address);  // resolving is off
  EXPECT_THROW(DestinationResolver({{"x", "not-an-address"}}, false), std::invalid_argument);
}

}  // namespace
}  // namespace korgoo::icap
