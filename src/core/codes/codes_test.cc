#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <string>

#include "core/codes/area_code.h"
#include "core/codes/code_check.h"
#include "core/codes/credit_code.h"
#include "core/codes/industry_code.h"
#include "core/codes/project_code.h"

namespace keyline::codes {
namespace {

using Level = CodeCheck::Level;

// ---- CodeCheck ----

TEST(CodeCheckTest, Factories) {
  EXPECT_TRUE(CodeCheck::Ok().ok());
  EXPECT_EQ(CodeCheck::Ok().level, Level::kOk);
  CodeCheck w = CodeCheck::Warning("警告", "warn");
  EXPECT_TRUE(w.ok());
  EXPECT_EQ(w.level, Level::kWarning);
  EXPECT_EQ(w.message_zh, "警告");
  CodeCheck e = CodeCheck::Error("错误", "err");
  EXPECT_FALSE(e.ok());
  EXPECT_EQ(e.message_en, "err");
}

// ---- Project code ----

TEST(ProjectCodeTest, NormalizesWhitespaceWidthAndCase) {
  EXPECT_EQ(NormalizeProjectCode(" ２０２４－610113-83-01-123456 "), "2024-610113-83-01-123456");
  EXPECT_EQ(NormalizeProjectCode("\t２０１７—６１０１１３–４７‐０３−０１２３４５\n"),
            "2017-610113-47-03-012345");
  EXPECT_EQ(NormalizeProjectCode("\xE3\x80\x80"
                                 "2024-610113-83-01-12345a"
                                 "\xE3\x80\x80"),
            "2024-610113-83-01-12345A");
  EXPECT_EQ(NormalizeProjectCode("２１０３-６１０１１３-０４-０１-ｂ"), "2103-610113-04-01-B");
  EXPECT_EQ(NormalizeProjectCode(""), "");
  EXPECT_EQ(NormalizeProjectCode("  \xE3\x80\x80 "), "");
  // Non-ASCII characters other than the mapped ones are kept (and then fail the check).
  EXPECT_EQ(NormalizeProjectCode("项目2024"), "项目2024");
}

TEST(ProjectCodeTest, AcceptsYearForm) {
  EXPECT_EQ(CheckProjectCode("2017-610113-47-03-012345", 2026).level, Level::kOk);
  EXPECT_EQ(CheckProjectCode("2020-610113-47-01-012345", 2026).level, Level::kOk);
  EXPECT_EQ(CheckProjectCode("2014-110105-70-02-000001", 2026).level, Level::kOk);
  EXPECT_EQ(CheckProjectCode("2027-610113-83-01-123456", 2026).level, Level::kOk);
}

TEST(ProjectCodeTest, AcceptsYearMonthFormWithCheckCharacter) {
  EXPECT_EQ(CheckProjectCode("2103-330106-04-01-447839", 2026).level, Level::kOk);
  EXPECT_EQ(CheckProjectCode("2010-130100-04-01-12345X", 2026).level, Level::kOk);
  EXPECT_EQ(CheckProjectCode("2712-610113-04-01-123456", 2026).level, Level::kOk);
}

TEST(ProjectCodeTest, RejectsTimeCodeOutOfRange) {
  EXPECT_EQ(CheckProjectCode("2013-610113-47-03-012345", 2026).level, Level::kError);
  EXPECT_EQ(CheckProjectCode("2028-610113-47-03-012345", 2026).level, Level::kError);
  EXPECT_EQ(CheckProjectCode("2113-610113-04-01-123456", 2026).level, Level::kError);  // month 13
  EXPECT_EQ(CheckProjectCode("2100-610113-04-01-123456", 2026).level, Level::kError);  // month 0
  EXPECT_EQ(CheckProjectCode("2801-610113-04-01-123456", 2026).level, Level::kError);
  EXPECT_EQ(CheckProjectCode("2009-610113-04-01-123456", 2026).level, Level::kError);
  EXPECT_EQ(CheckProjectCode("1999-610113-47-03-012345", 2026).level, Level::kError);
}

TEST(ProjectCodeTest, RejectsWrongShape) {
  for (const char* bad :
       {"", "2024-610113", "2024-610113-83-01-1234567", "2024610113830112345678",
        "202461011383011234567890", "2024-610113-83-01-12345", "2024 610113-83-01-123456",
        "2024-61O113-83-01-123456", "2024-610113-8A-01-123456", "2024-610113-83-0B-123456",
        "2024-610113-83-01-1234A6", "2024-610113-83-01-12345a", "20２4-610113-83-01-123456"}) {
    CodeCheck c = CheckProjectCode(bad, 2026);
    EXPECT_EQ(c.level, Level::kError) << bad;
    EXPECT_FALSE(c.message_zh.empty());
    EXPECT_FALSE(c.message_en.empty());
  }
}

TEST(ProjectCodeTest, WarnsOnUnknownAreaPrefix) {
  CodeCheck c = CheckProjectCode("2024-990113-83-01-123456", 2026);
  EXPECT_EQ(c.level, Level::kWarning);
  EXPECT_NE(c.message_zh.find("990113"), std::string::npos);
  EXPECT_EQ(CheckProjectCode("2024-000000-83-01-123456", 2026).level, Level::kWarning);
}

// ---- Credit code ----

TEST(CreditCodeTest, ComputesCheckCharacterOfPublishedCodes) {
  // Codes from the domain notes (research-china.md §4.2), recomputed here.
  EXPECT_EQ(ComputeCreditCheckChar("91350200776049653"), 'A');
  EXPECT_EQ(ComputeCreditCheckChar("91350500798359476"), 'R');
  EXPECT_EQ(ComputeCreditCheckChar("91350503MA31DKY80"), 'A');
  EXPECT_EQ(ComputeCreditCheckChar("91440101MA5CJQ4N5"), '9');
  EXPECT_EQ(ComputeCreditCheckChar("12350200154989739"), '7');
  EXPECT_EQ(ComputeCreditCheckChar("91440300708461136"), 'T');
  EXPECT_EQ(ComputeCreditCheckChar("91330100716105852"), 'F');
  EXPECT_EQ(ComputeCreditCheckChar("11100000000013127"), 'D');
}

TEST(CreditCodeTest, CheckCharacterEdgeCases) {
  // Sum ≡ 0 (mod 31) gives 31 → '0'.
  EXPECT_EQ(ComputeCreditCheckChar("00000000000000000"), '0');
  EXPECT_EQ(ComputeCreditCheckChar("9135020077604965"), '\0');    // 16 chars
  EXPECT_EQ(ComputeCreditCheckChar("913502007760496530"), '\0');  // 18 chars
  EXPECT_EQ(ComputeCreditCheckChar("9135020077604965I"), '\0');   // I not in alphabet
}

TEST(CreditCodeTest, AcceptsValidCodes) {
  for (const char* good :
       {"91350200776049653A", "91350500798359476R", "91350503MA31DKY80A", "91440101MA5CJQ4N59",
        "913502000728319549", "123502001549897397", "91440300708461136T", "914403001922038216",
        "91330100716105852F", "91110000710925462X", "11100000000013127D"}) {
    EXPECT_EQ(CheckCreditCode(good, true).level, Level::kOk) << good;
    EXPECT_EQ(CheckCreditCode(good, false).level, Level::kOk) << good;
  }
}

TEST(CreditCodeTest, WrongCheckCharacterIsErrorWhenStrictWarningWhenLenient) {
  for (const char* bad : {"91350203M0001QAY9B",     // hard-coded exception in a public validator
                          "91110000100006134K",     // correct check char would be 'A'
                          "91350200776049653B"}) {  // one-character typo
    CodeCheck strict = CheckCreditCode(bad, true);
    EXPECT_EQ(strict.level, Level::kError) << bad;
    EXPECT_NE(strict.message_zh.find("校验位"), std::string::npos);
    EXPECT_EQ(CheckCreditCode(bad, false).level, Level::kWarning) << bad;
  }
  EXPECT_NE(CheckCreditCode("91110000100006134K", true).message_en.find("expected A"),
            std::string::npos);
}

TEST(CreditCodeTest, OtherProblemsStayErrorsWhenLenient) {
  for (const char* bad : {"", "91350200776049653", "91350200776049653A0",
                          "91350200776O49653A",     // letter O
                          "91350200776049653a",     // lower case (caller upper-cases)
                          "9135020077604965SA",     // S not in alphabet
                          "Z1350200776049653A",     // Z
                          "B1350200776049653A",     // unknown registering authority
                          "90350200776049653A",     // kind 0
                          "9A350200776049653A",     // kind not a digit
                          "9135A200776049653A"}) {  // letter in the area code
    EXPECT_EQ(CheckCreditCode(bad, true).level, Level::kError) << bad;
    EXPECT_EQ(CheckCreditCode(bad, false).level, Level::kError) << bad;
  }
}

TEST(CreditCodeTest, WarnsOnUnusualKindOrArea) {
  std::string unusual_kind = "95350200776049653";  // 工商 registers kinds 1-3 only
  unusual_kind += ComputeCreditCheckChar(unusual_kind);
  EXPECT_EQ(CheckCreditCode(unusual_kind, true).level, Level::kWarning);

  std::string unknown_area = "91990200776049653";
  unknown_area += ComputeCreditCheckChar(unknown_area);
  EXPECT_EQ(CheckCreditCode(unknown_area, true).level, Level::kWarning);
}

// ---- Area code ----

TEST(AreaCodeTest, AcceptsRealCodes) {
  for (const char* good : {"110000", "610000", "610100", "610113", "610124", "650100", "710000",
                           "810000", "820000", "540102", "460100"}) {
    EXPECT_EQ(CheckAreaCode(good).level, Level::kOk) << good;
  }
}

TEST(AreaCodeTest, RejectsBadCodes) {
  for (const char* bad :
       {"", "61011", "6101130", "61011A", "６１０１１３", "000000", "100000", "160000", "240000",
        "380000", "470000", "550000", "660000", "720000", "830000", "990000"}) {
    CodeCheck c = CheckAreaCode(bad);
    EXPECT_EQ(c.level, Level::kError) << bad;
    EXPECT_FALSE(c.message_zh.empty());
  }
}

TEST(AreaCodeTest, RegionCodesMayBeTownsOrVillages) {
  for (const char* good : {"610113", "610113004", "610113004001"}) {
    EXPECT_EQ(CheckRegionCode(good).level, Level::kOk) << good;
  }
  for (const char* bad : {"", "6101130", "61011300", "6101130041", "990113004", "61011300A"}) {
    EXPECT_EQ(CheckRegionCode(bad).level, Level::kError) << bad;
  }
  EXPECT_EQ(CheckAreaCode("610113004").level, Level::kError);  // an area code is 6 digits
}

TEST(AreaCodeTest, KnownNames) {
  EXPECT_EQ(KnownAreaName("610000"), "陕西省");
  EXPECT_EQ(KnownAreaName("610100"), "西安市");
  EXPECT_EQ(KnownAreaName("610113"), "雁塔区");
  EXPECT_EQ(KnownAreaName("610118"), "鄠邑区");
  EXPECT_EQ(KnownAreaName("610124"), "周至县");
  EXPECT_EQ(KnownAreaName("330100"), "杭州市");
  EXPECT_EQ(KnownAreaName("110000"), "北京市");
  EXPECT_EQ(KnownAreaName("610199"), std::nullopt);
  EXPECT_EQ(KnownAreaName(""), std::nullopt);
}

TEST(AreaCodeTest, KnownNamesAreWellFormed) {
  // Every province prefix 11..82 that has a name must pass the shape check.
  for (int p = 10; p <= 99; ++p) {
    std::string code = std::to_string(p) + "0000";
    if (KnownAreaName(code)) {
      EXPECT_TRUE(CheckAreaCode(code).ok()) << code;
    }
    EXPECT_EQ(IsKnownProvincePrefix(code), KnownAreaName(code).has_value()) << code;
  }
}

// ---- Industry code ----

TEST(IndustryCodeTest, AcceptsValidCodes) {
  for (const char* good : {"A", "P", "T", "P83", "P833", "P8331", "P8334", "A0111", "C13", "C4390",
                           "E4701", "K7010", "S96", "T97", "8331", "01", "970"}) {
    EXPECT_EQ(CheckIndustryCode(good).level, Level::kOk) << good;
  }
}

TEST(IndustryCodeTest, RejectsBadCodes) {
  for (const char* bad : {"", "U", "Z12", "p8331", "P0111", "A06", "S97", "T98", "C44", "P8",
                          "P83311", "8", "83311", "00", "98", "99", "P83A", " P83", "P 83"}) {
    CodeCheck c = CheckIndustryCode(bad);
    EXPECT_EQ(c.level, Level::kError) << bad;
    EXPECT_FALSE(c.message_zh.empty());
  }
  EXPECT_NE(CheckIndustryCode("P0111").message_zh.find("门类A"), std::string::npos);
}

TEST(IndustryCodeTest, SectionTables) {
  EXPECT_EQ(SectionNameZh('A'), "农、林、牧、渔业");
  EXPECT_EQ(SectionNameZh('P'), "教育");
  EXPECT_EQ(SectionNameZh('T'), "国际组织");
  EXPECT_EQ(SectionNameZh('U'), std::nullopt);
  EXPECT_EQ(SectionNameZh('p'), std::nullopt);

  EXPECT_EQ(SectionForDivision(1), 'A');
  EXPECT_EQ(SectionForDivision(5), 'A');
  EXPECT_EQ(SectionForDivision(6), 'B');
  EXPECT_EQ(SectionForDivision(43), 'C');
  EXPECT_EQ(SectionForDivision(47), 'E');
  EXPECT_EQ(SectionForDivision(70), 'K');
  EXPECT_EQ(SectionForDivision(83), 'P');
  EXPECT_EQ(SectionForDivision(96), 'S');
  EXPECT_EQ(SectionForDivision(97), 'T');
  EXPECT_EQ(SectionForDivision(0), '\0');
  EXPECT_EQ(SectionForDivision(98), '\0');
}

TEST(IndustryCodeTest, EveryDivisionHasOneSection) {
  // 97 divisions, 01..97, contiguous across the 20 sections.
  char prev = 'A';
  for (int d = 1; d <= 97; ++d) {
    char s = SectionForDivision(d);
    ASSERT_NE(s, '\0') << d;
    EXPECT_TRUE(s == prev || s == prev + 1) << d;
    prev = s;
  }
  EXPECT_EQ(prev, 'T');
}

TEST(IndustryCodeTest, NamesByCode) {
  EXPECT_EQ(DivisionNameZh(1), "农业");
  EXPECT_EQ(DivisionNameZh(52), "零售业");
  EXPECT_EQ(DivisionNameZh(83), "教育");
  EXPECT_EQ(DivisionNameZh(97), "国际组织");
  EXPECT_EQ(DivisionNameZh(0), std::nullopt);
  EXPECT_EQ(DivisionNameZh(98), std::nullopt);

  EXPECT_EQ(IndustryNameZh("F"), "批发和零售业");
  EXPECT_EQ(IndustryNameZh("F52"), "零售业");
  EXPECT_EQ(IndustryNameZh("F521"), "综合零售");
  EXPECT_EQ(IndustryNameZh("F5211"), "百货零售");
  EXPECT_EQ(IndustryNameZh("5211"), "百货零售");   // the digits alone
  EXPECT_EQ(IndustryNameZh("F5218"), "综合零售");  // no such 小类: named by its 中类
  EXPECT_EQ(IndustryNameZh("F5281"), "五金零售");
  EXPECT_EQ(IndustryNameZh("C39"), "计算机、通信和其他电子设备制造业");
  EXPECT_EQ(IndustryNameZh("E4811"), "铁路工程建筑");
  EXPECT_EQ(IndustryNameZh("F83"), std::nullopt);  // division 83 is in section P
  EXPECT_EQ(IndustryNameZh(""), std::nullopt);
  EXPECT_EQ(IndustryNameZh("U"), std::nullopt);
  EXPECT_EQ(IndustryNameZh("f52"), std::nullopt);
}

// Named spot checks across the sections, as GB/T 4754-2017 (amendment 2019) prints them.
TEST(IndustryCodeTest, ClassesAndGroupsHaveTheStandardsNames) {
  const std::pair<const char*, const char*> kNames[] = {
      {"A0111", "稻谷种植"},         {"A0232", "森林改培"},
      {"A0513", "灌溉活动"},         {"B0610", "烟煤和无烟煤开采洗选"},
      {"C2611", "无机酸制造"},       {"C3973", "集成电路制造"},
      {"C3612", "新能源车整车制造"}, {"D4416", "太阳能发电"},
      {"E4710", "住宅房屋建筑"},     {"E4853", "地下综合管廊工程建筑"},
      {"F5211", "百货零售"},         {"F5292", "互联网零售"},
      {"G5412", "城市轨道交通"},     {"H6110", "旅游饭店"},
      {"I6513", "应用软件开发"},     {"I652", "集成电路设计"},
      {"J6621", "商业银行服务"},     {"K7010", "房地产开发经营"},
      {"K702", "物业管理"},          {"L7221", "园区管理服务"},
      {"M7484", "工程设计活动"},     {"N7820", "环境卫生管理"},
      {"O8010", "家庭服务"},         {"P8331", "普通初中教育"},
      {"P8334", "普通高中教育"},     {"Q8411", "综合医院"},
      {"R8850", "博物馆"},           {"S9221", "综合事务管理机构"},
      {"T9700", "国际组织"},
  };
  for (const auto& [code, name] : kNames) EXPECT_EQ(IndustryNameZh(code), name) << code;
}

// The table: every level in the standard's order, each line under an existing parent.
TEST(IndustryCodeTest, TableHasEveryLevelEachUnderItsParent) {
  const auto& table = IndustryTable();
  std::map<int, int> per_level;
  std::map<std::string, const IndustryEntry*> by_code;
  std::string last_section;
  for (const IndustryEntry& e : table) {
    ++per_level[e.level];
    EXPECT_FALSE(e.name_zh.empty()) << e.code;
    EXPECT_TRUE(CheckIndustryCode(e.code).ok()) << e.code;
    EXPECT_EQ(IndustryNameZh(e.code), e.name_zh) << e.code;
    EXPECT_TRUE(by_code.emplace(e.code, &e).second) << "duplicate " << e.code;
    ASSERT_GE(e.level, 1);
    ASSERT_LE(e.level, 4);
    EXPECT_EQ(e.code.size(), e.level == 1 ? 1u : static_cast<size_t>(e.level + 1)) << e.code;
    if (e.level == 1) {
      EXPECT_TRUE(e.parent.empty());
      last_section = e.code;
      continue;
    }
    // The parent is the code one level up, listed before it, in the same section.
    EXPECT_EQ(e.parent, e.level == 2 ? e.code.substr(0, 1) : e.code.substr(0, e.level)) << e.code;
    auto parent = by_code.find(e.parent);
    ASSERT_NE(parent, by_code.end()) << e.code << " before its parent " << e.parent;
    EXPECT_EQ(parent->second->level, e.level - 1) << e.code;
    EXPECT_EQ(e.code.substr(0, 1), last_section) << e.code;
  }
  EXPECT_EQ(per_level[1], 20);
  EXPECT_EQ(per_level[2], 97);
  EXPECT_EQ(per_level[3], 473);
  EXPECT_EQ(per_level[4], 1381);
  // Every division and every 中类 has at least one line below it.
  for (const IndustryEntry& e : table) {
    if (e.level == 4) continue;
    bool has_child = std::any_of(table.begin(), table.end(),
                                 [&](const IndustryEntry& c) { return c.parent == e.code; });
    EXPECT_TRUE(has_child) << e.code;
  }
  EXPECT_EQ(table.front().code, "A");
  EXPECT_EQ(table[1].code, "A01");
  EXPECT_EQ(table[2].code, "A011");
  EXPECT_EQ(table[3].code, "A0111");
  EXPECT_EQ(table.back().code, "T9700");
}

// The shipped file itself: every data line is "code,name" with 3 or 4 digits, none twice, and
// all of them reach the table (nothing skipped by the parser).
TEST(IndustryCodeTest, TheReferenceFileIsWellFormed) {
  std::ifstream in(std::string(KEYLINE_SOURCE_DIR) + "/reference/industries-cn.csv");
  ASSERT_TRUE(in) << "reference/industries-cn.csv";
  std::string line;
  std::set<std::string> codes;
  bool header = false;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    if (!header) {
      EXPECT_EQ(line, "code,name");
      header = true;
      continue;
    }
    size_t comma = line.find(',');
    ASSERT_NE(comma, std::string::npos) << line;
    std::string code = line.substr(0, comma);
    EXPECT_TRUE(code.size() == 3 || code.size() == 4) << line;
    EXPECT_EQ(code.find_first_not_of("0123456789"), std::string::npos) << line;
    EXPECT_FALSE(line.substr(comma + 1).empty()) << line;
    EXPECT_EQ(line.find(',', comma + 1), std::string::npos) << line;
    EXPECT_TRUE(codes.insert(code).second) << "duplicate " << code;
  }
  EXPECT_EQ(codes.size(), 473u + 1381u);
  EXPECT_EQ(IndustryTable().size(), 20u + 97u + codes.size());
}

}  // namespace
}  // namespace keyline::codes
