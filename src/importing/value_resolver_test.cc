// ValueResolver: unit and person cells of an import → ids, the user's mappings, and the list
// of unknown/ambiguous values (each once, with its rows and candidates).
#include "importing/value_resolver.h"

#include <gtest/gtest.h>

namespace keyline::importing {
namespace {

ValueResolver Resolver(std::vector<ValueMapping> mappings = {}) {
  std::vector<Region> regions = {{"610100", "西安市", std::nullopt, 1},
                                 {"610113", "雁塔区", "610100", 1}};
  std::vector<naming::MatchableUnit> units = {
      {1, "西安市雁塔区教育局", UnitKind::kDepartment, "610113", {}},
      {2, "西安市教育局", UnitKind::kDepartment, "610100", {}},
      {3, "西安市雁塔区住房和城乡建设局", UnitKind::kDepartment, "610113", {}},
      {4, "西安雁塔城市建设投资有限公司", UnitKind::kCompany, "610113", {}},
  };
  std::vector<naming::MatchablePerson> people = {
      {10, "张伟", "副区长", "西安市雁塔区人民政府", {}},
      {11, "张伟", "科长", "西安市雁塔区教育局", {}},
      {12, "王建国", "局长", "西安市雁塔区住房和城乡建设局", {}},
  };
  return ValueResolver(naming::UnitNameMatcher(units, regions), naming::PersonNameMatcher(people),
                       std::move(mappings));
}

TEST(ValueResolverTest, MatchesAbbreviationsAndListsEachOpenValueOnce) {
  ValueResolver r = Resolver();
  ValueResolution zj = r.Unit("responsible_unit", "区住建局", 4);
  EXPECT_EQ(zj.id.value_or(0), 3);
  EXPECT_EQ(zj.name, "西安市雁塔区住房和城乡建设局");
  EXPECT_FALSE(zj.problem);
  ValueResolution edu = r.Unit("responsible_unit", "教育局", 5);
  ASSERT_TRUE(edu.problem);
  EXPECT_NE(edu.problem->zh.find("可指多个单位"), std::string::npos) << edu.problem->zh;
  EXPECT_NE(edu.problem->en.find("matches 2 units"), std::string::npos) << edu.problem->en;
  r.Unit("responsible_unit", "教育局 ", 9);  // the same value, folded
  ValueResolution unknown = r.Unit("responsible_unit", "区大数据局", 6);
  ASSERT_TRUE(unknown.problem);
  EXPECT_NE(unknown.problem->zh.find("责任单位未登记：区大数据局"), std::string::npos);
  ValueResolution near = r.Unit("responsible_unit", "区住建委", 7);
  ASSERT_TRUE(near.problem);  // close to 住建局, but never taken for it
  EXPECT_NE(near.problem->zh.find("最接近：西安市雁塔区住房和城乡建设局"), std::string::npos)
      << near.problem->zh;
  std::vector<UnresolvedValue> list = r.TakeUnresolved();
  ASSERT_EQ(list.size(), 3u);
  EXPECT_EQ(list[0].value, "教育局");
  EXPECT_EQ(list[0].outcome, naming::MatchOutcome::kAmbiguous);
  EXPECT_EQ(list[0].rows, (std::vector<int64_t>{5, 9}));
  ASSERT_EQ(list[0].candidates.size(), 2u);
  EXPECT_EQ(list[0].candidates[0].detail, "部门 · 雁塔区");
  EXPECT_EQ(list[1].value, "区大数据局");
  EXPECT_TRUE(list[1].blocking);
}

TEST(ValueResolverTest, AnOwnerNotFoundIsNoProblemAndListedOnlyWithSuggestions) {
  ValueResolver r = Resolver();
  ValueResolution fresh = r.Unit("owner", "陕西全新科技有限公司", 4, /*blocking=*/false);
  EXPECT_FALSE(fresh.problem);
  EXPECT_FALSE(fresh.id);
  ValueResolution near = r.Unit("owner", "雁塔城市建设投资公司", 5, /*blocking=*/false);
  EXPECT_FALSE(near.problem);
  std::vector<UnresolvedValue> list = r.TakeUnresolved();
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0].value, "雁塔城市建设投资公司");
  EXPECT_FALSE(list[0].blocking);
  ASSERT_FALSE(list[0].candidates.empty());
  EXPECT_EQ(list[0].candidates[0].id, 4);
}

TEST(ValueResolverTest, MappingsWinAndAreShownWithTheirValue) {
  ValueResolver r =
      Resolver({{"responsible_unit", "教育局", 1, "", ""},
                {"responsible_unit", "区城改办", std::nullopt, "雁塔区城改中心", "department"},
                {"responsible_unit", "已删除", 999, "", ""}});
  EXPECT_EQ(r.Unit("responsible_unit", "教育局", 5).id.value_or(0), 1);
  ValueResolution created = r.Unit("responsible_unit", "区城改办", 6);
  EXPECT_TRUE(created.create);
  EXPECT_EQ(created.create_name, "雁塔区城改中心");
  EXPECT_FALSE(created.problem);
  EXPECT_TRUE(r.Unit("responsible_unit", "已删除", 7).problem);
  // A mapping of another field does not apply.
  EXPECT_TRUE(r.Unit("owner", "教育局", 8, false).problem);  // ambiguous owner
  std::vector<UnresolvedValue> list = r.TakeUnresolved();
  ASSERT_EQ(list.size(), 4u);
  ASSERT_TRUE(list[0].mapping);
  EXPECT_EQ(list[0].mapping->target_id.value_or(0), 1);
}

TEST(ValueResolverTest, PersonFieldForTheLeaderColumn) {
  ValueResolver r = Resolver({{"leader", "张伟（科长）", 11, "", ""}});
  ValueResolution wang = r.Person("leader", "王建国", 4);
  EXPECT_EQ(wang.id.value_or(0), 12);
  ValueResolution zhang = r.Person("leader", "张伟", 5);
  ASSERT_TRUE(zhang.problem);
  EXPECT_NE(zhang.problem->zh.find("同名"), std::string::npos) << zhang.problem->zh;
  EXPECT_EQ(r.Person("leader", "张伟（科长）", 6).id.value_or(0), 11);  // mapped
  ValueResolution nobody = r.Person("leader", "赵六", 7);
  ASSERT_TRUE(nobody.problem);
  EXPECT_NE(nobody.problem->zh.find("包抓领导未登记"), std::string::npos);
  std::vector<UnresolvedValue> list = r.TakeUnresolved();
  ASSERT_EQ(list.size(), 3u);
  EXPECT_EQ(list[0].kind, ValueKind::kPerson);
  EXPECT_EQ(list[0].field, "leader");
  EXPECT_EQ(list[0].candidates[0].detail, "西安市雁塔区人民政府 副区长");
}

TEST(ValueResolverTest, MappingsRoundTrip) {
  std::vector<ValueMapping> in = {{"responsible_unit", "教育局", 1, "", ""},
                                  {"leader", "赵六", std::nullopt, "赵六", "leader"}};
  auto out = DecodeValueMappings(EncodeValueMappings(in));
  ASSERT_TRUE(out.ok());
  ASSERT_EQ(out->size(), 2u);
  EXPECT_EQ((*out)[0].target_id.value_or(0), 1);
  EXPECT_EQ((*out)[1].create_kind, "leader");
  EXPECT_TRUE(DecodeValueMappings("").ok());
  EXPECT_FALSE(DecodeValueMappings("3:abc").ok());
}

}  // namespace
}  // namespace keyline::importing
