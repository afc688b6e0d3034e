#include "app/file/pdf_text.h"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>
#include <climits>
#include <memory>
#include <mutex>

namespace korgoo::app {
namespace {

void ignore_poppler_message(const std::string&, void*) {}

// poppler keeps one process-wide message hook; set it once, before the first document.
void silence_poppler() {
  static std::once_flag once;
  std::call_once(once, [] { poppler::set_debug_error_function(ignore_poppler_message, nullptr); });
}

}  // namespace

PdfTextResult pdf_text(ByteView pdf, const std::function<bool(std::string_view)>& page,
                       const std::function<bool(int)>& before_page) {
  silence_poppler();
  PdfTextResult r;
  if (pdf.size() > static_cast<std::size_t>(INT_MAX)) pdf = pdf.subspan(0, INT_MAX);
  // load_from_raw_data reads the caller's bytes in place; they outlive the document here.
  const std::unique_ptr<poppler::document> doc(poppler::document::load_from_raw_data(
      reinterpret_cast<const char*>(pdf.data()), static_cast<int>(pdf.size())));
  if (!doc) {
    r.status = PdfTextResult::Status::kDamaged;
    return r;
  }
  r.encrypted = doc->is_encrypted();
  if (doc->is_locked()) {
    r.encrypted = true;
    r.status = PdfTextResult::Status::kEncrypted;
    return r;
  }
  r.pages = doc->pages();
  for (int i = 0; i < r.pages; ++i) {
    if (i > 0 && !before_page(i)) break;
    const std::unique_ptr<poppler::page> p(doc->create_page(i));
    if (!p) continue;
    const poppler::byte_array utf8 = p->text().to_utf8();
    ++r.pages_read;
    if (!page(std::string_view(utf8.data(), utf8.size()))) break;
  }
  return r;
}

}  // namespace korgoo::app
