#include "importing/sheet_table.h"

#include <algorithm>
#include <cstring>

namespace keyline::importing {
namespace {

constexpr int64_t kHeaderSearchRows = 30;

bool IsHeaderAnchor(ImportKind kind, const std::string& text) {
  if (text.empty()) return false;
  std::string key = HeaderKey(text);
  for (std::string_view code : {std::string_view("name"), std::string_view("code")}) {
    if (code == "code" && kind == ImportKind::kLedger) continue;
    const FieldDef* f = FindField(kind, code);
    for (std::string_view syn : f->synonyms) {
      if (key == syn) return true;
    }
  }
  return false;
}

bool IsTotalText(const std::string& text) {
  std::string t = CompactText(text);
  for (std::string_view word : {"合计", "小计", "总计", "累计合计"}) {
    if (t.rfind(word, 0) == 0) return true;
  }
  return false;
}

// "一、工业项目", "（二）基础设施", "三.社会事业": a heading grouping the rows below it.
bool IsCategoryHeading(const std::string& text) {
  std::string t = CompactText(text);
  static constexpr std::string_view kNumerals[] = {"一", "二", "三", "四", "五",
                                                   "六", "七", "八", "九", "十"};
  size_t i = 0;
  if (t.rfind("（", 0) == 0) i = std::string_view("（").size();
  if (t.rfind("(", 0) == 0) i = 1;
  size_t numerals = 0;
  while (i < t.size()) {
    bool found = false;
    for (std::string_view n : kNumerals) {
      if (std::string_view(t).substr(i, n.size()) == n) {
        i += n.size();
        found = true;
        ++numerals;
        break;
      }
    }
    if (!found) break;
  }
  if (numerals == 0 || i >= t.size()) return false;
  std::string_view rest = std::string_view(t).substr(i);
  return rest.rfind("、", 0) == 0 || rest.rfind("）", 0) == 0 || rest.rfind(")", 0) == 0 ||
         rest.rfind(".", 0) == 0;
}

}  // namespace

std::string_view TableCells::operator[](size_t c) const {
  if (c >= count_) return {};
  uint32_t begin = c == 0 ? 0 : End(c - 1);
  return std::string_view(text_ + begin, End(c) - begin);
}

uint32_t TableCells::End(size_t c) const {
  uint32_t end = 0;
  std::memcpy(&end, ends_ + 4 * c, 4);
  return end;
}

namespace {

constexpr size_t kBlockBytes = 1 << 20;
// A record: int64 row, uint32 section, uint32 cell count, uint32 end per cell, cell bytes.
constexpr size_t kRecordHead = 16;

}  // namespace

char* TableRows::Append(int64_t row, size_t cells, size_t bytes, std::string_view section) {
  if (sections_.empty() || sections_.back() != section) sections_.emplace_back(section);
  uint32_t section_id = static_cast<uint32_t>(sections_.size() - 1);
  uint32_t count = static_cast<uint32_t>(cells);
  size_t size = kRecordHead + 4 * cells + bytes;
  if (blocks_.empty() || blocks_.back().capacity() - blocks_.back().size() < size) {
    blocks_.emplace_back();
    blocks_.back().reserve(std::max(kBlockBytes, size));
  }
  std::string& block = blocks_.back();
  size_t at = block.size();
  block.resize(at + size);
  index_.push_back({static_cast<uint32_t>(blocks_.size() - 1), static_cast<uint32_t>(at)});
  char* p = block.data() + at;
  std::memcpy(p, &row, 8);
  std::memcpy(p + 8, &section_id, 4);
  std::memcpy(p + 12, &count, 4);
  return p + kRecordHead;
}

TableRow TableRows::operator[](size_t i) const {
  const Pos& pos = index_[i];
  const char* p = blocks_[pos.block].data() + pos.offset;
  TableRow r;
  uint32_t section_id = 0, count = 0;
  std::memcpy(&r.row, p, 8);
  std::memcpy(&section_id, p + 8, 4);
  std::memcpy(&count, p + 12, 4);
  r.section = sections_[section_id];
  r.cells = TableCells(p + kRecordHead, p + kRecordHead + 4 * size_t{count}, count);
  return r;
}

size_t TableRows::bytes() const {
  size_t n = index_.capacity() * sizeof(Pos);
  for (const std::string& b : blocks_) n += b.capacity();
  for (const std::string& s : sections_) n += sizeof(std::string) + s.capacity();
  return n;
}

TableBuilder::TableBuilder(ImportKind kind, const xlsx::SheetLayout& layout, bool date1904)
    : kind_(kind), layout_(layout), date1904_(date1904) {}

std::string TableBuilder::MergedText(int64_t row0, int col,
                                     const std::vector<std::string>& texts) const {
  if (static_cast<size_t>(col) < texts.size() && !texts[col].empty()) return texts[col];
  for (const xlsx::MergedRange& m : layout_.merged) {
    if (row0 < m.first_row || row0 > m.last_row || col < m.first_col || col > m.last_col) continue;
    if (m.first_row == row0 && m.first_col == col) continue;
    for (const auto& [r, t] : header_rows_) {
      if (r == m.first_row && static_cast<size_t>(m.first_col) < t.size()) return t[m.first_col];
    }
  }
  return "";
}

void TableBuilder::StartHeader() {
  int64_t first0 = header_rows_.back().first;
  int64_t last0 = first0;
  for (bool grew = true; grew;) {
    grew = false;
    for (const xlsx::MergedRange& m : layout_.merged) {
      if (m.first_row >= first0 && m.first_row <= last0 && m.last_row > last0 &&
          m.last_row - first0 < 6) {
        last0 = m.last_row;
        grew = true;
      }
    }
  }
  table_.header_first = first0 + 1;
  table_.header_last = last0 + 1;
}

void TableBuilder::FinishHeader() {
  header_done_ = true;
  int max_col = 0;
  for (const auto& [r, t] : header_rows_) max_col = std::max<int>(max_col, t.size());
  for (const xlsx::MergedRange& m : layout_.merged) {
    if (m.first_row + 1 >= table_.header_first && m.first_row + 1 <= table_.header_last) {
      max_col = std::max(max_col, m.last_col + 1);
    }
  }
  for (int c = 0; c < max_col; ++c) {
    if (static_cast<size_t>(c) < layout_.hidden_columns.size() && layout_.hidden_columns[c]) {
      continue;
    }
    std::string joined, previous;
    for (const auto& [r, t] : header_rows_) {
      std::string text = MergedText(r, c, t);
      if (text.empty() || text == previous) continue;
      if (!joined.empty()) joined += "/";
      joined += text;
      previous = text;
    }
    if (joined.empty()) continue;
    table_.columns.push_back({c, xlsx::ColumnLetters(c), joined});
  }
  header_rows_.clear();
  header_rows_.shrink_to_fit();
  for (const xlsx::MergedRange& m : layout_.merged) {
    if (m.first_row + 1 > table_.header_last && m.last_row > m.first_row) {
      data_merges_.push_back(m);
    }
  }
  std::sort(data_merges_.begin(), data_merges_.end(),
            [](const auto& a, const auto& b) { return a.first_row < b.first_row; });
}

Status TableBuilder::Add(const xlsx::Row& row) {
  ++rows_seen_;
  // An import holds the parsed rows (their bytes plus about 5 a cell) while it is parsed,
  // stored and planned: a cap keeps its memory bounded whatever the file holds.
  if (table_.rows.size() >= kMaxDataRows) {
    return Status(
        ErrorCode::kTooLarge,
        "一次最多导入 " + std::to_string(kMaxDataRows) + " 行项目，请分批导入",
        "at most " + std::to_string(kMaxDataRows) + " project rows per import; split the sheet");
  }
  std::vector<std::string> texts;
  texts.reserve(row.cells.size());
  bool in_header = !header_done_;
  for (const xlsx::Cell& cell : row.cells) {
    texts.push_back(in_header && cell.kind == xlsx::Cell::Kind::kText ? NormalizeSpaces(cell.text)
                                                                      : CellText(cell, date1904_));
  }
  int64_t row0 = row.index - 1;
  if (table_.header_first == 0) {
    bool anchor = false;
    for (const std::string& t : texts) anchor = anchor || IsHeaderAnchor(kind_, t);
    if (!anchor) {
      for (const std::string& t : texts) {
        if (!table_.default_unit && t.find("单位") != std::string::npos) {
          table_.default_unit = UnitInText(t);
        }
        if (!t.empty() && table_.title.size() + t.size() < kMaxTitleBytes) {
          if (!table_.title.empty()) table_.title += ' ';
          table_.title += t;
        }
      }
      if (row.index > kHeaderSearchRows) return Finish().status();
      return Status::Ok();
    }
    header_rows_.emplace_back(row0, std::move(texts));
    StartHeader();
    if (table_.header_last == table_.header_first) FinishHeader();
    return Status::Ok();
  }
  if (!header_done_) {
    if (row.index <= table_.header_last) {
      header_rows_.emplace_back(row0, std::move(texts));
      if (row.index == table_.header_last) FinishHeader();
      return Status::Ok();
    }
    FinishHeader();
    for (size_t c = 0; c < row.cells.size(); ++c) texts[c] = CellText(row.cells[c], date1904_);
  }
  AddDataRow(row.index, row.hidden, std::move(texts));
  return Status::Ok();
}

void TableBuilder::AddDataRow(int64_t row_number, bool hidden, std::vector<std::string> texts) {
  int64_t row0 = row_number - 1;
  // Values of cells merged down across data rows.
  std::erase_if(active_merges_, [&](const auto& m) { return m.first.last_row < row0; });
  while (next_merge_ < data_merges_.size() && data_merges_[next_merge_].first_row <= row0) {
    const xlsx::MergedRange& m = data_merges_[next_merge_++];
    if (m.last_row < row0) continue;
    std::string value = m.first_row == row0 && static_cast<size_t>(m.first_col) < texts.size()
                            ? texts[m.first_col]
                            : "";
    active_merges_.emplace_back(m, std::move(value));
  }
  for (const auto& [m, value] : active_merges_) {
    if (m.first_row == row0 || value.empty()) continue;
    if (texts.size() <= static_cast<size_t>(m.last_col)) texts.resize(m.last_col + 1);
    for (int c = m.first_col; c <= m.last_col; ++c) {
      if (texts[c].empty()) texts[c] = value;
    }
  }
  cells_.resize(table_.columns.size());
  int non_empty = 0;
  size_t only = 0;
  bool total = false;
  for (size_t i = 0; i < table_.columns.size(); ++i) {
    size_t index = static_cast<size_t>(table_.columns[i].index);
    std::string& text = cells_[i];
    text.clear();
    if (index < texts.size()) text.swap(texts[index]);
    if (!text.empty()) {
      ++non_empty;
      total = total || IsTotalText(text);
      only = i;
    }
  }
  if (non_empty == 0) return;  // blank row
  if (hidden) {
    table_.skipped.push_back({row_number, "隐藏行", "hidden row"});
  } else if (total) {
    table_.skipped.push_back({row_number, "合计/小计行", "totals row"});
  } else if (non_empty <= 2 && IsCategoryHeading(cells_[only])) {
    table_.skipped.push_back({row_number, "分类标题行", "category heading"});
    section_ = cells_[only];
  } else {
    table_.rows.Add(row_number, cells_, section_);
  }
}

Result<SheetTable> TableBuilder::Finish() {
  if (table_.header_first == 0) {
    if (kind_ == ImportKind::kLedger) {
      return Status::InvalidArgument(
          "未找到表头：需要至少包含 项目名称 列（在前30行内）",
          "no header found: the sheet needs a 项目名称 (project name) column within its first 30 "
          "rows");
    }
    return Status::InvalidArgument(
        "未找到表头：需要至少包含 项目名称 或 项目代码 列（在前30行内）",
        "no header found: the sheet needs a 项目名称 (name) or 项目代码 (code) column within its "
        "first 30 rows");
  }
  if (!header_done_) FinishHeader();
  return std::move(table_);
}

Result<SheetTable> ReadTable(xlsx::WorkbookReader& reader, size_t sheet, ImportKind kind) {
  if (sheet >= reader.sheets().size()) {
    return Status::InvalidArgument(
        "工作表序号超出范围（共" + std::to_string(reader.sheets().size()) + "个）",
        "sheet index out of range (" + std::to_string(reader.sheets().size()) + " sheets)");
  }
  xlsx::SheetLayout layout;
  std::optional<TableBuilder> builder;
  Status st = reader.ReadSheet(sheet, layout, [&](const xlsx::Row& row) -> Status {
    if (!builder) builder.emplace(kind, layout, reader.date1904());
    return builder->Add(row);
  });
  if (!st.ok()) return st;
  if (!builder) builder.emplace(kind, layout, reader.date1904());
  return builder->Finish();
}

}  // namespace keyline::importing
