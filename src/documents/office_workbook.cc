#include "documents/office_workbook.h"

#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "common/date.h"

namespace keyline::documents {
namespace {

// Removes the temp file on every path out.
class TempPath {
 public:
  TempPath() {
    const char* dir = std::getenv("TMPDIR");
    std::string tmpl = std::string(dir && *dir ? dir : "/tmp") + "/keyline-xlsx-XXXXXX";
    std::vector<char> buf(tmpl.begin(), tmpl.end());
    buf.push_back('\0');
    int fd = mkstemp(buf.data());
    if (fd >= 0) {
      ::close(fd);
      path_ = buf.data();
    }
  }
  ~TempPath() {
    if (!path_.empty()) std::remove(path_.c_str());
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

struct Formats {
  lxw_format* title = nullptr;
  lxw_format* subtitle = nullptr;
  lxw_format* header = nullptr;
  lxw_format* text = nullptr;
  lxw_format* integer = nullptr;
  lxw_format* wan = nullptr;
  lxw_format* date = nullptr;
  lxw_format* percent[7] = {};  // by decimals, 0–6
  lxw_format* decimal[7] = {};
  lxw_format* total_label = nullptr;
  lxw_format* total_wan = nullptr;
  lxw_format* total_integer = nullptr;
  lxw_format* note = nullptr;
};

lxw_format* Cellish(lxw_workbook* wb) {
  lxw_format* f = workbook_add_format(wb);
  format_set_font_name(f, "宋体");
  format_set_font_size(f, 10);
  format_set_border(f, LXW_BORDER_THIN);
  format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
  return f;
}

Formats MakeFormats(lxw_workbook* wb) {
  Formats f;
  f.title = workbook_add_format(wb);
  format_set_font_name(f.title, "黑体");
  format_set_font_size(f.title, 16);
  format_set_bold(f.title);
  format_set_align(f.title, LXW_ALIGN_CENTER);
  format_set_align(f.title, LXW_ALIGN_VERTICAL_CENTER);
  f.subtitle = workbook_add_format(wb);
  format_set_font_name(f.subtitle, "宋体");
  format_set_font_size(f.subtitle, 10);
  format_set_align(f.subtitle, LXW_ALIGN_RIGHT);
  f.header = Cellish(wb);
  format_set_bold(f.header);
  format_set_align(f.header, LXW_ALIGN_CENTER);
  format_set_text_wrap(f.header);
  format_set_bg_color(f.header, 0xDDEBF7);
  f.text = Cellish(wb);
  format_set_text_wrap(f.text);
  f.integer = Cellish(wb);
  format_set_num_format(f.integer, "0");
  format_set_align(f.integer, LXW_ALIGN_CENTER);
  f.wan = Cellish(wb);
  format_set_num_format(f.wan, "#,##0.00");
  f.date = Cellish(wb);
  format_set_num_format(f.date, "yyyy-mm-dd");
  format_set_align(f.date, LXW_ALIGN_CENTER);
  for (int d = 0; d <= 6; ++d) {
    std::string digits = d == 0 ? "0" : "0." + std::string(d, '0');
    f.percent[d] = Cellish(wb);
    format_set_num_format(f.percent[d], (digits + "%").c_str());
    f.decimal[d] = Cellish(wb);
    format_set_num_format(f.decimal[d], digits.c_str());
  }
  f.total_label = Cellish(wb);
  format_set_bold(f.total_label);
  format_set_align(f.total_label, LXW_ALIGN_CENTER);
  f.total_wan = Cellish(wb);
  format_set_bold(f.total_wan);
  format_set_num_format(f.total_wan, "#,##0.00");
  f.total_integer = Cellish(wb);
  format_set_bold(f.total_integer);
  format_set_num_format(f.total_integer, "0");
  f.note = workbook_add_format(wb);
  format_set_font_name(f.note, "宋体");
  format_set_font_size(f.note, 10);
  return f;
}

lxw_format* FormatFor(const Formats& f, const SheetColumn& column) {
  int d = column.decimals < 0 ? 0 : column.decimals > 6 ? 6 : column.decimals;
  switch (column.kind) {
    case ColumnKind::kText:
      return f.text;
    case ColumnKind::kInteger:
      return f.integer;
    case ColumnKind::kWan:
      return f.wan;
    case ColumnKind::kDate:
      return f.date;
    case ColumnKind::kPercent:
      return f.percent[d];
    case ColumnKind::kDecimal:
      return f.decimal[d];
  }
  return f.text;
}

// "A5" style reference; col < 16384.
std::string CellRef(int row, int col) {
  std::string letters;
  for (int c = col + 1; c > 0; c = (c - 1) / 26) {
    letters.insert(letters.begin(), static_cast<char>('A' + (c - 1) % 26));
  }
  return letters + std::to_string(row + 1);
}

Status WriteSheet(lxw_workbook* wb, const Formats& f, const OfficeSheet& sheet,
                  const std::string& name) {
  const int ncols = static_cast<int>(sheet.columns.size());
  if (ncols == 0) {
    return Status::InvalidArgument("表格没有列：" + sheet.name, "a sheet has no columns");
  }
  lxw_worksheet* ws = workbook_add_worksheet(wb, name.c_str());
  if (ws == nullptr) return Status::Internal("could not add the worksheet");
  SheetLayout layout = LayoutOf(sheet);
  worksheet_set_paper(ws, 9);  // A4
  worksheet_set_landscape(ws);
  worksheet_fit_to_pages(ws, 1, 0);
  worksheet_repeat_rows(ws, layout.first_header_row, layout.first_data_row - 1);
  for (int c = 0; c < ncols; ++c) {
    worksheet_set_column(ws, c, c, sheet.columns[c].width, nullptr);
  }
  // Title (and subtitle), merged across.
  worksheet_set_row(ws, layout.title_row, 30, nullptr);
  if (ncols > 1) {
    worksheet_merge_range(ws, layout.title_row, 0, layout.title_row, ncols - 1, sheet.title.c_str(),
                          f.title);
  } else {
    worksheet_write_string(ws, layout.title_row, 0, sheet.title.c_str(), f.title);
  }
  if (!sheet.subtitle.empty()) {
    int r = layout.title_row + 1;
    if (ncols > 1) {
      worksheet_merge_range(ws, r, 0, r, ncols - 1, sheet.subtitle.c_str(), f.subtitle);
    } else {
      worksheet_write_string(ws, r, 0, sheet.subtitle.c_str(), f.subtitle);
    }
  }
  // Two header rows.
  const int h0 = layout.first_header_row, h1 = h0 + 1;
  for (int c = 0; c < ncols;) {
    const SheetColumn& col = sheet.columns[c];
    if (col.group.empty()) {
      worksheet_merge_range(ws, h0, c, h1, c, col.header.c_str(), f.header);
      ++c;
      continue;
    }
    int last = c;
    while (last + 1 < ncols && sheet.columns[last + 1].group == col.group) ++last;
    if (last > c) {
      worksheet_merge_range(ws, h0, c, h0, last, col.group.c_str(), f.header);
    } else {
      worksheet_write_string(ws, h0, c, col.group.c_str(), f.header);
    }
    for (int k = c; k <= last; ++k) {
      worksheet_write_string(ws, h1, k, sheet.columns[k].header.c_str(), f.header);
    }
    c = last + 1;
  }
  worksheet_freeze_panes(ws, layout.first_data_row, 0);
  // Data.
  std::vector<double> sums(ncols, 0.0);
  int r = layout.first_data_row;
  for (const auto& row : sheet.rows) {
    for (int c = 0; c < ncols; ++c) {
      lxw_format* fmt = FormatFor(f, sheet.columns[c]);
      const SheetCell empty;
      const SheetCell& cell = c < static_cast<int>(row.size()) ? row[c] : empty;
      if (const auto* s = std::get_if<std::string>(&cell)) {
        worksheet_write_string(ws, r, c, s->c_str(), fmt);
      } else if (const auto* d = std::get_if<double>(&cell)) {
        worksheet_write_number(ws, r, c, *d, fmt);
        sums[c] += *d;
      } else if (const auto* iso = std::get_if<SheetDate>(&cell)) {
        auto date = Date::Parse(iso->iso);
        if (date.ok()) {
          lxw_datetime dt = {date->year, date->month, date->day, 0, 0, 0};
          worksheet_write_datetime(ws, r, c, &dt, fmt);
        } else {
          worksheet_write_string(ws, r, c, iso->iso.c_str(), f.text);
        }
      } else {
        worksheet_write_blank(ws, r, c, fmt);
      }
    }
    ++r;
  }
  if (sheet.totals_row) {
    worksheet_write_string(ws, r, 0, "合计", f.total_label);
    for (int c = 1; c < ncols; ++c) {
      const SheetColumn& col = sheet.columns[c];
      if (!col.summed || sheet.rows.empty()) {
        worksheet_write_blank(ws, r, c, f.total_label);
        continue;
      }
      std::string formula =
          "=SUM(" + CellRef(layout.first_data_row, c) + ":" + CellRef(r - 1, c) + ")";
      lxw_format* fmt = col.kind == ColumnKind::kInteger ? f.total_integer : f.total_wan;
      worksheet_write_formula_num(ws, r, c, formula.c_str(), fmt, sums[c]);
    }
    ++r;
  }
  if (!sheet.note.empty()) worksheet_write_string(ws, r + 1, 0, sheet.note.c_str(), f.note);
  if (!sheet.footer.empty()) {
    worksheet_write_string(ws, r + (sheet.note.empty() ? 1 : 2), 0, sheet.footer.c_str(), f.note);
    // Excel's page footer holds at most 255 characters and reads "&" as a code.
    size_t chars = 0;
    for (unsigned char ch : sheet.footer) chars += (ch & 0xC0) != 0x80;
    if (chars <= 240 && sheet.footer.find('&') == std::string::npos) {
      std::string printed = "&L&8" + sheet.footer;
      worksheet_set_footer(ws, printed.c_str());
    }
  }
  return Status::Ok();
}

size_t Utf8Length(const std::string& s) {
  size_t n = 0;
  for (unsigned char ch : s) n += (ch & 0xC0) != 0x80;
  return n;
}

// The first `max` UTF-8 characters.
std::string Utf8Prefix(const std::string& s, size_t max) {
  size_t n = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
      if (n == max) return s.substr(0, i);
      ++n;
    }
  }
  return s;
}

}  // namespace

SheetLayout LayoutOf(const OfficeSheet& sheet) {
  SheetLayout l;
  l.title_row = 0;
  l.first_header_row = sheet.subtitle.empty() ? 1 : 2;
  l.first_data_row = l.first_header_row + 2;
  if (sheet.totals_row) l.totals_row = l.first_data_row + static_cast<int>(sheet.rows.size());
  return l;
}

std::string SafeSheetName(const std::string& name, const std::vector<std::string>& taken) {
  std::string clean;
  for (char ch : name) {
    clean += std::string_view("[]:*?/\\").find(ch) == std::string_view::npos ? ch : '_';
  }
  if (clean.empty()) clean = "Sheet";
  clean = Utf8Prefix(clean, 31);
  std::string candidate = clean;
  for (int n = 2; std::find(taken.begin(), taken.end(), candidate) != taken.end(); ++n) {
    std::string suffix = " (" + std::to_string(n) + ")";
    candidate = Utf8Prefix(clean, 31 - Utf8Length(suffix)) + suffix;
  }
  return candidate;
}

Result<std::string> WriteWorkbook(const std::vector<OfficeSheet>& sheets) {
  if (sheets.empty()) return Status::InvalidArgument("没有工作表", "no sheets to write");
  TempPath tmp;
  if (tmp.path().empty()) {
    return Status::Internal("could not create a temporary file");
  }
  lxw_workbook_options options = {};
  lxw_workbook* wb = workbook_new_opt(tmp.path().c_str(), &options);
  if (wb == nullptr) return Status::Internal("could not create the workbook");
  Formats formats = MakeFormats(wb);
  std::vector<std::string> names;
  Status st = Status::Ok();
  for (const OfficeSheet& sheet : sheets) {
    names.push_back(SafeSheetName(sheet.name, names));
    st = WriteSheet(wb, formats, sheet, names.back());
    if (!st.ok()) break;
  }
  lxw_error err = workbook_close(wb);  // frees wb on every path
  if (!st.ok()) return st;
  if (err != LXW_NO_ERROR) {
    return Status::Internal(std::string("xlsx writer failed: ") + lxw_strerror(err));
  }
  std::ifstream in(tmp.path(), std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in) return Status::Internal("could not read the written xlsx back");
  return bytes.str();
}

}  // namespace keyline::documents
