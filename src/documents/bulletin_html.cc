#include <cstdio>

#include "documents/bulletin_render.h"

namespace keyline::documents {
namespace {

constexpr const char* kCss = R"css(
@page { size: A4; margin: 25mm 20mm 22mm 24mm; }
body { font-family: "FangSong", "仿宋", "Noto Serif CJK SC", "Songti SC", serif; font-size: 12pt;
       line-height: 1.75; color: #000; max-width: 170mm; margin: 0 auto; padding: 8mm 0; }
h1 { font-family: "FZXiaoBiaoSong-B05S", "Noto Serif CJK SC", serif; font-weight: bold;
     font-size: 20pt; text-align: center; line-height: 1.5; margin: 10mm 0 6mm; }
.issue { text-align: center; font-size: 12pt; margin: 0; }
.docline { display: flex; justify-content: space-between; border-bottom: 2px solid #c00;
           padding-bottom: 2mm; margin-bottom: 6mm; }
h2 { font-family: "SimHei", "黑体", "Noto Sans CJK SC", sans-serif; font-size: 14pt;
     font-weight: normal; margin: 5mm 0 2mm; }
h3 { font-family: "KaiTi", "楷体", "Noto Serif CJK SC", serif; font-size: 12pt;
     font-weight: bold; margin: 3mm 0 1mm; }
p { text-indent: 2em; margin: 0 0 2mm; text-align: justify; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; font-size: 10pt; line-height: 1.4;
        margin: 1mm 0 4mm; page-break-inside: auto; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; }
th, td { border: 1px solid #000; padding: 1mm 1.5mm; vertical-align: middle; }
th { font-family: "SimHei", "黑体", "Noto Sans CJK SC", sans-serif; font-weight: normal;
     background: #f2f2f2; text-align: center; }
td.num { text-align: right; white-space: nowrap; }
td.c { text-align: center; white-space: nowrap; }
tr.total td { font-weight: bold; }
.note { text-indent: 2em; color: #333; }
.date { text-align: right; margin-top: 8mm; }
@media print { body { padding: 0; max-width: none; } }
)css";

const char* CellClass(ColumnKind kind) {
  switch (kind) {
    case ColumnKind::kWan:
    case ColumnKind::kPercent:
    case ColumnKind::kDecimal:
      return " class=\"num\"";
    case ColumnKind::kInteger:
    case ColumnKind::kDate:
      return " class=\"c\"";
    case ColumnKind::kText:
      return "";
  }
  return "";
}

void Table(std::string& out, const DocTable& t, const std::string& empty_note) {
  if (!t.caption.empty()) out += "<h3>" + HtmlEscape(t.caption) + "</h3>\n";
  const OfficeSheet& s = t.sheet;
  if (s.rows.empty()) {
    out += "<p class=\"note\">" + HtmlEscape(empty_note.empty() ? "无" : empty_note) + "。</p>\n";
    return;
  }
  // Column widths as in the PDF and the xlsx (fixed layout, shares of the total width).
  double total = 0;
  for (const SheetColumn& c : s.columns) total += c.width;
  out += "<table>\n<colgroup>";
  for (const SheetColumn& c : s.columns) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "<col style=\"width:%.1f%%\">", 100.0 * c.width / total);
    out += buf;
  }
  out += "</colgroup>\n<thead>";
  bool grouped = false;
  for (const SheetColumn& c : s.columns) grouped |= !c.group.empty();
  out += "<tr>";
  for (size_t i = 0; i < s.columns.size();) {
    const SheetColumn& c = s.columns[i];
    if (!grouped || c.group.empty()) {
      out += std::string("<th") + (grouped ? " rowspan=\"2\"" : "") + ">" + HtmlEscape(c.header) +
             "</th>";
      ++i;
      continue;
    }
    size_t last = i;
    while (last + 1 < s.columns.size() && s.columns[last + 1].group == c.group) ++last;
    out += "<th colspan=\"" + std::to_string(last - i + 1) + "\">" + HtmlEscape(c.group) + "</th>";
    i = last + 1;
  }
  out += "</tr>";
  if (grouped) {
    out += "<tr>";
    for (const SheetColumn& c : s.columns) {
      if (!c.group.empty()) out += "<th>" + HtmlEscape(c.header) + "</th>";
    }
    out += "</tr>";
  }
  out += "</thead>\n<tbody>\n";
  std::vector<double> sums(s.columns.size(), 0);
  for (const auto& row : s.rows) {
    out += "<tr>";
    for (size_t c = 0; c < s.columns.size(); ++c) {
      SheetCell cell = c < row.size() ? row[c] : SheetCell{};
      if (const auto* v = std::get_if<double>(&cell)) sums[c] += *v;
      out += std::string("<td") + CellClass(s.columns[c].kind) + ">" +
             HtmlEscape(CellText(cell, s.columns[c].kind, s.columns[c].decimals)) + "</td>";
    }
    out += "</tr>\n";
  }
  if (s.totals_row) {
    out += "<tr class=\"total\"><td class=\"c\">合计</td>";
    for (size_t c = 1; c < s.columns.size(); ++c) {
      std::string text =
          s.columns[c].summed ? CellText(sums[c], s.columns[c].kind, s.columns[c].decimals) : "";
      out += std::string("<td") + CellClass(s.columns[c].kind) + ">" + HtmlEscape(text) + "</td>";
    }
    out += "</tr>\n";
  }
  out += "</tbody>\n</table>\n";
}

}  // namespace

std::string HtmlEscape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char ch : s) {
    switch (ch) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += ch;
    }
  }
  return out;
}

std::string RenderBulletinHtml(const BulletinDocument& doc) {
  std::string out;
  out.reserve(16384);
  out += "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>";
  out += HtmlEscape(doc.title);
  out += "</title>\n<style>";
  out += kCss;
  out += "</style>\n</head>\n<body>\n";
  out += "<p class=\"issue\">" + HtmlEscape(doc.issue_line) + "</p>\n";
  out += "<div class=\"docline\"><span>" + HtmlEscape(doc.issuer) + "</span><span>" +
         HtmlEscape(doc.date_line) + "</span></div>\n";
  out += "<h1>" + HtmlEscape(doc.title) + "</h1>\n";
  for (const DocSection& s : doc.sections) {
    out += "<h2>" + HtmlEscape(s.heading) + "</h2>\n";
    for (const std::string& p : s.paragraphs) out += "<p>" + HtmlEscape(p) + "</p>\n";
    for (const DocTable& t : s.tables) Table(out, t, s.empty_note);
  }
  out += "<p class=\"date\">" + HtmlEscape(doc.issuer) + "<br>" + HtmlEscape(doc.date_line) +
         "</p>\n</body>\n</html>\n";
  return out;
}

Result<std::string> RenderBulletinXlsx(const BulletinDocument& doc) {
  std::vector<OfficeSheet> sheets;
  for (const DocSection& s : doc.sections) {
    for (const DocTable& t : s.tables) {
      OfficeSheet sheet = t.sheet;
      if (sheet.rows.empty() && sheet.note.empty())
        sheet.note = s.empty_note.empty() ? "无" : s.empty_note;
      sheets.push_back(std::move(sheet));
    }
    if (s.tables.empty()) {  // a section without data still gets its sheet, saying so
      OfficeSheet sheet;
      sheet.name = s.sheet_name.empty() ? s.heading : s.sheet_name;
      sheet.title = s.heading;
      sheet.columns = {{"说明", ColumnKind::kText, 60}};
      for (const std::string& p : s.paragraphs) sheet.rows.push_back({p});
      sheets.push_back(std::move(sheet));
    }
  }
  for (OfficeSheet& sheet : sheets) sheet.footer = doc.footer;
  return WriteWorkbook(sheets);
}

}  // namespace keyline::documents
