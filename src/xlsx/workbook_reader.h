// WorkbookReader: a streaming reader of .xlsx workbooks (Office Open XML, as saved by Excel, WPS
// and LibreOffice): libzip for the container, expat for the XML.
//
// Streaming: rows are handed to a callback one at a time and are not kept; memory is bounded by
// the shared-string table (itself bounded by Limits) and one row. Hostile files (zip bombs, huge
// sheets, XML entity tricks, DOCTYPEs, broken zip or XML) fail with a clear Status (zh + en),
// never by exhausting memory.
//
// What a caller gets per cell: its column, and either nothing, a text (shared string, inline
// string or rich text joined), a number (with a flag for a date/time number format, so that
// 45731 can be read as 2025-03-15), a boolean or an error code ("#N/A"). Formulas give their
// cached value. Hidden rows and columns are flagged, merged ranges are listed.
//
// Text is as the cell shows it: rich-text runs joined (phonetic <rPh> runs left out), _xHHHH_
// escapes decoded, and whitespace kept when the writer marked it xml:space="preserve" (which
// Excel, WPS, LibreOffice and libxlsxwriter do whenever it matters); otherwise the XML
// whitespace at both ends of a <t> is trimmed (pretty-printed files). Full-width characters
// and U+3000 are never touched: normalising them is the importer's job.
// Each ReadSheet inflates the sheet part twice (see sheet_reader.h: merges first, then rows).
// Not thread-safe: one reader is used by one thread at a time.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/date.h"
#include "common/result.h"

namespace keyline::xlsx {

struct Cell {
  enum class Kind : uint8_t { kEmpty, kText, kNumber, kBool, kError };
  Kind kind = Kind::kEmpty;
  std::string text;          // kText: the string; kError: "#N/A", "#DIV/0!", ...
  double number = 0;         // kNumber (also kBool: 0 or 1)
  bool date_format = false;  // kNumber whose style's number format is a date or time
};

struct Row {
  int64_t index = 0;        // 1-based sheet row number (as Excel shows it)
  bool hidden = false;      // <row hidden="1">
  std::vector<Cell> cells;  // cells[c] = column c (A = 0); trailing empty cells trimmed
};

struct MergedRange {  // 0-based, inclusive
  int64_t first_row = 0, last_row = 0;
  int first_col = 0, last_col = 0;
};

struct SheetInfo {
  std::string name;
  bool hidden = false;
};

// Beyond any of these, OpenBytes/OpenFile/ReadSheet fail with kTooLarge. Inflated sizes are
// counted while inflating (the zip headers are not trusted); an entry read twice (a sheet:
// merges, then rows) counts once towards the total. The compression ratio applies once an
// entry has inflated past 1 MiB (small parts legitimately compress very well). Fixed caps,
// not configurable: 10,000 zip entries, 10,000 sheets, 1,000,000 merged ranges per sheet, an
// XML token of 4 MiB, XML nesting of 256.
struct Limits {
  uint64_t max_file_bytes = 64ull << 20;           // the .xlsx itself
  uint64_t max_total_uncompressed = 1ull << 30;    // all entries read
  uint64_t max_entry_uncompressed = 512ull << 20;  // one entry
  uint32_t max_compression_ratio = 200;            // per entry, uncompressed ÷ compressed
  uint64_t max_shared_strings_bytes = 128ull << 20;
  int64_t max_rows = 1048576;  // Excel's own limits
  int max_columns = 16384;
  size_t max_cell_chars = 32767;
};

struct SheetLayout {  // known before the first row is delivered
  std::vector<MergedRange> merged;
  std::vector<bool> hidden_columns;  // by column index; absent = visible
};

class WorkbookReader {
 public:
  virtual ~WorkbookReader() = default;

  // Opens a workbook from its bytes (an upload) or a file. Reads the workbook part, the
  // relationships, the styles (date formats) and the shared strings; kInvalidArgument with a
  // zh + en message for anything that is not a readable .xlsx (e.g. "不是有效的 xlsx 文件" /
  // "not a valid .xlsx file: ..."), kTooLarge beyond the limits. OpenFile: kNotFound when
  // the path is not a regular file.
  static Result<std::unique_ptr<WorkbookReader>> OpenBytes(std::string bytes, Limits limits = {});
  static Result<std::unique_ptr<WorkbookReader>> OpenFile(const std::string& path,
                                                          Limits limits = {});

  virtual const std::vector<SheetInfo>& sheets() const = 0;
  virtual bool date1904() const = 0;  // <workbookPr date1904="1"/>

  // Streams the rows of sheet `index` (0-based, workbook order) to `on_row` in row order; rows
  // absent from the file are not delivered (blank rows). `layout` is filled before the first
  // call of on_row. A non-OK Status from on_row stops the read and is returned as is.
  virtual Status ReadSheet(size_t index, SheetLayout& layout,
                           const std::function<Status(const Row&)>& on_row) = 0;
};

// An Excel serial day number to a date: the 1900 system (with Excel's phantom 1900-02-29, so
// 60 is refused and 61 is 1900-03-01) or the 1904 system. The fraction (time of day) is
// ignored. nullopt for values outside 1900..9999.
std::optional<Date> SerialToDate(double serial, bool date1904);

// "A" → 0, "AB" → 27; nullopt when not a column name.
std::optional<int> ColumnIndex(std::string_view letters);
std::string ColumnLetters(int index);

}  // namespace keyline::xlsx
