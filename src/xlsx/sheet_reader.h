// Reading one worksheet part: its layout (merged ranges, hidden columns) and its rows.
//
// Merged ranges sit after <sheetData> in the XML, but callers need them before the first row
// (to spread a merged header over its columns). So a sheet is read in two streaming passes
// over the same zip entry:
//  1. a byte scan of the inflated part for the <mergeCells> tag (only '<' starts a tag: text
//     and attribute values cannot hold a raw '<'), whose element alone is parsed with expat;
//     nothing else is parsed, so this pass costs about one inflate;
//  2. the full expat parse: <cols> (hidden columns) comes before <sheetData> by the schema, so
//     the layout is complete when the first row is delivered.
// Memory: one row plus the merged ranges; the part is never held whole.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "common/result.h"
#include "xlsx/workbook_reader.h"
#include "xlsx/zip_archive.h"

namespace keyline::xlsx {

struct SheetContext {
  const std::vector<std::string>* shared_strings = nullptr;
  const std::vector<bool>* date_styles = nullptr;
  bool date1904 = false;
  const Limits* limits = nullptr;
};

Status ReadSheetPart(ZipArchive& zip, const std::string& part, const SheetContext& context,
                     SheetLayout& layout, const std::function<Status(const Row&)>& on_row);

}  // namespace keyline::xlsx
