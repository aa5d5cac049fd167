#include "xlsx/text_format.h"

#include <cmath>

#include "common/utf8.h"
#include "xlsx/workbook_reader.h"

namespace keyline::xlsx {
namespace {

bool IsXmlSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

bool IsBuiltinDateFormat(int id) {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) ||
         (id >= 50 && id <= 58);
}

bool IsDateFormatCode(std::string_view code) {
  for (size_t i = 0; i < code.size(); ++i) {
    char c = code[i];
    switch (c) {
      case ';':
        return false;  // only the first (positive) section decides
      case '"': {
        size_t end = code.find('"', i + 1);
        if (end == std::string_view::npos) return false;
        i = end;
        break;
      }
      case '[': {
        size_t end = code.find(']', i + 1);
        if (end == std::string_view::npos) return false;
        i = end;
        break;
      }
      case '\\':
      case '_':
      case '*':
        ++i;  // the next character is literal / padding
        break;
      default:
        switch (c | 0x20) {  // ASCII lower case
          case 'y':
          case 'm':
          case 'd':
          case 'h':
          case 's':
            return true;
          default:
            break;
        }
    }
  }
  return false;
}

std::string CellText(std::string_view raw, bool preserve_space) {
  if (!preserve_space) {
    while (!raw.empty() && IsXmlSpace(raw.front())) raw.remove_prefix(1);
    while (!raw.empty() && IsXmlSpace(raw.back())) raw.remove_suffix(1);
  }
  std::string out;
  if (raw.find("_x") == std::string_view::npos) return std::string(raw);
  out.reserve(raw.size());
  for (size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == '_' && i + 6 < raw.size() && raw[i + 1] == 'x' && raw[i + 6] == '_') {
      uint32_t cp = 0;
      bool ok = true;
      for (size_t k = 2; k < 6; ++k) {
        int h = HexValue(raw[i + k]);
        if (h < 0) {
          ok = false;
          break;
        }
        cp = cp * 16 + static_cast<uint32_t>(h);
      }
      if (ok) {
        AppendUtf8(cp, &out);
        i += 6;
        continue;
      }
    }
    out += raw[i];
  }
  return out;
}

size_t Utf8Length(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

std::optional<CellRef> ParseCellRef(std::string_view ref) {
  size_t i = 0;
  while (i < ref.size() && ((ref[i] >= 'A' && ref[i] <= 'Z') || (ref[i] >= 'a' && ref[i] <= 'z'))) {
    ++i;
  }
  std::optional<int> col = ColumnIndex(ref.substr(0, i));
  if (!col) return std::nullopt;
  CellRef out{*col, 0};
  if (i == ref.size()) return out;
  if (ref.size() - i > 7) return std::nullopt;
  for (; i < ref.size(); ++i) {
    if (ref[i] < '0' || ref[i] > '9') return std::nullopt;
    out.row = out.row * 10 + (ref[i] - '0');
  }
  if (out.row < 1) return std::nullopt;
  return out;
}

std::optional<int> ColumnIndex(std::string_view letters) {
  if (letters.empty() || letters.size() > 3) return std::nullopt;
  int value = 0;
  for (char c : letters) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c < 'A' || c > 'Z') return std::nullopt;
    value = value * 26 + (c - 'A' + 1);
  }
  if (value > 16384) return std::nullopt;  // past XFD
  return value - 1;
}

std::string ColumnLetters(int index) {
  if (index < 0) return "";
  std::string out;
  for (int n = index + 1; n > 0; n = (n - 1) / 26) {
    out.insert(out.begin(), static_cast<char>('A' + (n - 1) % 26));
  }
  return out;
}

std::optional<Date> SerialToDate(double serial, bool date1904) {
  if (!std::isfinite(serial) || serial < 0 || serial > 3'000'000) return std::nullopt;
  int64_t day = static_cast<int64_t>(std::floor(serial));
  int64_t days_since_1970;
  if (date1904) {
    days_since_1970 = Date{1904, 1, 1}.ToDays() + day;
  } else {
    if (day < 1 || day == 60) return std::nullopt;  // 1900-01-00 and the phantom 1900-02-29
    days_since_1970 = Date{1899, 12, 31}.ToDays() + day - (day > 60 ? 1 : 0);
  }
  Date date = Date::FromDays(days_since_1970);
  if (date.year < 1900 || date.year > 9999) return std::nullopt;
  return date;
}

}  // namespace keyline::xlsx
