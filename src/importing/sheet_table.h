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

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
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

// One data row as the table holds it: a view into TableRows, valid while the table lives and
// is not changed.
class TableCells {
 public:
  TableCells() = default;
  TableCells(const char* ends, const char* text, uint32_t count)
      : ends_(ends), text_(text), count_(count) {}
  size_t size() const { return count_; }
  bool empty() const { return count_ == 0; }
  // "" beyond size().
  std::string_view operator[](size_t c) const;

 private:
  uint32_t End(size_t c) const;
  const char* ends_ = nullptr;  // count_ unaligned uint32_t: each cell's end in text_
  const char* text_ = nullptr;
  uint32_t count_ = 0;
};

struct TableRow {
  int64_t row = 0;   // sheet row number, 1-based
  TableCells cells;  // one per TableColumn, as written (CellText)
  // The category heading above the row ("一、市级重点项目"), "" when none: a level named
  // there is the row's level when the sheet has no level column.
  std::string_view section;
};

// The data rows of a table, compact: every row is one record (row number, section, cell ends,
// cell bytes) appended to 1 MiB blocks of text, with 8 bytes of index per row — about the
// cells' own bytes plus 4 bytes a cell and 24 a row, instead of a std::string per cell. A
// 200,000-row ledger then holds tens of MiB, not hundreds.
class TableRows {
 public:
  class Iterator {
   public:
    using value_type = TableRow;
    using difference_type = std::ptrdiff_t;
    Iterator() = default;
    Iterator(const TableRows* rows, size_t i) : rows_(rows), i_(i) {}
    TableRow operator*() const { return (*rows_)[i_]; }
    Iterator& operator++() {
      ++i_;
      return *this;
    }
    Iterator operator++(int) {
      Iterator old = *this;
      ++i_;
      return old;
    }
    bool operator==(const Iterator& o) const { return i_ == o.i_; }

   private:
    const TableRows* rows_ = nullptr;
    size_t i_ = 0;
  };

  template <typename Cells>
  void Add(int64_t row, const Cells& cells, std::string_view section = {}) {
    size_t bytes = 0;
    for (const auto& c : cells) bytes += std::string_view(c).size();
    char* out = Append(row, cells.size(), bytes, section);
    uint32_t end = 0;
    char* text = out + 4 * cells.size();
    for (const auto& c : cells) {
      std::string_view v(c);
      std::copy(v.begin(), v.end(), text + end);
      end += static_cast<uint32_t>(v.size());
      std::memcpy(out, &end, 4);
      out += 4;
    }
  }
  void Add(int64_t row, std::initializer_list<std::string_view> cells,
           std::string_view section = {}) {
    Add<std::initializer_list<std::string_view>>(row, cells, section);
  }

  size_t size() const { return index_.size(); }
  bool empty() const { return index_.empty(); }
  TableRow operator[](size_t i) const;
  Iterator begin() const { return Iterator(this, 0); }
  Iterator end() const { return Iterator(this, index_.size()); }
  // Bytes held (blocks' capacity and the index), for the memory figures.
  size_t bytes() const;

 private:
  // Room for one record; returns where its cell ends go (the cell bytes follow them).
  char* Append(int64_t row, size_t cells, size_t bytes, std::string_view section);

  // 32-bit offsets: a row is at most 16,384 cells of 32,767 characters (xlsx::Limits), under
  // 4 GiB, and a block holds one such row at most.
  struct Pos {
    uint32_t block = 0, offset = 0;
  };
  std::vector<std::string> blocks_;
  std::vector<Pos> index_;
  std::vector<std::string> sections_;  // distinct in a run; records name them by position
};

struct SkippedRow {
  int64_t row = 0;
  std::string reason_zh, reason_en;
};

// Data rows one import may hold (kTooLarge beyond): a province's ledger fits, memory stays
// bounded (the rows' bytes plus about 5 a cell in TableRows while an import is parsed and
// planned).
inline constexpr size_t kMaxDataRows = 200000;
inline constexpr size_t kMaxTitleBytes = 2000;

struct SheetTable {
  int64_t header_first = 0, header_last = 0;  // sheet rows, 1-based
  std::optional<AmountUnit> default_unit;     // from a note above the header
  // The texts above the header (title, "截至12月底", "单位：万元"), joined with ' ', at most
  // kMaxTitleBytes: where the period of the year's figures is read when no header names it.
  std::string title;
  std::vector<TableColumn> columns;
  TableRows rows;
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
  std::vector<std::string> cells_;  // the row being added, reused
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
