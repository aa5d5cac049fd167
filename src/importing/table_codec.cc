#include "importing/table_codec.h"

#include <charconv>

namespace keyline::importing {
namespace {

// Writes the length-prefixed strings; when only counting (`counting`), adds up their size, so
// that a large table is encoded into one buffer reserved once.
class Writer {
 public:
  explicit Writer(bool counting = false) : counting_(counting) {}
  void Str(std::string_view s) {
    char digits[24];
    auto [end, ec] = std::to_chars(digits, digits + sizeof digits, s.size());
    size_t n = static_cast<size_t>(end - digits);
    if (counting_) {
      size_ += n + 1 + s.size();
      return;
    }
    out_.append(digits, n);
    out_ += ':';
    out_ += s;
  }
  void Int(int64_t v) {
    char digits[24];
    auto [end, ec] = std::to_chars(digits, digits + sizeof digits, v);
    Str(std::string_view(digits, static_cast<size_t>(end - digits)));
  }
  void Reserve(size_t n) { out_.reserve(n); }
  size_t size() const { return size_; }
  std::string Take() { return std::move(out_); }

 private:
  bool counting_;
  size_t size_ = 0;
  std::string out_;
};

class Reader {
 public:
  explicit Reader(const std::string& s) : s_(s) {}
  bool Str(std::string* out) {
    std::string_view v;
    if (!View(&v)) return false;
    out->assign(v);
    return true;
  }
  // The next string, in place.
  bool View(std::string_view* out) {
    size_t colon = s_.find(':', pos_);
    if (colon == std::string::npos || colon == pos_ || colon - pos_ > 12) return false;
    size_t n = 0;
    auto [p, ec] = std::from_chars(s_.data() + pos_, s_.data() + colon, n);
    if (ec != std::errc() || p != s_.data() + colon || n > s_.size() - colon - 1) return false;
    *out = std::string_view(s_).substr(colon + 1, n);
    pos_ = colon + 1 + n;
    return true;
  }
  bool Int(int64_t* out) {
    std::string_view t;
    if (!View(&t)) return false;
    auto [p, ec] = std::from_chars(t.data(), t.data() + t.size(), *out);
    return ec == std::errc() && p == t.data() + t.size();
  }
  bool Count(size_t* out, size_t max) {
    int64_t v = 0;
    if (!Int(&v) || v < 0 || static_cast<size_t>(v) > max) return false;
    *out = static_cast<size_t>(v);
    return true;
  }
  bool done() const { return pos_ == s_.size(); }

 private:
  const std::string& s_;
  size_t pos_ = 0;
};

Status Damaged() {
  return Status::InvalidArgument("导入记录已损坏", "the stored import is damaged");
}

}  // namespace

namespace {

void WriteTable(const SheetTable& t, Writer& w) {
  w.Str("T2");
  w.Str(t.title);
  w.Int(t.header_first);
  w.Int(t.header_last);
  w.Int(t.default_unit ? static_cast<int64_t>(*t.default_unit) : -1);
  w.Int(static_cast<int64_t>(t.columns.size()));
  for (const TableColumn& c : t.columns) {
    w.Int(c.index);
    w.Str(c.header);
  }
  w.Int(static_cast<int64_t>(t.rows.size()));
  for (const TableRow r : t.rows) {
    w.Int(r.row);
    w.Str(r.section);
    for (size_t c = 0; c < t.columns.size(); ++c) w.Str(r.cells[c]);
  }
  w.Int(static_cast<int64_t>(t.skipped.size()));
  for (const SkippedRow& s : t.skipped) {
    w.Int(s.row);
    w.Str(s.reason_zh);
    w.Str(s.reason_en);
  }
}

}  // namespace

std::string EncodeTable(const SheetTable& t) {
  Writer count(/*counting=*/true);
  WriteTable(t, count);
  Writer w;
  w.Reserve(count.size());
  WriteTable(t, w);
  return w.Take();
}

Result<SheetTable> DecodeTable(const std::string& text) {
  Reader r(text);
  SheetTable t;
  std::string magic;
  int64_t unit = -1;
  size_t ncols = 0, nrows = 0, nskipped = 0;
  if (!r.Str(&magic) || (magic != "T1" && magic != "T2") || (magic == "T2" && !r.Str(&t.title)) ||
      !r.Int(&t.header_first) || !r.Int(&t.header_last) || !r.Int(&unit) || unit < -1 || unit > 2 ||
      !r.Count(&ncols, 16384)) {
    return Damaged();
  }
  if (unit >= 0) t.default_unit = static_cast<AmountUnit>(unit);
  for (size_t i = 0; i < ncols; ++i) {
    TableColumn c;
    int64_t index = 0;
    if (!r.Int(&index) || index < 0 || index > 16383 || !r.Str(&c.header)) return Damaged();
    c.index = static_cast<int>(index);
    c.letter = xlsx::ColumnLetters(c.index);
    t.columns.push_back(std::move(c));
  }
  if (!r.Count(&nrows, 2'000'000)) return Damaged();
  std::vector<std::string_view> cells(ncols);
  for (size_t i = 0; i < nrows; ++i) {
    int64_t row = 0;
    std::string_view section;
    if (!r.Int(&row) || (magic == "T2" && !r.View(&section))) return Damaged();
    for (size_t c = 0; c < ncols; ++c) {
      if (!r.View(&cells[c])) return Damaged();
    }
    t.rows.Add(row, cells, section);
  }
  if (!r.Count(&nskipped, 2'000'000)) return Damaged();
  for (size_t i = 0; i < nskipped; ++i) {
    SkippedRow s;
    if (!r.Int(&s.row) || !r.Str(&s.reason_zh) || !r.Str(&s.reason_en)) return Damaged();
    t.skipped.push_back(std::move(s));
  }
  if (!r.done()) return Damaged();
  return t;
}

std::string EncodeMapping(const ColumnMapping& m) {
  Writer w;
  w.Str("M1");
  w.Int(static_cast<int64_t>(m.fields.size()));
  for (size_t i = 0; i < m.fields.size(); ++i) {
    w.Str(m.fields[i] ? *m.fields[i] : "");
    w.Str(i < m.sources.size() ? m.sources[i] : "");
  }
  return w.Take();
}

Result<ColumnMapping> DecodeMapping(const std::string& text) {
  Reader r(text);
  std::string magic;
  size_t n = 0;
  if (!r.Str(&magic) || magic != "M1" || !r.Count(&n, 16384)) return Damaged();
  ColumnMapping m;
  for (size_t i = 0; i < n; ++i) {
    std::string field, source;
    if (!r.Str(&field) || !r.Str(&source)) return Damaged();
    m.fields.push_back(field.empty() ? std::nullopt : std::optional<std::string>(field));
    m.sources.push_back(source);
  }
  if (!r.done()) return Damaged();
  return m;
}

std::string EncodeStrings(const std::vector<std::string>& list) {
  Writer w;
  w.Int(static_cast<int64_t>(list.size()));
  for (const auto& s : list) w.Str(s);
  return w.Take();
}

Result<std::vector<std::string>> DecodeStrings(const std::string& text) {
  Reader r(text);
  size_t n = 0;
  if (!r.Count(&n, 100000)) return Damaged();
  std::vector<std::string> out(n);
  for (auto& s : out)
    if (!r.Str(&s)) return Damaged();
  if (!r.done()) return Damaged();
  return out;
}

}  // namespace keyline::importing
