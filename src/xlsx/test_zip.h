// BuildZip: writes a zip archive in memory with libzip, for tests and the fuzz harness that
// need hand-made (often hostile) .xlsx files. Header-only; not part of the library.
#pragma once

#include <zip.h>

#include <cstdio>
#include <string>
#include <utility>
#include <vector>

namespace keyline::xlsx::testing {

struct ZipEntry {
  std::string name;
  std::string content;
};

// The archive's bytes ("" when libzip fails). Entries are deflated, or stored when `store`.
inline std::string BuildZip(const std::vector<ZipEntry>& entries, bool store = false) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_error_fini(&error);
  if (src == nullptr) return "";
  zip_source_keep(src);
  zip_t* za = zip_open_from_source(src, ZIP_TRUNCATE, nullptr);
  if (za == nullptr) {
    zip_source_free(src);
    return "";
  }
  for (const ZipEntry& e : entries) {
    zip_source_t* data = zip_source_buffer(za, e.content.data(), e.content.size(), 0);
    zip_int64_t index = zip_file_add(za, e.name.c_str(), data, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE);
    if (index < 0) {
      zip_source_free(data);
      continue;
    }
    zip_set_file_compression(za, static_cast<zip_uint64_t>(index),
                             store ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 0);
  }
  std::string out;
  if (zip_close(za) != 0) {
    zip_discard(za);
    zip_source_free(src);
    return "";
  }
  if (zip_source_open(src) == 0) {
    zip_source_seek(src, 0, SEEK_END);
    zip_int64_t size = zip_source_tell(src);
    zip_source_seek(src, 0, SEEK_SET);
    if (size > 0) {
      out.resize(static_cast<size_t>(size));
      zip_int64_t n = zip_source_read(src, out.data(), out.size());
      out.resize(n > 0 ? static_cast<size_t>(n) : 0);
    }
    zip_source_close(src);
  }
  zip_source_free(src);
  return out;
}

inline const char* kContentTypes =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types "
    "xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>";
inline const char* kPackageRels =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships "
    "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship "
    "Id=\"rId1\" "
    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
    "Target=\"xl/workbook.xml\"/></Relationships>";
inline const char* kWorkbook =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook "
    "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
    "<sheet name=\"表1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
inline const char* kWorkbookRels =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships "
    "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" "
    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
    "Target=\"worksheets/sheet1.xml\"/>"
    "<Relationship Id=\"rId2\" "
    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" "
    "Target=\"sharedStrings.xml\"/>"
    "<Relationship Id=\"rId3\" "
    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" "
    "Target=\"styles.xml\"/></Relationships>";

// A one-sheet workbook around the given parts: the <sheetData> etc. go inside <worksheet>.
inline std::string SheetXml(const std::string& inner) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet "
         "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">" +
         inner + "</worksheet>";
}
inline std::string SstXml(const std::string& inner) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst "
         "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">" +
         inner + "</sst>";
}
inline std::string StylesXml(const std::string& inner) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><styleSheet "
         "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">" +
         inner + "</styleSheet>";
}

// A full minimal .xlsx from whole part texts (empty = the default part).
struct Parts {
  std::string sheet = SheetXml("<sheetData/>");
  std::string shared_strings = SstXml("");
  std::string styles = StylesXml("");
  std::string workbook = kWorkbook;
  std::string workbook_rels = kWorkbookRels;
};
inline std::string MakeXlsx(const Parts& p, bool store = false) {
  return BuildZip({{"[Content_Types].xml", kContentTypes},
                   {"_rels/.rels", kPackageRels},
                   {"xl/workbook.xml", p.workbook},
                   {"xl/_rels/workbook.xml.rels", p.workbook_rels},
                   {"xl/worksheets/sheet1.xml", p.sheet},
                   {"xl/sharedStrings.xml", p.shared_strings},
                   {"xl/styles.xml", p.styles}},
                  store);
}

}  // namespace keyline::xlsx::testing
