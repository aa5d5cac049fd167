// UnitNameMatcher and PersonNameMatcher: one table of texts as clerks write them and what
// each must resolve to, on a district like the demo's (plus a second district to make short
// names collide).
#include "core/naming/unit_name_matcher.h"

#include <gtest/gtest.h>

#include "core/naming/name_key.h"
#include "core/naming/person_name_matcher.h"
#include "core/naming/unit_abbreviations.h"

namespace keyline::naming {
namespace {

std::vector<Region> Regions() {
  return {{"610000", "陕西省", std::nullopt, 1},
          {"610100", "西安市", "610000", 1},
          {"610113", "雁塔区", "610100", 1},
          {"610116", "长安区", "610100", 1},
          {"610113003", "电子城街道", "610113", 1}};
}

std::vector<MatchableUnit> Units() {
  return {
      {1, "西安市雁塔区发展和改革委员会", UnitKind::kOffice, "610113", {}},
      {2, "西安市雁塔区住房和城乡建设局", UnitKind::kDepartment, "610113", {}},
      {3, "西安市雁塔区教育局", UnitKind::kDepartment, "610113", {}},
      {4, "西安市雁塔区卫生健康局", UnitKind::kDepartment, "610113", {}},
      {5, "西安市雁塔区城中村和棚户区改造事务中心", UnitKind::kDepartment, "610113", {}},
      {6, "西安市雁塔区电子城街道办事处", UnitKind::kTownship, "610113", {}},
      {7, "西安市雁塔区交通运输局", UnitKind::kDepartment, "610113", {}},
      {8, "西安市自然资源和规划局雁塔分局", UnitKind::kDepartment, "610113", {}},
      {9, "西安市生态环境局雁塔分局", UnitKind::kDepartment, "610113", {}},
      {10, "西安市雁塔区工业和信息化局", UnitKind::kDepartment, "610113", {}},
      {11, "西安市教育局", UnitKind::kDepartment, "610100", {}},
      {12, "西安曲江新区管理委员会", UnitKind::kPark, "610113", {"曲江管委会"}},
      {13, "西安市雁塔区文化和旅游体育局", UnitKind::kDepartment, "610113", {}},
      {14, "西安市雁塔区市场监督管理局", UnitKind::kDepartment, "610113", {}},
      {15, "西安市雁塔区人力资源和社会保障局", UnitKind::kDepartment, "610113", {}},
      {16, "西安市雁塔区小寨路街道办事处", UnitKind::kTownship, "610113", {}},
      {17, "西安市长安区小寨路街道办事处", UnitKind::kTownship, "610116", {}},
      {18, "西安雁塔城市建设投资有限公司", UnitKind::kCompany, "610113", {"雁塔城投"}},
      {19, "西安市雁塔区农业农村局", UnitKind::kDepartment, std::nullopt, {}},
      {20, "区应急管理局", UnitKind::kDepartment, std::nullopt, {}},
      {21, "西安市雁塔区科学技术局", UnitKind::kDepartment, "610113", {}},
      {22, "西安市雁塔区城市管理和综合执法局", UnitKind::kDepartment, "610113", {}},
      {23, "西安市雁塔区行政审批服务局", UnitKind::kDepartment, "610113", {}},
      {24, "西安市雁塔区人民政府", UnitKind::kOffice, "610113", {}},
  };
}

struct Case {
  const char* text;
  MatchOutcome outcome;
  int64_t unit;  // kMatched: the unit; kAmbiguous: one of the candidates; kUnknown: 0 or a
                 // suggestion expected among the candidates
};

constexpr MatchOutcome kMatch = MatchOutcome::kMatched;
constexpr MatchOutcome kAmbig = MatchOutcome::kAmbiguous;
constexpr MatchOutcome kNone = MatchOutcome::kUnknown;

const Case kCases[] = {
    // The registered name, and with spaces / full-width characters.
    {"西安市雁塔区教育局", kMatch, 3},
    {" 西安市　雁塔区 教育局 ", kMatch, 3},
    {"西安市教育局", kMatch, 11},
    // Region prefix dropped or written differently.
    {"雁塔区教育局", kMatch, 3},
    {"区教育局", kMatch, 3},
    {"教育局", kAmbig, 11},  // the city's and the district's: never a guess
    {"市教育局", kMatch, 11},
    // Abbreviations.
    {"区发改委", kMatch, 1},
    {"区发改局", kMatch, 1},
    {"雁塔区发展改革委", kMatch, 1},
    {"发改委", kMatch, 1},
    {"区住建局", kMatch, 2},
    {"住房和城乡建设局", kMatch, 2},
    {"区卫健局", kMatch, 4},
    {"区卫生健康局", kMatch, 4},
    {"区城改办", kMatch, 5},
    {"城改办", kMatch, 5},
    {"电子城街道", kMatch, 6},
    {"电子城街道办", kMatch, 6},
    {"电子城街办", kMatch, 6},
    {"区交通局", kMatch, 7},
    {"交通运输局", kMatch, 7},
    {"区资规局", kMatch, 8},
    {"自然资源局", kMatch, 8},
    {"区自然资源和规划分局", kMatch, 8},
    {"雁塔区自然资源和规划分局", kMatch, 8},
    {"生态环境局", kMatch, 9},
    {"区生态环境分局", kMatch, 9},
    {"区环保局", kMatch, 9},
    {"区工信局", kMatch, 10},
    {"曲江新区管委会", kMatch, 12},
    {"曲江管委会", kMatch, 12},  // an alias
    {"区文旅体育局", kMatch, 13},
    {"区文旅局", kMatch, 13},
    {"区科技局", kMatch, 21},
    {"区城管局", kMatch, 22},
    {"雁塔区城市管理局", kMatch, 22},
    {"区行政审批局", kMatch, 23},
    {"区政府", kMatch, 24},
    {"雁塔区人民政府", kMatch, 24},
    {"区市场监管局", kMatch, 14},
    {"市场监管局", kMatch, 14},
    {"区人社局", kMatch, 15},
    {"雁塔城投", kMatch, 18},
    {"ＹＡＮＴＡ", kNone, 0},
    {"区农业农村局", kMatch, 19},  // no region_code: the name's region counts
    {"应急管理局", kMatch, 20},
    {"区应急局", kMatch, 20},
    // Two streets of the same short name in two districts.
    {"小寨路街道", kAmbig, 17},
    {"雁塔区小寨路街道", kMatch, 16},
    {"长安区小寨路街道办事处", kMatch, 17},
    {"西安市小寨路街道", kAmbig, 16},
    // Negative: similar words must not match.
    {"区卫健委员会", kNone, 4},    // 卫健委 is not 卫健局: only suggested
    {"区教育和体育局", kNone, 3},  // suggested, not matched
    {"区财政局", kNone, 0},
    {"区住房建设局", kNone, 2},  // suggested: near the name as written
    {"长安区教育局", kNone, 3},  // no such unit in 长安区 (雁塔's is only suggested)
    {"", kNone, 0},
};

TEST(UnitNameMatcherTest, ResolvesAsClerksWrite) {
  UnitNameMatcher matcher(Units(), Regions());
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.text);
    UnitMatch m = matcher.Resolve(c.text);
    EXPECT_EQ(MatchOutcomeCode(m.outcome), MatchOutcomeCode(c.outcome));
    if (c.outcome == kMatch) {
      EXPECT_EQ(m.unit_id.value_or(0), c.unit);
      EXPECT_TRUE(m.candidates.empty());
    } else {
      EXPECT_FALSE(m.unit_id.has_value());
      if (c.outcome == kAmbig) EXPECT_GE(m.candidates.size(), 2u);
      if (c.unit != 0) {
        bool listed = false;
        for (const auto& cand : m.candidates) listed = listed || cand.id == c.unit;
        EXPECT_TRUE(listed) << "expected unit " << c.unit << " among the candidates";
      }
    }
  }
}

TEST(UnitNameMatcherTest, NeverMatchesAnotherDepartment) {
  UnitNameMatcher matcher(Units(), Regions());
  // 区教育局 is not 区卫健局 and the reverse, whatever the prefixes.
  for (const char* text : {"区教育局", "雁塔区教育局", "教育局"}) {
    UnitMatch m = matcher.Resolve(text);
    EXPECT_NE(m.unit_id.value_or(0), 4) << text;
  }
  for (const char* text : {"区卫健局", "卫健局", "卫生健康局"}) {
    UnitMatch m = matcher.Resolve(text);
    EXPECT_EQ(m.unit_id.value_or(0), 4) << text;
  }
}

TEST(UnitNameMatcherTest, AmbiguousListsEveryCandidateWithItsRegion) {
  UnitNameMatcher matcher(Units(), Regions());
  UnitMatch m = matcher.Resolve("小寨路街道");
  ASSERT_EQ(m.candidates.size(), 2u);
  EXPECT_EQ(m.candidates[0].id, 16);
  EXPECT_EQ(m.candidates[0].region_name, "雁塔区");
  EXPECT_EQ(m.candidates[1].id, 17);
  EXPECT_EQ(m.candidates[1].region_name, "长安区");
}

TEST(UnitNameMatcherTest, SameRegisteredNameTwiceIsAmbiguous) {
  std::vector<MatchableUnit> units = {{1, "西安某某置业有限公司", UnitKind::kCompany, {}, {}},
                                      {2, "西安某某置业有限公司", UnitKind::kCompany, {}, {}}};
  UnitNameMatcher matcher(units, {});
  UnitMatch m = matcher.Resolve("西安某某置业有限公司");
  EXPECT_EQ(m.outcome, MatchOutcome::kAmbiguous);
  EXPECT_EQ(m.candidates.size(), 2u);
}

TEST(UnitNameMatcherTest, AnAliasSettlesTwoUnitsOfTheSameName) {
  std::vector<MatchableUnit> units = {
      {1, "西安某某置业有限公司", UnitKind::kCompany, {}, {}},
      {2, "西安某某置业有限公司", UnitKind::kCompany, {}, {"西安某某置业有限公司"}}};
  UnitNameMatcher matcher(units, {});
  UnitMatch m = matcher.Resolve("西安某某置业有限公司");
  EXPECT_EQ(m.unit_id.value_or(0), 2);
  EXPECT_EQ(m.via, "alias");
}

TEST(UnitNameMatcherTest, WorksWithoutRegions) {
  UnitNameMatcher matcher(Units(), {});
  EXPECT_EQ(matcher.Resolve("西安市雁塔区住房和城乡建设局").unit_id.value_or(0), 2);
  EXPECT_EQ(matcher.Resolve("区住建局").outcome, MatchOutcome::kUnknown);  // no region known
}

TEST(NameKeyTest, FoldsWidthSpacesAndPunctuation) {
  EXPECT_EQ(FoldName("西安市　雁塔区（教育局） "), "西安市雁塔区教育局");
  EXPECT_EQ(FoldName("ＡＢＣ－１２３"), "abc123");
  EXPECT_EQ(FoldName("“电子城”街道·办事处"), "电子城街道办事处");
  EXPECT_DOUBLE_EQ(NameSimilarity("教育局", "教育局"), 1.0);
  EXPECT_EQ(NameSimilarity("教育局", "财政厅"), 0.0);
}

TEST(UnitAbbreviationsTest, RulesAreFoldedAndNeverGrowAKeyWithoutEnd) {
  for (const AbbreviationRule& r : UnitAbbreviationRules()) {
    EXPECT_EQ(FoldName(r.written), r.written);
    EXPECT_FALSE(r.written.empty());
  }
  EXPECT_EQ(CanonicalUnitName("西安市雁塔区发展和改革委员会"), "西安市雁塔区发改委");
  EXPECT_EQ(CanonicalUnitName("区城中村和棚户区改造事务中心"), "区城改办");
}

// ---- People ----

std::vector<MatchablePerson> People() {
  return {{1, "张伟", "副区长", "西安市雁塔区人民政府", {}},
          {2, "张伟", "科长", "西安市雁塔区教育局", {}},
          {3, "李红梅", "区委常委", "中共西安市雁塔区委员会", {"李书记"}},
          {4, "王建国", "局长", "西安市雁塔区住房和城乡建设局", {}}};
}

TEST(PersonNameMatcherTest, ResolvesNamesAliasesAndTitles) {
  PersonNameMatcher matcher(People());
  struct PersonCase {
    const char* text;
    MatchOutcome outcome;
    int64_t person;
  } cases[] = {
      {"王建国", kMatch, 4},
      {" 王 建国 ", kMatch, 4},
      {"王建国（局长）", kMatch, 4},
      {"王建国 局长", kMatch, 4},
      {"李书记", kMatch, 3},
      {"李红梅", kMatch, 3},
      {"张伟", kAmbig, 1},
      {"张伟（副区长）", kAmbig, 2},
      {"王建", kNone, 4},
      {"赵六", kNone, 0},
      {"", kNone, 0},
  };
  for (const PersonCase& c : cases) {
    SCOPED_TRACE(c.text);
    PersonMatch m = matcher.Resolve(c.text);
    EXPECT_EQ(MatchOutcomeCode(m.outcome), MatchOutcomeCode(c.outcome));
    if (c.outcome == kMatch) {
      EXPECT_EQ(m.person_id.value_or(0), c.person);
    } else if (c.person != 0) {
      bool listed = false;
      for (const auto& cand : m.candidates) listed = listed || cand.id == c.person;
      EXPECT_TRUE(listed);
    }
  }
}

TEST(PersonNameMatcherTest, AmbiguousCandidatesShowUnitAndTitle) {
  PersonNameMatcher matcher(People());
  PersonMatch m = matcher.Resolve("张伟");
  ASSERT_EQ(m.candidates.size(), 2u);
  EXPECT_EQ(m.candidates[0].title, "副区长");
  EXPECT_EQ(m.candidates[0].unit_name, "西安市雁塔区人民政府");
  EXPECT_EQ(m.candidates[1].title, "科长");
}

}  // namespace
}  // namespace keyline::naming
