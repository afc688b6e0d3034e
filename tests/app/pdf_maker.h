// PDFs for tests, made by tests/app/make_pdf.py (Debian python3-reportlab) in invariant mode:
// the same bytes on every run, nothing binary committed. Lines of `text` become lines of a
// page, a form feed starts a new page; a non-empty `password` encrypts the document.
#pragma once

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>

namespace korgoo::app::testing {

inline std::string make_pdf(const std::string& text, const std::string& password = "") {
  namespace fs = std::filesystem;
  // Distinct per process and content (tests of one binary may run in parallel processes).
  const fs::path dir = fs::temp_directory_path() /
                       ("korgoo-pdf-" + std::to_string(::getpid()) + "-" +
                        std::to_string(std::hash<std::string>{}(text + '\0' + password)));
  fs::create_directories(dir);
  std::ofstream(dir / "in.txt", std::ios::binary) << text;
  // Debian's reportlab is installed for the system interpreter, whatever python3 PATH finds.
  const std::string python = fs::exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
  std::string cmd = python + " '" + KORGOO_SOURCE_DIR + "/tests/app/make_pdf.py' '" +
                    (dir / "in.txt").string() + "' '" + (dir / "out.pdf").string() + "'";
  if (!password.empty()) cmd += " --password '" + password + "'";
  std::string pdf;
  if (std::system(cmd.c_str()) == 0) {
    std::ifstream in(dir / "out.pdf", std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    pdf = s.str();
  }
  fs::remove_all(dir);
  return pdf;  // empty if reportlab is missing: the tests then fail on it
}

}  // namespace korgoo::app::testing
