// The workbook-level parts of an .xlsx: package relationships, workbook.xml, styles.xml and
// the shared-string table. Each is parsed in one streaming pass with XmlStream.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "xlsx/workbook_reader.h"
#include "xlsx/xml_stream.h"
#include "xlsx/zip_archive.h"

namespace keyline::xlsx {

// Streams part `name` of `zip` through `xml` (to its end, or until a handler finishes it).
Status ParsePart(ZipArchive& zip, const std::string& name, XmlStream& xml);

struct Relationship {
  std::string id;
  std::string type;    // full type URI; compare with TypeIs
  std::string target;  // the resolved part name inside the zip ("xl/worksheets/sheet1.xml")
};

// True when a relationship type URI ends with "/<suffix>" (transitional and strict OOXML
// differ only in the prefix).
bool TypeIs(std::string_view type, std::string_view suffix);

// Resolves a relationship Target against the folder of its source part (`base_dir`, e.g. "xl/"):
// "worksheets/sheet1.xml" → "xl/worksheets/sheet1.xml", "/xl/x.xml" → "xl/x.xml", ".." steps
// resolved. kInvalidArgument for a target that leaves the package root, is empty, or has a
// backslash, a NUL, a scheme ("file:", "http:") or a percent escape.
Result<std::string> ResolveTarget(std::string_view base_dir, std::string_view target);

// Reads a .rels part; external relationships are skipped. A missing rels part gives an
// empty list (the caller decides whether what it needs is there).
Result<std::vector<Relationship>> ReadRelationships(ZipArchive& zip, const std::string& rels_part,
                                                    std::string_view base_dir);

struct WorkbookPart {
  struct Sheet {
    SheetInfo info;
    std::string rel_id;
  };
  std::vector<Sheet> sheets;
  bool date1904 = false;
};
Result<WorkbookPart> ReadWorkbook(ZipArchive& zip, const std::string& part);

// is_date[xf index] for cellXfs.
Result<std::vector<bool>> ReadDateStyles(ZipArchive& zip, const std::string& part);

Result<std::vector<std::string>> ReadSharedStrings(ZipArchive& zip, const std::string& part,
                                                   const Limits& limits);

}  // namespace keyline::xlsx
