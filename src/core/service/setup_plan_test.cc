#include "core/service/setup_plan.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace keyline {
namespace {

const codes::RegionBook& Book() {
  static const codes::RegionBook* book = [] {
    auto parsed = codes::RegionBook::ParseCsv(
        "610000,陕西省,\n"
        "610100,西安市,610000\n"
        "610113,雁塔区,610100\n"
        "610113001,小寨路街道,610113\n"
        "610113004,电子城街道,610113\n"
        "610122,蓝田县,610100\n"
        "610122100,华胥镇,610122\n"
        "110000,北京市,\n"
        "110101,东城区,110000\n"
        "410000,河南省,\n"
        "419001,济源市,410000\n"
        "520000,贵州省,\n"
        "520400,安顺市,520000\n"
        "520423,镇宁布依族苗族自治县,520400\n");
    EXPECT_TRUE(parsed.ok()) << parsed.status().message_en();
    return new codes::RegionBook(std::move(*parsed));
  }();
  return *book;
}

std::vector<std::string> Names(const std::vector<PlannedUnit>& units) {
  std::vector<std::string> out;
  for (const PlannedUnit& u : units) out.push_back(u.name);
  return out;
}

bool Has(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

TEST(SetupPlanTest, ADistrictGetsItsChainItsTownsAndTheOffice) {
  auto plan = PlanSetup(Book(), {"雁塔区发展和改革委员会", "610113", false, false});
  ASSERT_TRUE(plan.ok()) << plan.status().message_en();
  ASSERT_EQ(plan->regions.size(), 5u);
  EXPECT_EQ(plan->chain_length, 3u);
  EXPECT_EQ(plan->regions[0].code, "610000");
  EXPECT_FALSE(plan->regions[0].parent_code.has_value());
  EXPECT_EQ(plan->regions[2].name, "雁塔区");
  EXPECT_EQ(plan->regions[2].parent_code, "610100");
  EXPECT_EQ(plan->regions[3].code, "610113001");
  EXPECT_EQ(plan->regions[4].name, "电子城街道");
  EXPECT_EQ(plan->prefix, "西安市雁塔区");
  EXPECT_EQ(plan->office.name, "雁塔区发展和改革委员会");
  EXPECT_EQ(plan->office.kind, UnitKind::kOffice);
  EXPECT_EQ(plan->office.region_code, "610113");
  EXPECT_TRUE(plan->departments.empty());
  EXPECT_TRUE(plan->townships.empty());
}

TEST(SetupPlanTest, DepartmentsHaveTheirOfficialFullNames) {
  auto plan = PlanSetup(Book(), {"雁塔区发展和改革委员会", "610113", true, true});
  ASSERT_TRUE(plan.ok());
  std::vector<std::string> names = Names(plan->departments);
  EXPECT_EQ(names.size(), DistrictDepartments().size());
  for (const char* name :
       {"西安市雁塔区住房和城乡建设局", "西安市雁塔区教育局", "西安市雁塔区工业和信息化局",
        "西安市雁塔区卫生健康局", "西安市雁塔区城中村和棚户区改造事务中心",
        "西安市雁塔区交通运输局", "西安市自然资源和规划局雁塔分局", "西安市生态环境局雁塔分局",
        "西安市雁塔区财政局", "西安市雁塔区人民政府"}) {
    EXPECT_TRUE(Has(names, name)) << name;
  }
  for (const PlannedUnit& u : plan->departments) {
    EXPECT_EQ(u.region_code, "610113");
    EXPECT_FALSE(u.short_name.empty());
    EXPECT_EQ(u.kind, u.name.ends_with("人民政府") ? UnitKind::kOther : UnitKind::kDepartment);
  }
  EXPECT_EQ(Names(plan->townships), (std::vector<std::string>{"西安市雁塔区小寨路街道办事处",
                                                              "西安市雁塔区电子城街道办事处"}));
  EXPECT_EQ(plan->townships[1].region_code, "610113004");
  EXPECT_EQ(plan->townships[1].kind, UnitKind::kTownship);
}

TEST(SetupPlanTest, CountiesMunicipalitiesAndPrefecturesNameTheirDepartmentsTheirWay) {
  EXPECT_EQ(OfficialPrefix(Book(), "610113"), "西安市雁塔区");
  EXPECT_EQ(OfficialPrefix(Book(), "610122"), "蓝田县");
  EXPECT_EQ(OfficialPrefix(Book(), "110101"), "北京市东城区");
  EXPECT_EQ(OfficialPrefix(Book(), "419001"), "济源市");
  EXPECT_EQ(OfficialPrefix(Book(), "610100"), "西安市");
  EXPECT_EQ(OfficialPrefix(Book(), "610000"), "陕西省");
  EXPECT_EQ(OfficialPrefix(Book(), "999999"), "");

  auto county = PlanSetup(Book(), {"蓝田县发展和改革局", "610122", true, true});
  ASSERT_TRUE(county.ok());
  std::vector<std::string> names = Names(county->departments);
  EXPECT_TRUE(Has(names, "蓝田县住房和城乡建设局"));
  EXPECT_TRUE(Has(names, "西安市生态环境局蓝田分局"));
  EXPECT_EQ(Names(county->townships), std::vector<std::string>{"蓝田县华胥镇人民政府"});

  auto beijing = PlanSetup(Book(), {"东城区发展和改革委员会", "110101", true, false});
  ASSERT_TRUE(beijing.ok());
  EXPECT_TRUE(Has(Names(beijing->departments), "北京市东城区教育局"));
  EXPECT_TRUE(Has(Names(beijing->departments), "北京市生态环境局东城分局"));
  EXPECT_EQ(beijing->chain_length, 2u);

  auto jiyuan = PlanSetup(Book(), {"济源市发展和改革委员会", "419001", true, false});
  ASSERT_TRUE(jiyuan.ok());
  EXPECT_TRUE(Has(Names(jiyuan->departments), "济源市生态环境局"));  // no city above it

  auto autonomous = PlanSetup(Book(), {"镇宁县发改局", "520423", true, false});
  ASSERT_TRUE(autonomous.ok());
  EXPECT_TRUE(Has(Names(autonomous->departments), "安顺市生态环境局镇宁分局"));

  // A prefecture: its counties and their towns below it, each town with its own county's prefix.
  auto city = PlanSetup(Book(), {"西安市发展和改革委员会", "610100", true, true});
  ASSERT_TRUE(city.ok());
  EXPECT_EQ(city->regions.size(), 7u);
  EXPECT_EQ(city->chain_length, 2u);
  EXPECT_TRUE(Has(Names(city->departments), "西安市住房和城乡建设局"));
  EXPECT_TRUE(Has(Names(city->departments), "西安市生态环境局"));
  EXPECT_TRUE(Has(Names(city->townships), "蓝田县华胥镇人民政府"));
  EXPECT_TRUE(Has(Names(city->townships), "西安市雁塔区电子城街道办事处"));
}

TEST(SetupPlanTest, TheOfficeIsNotCreatedTwice) {
  auto plan = PlanSetup(Book(), {"西安市雁塔区住房和城乡建设局", "610113", true, false});
  ASSERT_TRUE(plan.ok());
  EXPECT_EQ(plan->departments.size(), DistrictDepartments().size() - 1);
  EXPECT_FALSE(Has(Names(plan->departments), "西安市雁塔区住房和城乡建设局"));
}

TEST(SetupPlanTest, RefusesUnknownRegionsTownsAndABlankOffice) {
  auto unknown = PlanSetup(Book(), {"某某发改委", "610199", false, false});
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.status().code(), ErrorCode::kInvalidArgument);
  EXPECT_NE(unknown.status().message_zh().find("610199 不在区划数据中"), std::string::npos);
  EXPECT_NE(unknown.status().message_en().find("not in the region data"), std::string::npos);
  ASSERT_EQ(unknown.status().details().size(), 1u);
  EXPECT_EQ(unknown.status().details()[0].field, "region");
  // A name instead of a code: the codes that carry it.
  auto by_name = PlanSetup(Book(), {"某某发改委", "雁塔", false, false});
  ASSERT_FALSE(by_name.ok());
  EXPECT_NE(by_name.status().message_zh().find("名称相符的有：610113 陕西省西安市雁塔区"),
            std::string::npos)
      << by_name.status().message_zh();
  EXPECT_NE(by_name.status().message_en().find("regions of that name: 610113"), std::string::npos);
  auto town = PlanSetup(Book(), {"某某发改委", "610113004", false, false});
  ASSERT_FALSE(town.ok());
  EXPECT_NE(town.status().message_en().find("is a town"), std::string::npos);
  auto blank = PlanSetup(Book(), {"  ", "610113", false, false});
  ASSERT_FALSE(blank.ok());
  EXPECT_EQ(blank.status().details()[0].field, "office");
}

}  // namespace
}  // namespace keyline
