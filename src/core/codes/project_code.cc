#include "core/codes/project_code.h"

#include <algorithm>

#include "core/codes/area_code.h"

namespace keyline::codes {
namespace {

// Decodes one UTF-8 sequence at s[*i], advancing *i. Invalid bytes decode as themselves
// (one byte, code point < 0x100) so that nothing is lost.
char32_t DecodeOne(std::string_view s, std::size_t* i) {
  auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = b(*i);
  int len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
  if (len <= 1 || *i + len > s.size()) {
    ++*i;
    return c;
  }
  char32_t cp = c & (0xFF >> (len + 1));
  for (int k = 1; k < len; ++k) {
    if ((b(*i + k) & 0xC0) != 0x80) {
      ++*i;
      return c;
    }
    cp = (cp << 6) | (b(*i + k) & 0x3F);
  }
  *i += len;
  return cp;
}

bool IsSpace(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\v' || cp == '\f' ||
         cp == 0x3000 || cp == 0xA0;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool AllDigits(std::string_view s) { return std::all_of(s.begin(), s.end(), IsDigit); }

int ToInt(std::string_view digits) {
  int v = 0;
  for (char c : digits) v = v * 10 + (c - '0');
  return v;
}

CodeCheck FormatError() {
  return CodeCheck::Error("格式不正确：应为24位，形如2024-610113-83-01-123456",
                          "must be 24 characters like 2024-610113-83-01-123456");
}

}  // namespace

std::string NormalizeProjectCode(std::string_view code) {
  std::string out;
  std::size_t i = 0;
  while (i < code.size()) {
    std::size_t start = i;
    char32_t cp = DecodeOne(code, &i);
    if (cp >= 0xFF01 && cp <= 0xFF5E) cp -= 0xFEE0;  // full-width ASCII block
    if (cp == 0x2010 || cp == 0x2011 || cp == 0x2012 || cp == 0x2013 || cp == 0x2014 ||
        cp == 0x2212) {
      cp = '-';
    }
    if (cp == 0x3000 || cp == 0xA0) cp = ' ';
    if (cp < 0x80) {
      char c = static_cast<char>(cp);
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
      out.push_back(c);
    } else {
      out.append(code.substr(start, i - start));
    }
  }
  auto is_space = [](char c) { return IsSpace(static_cast<unsigned char>(c)); };
  auto first = std::find_if_not(out.begin(), out.end(), is_space);
  auto last = std::find_if_not(out.rbegin(), out.rend(), is_space).base();
  if (first >= last) return "";
  return std::string(first, last);
}

CodeCheck CheckProjectCode(std::string_view normalized, int current_year) {
  const std::string_view s = normalized;
  if (s.size() != 24 || s[4] != '-' || s[11] != '-' || s[14] != '-' || s[17] != '-') {
    return FormatError();
  }
  std::string_view time = s.substr(0, 4);
  std::string_view area = s.substr(5, 6);
  std::string_view dept = s.substr(12, 2);
  std::string_view type = s.substr(15, 2);
  std::string_view serial = s.substr(18, 6);
  if (!AllDigits(time) || !AllDigits(area) || !AllDigits(dept) || !AllDigits(type) ||
      !AllDigits(serial.substr(0, 5)) ||
      !(IsDigit(serial[5]) || (serial[5] >= 'A' && serial[5] <= 'Z'))) {
    return FormatError();
  }

  int t = ToInt(time);
  int max_year = current_year + 1;
  bool year_form = t >= 2014 && t <= max_year;
  int yy = t / 100;
  int mm = t % 100;
  bool yymm_form = mm >= 1 && mm <= 12 && t >= 2010 && 2000 + yy <= max_year;
  if (!year_form && !yymm_form) {
    std::string max = std::to_string(max_year);
    return CodeCheck::Error(
        "前4位时间代码不正确：应为2014至" + max + "的年份或年月（YYMM）",
        "the time code (first 4 digits) must be a year 2014-" + max + " or a YYMM");
  }
  if (!IsKnownProvincePrefix(area)) {
    return CodeCheck::Warning("第5至10位地区代码" + std::string(area) + "的省级前缀未知",
                              "unknown province prefix in the area code " + std::string(area));
  }
  return CodeCheck::Ok();
}

}  // namespace keyline::codes
