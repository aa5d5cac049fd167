// 国民经济行业分类 (GB/T 4754-2017): 门类 (section, one letter A–T) → 大类 (division, 2 digits)
// → 中类 (group, 3 digits) → 小类 (class, 4 digits). The first two digits are the division.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/codes/code_check.h"

namespace keyline::codes {

// Accepts a section letter alone ("P"), a letter followed by 2–4 digits ("P83", "P8331"),
// or 2–4 digits alone ("8331"). The division must exist (01–97; 97 divisions in 20 sections)
// and, when a letter is given, belong to that section (A 01–05, B 06–12, C 13–43, …, S 91–96,
// T 97). Lower-case letters and surrounding spaces are errors; callers normalise first.
CodeCheck CheckIndustryCode(std::string_view code);

// The Chinese name of section `section` ('A'..'T'), e.g. 'P' → "教育"; nullopt otherwise.
std::optional<std::string> SectionNameZh(char section);

// The section letter of division `division` (1..97), e.g. 83 → 'P'; '\0' when the number
// is not a division of GB/T 4754-2017.
char SectionForDivision(int division);

// The Chinese name of division `division` (1..97), e.g. 52 → "零售业"; nullopt otherwise.
std::optional<std::string> DivisionNameZh(int division);

// The Chinese name of the most specific level Keyline has a name for: the section for a
// letter alone ("F" → "批发和零售业"), else the longest of 小类, 中类 and 大类 that exists
// ("F5211" and "5211" → "百货零售", "F521" → "综合零售", "F52" → "零售业"; a code whose 小类
// is not in the standard, e.g. "F5218", is named by its 中类). The 中类 and 小类 names come
// from reference/industries-cn.csv, compiled in. nullopt when CheckIndustryCode rejects the code.
std::optional<std::string> IndustryNameZh(std::string_view code);

// One line of the picker table: a section ("F", level 1, parent ""), a division ("F52", level 2,
// parent "F"), a group ("F521", level 3, parent "F52") or a class ("F5211", level 4, parent
// "F521").
struct IndustryEntry {
  std::string code;
  std::string name_zh;
  std::string parent;
  int level = 0;
};

// GB/T 4754-2017 in the standard's order: the 20 sections, each followed by its divisions, each
// division by its 中类, each 中类 by its 小类 (20 + 97 + 473 + 1381 lines).
const std::vector<IndustryEntry>& IndustryTable();

}  // namespace keyline::codes
