#include "app/file/office_text.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <pugixml.hpp>

namespace korgoo::app {
namespace {

// Element names without their namespace prefix ("w:p" -> "p").
std::string_view local(const char* name) {
  const std::string_view n(name);
  const std::size_t colon = n.find(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

std::string_view prefix(const char* name) {
  const std::string_view n(name);
  const std::size_t colon = n.find(':');
  return colon == std::string_view::npos ? std::string_view{} : n.substr(0, colon);
}

bool load(pugi::xml_document& doc, std::string_view xml, unsigned options) {
  // A truncated part (a size cap) still yields the nodes before the cut.
  const auto r = doc.load_buffer(xml.data(), xml.size(), options, pugi::encoding_utf8);
  return r || doc.first_child();
}

// All <t> text under `n` (an <si> or <is>), leaving out phonetic runs (<rPh>).
void runs_text(const pugi::xml_node& n, std::string& out) {
  for (const pugi::xml_node& c : n.children()) {
    if (c.type() != pugi::node_element) continue;
    const std::string_view l = local(c.name());
    if (l == "rPh") continue;
    if (l == "t") {
      out += c.text().get();
      continue;
    }
    runs_text(c, out);
  }
}

class DocumentWalker {
 public:
  explicit DocumentWalker(std::string& out) : out_(out) {}

  void walk(const pugi::xml_node& n) {
    for (const pugi::xml_node& c : n.children()) {
      if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
        out_ += c.value();
        continue;
      }
      if (c.type() != pugi::node_element) continue;
      const std::string_view l = local(c.name());
      const std::string_view p = prefix(c.name());
      if (p == "mc" && l == "Fallback") continue;
      if (l == "tab") {
        out_ += '\t';
        continue;
      }
      if (l == "br" || l == "line-break") {
        out_ += '\n';
        continue;
      }
      if (p == "text" && l == "s") {  // ODF's run of spaces
        out_ += ' ';
        continue;
      }
      if (p == "table" && l == "table-cell") {
        const pugi::xml_attribute v = c.attribute("office:value");
        if (v) {
          out_ += plain_number(v.value());
          out_ += '\t';
          continue;
        }
      }
      walk(c);
      if (l == "p" || l == "h" || l == "tc" || l == "table-cell" || l == "tr" || l == "table-row") {
        out_ += '\n';
      }
    }
  }

 private:
  std::string& out_;
};

}  // namespace

std::string plain_number(std::string_view v) {
  if (v.find_first_of("eE") == std::string_view::npos) return std::string(v);
  double d = 0;
  const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), d);
  if (ec != std::errc() || end != v.data() + v.size() || !std::isfinite(d) || d < 0 || d >= 1e17 ||
      std::floor(d) != d) {
    return std::string(v);
  }
  char buf[32];
  const int n = std::snprintf(buf, sizeof buf, "%.0f", d);
  return std::string(buf, static_cast<std::size_t>(n));
}

std::vector<std::string> ooxml_shared_strings(std::string_view xml) {
  std::vector<std::string> out;
  pugi::xml_document doc;
  if (!load(doc, xml, pugi::parse_default | pugi::parse_ws_pcdata)) return out;
  for (const pugi::xml_node& si : doc.document_element().children()) {
    if (si.type() != pugi::node_element || local(si.name()) != "si") continue;
    std::string s;
    runs_text(si, s);
    out.push_back(std::move(s));
  }
  return out;
}

void ooxml_sheet_text(std::string_view xml, const std::vector<std::string>& shared,
                      std::string& out) {
  pugi::xml_document doc;
  if (!load(doc, xml, pugi::parse_default | pugi::parse_ws_pcdata)) return;
  pugi::xml_node data;
  for (const pugi::xml_node& c : doc.document_element().children())
    if (local(c.name()) == "sheetData") data = c;
  for (const pugi::xml_node& row : data.children()) {
    if (local(row.name()) != "row") continue;
    bool first = true;
    for (const pugi::xml_node& cell : row.children()) {
      if (local(cell.name()) != "c") continue;
      if (!first) out += '\t';
      first = false;
      const std::string_view type = cell.attribute("t").value();
      if (type == "inlineStr") {
        for (const pugi::xml_node& is : cell.children())
          if (local(is.name()) == "is") runs_text(is, out);
        continue;
      }
      std::string_view value;
      for (const pugi::xml_node& v : cell.children())
        if (local(v.name()) == "v") value = v.text().get();
      if (type == "s") {
        std::size_t index = 0;
        const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), index);
        if (ec == std::errc() && end == value.data() + value.size() && index < shared.size())
          out += shared[index];
      } else if (type == "str" || type == "e") {
        out += value;
      } else if (type != "b") {  // numbers (t="n" or none); booleans carry no text
        out += plain_number(value);
      }
    }
    out += '\n';
  }
}

void document_text(std::string_view xml, std::string& out) {
  pugi::xml_document doc;
  if (!load(doc, xml, pugi::parse_default | pugi::parse_ws_pcdata)) return;
  DocumentWalker(out).walk(doc);
}

}  // namespace korgoo::app
