#include "core/codes/industry_code.h"

#include <algorithm>

namespace keyline::codes {
namespace {

struct Section {
  char letter;
  int first_division;
  int last_division;
  std::string_view name_zh;
};

constexpr Section kSections[] = {
    {'A', 1, 5, "农、林、牧、渔业"},
    {'B', 6, 12, "采矿业"},
    {'C', 13, 43, "制造业"},
    {'D', 44, 46, "电力、热力、燃气及水生产和供应业"},
    {'E', 47, 50, "建筑业"},
    {'F', 51, 52, "批发和零售业"},
    {'G', 53, 60, "交通运输、仓储和邮政业"},
    {'H', 61, 62, "住宿和餐饮业"},
    {'I', 63, 65, "信息传输、软件和信息技术服务业"},
    {'J', 66, 69, "金融业"},
    {'K', 70, 70, "房地产业"},
    {'L', 71, 72, "租赁和商务服务业"},
    {'M', 73, 75, "科学研究和技术服务业"},
    {'N', 76, 79, "水利、环境和公共设施管理业"},
    {'O', 80, 82, "居民服务、修理和其他服务业"},
    {'P', 83, 83, "教育"},
    {'Q', 84, 85, "卫生和社会工作"},
    {'R', 86, 90, "文化、体育和娱乐业"},
    {'S', 91, 96, "公共管理、社会保障和社会组织"},
    {'T', 97, 97, "国际组织"},
};

const Section* FindSection(char letter) {
  for (const Section& s : kSections) {
    if (s.letter == letter) return &s;
  }
  return nullptr;
}

bool AllDigits(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::optional<std::string> SectionNameZh(char section) {
  const Section* s = FindSection(section);
  if (s == nullptr) return std::nullopt;
  return std::string(s->name_zh);
}

char SectionForDivision(int division) {
  for (const Section& s : kSections) {
    if (division >= s.first_division && division <= s.last_division) return s.letter;
  }
  return '\0';
}

CodeCheck CheckIndustryCode(std::string_view code) {
  const Section* section = nullptr;
  std::string_view digits = code;
  if (!code.empty() && code[0] >= 'A' && code[0] <= 'Z') {
    section = FindSection(code[0]);
    if (section == nullptr) {
      return CodeCheck::Error("门类字母无效：应为A至T", "unknown section letter (A-T)");
    }
    digits = code.substr(1);
    if (digits.empty()) return CodeCheck::Ok();
  }
  if (digits.size() < 2 || digits.size() > 4 || !AllDigits(digits)) {
    return CodeCheck::Error("格式不正确：应为门类字母（A至T）和/或2至4位数字，如P8331",
                            "must be a section letter (A-T) and/or 2-4 digits, e.g. P8331");
  }
  int division = (digits[0] - '0') * 10 + (digits[1] - '0');
  char expected = SectionForDivision(division);
  if (expected == '\0') {
    return CodeCheck::Error("大类代码不存在（应为01至97）", "no such division (01-97)");
  }
  if (section != nullptr && section->letter != expected) {
    return CodeCheck::Error(std::string("大类") + std::string(digits.substr(0, 2)) + "不属于门类" +
                                section->letter + "（应属门类" + expected + "）",
                            std::string("division ") + std::string(digits.substr(0, 2)) +
                                " is not in section " + section->letter + " (it is in " + expected +
                                ")");
  }
  return CodeCheck::Ok();
}

}  // namespace keyline::codes
