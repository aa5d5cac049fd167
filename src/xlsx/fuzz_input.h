// The fuzz harness body, shared by fuzz/xlsx_reader_fuzz.cc (libFuzzer) and the corpus replay
// test (fuzz_corpus_test.cc, run in every normal build).
//
// Input: either a whole .xlsx (starts with "PK"), or the text of up to five parts separated by
// "\n=====\n" (sheet1.xml, sharedStrings.xml, styles.xml, workbook.xml, workbook.xml.rels)
// which is zipped (stored) around a fixed package so that mutations reach the XML handlers
// instead of dying at the zip CRC check.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "xlsx/test_zip.h"
#include "xlsx/workbook_reader.h"

namespace keyline::xlsx::testing {

inline std::string FuzzInputToXlsx(std::string_view data) {
  if (data.starts_with("PK")) return std::string(data);
  static constexpr std::string_view kSep = "\n=====\n";
  Parts parts;
  std::string* slots[] = {&parts.sheet, &parts.shared_strings, &parts.styles, &parts.workbook,
                          &parts.workbook_rels};
  for (std::string* slot : slots) {
    size_t end = data.find(kSep);
    *slot = std::string(data.substr(0, end));
    if (end == std::string_view::npos) break;
    data.remove_prefix(end + kSep.size());
  }
  return MakeXlsx(parts, /*store=*/true);
}

// Opens the input and reads every sheet; returns the number of rows read (failures are fine:
// only crashes, hangs and unbounded memory are bugs).
inline int64_t RunXlsxFuzzInput(std::string_view data) {
  Limits limits;
  limits.max_entry_uncompressed = 32u << 20;
  limits.max_total_uncompressed = 64u << 20;
  auto reader = WorkbookReader::OpenBytes(FuzzInputToXlsx(data), limits);
  if (!reader.ok()) return -1;
  int64_t rows = 0;
  for (size_t i = 0; i < (*reader)->sheets().size() && i < 16; ++i) {
    SheetLayout layout;
    (void)(*reader)->ReadSheet(i, layout, [&](const Row& row) {
      rows += 1 + static_cast<int64_t>(row.cells.size() > 0);
      return Status::Ok();
    });
  }
  return rows;
}

}  // namespace keyline::xlsx::testing
