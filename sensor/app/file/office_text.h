// The text of office document parts (issue 13), as a person reads it: OOXML spreadsheets
// (shared strings, inline strings and numeric cells), word-processing and slide parts, and ODF
// content. Cells are separated by a tab and rows, paragraphs and table cells by a newline: no
// identifier pattern spans either, so a value never joins the next cell's, while a label and
// its value in one row stay as near as in the CSV the sheet would export to.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace korgoo::app {

// xl/sharedStrings.xml: each <si> string (its rich-text runs joined, phonetic hints left out).
std::vector<std::string> ooxml_shared_strings(std::string_view xml);

// xl/worksheets/sheetN.xml: each row's cell values, tab-separated, one row a line. Shared
// strings are resolved; numbers written in exponent form (2.1503E13) are given as digits.
// Formulas are left out (their cached value is what was shown).
void ooxml_sheet_text(std::string_view xml, const std::vector<std::string>& shared,
                      std::string& out);

// word/document.xml, headers, footers, notes, slides, ODF content.xml: text nodes in document
// order, one paragraph a line. Alternative content (mc:Fallback) is skipped so a text box is
// not read twice; ODF cells with a typed value (office:value) give that value.
void document_text(std::string_view xml, std::string& out);

// "2.1503198500012E13" -> "21503198500012" when the number is an integer below 1e17; other
// text unchanged.
std::string plain_number(std::string_view v);

}  // namespace korgoo::app
