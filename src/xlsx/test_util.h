// Helpers of the xlsx reader tests: read a whole sheet and show cells compactly.
#pragma once

#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "xlsx/workbook_reader.h"

namespace keyline::xlsx::testing {

// "" empty, "s:text", "n:12000.5", "d:45731" (a date-formatted number), "b:1", "e:#DIV/0!".
inline std::string Show(const Cell& c) {
  char buf[64];
  switch (c.kind) {
    case Cell::Kind::kEmpty:
      return "";
    case Cell::Kind::kText:
      return "s:" + c.text;
    case Cell::Kind::kNumber:
      std::snprintf(buf, sizeof buf, "%s:%.10g", c.date_format ? "d" : "n", c.number);
      return buf;
    case Cell::Kind::kBool:
      return c.number != 0 ? "b:1" : "b:0";
    case Cell::Kind::kError:
      return "e:" + c.text;
  }
  return "?";
}

struct SheetDump {
  SheetLayout layout;
  std::vector<int64_t> row_numbers;
  std::vector<bool> row_hidden;
  std::vector<std::vector<std::string>> rows;  // Show() of each cell
  bool layout_before_first_row = true;
};

inline Result<SheetDump> Dump(WorkbookReader& reader, size_t sheet) {
  SheetDump dump;
  Status s = reader.ReadSheet(sheet, dump.layout, [&](const Row& row) {
    if (dump.rows.empty() && dump.layout.merged.empty() && dump.layout.hidden_columns.empty()) {
      dump.layout_before_first_row = false;  // only meaningful for sheets that have a layout
    }
    dump.row_numbers.push_back(row.index);
    dump.row_hidden.push_back(row.hidden);
    std::vector<std::string> cells;
    for (const Cell& c : row.cells) cells.push_back(Show(c));
    dump.rows.push_back(std::move(cells));
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return dump;
}

inline std::string ReadFileBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

inline std::string FixturePath(const std::string& name) {
  return std::string(KEYLINE_SOURCE_DIR) + "/tests/fixtures/xlsx/" + name;
}

}  // namespace keyline::xlsx::testing
