// BulletinDocument: the bulletin laid out as a 通报 reads (title, 文号 line, numbered sections
// 一、二、三、 with paragraphs and tables), independent of the output format. The HTML, PDF and
// .xlsx renderers all start from it, so the three say the same thing.
#pragma once

#include <string>
#include <vector>

#include "documents/bulletin_data.h"
#include "documents/office_workbook.h"

namespace keyline::documents {

struct DocTable {
  std::string caption;  // e.g. "（一）本月新开工项目"
  OfficeSheet sheet;    // columns and typed rows; sheet.name is the xlsx tab
};

struct DocSection {
  std::string heading;                  // "一、总体情况"
  std::vector<std::string> paragraphs;  // each indented two characters
  std::vector<DocTable> tables;
  std::string empty_note;  // shown when a table has no rows ("暂无数据")
  std::string sheet_name;  // the xlsx tab of a section without tables
};

struct BulletinDocument {
  std::string title;       // 关于2026年1—3月全区重点项目建设情况的通报
  std::string issue_line;  // 2026年第3期
  std::string issuer;      // the issuing unit (left of the 文号 line)
  std::string date_line;   // 2026年4月5日
  std::vector<DocSection> sections;
  // A last small line of every form when not empty: the audit chain head of an issued bulletin
  // (set by BulletinIssuer; empty in a draft).
  std::string footer;
};

BulletinDocument LayOutBulletin(const BulletinData& data);

// Text of a typed cell as the printed bulletin shows it: 万元 with 2 decimals and thousands
// separators, percentages and decimals with `decimals` decimals (a rate: its indicator's; "%"
// after a percentage), integers plainly, dates as YYYY-MM-DD. One rounding: number_format.h.
std::string CellText(const SheetCell& cell, ColumnKind kind, int decimals = 2);
// "12,345.68" of a 万元 amount.
std::string WanText(Money m);

// Chinese section numbers: 1 → "一", 10 → "十", 12 → "十二".
std::string ChineseNumber(int n);

}  // namespace keyline::documents
