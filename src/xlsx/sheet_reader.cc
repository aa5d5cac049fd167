#include "xlsx/sheet_reader.h"

#include <charconv>
#include <cmath>
#include <cstring>

#include "xlsx/parts.h"
#include "xlsx/string_item.h"
#include "xlsx/text_format.h"
#include "xlsx/xml_stream.h"

namespace keyline::xlsx {
namespace {

constexpr size_t kMaxMerges = 1'000'000;

bool ParseInt64(std::string_view s, int64_t& out) {
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size() && !s.empty();
}

std::string Where(const std::string& part, int64_t row, int col) {
  return part + " " + ColumnLetters(col) + std::to_string(row);
}

// Pass 1 helper: the <mergeCells> element, parsed alone inside a synthetic root.
class MergeParser : public XmlStream {
 public:
  MergeParser(std::string part, std::vector<MergedRange>& merged)
      : XmlStream(std::move(part)), merged_(merged) {}

 protected:
  void OnStart(std::string_view name, const char** attrs) override {
    if (name != "mergeCell") return;
    const char* ref = FindAttr(attrs, "ref");
    std::string_view r = ref != nullptr ? ref : "";
    size_t colon = r.find(':');
    std::optional<CellRef> a = ParseCellRef(r.substr(0, colon));
    std::optional<CellRef> b =
        colon == std::string_view::npos ? a : ParseCellRef(r.substr(colon + 1));
    if (!a || !b || a->row < 1 || b->row < 1) {
      std::string shown(r.substr(0, 40));
      Fail(NotXlsx("合并单元格范围无效：" + shown, "invalid merged range: " + shown));
      return;
    }
    if (merged_.size() >= kMaxMerges) {
      Fail(TooLarge("合并单元格区域过多", "too many merged ranges"));
      return;
    }
    merged_.push_back({std::min(a->row, b->row) - 1, std::max(a->row, b->row) - 1,
                       std::min(a->col, b->col), std::max(a->col, b->col)});
  }
  void OnEnd(std::string_view name) override {
    if (name == "mergeCells") Finish();
  }

 private:
  std::vector<MergedRange>& merged_;
};

bool IsNameChar(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-' || c == '.';
}

// Pass 1: finds "<mergeCells" (or "<prefix:mergeCells") in the inflated bytes and parses that
// element only.
Status ScanMerges(ZipArchive& zip, const std::string& part, std::vector<MergedRange>& merged) {
  static constexpr std::string_view kTag = "mergeCells";
  constexpr size_t kCarry = 64;
  std::string window;
  std::unique_ptr<MergeParser> parser;
  Status read = zip.Read(part, [&](std::string_view chunk) -> Status {
    if (parser) {
      KL_RETURN_IF_ERROR(parser->Feed(chunk, false));
      return parser->finished() ? Status::Internal("finished") : Status::Ok();
    }
    size_t carried = window.size();
    window.append(chunk);
    for (size_t p = window.find(kTag); p != std::string::npos; p = window.find(kTag, p + 1)) {
      size_t after = p + kTag.size();
      if (after < carried || after >= window.size()) continue;  // seen before / next window
      char next = window[after];
      if (next != ' ' && next != '>' && next != '/' && next != '\t' && next != '\r' &&
          next != '\n') {
        continue;
      }
      size_t q = p;
      if (q > 0 && window[q - 1] == ':') {
        --q;
        while (q > 0 && p - q < 40 && IsNameChar(window[q - 1])) --q;
      }
      if (q == 0 || window[q - 1] != '<') continue;
      parser = std::make_unique<MergeParser>(part, merged);
      KL_RETURN_IF_ERROR(parser->Feed("<kl-root>", false));
      KL_RETURN_IF_ERROR(parser->Feed(std::string_view(window).substr(q - 1), false));
      window.clear();
      return parser->finished() ? Status::Internal("finished") : Status::Ok();
    }
    if (window.size() > kCarry) window.erase(0, window.size() - kCarry);
    return Status::Ok();
  });
  if (parser && parser->finished()) return Status::Ok();
  KL_RETURN_IF_ERROR(read);
  if (parser) return parser->Feed({}, true);  // unterminated <mergeCells>: an XML error
  return Status::Ok();
}

// Pass 2: the rows.
class SheetParser : public XmlStream {
 public:
  SheetParser(std::string part, const SheetContext& context, SheetLayout& layout,
              const std::function<Status(const Row&)>& on_row)
      : XmlStream(std::move(part)),
        ctx_(context),
        limits_(*context.limits),
        layout_(layout),
        on_row_(on_row) {}

  bool layout_done = false;
  void CompleteLayout() {
    if (layout_done) return;
    layout_done = true;
    layout_.hidden_columns = std::move(hidden_columns_);
  }

 protected:
  void OnStart(std::string_view name, const char** attrs) override {
    if (in_cell_) {
      if (in_is_) {
        inline_.Start(name, attrs);
      } else if (name == "v") {
        in_v_ = true;
      } else if (name == "is") {
        in_is_ = true;
      }
      return;
    }
    if (name == "c" && in_row_) {
      StartCell(attrs);
    } else if (name == "row" && in_sheet_data_) {
      StartRow(attrs);
    } else if (name == "sheetData") {
      in_sheet_data_ = true;
      CompleteLayout();
    } else if (name == "col") {
      AddColumn(attrs);
    }
  }

  void OnText(std::string_view text) override {
    if (in_v_) {
      if (raw_v_.size() + text.size() > limits_.max_cell_chars * 4 + 64) {
        return Fail(TextTooLong());
      }
      raw_v_.append(text);
    } else if (in_is_) {
      if (!inline_.Text(text, limits_.max_cell_chars * 4 + 64)) return Fail(TextTooLong());
    }
  }

  void OnEnd(std::string_view name) override {
    if (in_cell_) {
      if (name == "is") {
        in_is_ = false;
      } else if (in_is_) {
        inline_.End(name);
      } else if (name == "v") {
        in_v_ = false;
      } else if (name == "c") {
        EndCell();
      }
      return;
    }
    if (name == "row" && in_row_) {
      EndRow();
    } else if (name == "sheetData") {
      in_sheet_data_ = false;
    }
  }

 private:
  enum class Type { kNumber, kShared, kInline, kFormulaString, kBool, kError, kIsoDate };

  Status TextTooLong() {
    return TooLarge(Where(part(), row_.index, col_) + " 的文本超过 " +
                        std::to_string(limits_.max_cell_chars) + " 个字符",
                    Where(part(), row_.index, col_) + ": text longer than " +
                        std::to_string(limits_.max_cell_chars) + " characters");
  }

  void AddColumn(const char** attrs) {
    const char* hidden = FindAttr(attrs, "hidden");
    if (hidden == nullptr ||
        (std::string_view(hidden) != "1" && std::string_view(hidden) != "true")) {
      return;
    }
    int64_t min = 0, max = 0;
    const char* min_s = FindAttr(attrs, "min");
    const char* max_s = FindAttr(attrs, "max");
    if (min_s == nullptr || max_s == nullptr || !ParseInt64(min_s, min) ||
        !ParseInt64(max_s, max) || min < 1 || max < min) {
      return Fail(NotXlsx(part() + " 的列定义 <col> 无效", part() + ": invalid <col> element"));
    }
    max = std::min<int64_t>(max, limits_.max_columns);
    if (min > max) return;
    if (hidden_columns_.size() < static_cast<size_t>(max)) hidden_columns_.resize(max, false);
    for (int64_t c = min; c <= max; ++c) hidden_columns_[c - 1] = true;
  }

  void StartRow(const char** attrs) {
    int64_t index = last_row_ + 1;
    if (const char* r = FindAttr(attrs, "r"); r != nullptr) {
      if (!ParseInt64(r, index) || index < 1) {
        return Fail(NotXlsx(part() + " 的行号无效：" + std::string(r).substr(0, 20),
                            part() + ": invalid row number " + std::string(r).substr(0, 20)));
      }
    }
    if (index <= last_row_) {
      return Fail(NotXlsx(part() + " 的行顺序错乱（第 " + std::to_string(index) + " 行）",
                          part() + ": rows out of order at row " + std::to_string(index)));
    }
    if (index > limits_.max_rows) {
      return Fail(
          TooLarge("工作表超过 " + std::to_string(limits_.max_rows) + " 行",
                   "the sheet has more than " + std::to_string(limits_.max_rows) + " rows"));
    }
    last_row_ = index;
    in_row_ = true;
    last_col_ = -1;
    row_.index = index;
    const char* hidden = FindAttr(attrs, "hidden");
    row_.hidden = hidden != nullptr &&
                  (std::string_view(hidden) == "1" || std::string_view(hidden) == "true");
    row_.cells.clear();
  }

  void EndRow() {
    in_row_ = false;
    while (!row_.cells.empty() && row_.cells.back().kind == Cell::Kind::kEmpty) {
      row_.cells.pop_back();
    }
    Status s = on_row_(row_);
    if (!s.ok()) Fail(std::move(s));
  }

  void StartCell(const char** attrs) {
    int col = last_col_ + 1;
    if (const char* r = FindAttr(attrs, "r"); r != nullptr) {
      std::optional<CellRef> ref = ParseCellRef(r);
      if (!ref) {
        return Fail(NotXlsx(part() + " 的单元格引用无效：" + std::string(r).substr(0, 20),
                            part() + ": invalid cell reference " + std::string(r).substr(0, 20)));
      }
      col = ref->col;
    }
    if (col >= limits_.max_columns) {
      return Fail(
          TooLarge("工作表超过 " + std::to_string(limits_.max_columns) + " 列",
                   "the sheet has more than " + std::to_string(limits_.max_columns) + " columns"));
    }
    col_ = col;
    last_col_ = col;
    type_ = Type::kNumber;
    if (const char* t = FindAttr(attrs, "t"); t != nullptr) {
      std::string_view tv(t);
      if (tv == "s")
        type_ = Type::kShared;
      else if (tv == "inlineStr")
        type_ = Type::kInline;
      else if (tv == "str")
        type_ = Type::kFormulaString;
      else if (tv == "b")
        type_ = Type::kBool;
      else if (tv == "e")
        type_ = Type::kError;
      else if (tv == "d")
        type_ = Type::kIsoDate;
    }
    style_ = 0;
    if (const char* s = FindAttr(attrs, "s"); s != nullptr) {
      int64_t v = 0;
      if (ParseInt64(s, v) && v >= 0) style_ = v;
    }
    in_cell_ = true;
    raw_v_.clear();
    inline_.Clear();
  }

  Status Bad(std::string_view zh, std::string_view en) {
    std::string where = Where(part(), row_.index, col_);
    return NotXlsx(where + " " + std::string(zh), where + ": " + std::string(en));
  }

  bool ParseNumber(std::string_view s, double& out) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '+')) s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && p == s.data() + s.size() && !s.empty() && std::isfinite(out);
  }

  bool IsDateStyle() const {
    return style_ >= 0 && static_cast<uint64_t>(style_) < ctx_.date_styles->size() &&
           (*ctx_.date_styles)[style_];
  }

  void EndCell() {
    in_cell_ = in_v_ = in_is_ = false;
    Cell cell;
    switch (type_) {
      case Type::kShared: {
        if (raw_v_.empty()) break;
        int64_t i = 0;
        if (!ParseInt64(raw_v_, i) || i < 0 ||
            static_cast<uint64_t>(i) >= ctx_.shared_strings->size()) {
          return Fail(Bad("共享字符串索引无效", "invalid shared-string index"));
        }
        cell.kind = Cell::Kind::kText;
        cell.text = (*ctx_.shared_strings)[i];
        break;
      }
      case Type::kInline:
        cell.kind = Cell::Kind::kText;
        cell.text = std::move(inline_.text());
        break;
      case Type::kFormulaString:
        cell.kind = Cell::Kind::kText;
        cell.text = CellText(raw_v_, true);
        break;
      case Type::kBool:
        if (raw_v_.empty()) break;
        cell.kind = Cell::Kind::kBool;
        cell.number = (raw_v_ == "1" || raw_v_ == "true") ? 1 : 0;
        break;
      case Type::kError:
        cell.kind = Cell::Kind::kError;
        cell.text = raw_v_;
        break;
      case Type::kIsoDate: {
        if (raw_v_.empty()) break;
        Result<Date> d = Date::Parse(std::string_view(raw_v_).substr(0, 10));
        if (!d.ok()) return Fail(Bad("日期无效", "invalid date value"));
        double serial = static_cast<double>(d->ToDays() - Date{1899, 12, 30}.ToDays());
        if (ctx_.date1904) serial -= 1462;
        int hh = 0, mm = 0, ss = 0;
        if (raw_v_.size() >= 19 && raw_v_[10] == 'T' &&
            std::sscanf(raw_v_.c_str() + 11, "%2d:%2d:%2d", &hh, &mm, &ss) == 3) {
          serial += (hh * 3600 + mm * 60 + ss) / 86400.0;
        }
        cell.kind = Cell::Kind::kNumber;
        cell.number = serial;
        cell.date_format = true;
        break;
      }
      case Type::kNumber:
        if (raw_v_.empty()) break;
        if (!ParseNumber(raw_v_, cell.number)) {
          return Fail(
              Bad("数值无效：" + raw_v_.substr(0, 40), "invalid number " + raw_v_.substr(0, 40)));
        }
        cell.kind = Cell::Kind::kNumber;
        cell.date_format = IsDateStyle();
        break;
    }
    if ((cell.kind == Cell::Kind::kText || cell.kind == Cell::Kind::kError) &&
        Utf8Length(cell.text) > limits_.max_cell_chars) {
      return Fail(TextTooLong());
    }
    if (row_.cells.size() <= static_cast<size_t>(col_)) row_.cells.resize(col_ + 1);
    row_.cells[col_] = std::move(cell);
  }

  const SheetContext& ctx_;
  const Limits& limits_;
  SheetLayout& layout_;
  const std::function<Status(const Row&)>& on_row_;
  std::vector<bool> hidden_columns_;

  bool in_sheet_data_ = false, in_row_ = false, in_cell_ = false;
  bool in_v_ = false, in_is_ = false;
  int64_t last_row_ = 0;
  int last_col_ = -1, col_ = 0;
  int64_t style_ = 0;
  Type type_ = Type::kNumber;
  std::string raw_v_;
  StringItem inline_;
  Row row_;
};

}  // namespace

Status ReadSheetPart(ZipArchive& zip, const std::string& part, const SheetContext& context,
                     SheetLayout& layout, const std::function<Status(const Row&)>& on_row) {
  layout = SheetLayout{};
  KL_RETURN_IF_ERROR(ScanMerges(zip, part, layout.merged));
  SheetParser parser(part, context, layout, on_row);
  KL_RETURN_IF_ERROR(ParsePart(zip, part, parser));
  parser.CompleteLayout();
  return Status::Ok();
}

}  // namespace keyline::xlsx
