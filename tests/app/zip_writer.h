// Archives made in the test with libarchive's writer: ZIP members stored or deflated, and
// optionally encrypted (traditional PKWARE); tar and bzip2/xz/zstd streams. No binary fixture
// is committed.
#pragma once

#include <archive.h>
#include <archive_entry.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace korgoo::app::testing {

struct Member {
  std::string name;
  std::string data;
  bool store = false;  // stored (no compression) rather than deflated
};

// The archive `setup` configures (format, filters, options), with `members` in it.
template <class Setup>
std::string write_archive(const std::vector<Member>& members, Setup setup) {
  std::string out;
  struct archive* a = archive_write_new();
  setup(a);
  EXPECT_EQ(archive_write_set_bytes_in_last_block(a, 1), ARCHIVE_OK);
  const auto write = [](struct archive*, void* client, const void* buf, size_t n) -> la_ssize_t {
    static_cast<std::string*>(client)->append(static_cast<const char*>(buf), n);
    return static_cast<la_ssize_t>(n);
  };
  EXPECT_EQ(archive_write_open(a, &out, nullptr, write, nullptr), ARCHIVE_OK);
  const bool zip = archive_format(a) == ARCHIVE_FORMAT_ZIP;
  for (const auto& m : members) {
    if (zip) {
      EXPECT_EQ(m.store ? archive_write_zip_set_compression_store(a)
                        : archive_write_zip_set_compression_deflate(a),
                ARCHIVE_OK)
          << archive_error_string(a);
    }
    struct archive_entry* e = archive_entry_new();
    archive_entry_set_pathname(e, m.name.c_str());
    archive_entry_set_size(e, static_cast<la_int64_t>(m.data.size()));
    archive_entry_set_filetype(e, AE_IFREG);
    archive_entry_set_perm(e, 0644);
    archive_entry_set_mtime(e, 1700000000, 0);  // fixed: the same bytes every run
    EXPECT_EQ(archive_write_header(a, e), ARCHIVE_OK) << archive_error_string(a);
    EXPECT_EQ(archive_write_data(a, m.data.data(), m.data.size()),
              static_cast<la_ssize_t>(m.data.size()));
    archive_entry_free(e);
  }
  EXPECT_EQ(archive_write_close(a), ARCHIVE_OK);
  archive_write_free(a);
  return out;
}

// encrypted: every member with zipcrypt and a fixed test passphrase (libarchive sets it for
// the whole archive).
inline std::string make_zip(const std::vector<Member>& members, bool encrypted = false) {
  return write_archive(members, [&](struct archive* a) {
    EXPECT_EQ(archive_write_set_format_zip(a), ARCHIVE_OK);
    if (encrypted) {
      EXPECT_EQ(archive_write_set_options(a, "zip:encryption=zipcrypt"), ARCHIVE_OK)
          << archive_error_string(a);
      EXPECT_EQ(archive_write_set_passphrase(a, "test-passphrase"), ARCHIVE_OK);
    }
  });
}

// A tar (filter "" for none) or, with tar = false, one file through the filter alone
// ("bzip2", "xz", "zstd").
inline std::string make_tar(const std::vector<Member>& members, const char* filter,
                            bool tar = true) {
  return write_archive(members, [&](struct archive* a) {
    EXPECT_EQ(tar ? archive_write_set_format_pax_restricted(a) : archive_write_set_format_raw(a),
              ARCHIVE_OK);
    if (*filter != '\0') {
      EXPECT_EQ(archive_write_add_filter_by_name(a, filter), ARCHIVE_OK) << archive_error_string(a);
    }
  });
}

// A minimal .xlsx: the given shared strings and one sheet's <sheetData> rows (raw XML).
inline std::string make_xlsx(const std::vector<std::string>& shared, const std::string& rows) {
  std::string sst =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sst xmlns=\"http://"
      "schemas.openxmlformats.org/spreadsheetml/2006/main\">";
  for (const auto& s : shared) sst += "<si><t>" + s + "</t></si>";
  sst += "</sst>";
  const std::string sheet =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<worksheet xmlns=\"http://"
      "schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>" +
      rows + "</sheetData></worksheet>";
  return make_zip({{"[Content_Types].xml", "<Types/>"},
                   {"xl/workbook.xml", "<workbook/>"},
                   {"xl/styles.xml", "<styleSheet><numFmts count=\"0\"/></styleSheet>"},
                   {"xl/worksheets/sheet1.xml", sheet},
                   {"xl/sharedStrings.xml", sst}});
}

}  // namespace korgoo::app::testing
