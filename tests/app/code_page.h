// Test text in a single-byte Cyrillic code page ("CP1251", "KOI8-R"), by glibc iconv: the
// bytes an old Windows or Unix export would hold.
#pragma once

#include <iconv.h>

#include <string>

namespace korgoo::app::testing {

inline std::string in_code_page(const std::string& utf8, const char* page) {
  iconv_t cd = iconv_open(page, "UTF-8");
  if (cd == reinterpret_cast<iconv_t>(-1)) return "";
  std::string out(utf8.size(), '\0');
  char* in = const_cast<char*>(utf8.data());
  char* op = out.data();
  std::size_t il = utf8.size(), ol = out.size();
  const bool ok = iconv(cd, &in, &il, &op, &ol) != static_cast<std::size_t>(-1);
  iconv_close(cd);
  out.resize(ok ? out.size() - ol : 0);  // "" if a character has no place in the page
  return out;
}

}  // namespace korgoo::app::testing
