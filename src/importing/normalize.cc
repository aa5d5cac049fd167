#include "importing/normalize.h"

#include <cmath>
#include <cstdio>
#include <vector>

#include "common/date.h"
#include "common/utf8.h"

namespace keyline::importing {
namespace {

bool IsSpace(uint32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\v' || cp == '\f' ||
         cp == 0xA0 || cp == 0x3000 || cp == 0x2002 || cp == 0x2003 || cp == 0x2009 ||
         cp == 0x200B || cp == 0xFEFF;
}

std::string Normalize(std::string_view text, bool keep_spaces, bool half_width = true) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  size_t i = 0;
  while (i < text.size()) {
    size_t start = i;
    uint32_t cp = DecodeUtf8(text, &i);
    if (IsSpace(cp)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space && keep_spaces) out.push_back(' ');
    pending_space = false;
    if (half_width && cp >= 0xFF01 && cp <= 0xFF5E) {
      out.push_back(static_cast<char>(cp - 0xFF01 + 0x21));
    } else {
      out.append(text.substr(start, i - start));
    }
  }
  return out;
}

std::string FormatNumber(double v) {
  if (std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 1e15) {
    return std::to_string(static_cast<int64_t>(v));
  }
  // 15 significant digits, as Excel shows them (drops the binary tail of 0.1 + 0.2).
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.15g", v);
  return buf;
}

Status BadAmount(std::string_view text) {
  std::string shown(text.substr(0, 40));
  return Status::InvalidArgument("金额无法识别：" + shown, "not an amount: " + shown);
}

Status BadDate(std::string_view text) {
  std::string shown(text.substr(0, 40));
  return Status::InvalidArgument("日期无法识别：" + shown, "not a date: " + shown);
}

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

bool StripSuffix(std::string& s, std::string_view suffix) {
  if (s.size() >= suffix.size() &&
      s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0) {
    s.resize(s.size() - suffix.size());
    return true;
  }
  return false;
}

Result<std::string> MakeDate(int y, int m, int d, std::string_view text) {
  if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1 || d > DaysInMonth(y, m)) {
    return BadDate(text);
  }
  return Date{y, m, d}.ToString();
}

}  // namespace

std::string NormalizeText(std::string_view text) { return Normalize(text, true); }

std::string CompactText(std::string_view text) { return Normalize(text, false); }

std::string NormalizeSpaces(std::string_view text) { return Normalize(text, true, false); }

std::string TrimSpaces(std::string_view text) {
  size_t begin = 0, end = text.size();
  // Leading and trailing whitespace, including the ideographic space and NBSP.
  while (begin < end) {
    size_t i = begin;
    if (!IsSpace(DecodeUtf8(text, &i))) break;
    begin = i;
  }
  while (end > begin) {
    size_t back = end - 1;
    while (back > begin && (static_cast<unsigned char>(text[back]) & 0xC0) == 0x80) --back;
    size_t i = back;
    if (!IsSpace(DecodeUtf8(text, &i)) || i != end) break;
    end = back;
  }
  return std::string(text.substr(begin, end - begin));
}

std::string CellText(const xlsx::Cell& cell, bool date1904) {
  switch (cell.kind) {
    case xlsx::Cell::Kind::kEmpty:
      return "";
    case xlsx::Cell::Kind::kText:
      return TrimSpaces(cell.text);  // text as written: keys fold, values do not
    case xlsx::Cell::Kind::kError:
      return NormalizeText(cell.text);
    case xlsx::Cell::Kind::kBool:
      return cell.number != 0 ? "TRUE" : "FALSE";
    case xlsx::Cell::Kind::kNumber:
      if (cell.date_format) {
        if (auto d = xlsx::SerialToDate(cell.number, date1904)) return d->ToString();
      }
      return FormatNumber(cell.number);
  }
  return "";
}

std::optional<AmountUnit> UnitInText(std::string_view text) {
  std::string t = CompactText(text);
  if (t.find("亿元") != std::string::npos) return AmountUnit::kYi;
  if (t.find("万元") != std::string::npos) return AmountUnit::kWan;
  for (std::string_view plain : {"(元)", "（元）", "单位:元", "单位：元"}) {
    if (t.find(plain) != std::string::npos) return AmountUnit::kYuan;
  }
  return std::nullopt;
}

Result<Money> ParseAmount(std::string_view raw, AmountUnit unit) {
  std::string t = CompactText(raw);
  if (StripSuffix(t, "亿元") || StripSuffix(t, "亿")) {
    unit = AmountUnit::kYi;
  } else if (StripSuffix(t, "万元") || StripSuffix(t, "万")) {
    unit = AmountUnit::kWan;
  } else if (StripSuffix(t, "元")) {
    unit = AmountUnit::kYuan;
  }
  for (std::string_view sign : {"¥", "￥"}) {
    if (t.rfind(sign, 0) == 0) t.erase(0, sign.size());
  }
  if (!t.empty() && t[0] == '$') t.erase(0, 1);
  bool negative = false;
  if (!t.empty() && (t[0] == '-' || t[0] == '+')) {
    negative = t[0] == '-';
    t.erase(0, 1);
  }
  std::string int_part, frac_part;
  bool seen_dot = false;
  int exponent = 0;
  size_t e = t.find_first_of("eE");
  if (e != std::string::npos) {  // 1.5E+3 from a number cell
    std::string exp_text = t.substr(e + 1);
    t.resize(e);
    if (exp_text.empty()) return BadAmount(raw);
    size_t k = (exp_text[0] == '+' || exp_text[0] == '-') ? 1 : 0;
    if (!AllDigits(exp_text.substr(k)) || exp_text.size() > 4) return BadAmount(raw);
    exponent = std::stoi(exp_text);
  }
  for (char c : t) {
    if (c == ',') {
      if (seen_dot) return BadAmount(raw);
      continue;
    }
    if (c == '.') {
      if (seen_dot) return BadAmount(raw);
      seen_dot = true;
      continue;
    }
    if (c < '0' || c > '9') return BadAmount(raw);
    (seen_dot ? frac_part : int_part).push_back(c);
  }
  if (int_part.empty() && frac_part.empty()) return BadAmount(raw);
  // Shift the decimal point: cents = digits × 10^(scale + exponent - frac digits).
  int scale = unit == AmountUnit::kYuan ? 2 : unit == AmountUnit::kWan ? 6 : 10;
  std::string digits = int_part + frac_part;
  int shift = scale + exponent - static_cast<int>(frac_part.size());
  size_t first = digits.find_first_not_of('0');
  digits = first == std::string::npos ? "0" : digits.substr(first);
  bool round_up = false;
  if (shift < 0) {
    size_t drop = static_cast<size_t>(-shift);
    if (drop >= digits.size()) {
      round_up = drop == digits.size() && digits[0] >= '5';
      digits = "0";
    } else {
      round_up = digits[digits.size() - drop] >= '5';
      digits.resize(digits.size() - drop);
    }
  } else {
    digits.append(static_cast<size_t>(shift), '0');
  }
  if (digits.size() > 18) {
    std::string shown(raw.substr(0, 40));
    return Status::InvalidArgument("金额过大：" + shown, "amount too large: " + shown);
  }
  int64_t cents = std::stoll(digits) + (round_up ? 1 : 0);
  return Money{negative ? -cents : cents};
}

Result<std::string> ParseDateText(std::string_view raw, bool date1904) {
  std::string t = CompactText(raw);
  if (t.empty()) return BadDate(raw);
  // Plain numbers: YYYYMM, YYYYMMDD, or an Excel serial.
  std::string number = t;
  StripSuffix(number, ".0");
  if (AllDigits(number)) {
    if (number.size() == 6) {
      return MakeDate(std::stoi(number.substr(0, 4)), std::stoi(number.substr(4, 2)), 1, raw);
    }
    if (number.size() == 8) {
      return MakeDate(std::stoi(number.substr(0, 4)), std::stoi(number.substr(4, 2)),
                      std::stoi(number.substr(6, 2)), raw);
    }
    if (number.size() == 5) {
      if (auto d = xlsx::SerialToDate(std::stod(number), date1904)) return d->ToString();
    }
    return BadDate(raw);
  }
  // Separated forms: up to three digit groups, separated by - / . 年 月 (日 at the end).
  std::vector<std::string> parts;
  std::string current;
  size_t i = 0;
  while (i < t.size()) {
    size_t start = i;
    uint32_t cp = DecodeUtf8(t, &i);
    if (cp >= '0' && cp <= '9') {
      current.push_back(static_cast<char>(cp));
      continue;
    }
    std::string_view sep = std::string_view(t).substr(start, i - start);
    bool is_sep = sep == "-" || sep == "/" || sep == "." || sep == "年" || sep == "月" ||
                  sep == "日" || sep == "号";
    if (!is_sep || current.empty()) return BadDate(raw);
    parts.push_back(current);
    current.clear();
  }
  if (!current.empty()) parts.push_back(current);
  if (parts.size() < 2 || parts.size() > 3 || parts[0].size() != 4) return BadDate(raw);
  for (size_t k = 1; k < parts.size(); ++k) {
    if (parts[k].size() > 2) return BadDate(raw);
  }
  int day = parts.size() == 3 ? std::stoi(parts[2]) : 1;
  return MakeDate(std::stoi(parts[0]), std::stoi(parts[1]), day, raw);
}

}  // namespace keyline::importing
