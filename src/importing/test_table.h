// A SheetTable as the reader would build it from a one-row header (columns A, B, …; data from
// sheet row 2), for the planning tests.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "importing/sheet_table.h"

namespace keyline::importing {

inline SheetTable TestTable(std::vector<std::string> headers,
                            std::vector<std::vector<std::string>> rows, std::string title = "") {
  SheetTable t;
  t.title = std::move(title);
  t.header_first = t.header_last = 1;
  for (size_t i = 0; i < headers.size(); ++i) {
    t.columns.push_back({static_cast<int>(i), std::string(1, 'A' + i), headers[i]});
  }
  int64_t n = 2;
  for (const auto& r : rows) t.rows.Add(n++, r);
  return t;
}

}  // namespace keyline::importing
