// Normalising the cells of office spreadsheets: full-width characters, stray spaces, amounts
// in 元/万元/亿元 written as numbers or text, and dates written every way offices write them.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "common/money.h"
#include "common/result.h"
#include "xlsx/workbook_reader.h"

namespace keyline::importing {

// Full-width ASCII (U+FF01..U+FF5E) to ASCII, the ideographic space (U+3000), NBSP and all
// whitespace runs (including line breaks inside a cell) to one space; trimmed.
std::string NormalizeText(std::string_view text);

// Only the whitespace part of NormalizeText (header texts are shown as written).
std::string NormalizeSpaces(std::string_view text);

// Only leading and trailing whitespace removed: a cell's text as written. Full-width
// punctuation and inner line breaks stay (the ledger's own text is kept as the office wrote it).
std::string TrimSpaces(std::string_view text);

// NormalizeText without any space: the key headers and totals rows are compared on.
std::string CompactText(std::string_view text);

// A cell as text: text as written (TrimSpaces), a number in its shortest decimal form ("1234.5",
// "45731"), a date-formatted number as "YYYY-MM-DD" (date1904 selects the epoch), a boolean as
// "TRUE"/"FALSE", an error as its code ("#N/A"). Whoever parses a value (amount, date, code,
// enum, matching key) folds it with CompactText.
std::string CellText(const xlsx::Cell& cell, bool date1904);

enum class AmountUnit { kYuan, kWan, kYi };  // 元, 万元, 亿元

// The unit named in a header or note ("总投资（亿元）", "单位：万元"); nullopt when none.
std::optional<AmountUnit> UnitInText(std::string_view text);

// An amount as written in a cell, in `unit` unless the value names its own ("3.5亿元",
// "1,200万"). Accepts thousands separators and a leading '¥'; rounds to the cent.
// kInvalidArgument (zh + en) for anything else, e.g. "#N/A" or "约3亿".
Result<Money> ParseAmount(std::string_view text, AmountUnit unit);

// A date as written in a cell: "2025-03-15" "2025/3/15" "2025.3.15" "2025年3月15日",
// month only "2025年3月" "2025.03" "2025-3" "202503" (→ the 1st), "20250315", and Excel
// serials (25569..2958465) that reached us as plain numbers. Returns "YYYY-MM-DD";
// kInvalidArgument (zh + en) otherwise.
Result<std::string> ParseDateText(std::string_view text, bool date1904 = false);

}  // namespace keyline::importing
