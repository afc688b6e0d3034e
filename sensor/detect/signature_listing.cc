#include "detect/signature_listing.h"

#include <iomanip>

namespace korgoo::detect {

void print_signatures(const DetectEngine& engine, std::ostream& out) {
  out << std::left << std::setw(6) << "id"
      << "  " << std::setw(20) << "type"
      << "  " << std::setw(10) << "category"
      << "  " << std::setw(12) << "validator"
      << "  " << std::setw(8) << "patterns"
      << "  " << std::setw(7) << "context"
      << "  "
      << "name"
      << "  (source)\n";
  for (const Signature& s : engine.signatures()) {
    const std::size_t n = s.patterns.empty() ? s.keywords.size() : s.patterns.size();
    const char* context =
        s.context.required ? "required" : (s.context.words.empty() ? "-" : "raises");
    out << std::left << std::setw(6) << s.id << "  " << std::setw(20) << s.type << "  "
        << std::setw(10) << to_string(s.category) << "  " << std::setw(12) << s.validator << "  "
        << std::setw(8) << n << "  " << std::setw(7) << context << "  " << s.name << "  ("
        << s.where.file.filename().string() << ":" << s.where.line << ")\n";
  }
}

}  // namespace korgoo::detect
