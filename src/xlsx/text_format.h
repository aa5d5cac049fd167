// Small pure helpers of the reader: number formats that are dates, the text of string cells
// (xml:space, _xHHHH_ escapes) and cell references.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace keyline::xlsx {

// Built-in number format ids that show a date or time: 14–22, 45–47 and, in a Chinese (and
// other CJK) locale, 27–36 and 50–58 (e.g. 31 = yyyy"年"m"月"d"日").
bool IsBuiltinDateFormat(int num_fmt_id);

// A custom format code is a date/time format when its first section has a y, m, d, h or s
// token outside quoted text ("年"), backslash escapes (\年), [brackets] ([$-804], [Red]) and
// the _x / *x spacing pairs. "0.00", "#,##0"万元"", "@" are not dates.
bool IsDateFormatCode(std::string_view code);

// The text of a <t> element: trimmed of XML whitespace at both ends unless xml:space="preserve"
// is set, then _xHHHH_ escapes decoded (_x000D_ → CR, _x005F_ → "_").
std::string CellText(std::string_view raw, bool preserve_space);

// Number of UTF-8 code points (continuation bytes not counted).
size_t Utf8Length(std::string_view s);

// "AB12" → column 27 (0-based) and row 12; row is 0 when the reference has no digits ("AB").
struct CellRef {
  int col = 0;
  int64_t row = 0;
};
std::optional<CellRef> ParseCellRef(std::string_view ref);

}  // namespace keyline::xlsx
