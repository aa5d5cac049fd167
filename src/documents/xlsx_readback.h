// Test helper: a workbook read back whole with the streaming xlsx::WorkbookReader, so tests can
// check cells, merged ranges and totals of what Keyline wrote. Header-only; link kl_xlsx.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "xlsx/workbook_reader.h"

namespace keyline::documents::testing {

struct ReadSheet {
  std::string name;
  std::map<int64_t, std::vector<xlsx::Cell>> rows;  // 1-based row number → cells
  std::vector<xlsx::MergedRange> merged;

  // The cell at 1-based row and 0-based column (empty when absent).
  xlsx::Cell At(int64_t row, int col) const {
    auto it = rows.find(row);
    if (it == rows.end() || col >= static_cast<int>(it->second.size())) return {};
    return it->second[col];
  }
  bool IsMerged(int64_t first_row, int first_col, int64_t last_row, int last_col) const {
    for (const auto& m : merged) {
      if (m.first_row == first_row && m.first_col == first_col && m.last_row == last_row &&
          m.last_col == last_col)
        return true;
    }
    return false;
  }
  // The 1-based row whose first cell is `text`, or 0.
  int64_t RowStarting(const std::string& text) const {
    for (const auto& [n, cells] : rows) {
      if (!cells.empty() && cells[0].text == text) return n;
    }
    return 0;
  }
};

// Every sheet of the workbook; an empty vector (and *error set) when it cannot be read.
inline std::vector<ReadSheet> ReadBack(const std::string& bytes, std::string* error = nullptr) {
  std::vector<ReadSheet> out;
  auto reader = xlsx::WorkbookReader::OpenBytes(bytes);
  if (!reader.ok()) {
    if (error) *error = reader.status().ToString();
    return out;
  }
  for (size_t i = 0; i < (*reader)->sheets().size(); ++i) {
    ReadSheet sheet;
    sheet.name = (*reader)->sheets()[i].name;
    xlsx::SheetLayout layout;
    Status st = (*reader)->ReadSheet(i, layout, [&](const xlsx::Row& row) {
      sheet.rows[row.index] = row.cells;
      return Status::Ok();
    });
    if (!st.ok()) {
      if (error) *error = st.ToString();
      return {};
    }
    sheet.merged = layout.merged;
    out.push_back(std::move(sheet));
  }
  return out;
}

}  // namespace keyline::documents::testing
