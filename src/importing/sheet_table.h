// SheetTable: one worksheet reduced to what an import needs — where the header is, each
// column's header text, and the data rows as normalised texts — built row by row from the
// streaming xlsx reader.
//
// Header detection: the first of the first 30 rows with a cell naming a key column (项目名称,
// or for monthly figures also 项目代码) starts the header; rows above it (titles, "单位：万元"
// notes) are skipped, a unit note becomes the default amount unit. Merged cells starting in the
// header extend it downwards (multi-row headers), and a column's header text is the texts of
// its header rows joined with '/' ("总投资（万元）/其中：中央预算内"), merged cells counting
// for every column and row they cover. Hidden columns and columns without a header are left
// out. Below the header: hidden rows and 合计/小计/总计 rows and category headings
// ("一、工业项目") are skipped with a reason, blank rows silently; values of cells merged
// vertically across data rows are repeated in every row they cover.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "importing/fields.h"
#include "importing/normalize.h"
#include "xlsx/workbook_reader.h"

namespace keyline::importing {

struct TableColumn {
  int index = 0;       // sheet column, 0-based (A = 0)
  std::string letter;  // "A"
  std::string header;  // joined header texts
};

struct TableRow {
  int64_t row = 0;                 // sheet row number, 1-based
  std::vector<std::string> cells;  // one per TableColumn, as written (CellText)
  // The category heading above the row ("一、市级重点项目"), "" when none: a level named
  // there is the row's level when the sheet has no level column.
  std::string section;
};

struct SkippedRow {
  int64_t row = 0;
  std::string reason_zh, reason_en;
};

// Data rows one import may hold (kTooLarge beyond): a province's ledger fits, memory stays
// bounded (about 3 KiB a row while the dry run waits for confirmation).
inline constexpr size_t kMaxDataRows = 200000;
inline constexpr size_t kMaxTitleBytes = 2000;

struct SheetTable {
  int64_t header_first = 0, header_last = 0;  // sheet rows, 1-based
  std::optional<AmountUnit> default_unit;     // from a note above the header
  // The texts above the header (title, "截至12月底", "单位：万元"), joined with ' ', at most
  // kMaxTitleBytes: where the period of the year's figures is read when no header names it.
  std::string title;
  std::vector<TableColumn> columns;
  std::vector<TableRow> rows;
  std::vector<SkippedRow> skipped;
};

class TableBuilder {
 public:
  TableBuilder(ImportKind kind, const xlsx::SheetLayout& layout, bool date1904);
  // Feed rows in sheet order (the reader's on_row).
  Status Add(const xlsx::Row& row);
  // kInvalidArgument "未找到表头…" when no header was found.
  Result<SheetTable> Finish();

 private:
  void StartHeader();
  void FinishHeader();
  void AddDataRow(int64_t row_number, bool hidden, std::vector<std::string> texts);
  std::string MergedText(int64_t row0, int col, const std::vector<std::string>& texts) const;

  ImportKind kind_;
  const xlsx::SheetLayout& layout_;
  bool date1904_;
  SheetTable table_;
  bool header_done_ = false;
  int64_t rows_seen_ = 0;
  // Header rows (0-based row, texts by sheet column) until the header is complete.
  std::vector<std::pair<int64_t, std::vector<std::string>>> header_rows_;
  // Merged ranges below the header that span rows, by first row, and their top-left values.
  std::vector<xlsx::MergedRange> data_merges_;  // sorted by first_row
  size_t next_merge_ = 0;
  std::vector<std::pair<xlsx::MergedRange, std::string>> active_merges_;
  std::string section_;  // the latest category heading
};

// Reads sheet `sheet` of a workbook into a table (header detection as above).
Result<SheetTable> ReadTable(xlsx::WorkbookReader& reader, size_t sheet, ImportKind kind);

}  // namespace keyline::importing
