// OfficeWorkbook: .xlsx in the layout 发改 offices exchange (libxlsxwriter).
//
// Each sheet: a title row merged across all columns, an optional subtitle row (填报单位、截至日期),
// a two-row header where columns sharing a `group` get a merged group cell above their own
// headers and ungrouped columns span both header rows, the data rows, and an optional 合计 row
// whose totals are SUM formulas with their value cached (readers that do not calculate still see
// the figure). The header is frozen; widths and number formats (万元 with 2 decimals, dates as
// real Excel dates, percentages) come from the column. Sheet names may be Chinese; characters
// Excel forbids ([]:*?/\) are replaced and names are cut to 31 characters.
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "common/result.h"

namespace keyline::documents {

enum class ColumnKind { kText, kInteger, kWan, kDate, kPercent, kDecimal };

struct SheetColumn {
  std::string header;  // e.g. "总投资（万元）"
  ColumnKind kind = ColumnKind::kText;
  double width = 12;    // Excel character units
  std::string group;    // "" = the header spans both header rows
  bool summed = false;  // totalled in the 合计 row (numeric kinds)
  int decimals = 2;     // kPercent and kDecimal: the decimals shown (a rate: its indicator's)
};

// One cell: empty, text, a number (万元 as a plain number, percentages as fractions) or an ISO
// date "YYYY-MM-DD" (written as an Excel date; a malformed date is written as text).
struct SheetDate {
  std::string iso;
};
using SheetCell = std::variant<std::monostate, std::string, double, SheetDate>;

struct OfficeSheet {
  std::string name;      // the tab
  std::string title;     // row 1, merged across
  std::string subtitle;  // row 2 when not empty (right-aligned: 单位、日期)
  std::vector<SheetColumn> columns;
  std::vector<std::vector<SheetCell>> rows;  // rows[i].size() ≤ columns.size()
  bool totals_row = false;                   // 合计 in the first column, SUMs under `summed`
  std::string note;  // a line under the table when not empty (e.g. "暂无数据")
  // The sheet's last line when not empty, below the note and also as the printed page footer
  // (e.g. the audit chain head of an issued bulletin).
  std::string footer;
};

// Row numbers (0-based) of a sheet's parts, as written.
struct SheetLayout {
  int title_row = 0;
  int first_header_row = 0;
  int first_data_row = 0;
  int totals_row = -1;
};
SheetLayout LayoutOf(const OfficeSheet& sheet);

// The .xlsx bytes of the sheets (at least one). libxlsxwriter writes a file: a private temp file
// is used and always removed. kInvalidArgument for a sheet without columns, kInternal when the
// library fails.
Result<std::string> WriteWorkbook(const std::vector<OfficeSheet>& sheets);

// Excel's sheet-name rules applied: forbidden characters replaced by "_", at most 31 characters
// (UTF-8 aware), "Sheet" when empty, and unique among `taken` (a " (2)" suffix).
std::string SafeSheetName(const std::string& name, const std::vector<std::string>& taken);

}  // namespace keyline::documents
