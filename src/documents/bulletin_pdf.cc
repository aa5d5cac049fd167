// PDF rendering of the bulletin with cairo + pango (PangoCairo). A small flow layout: blocks
// (title, 文号 line, headings, paragraphs, tables) are placed top to bottom on A4 pages;
// paragraphs break between lines, tables between rows with the header row repeated on the
// next page, and every page gets "— N —" at its foot.
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include <memory>
#include <mutex>

#include "documents/bulletin_render.h"

namespace keyline::documents {
namespace {

constexpr double kPageW = 595.276, kPageH = 841.89;  // A4 in points
constexpr double kLeft = 68, kRight = 60, kTop = 64, kBottom = 70;
constexpr double kWidth = kPageW - kLeft - kRight;
constexpr double kPad = 3;  // cell padding

constexpr const char* kSerif = "Noto Serif CJK SC";
constexpr const char* kSans = "Noto Sans CJK SC";

cairo_status_t AppendToString(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

struct LayoutDeleter {
  void operator()(PangoLayout* l) const { g_object_unref(l); }
};
using LayoutPtr = std::unique_ptr<PangoLayout, LayoutDeleter>;

struct TextStyle {
  const char* family = kSerif;
  double size = 12;
  bool bold = false;
  PangoAlignment align = PANGO_ALIGN_LEFT;
  double indent = 0;  // first-line indent in points
};

// One font map for the process (created on first use, under RenderMutex): pango's default map
// is per thread, which would keep a font cache alive in every HTTP worker.
PangoFontMap* SharedFontMap() {
  static PangoFontMap* map = pango_cairo_font_map_new();
  return map;
}

class PdfWriter {
 public:
  explicit PdfWriter(std::string* out) {
    surface_ = cairo_pdf_surface_create_for_stream(AppendToString, out, kPageW, kPageH);
    cr_ = cairo_create(surface_);
    context_ = pango_font_map_create_context(SharedFontMap());
    pango_cairo_update_context(cr_, context_);
    y_ = kTop;
  }
  ~PdfWriter() {
    g_object_unref(context_);
    cairo_destroy(cr_);
    cairo_surface_destroy(surface_);
  }

  Status Finish() {
    FinishPage();
    cairo_surface_finish(surface_);
    cairo_status_t st = cairo_surface_status(surface_);
    if (st != CAIRO_STATUS_SUCCESS) {
      return Status::Internal(std::string("cairo: ") + cairo_status_to_string(st));
    }
    return Status::Ok();
  }

  LayoutPtr Make(const std::string& text, const TextStyle& style, double width) {
    LayoutPtr layout(pango_layout_new(context_));
    PangoFontDescription* font = pango_font_description_new();
    pango_font_description_set_family(font, style.family);
    pango_font_description_set_absolute_size(font, style.size * PANGO_SCALE);
    pango_font_description_set_weight(font, style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_layout_set_font_description(layout.get(), font);
    pango_font_description_free(font);
    pango_layout_set_width(layout.get(), static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(layout.get(), style.align);
    pango_layout_set_indent(layout.get(), static_cast<int>(style.indent * PANGO_SCALE));
    pango_layout_set_text(layout.get(), text.c_str(), -1);
    return layout;
  }

  static double Height(PangoLayout* layout) {
    int w = 0, h = 0;
    pango_layout_get_size(layout, &w, &h);
    return static_cast<double>(h) / PANGO_SCALE;
  }

  // Flows a wrapped text line by line, breaking pages between lines.
  void Text(const std::string& text, const TextStyle& style, double line_gap, double after) {
    LayoutPtr layout = Make(text, style, kWidth);
    PangoLayoutIter* iter = pango_layout_get_iter(layout.get());
    do {
      PangoRectangle logical;
      pango_layout_iter_get_line_extents(iter, nullptr, &logical);
      double h = static_cast<double>(logical.height) / PANGO_SCALE;
      if (y_ + h > kPageH - kBottom) NewPage();
      double baseline =
          static_cast<double>(pango_layout_iter_get_baseline(iter) - logical.y) / PANGO_SCALE;
      cairo_move_to(cr_, kLeft + static_cast<double>(logical.x) / PANGO_SCALE, y_ + baseline);
      pango_cairo_show_layout_line(cr_, pango_layout_iter_get_line_readonly(iter));
      y_ += h + line_gap;
    } while (pango_layout_iter_next_line(iter));
    pango_layout_iter_free(iter);
    y_ += after;
  }

  // Starts a new page unless `needed` points fit on this one.
  void KeepSpace(double needed) {
    if (y_ + needed > kPageH - kBottom) NewPage();
  }

  void Rule(double thickness, double r, double g, double b) {
    cairo_save(cr_);
    cairo_set_source_rgb(cr_, r, g, b);
    cairo_set_line_width(cr_, thickness);
    cairo_move_to(cr_, kLeft, y_);
    cairo_line_to(cr_, kLeft + kWidth, y_);
    cairo_stroke(cr_);
    cairo_restore(cr_);
  }

  // One line with a left and a right part (the 文号 line).
  void Split(const std::string& left, const std::string& right, const TextStyle& style) {
    LayoutPtr l = Make(left, style, kWidth);
    TextStyle rs = style;
    rs.align = PANGO_ALIGN_RIGHT;
    LayoutPtr r = Make(right, rs, kWidth);
    double h = std::max(Height(l.get()), Height(r.get()));
    KeepSpace(h);
    cairo_move_to(cr_, kLeft, y_);
    pango_cairo_show_layout(cr_, l.get());
    cairo_move_to(cr_, kLeft, y_);
    pango_cairo_show_layout(cr_, r.get());
    y_ += h;
  }

  void Table(const OfficeSheet& sheet);
  void Skip(double dy) { y_ += dy; }

 private:
  void FinishPage() {
    ++page_;
    TextStyle style;
    style.family = kSerif;
    style.size = 10.5;
    style.align = PANGO_ALIGN_CENTER;
    LayoutPtr number = Make("— " + std::to_string(page_) + " —", style, kWidth);
    cairo_move_to(cr_, kLeft, kPageH - kBottom + 26);
    pango_cairo_show_layout(cr_, number.get());
    cairo_show_page(cr_);
  }
  void NewPage() {
    FinishPage();
    y_ = kTop;
  }

  struct Cell {
    LayoutPtr layout;
    double x = 0, w = 0;
  };
  double DrawRow(std::vector<Cell>& cells, double height, bool shade);
  void DrawHeader(const OfficeSheet& sheet, const std::vector<double>& xs,
                  const std::vector<double>& ws);

  cairo_surface_t* surface_ = nullptr;
  cairo_t* cr_ = nullptr;
  PangoContext* context_ = nullptr;
  double y_ = 0;
  int page_ = 0;
};

TextStyle CellStyle(ColumnKind kind, bool header) {
  TextStyle s;
  s.family = header ? kSans : kSerif;
  s.size = 9.5;
  s.bold = false;
  switch (kind) {
    case ColumnKind::kWan:
    case ColumnKind::kPercent:
    case ColumnKind::kDecimal:
      s.align = header ? PANGO_ALIGN_CENTER : PANGO_ALIGN_RIGHT;
      break;
    case ColumnKind::kInteger:
    case ColumnKind::kDate:
      s.align = PANGO_ALIGN_CENTER;
      break;
    case ColumnKind::kText:
      s.align = header ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT;
      break;
  }
  return s;
}

// Draws cells at y_ with the given height: borders, then text vertically centred.
double PdfWriter::DrawRow(std::vector<Cell>& cells, double height, bool shade) {
  cairo_save(cr_);
  cairo_set_line_width(cr_, 0.6);
  for (Cell& c : cells) {
    cairo_rectangle(cr_, c.x, y_, c.w, height);
    if (shade) {
      cairo_set_source_rgb(cr_, 0.93, 0.93, 0.93);
      cairo_fill_preserve(cr_);
    }
    cairo_set_source_rgb(cr_, 0, 0, 0);
    cairo_stroke(cr_);
    if (c.layout) {
      double h = Height(c.layout.get());
      cairo_move_to(cr_, c.x + kPad, y_ + (height - h) / 2);
      pango_cairo_show_layout(cr_, c.layout.get());
    }
  }
  cairo_restore(cr_);
  y_ += height;
  return height;
}

void PdfWriter::DrawHeader(const OfficeSheet& sheet, const std::vector<double>& xs,
                           const std::vector<double>& ws) {
  bool grouped = false;
  for (const SheetColumn& c : sheet.columns) grouped |= !c.group.empty();
  std::vector<Cell> headers;
  double h2 = 0;
  for (size_t i = 0; i < sheet.columns.size(); ++i) {
    Cell c{Make(sheet.columns[i].header, CellStyle(ColumnKind::kText, true), ws[i] - 2 * kPad),
           xs[i], ws[i]};
    h2 = std::max(h2, Height(c.layout.get()) + 2 * kPad);
    headers.push_back(std::move(c));
  }
  if (!grouped) {
    DrawRow(headers, h2, true);
    return;
  }
  // Group cells above their columns; ungrouped headers span both rows.
  std::vector<Cell> top;
  double h1 = 0;
  for (size_t i = 0; i < sheet.columns.size();) {
    const std::string& g = sheet.columns[i].group;
    size_t last = i;
    while (!g.empty() && last + 1 < sheet.columns.size() && sheet.columns[last + 1].group == g)
      ++last;
    double w = xs[last] + ws[last] - xs[i];
    if (!g.empty()) {
      Cell c{Make(g, CellStyle(ColumnKind::kText, true), w - 2 * kPad), xs[i], w};
      h1 = std::max(h1, Height(c.layout.get()) + 2 * kPad);
      top.push_back(std::move(c));
    }
    i = last + 1;
  }
  double y0 = y_;
  std::vector<Cell> spanning, lower;
  for (size_t i = 0; i < sheet.columns.size(); ++i) {
    (sheet.columns[i].group.empty() ? spanning : lower).push_back(std::move(headers[i]));
  }
  DrawRow(spanning, h1 + h2, true);
  y_ = y0;
  DrawRow(top, h1, true);
  DrawRow(lower, h2, true);
}

void PdfWriter::Table(const OfficeSheet& sheet) {
  double total_width = 0;
  for (const SheetColumn& c : sheet.columns) total_width += c.width;
  std::vector<double> xs, ws;
  double x = kLeft;
  for (const SheetColumn& c : sheet.columns) {
    double w = kWidth * c.width / total_width;
    xs.push_back(x);
    ws.push_back(w);
    x += w;
  }
  auto make_row = [&](const std::vector<SheetCell>& row, bool bold, double* height) {
    std::vector<Cell> cells;
    *height = 0;
    for (size_t c = 0; c < sheet.columns.size(); ++c) {
      SheetCell cell = c < row.size() ? row[c] : SheetCell{};
      TextStyle style = CellStyle(sheet.columns[c].kind, false);
      style.bold = bold;
      std::string text = CellText(cell, sheet.columns[c].kind, sheet.columns[c].decimals);
      Cell out{text.empty() ? nullptr : Make(text, style, ws[c] - 2 * kPad), xs[c], ws[c]};
      double h = (out.layout ? Height(out.layout.get()) : 10) + 2 * kPad;
      *height = std::max(*height, h);
      cells.push_back(std::move(out));
    }
    return cells;
  };
  // Keep the header with at least the first row.
  double first_height = 0;
  if (!sheet.rows.empty()) make_row(sheet.rows.front(), false, &first_height);
  KeepSpace(48 + first_height);
  DrawHeader(sheet, xs, ws);
  std::vector<double> sums(sheet.columns.size(), 0);
  auto place = [&](std::vector<Cell>& cells, double height) {
    if (y_ + height > kPageH - kBottom) {
      NewPage();
      DrawHeader(sheet, xs, ws);
    }
    DrawRow(cells, height, false);
  };
  for (const auto& row : sheet.rows) {
    for (size_t c = 0; c < row.size() && c < sums.size(); ++c) {
      if (const auto* v = std::get_if<double>(&row[c])) sums[c] += *v;
    }
    double height = 0;
    std::vector<Cell> cells = make_row(row, false, &height);
    place(cells, height);
  }
  if (sheet.totals_row) {
    std::vector<SheetCell> total{std::string("合计")};
    for (size_t c = 1; c < sheet.columns.size(); ++c) {
      total.push_back(sheet.columns[c].summed ? SheetCell(sums[c]) : SheetCell{});
    }
    double height = 0;
    std::vector<Cell> cells = make_row(total, true, &height);
    place(cells, height);
  }
  y_ += 8;
}

std::mutex& RenderMutex() {
  static std::mutex m;
  return m;
}

}  // namespace

Result<std::string> RenderBulletinPdf(const BulletinDocument& doc) {
  // Fontconfig and the per-thread pango font maps are shared state; bulletins are rare.
  std::lock_guard<std::mutex> lock(RenderMutex());
  std::string out;
  {
    PdfWriter pdf(&out);
    TextStyle issue{kSerif, 12, false, PANGO_ALIGN_CENTER};
    pdf.Text(doc.issue_line, issue, 0, 6);
    TextStyle line{kSerif, 12};
    pdf.Split(doc.issuer, doc.date_line, line);
    pdf.Skip(5);
    pdf.Rule(1.6, 0.8, 0, 0);
    pdf.Skip(22);
    TextStyle title{kSerif, 20, true, PANGO_ALIGN_CENTER};
    pdf.Text(doc.title, title, 4, 18);
    TextStyle heading{kSans, 14};
    TextStyle body{kSerif, 12, false, PANGO_ALIGN_LEFT, 24};
    TextStyle caption{kSerif, 12, true};
    for (const DocSection& s : doc.sections) {
      pdf.KeepSpace(80);
      pdf.Text(s.heading, heading, 0, 6);
      for (const std::string& p : s.paragraphs) pdf.Text(p, body, 5, 6);
      for (const DocTable& t : s.tables) {
        if (!t.caption.empty()) {
          pdf.KeepSpace(60);
          pdf.Text(t.caption, caption, 0, 4);
        }
        if (t.sheet.rows.empty()) {
          pdf.Text((s.empty_note.empty() ? std::string("无") : s.empty_note) + "。", body, 0, 6);
        } else {
          pdf.Table(t.sheet);
        }
      }
      pdf.Skip(6);
    }
    pdf.Skip(18);
    TextStyle sign{kSerif, 12, false, PANGO_ALIGN_RIGHT};
    pdf.KeepSpace(50);
    pdf.Text(doc.issuer, sign, 2, 0);
    pdf.Text(doc.date_line, sign, 0, 0);
    if (!doc.footer.empty()) {
      pdf.Skip(24);
      TextStyle small{kSans, 8};
      pdf.Text(doc.footer, small, 1, 0);
    }
    KL_RETURN_IF_ERROR(pdf.Finish());
  }
  return out;
}

}  // namespace keyline::documents
