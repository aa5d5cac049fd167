// Reference data over HTTP: regions, units and people — created, changed with versions,
// listed with filters — and the code tables the UI needs.
#include "tests/api_test.h"

namespace keyline::testing {
namespace {

class ReferenceApi : public ApiTest {};
KL_INSTANTIATE_BACKENDS(ReferenceApi);

TEST_P(ReferenceApi, RegionsFormATreeOfRealAreaCodes) {
  auto fgw = As("fgw");
  HttpResult created = fgw->Post(
      "/api/v1/regions", Json({{"code", "610103"}, {"name", "碑林区"}, {"parent_code", "610100"}}));
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(fgw->Post("/api/v1/regions", Json({{"code", "610103"}, {"name", "重复"}})).status, 409);
  EXPECT_EQ(fgw->Post("/api/v1/regions",
                      Json({{"code", "610104"}, {"name", "莲湖区"}, {"parent_code", "610199"}}))
                .status,
            400)
      << "the parent must exist";
  HttpResult renamed = fgw->Patch(
      "/api/v1/regions/610103",
      Json({{"version", created.json.at("version").as_int64()}, {"name", "西安市碑林区"}}));
  ASSERT_EQ(renamed.status, 200) << renamed.body;
  EXPECT_EQ(fgw->Get("/api/v1/regions/610103").json.at("name"), "西安市碑林区");
  HttpResult all = As("company_a")->Get("/api/v1/regions");
  ASSERT_EQ(all.status, 200);
  EXPECT_EQ(all.json.at("total").as_int64(), 3);
  EXPECT_EQ(fgw->Get("/api/v1/regions/999999").status, 404);
}

TEST_P(ReferenceApi, UnitsAreListedFilteredAndChangedWithVersions) {
  auto fgw = As("fgw");
  HttpResult companies = fgw->Get("/api/v1/units?kind=company");
  ASSERT_EQ(companies.status, 200) << companies.body;
  EXPECT_EQ(companies.json.at("total").as_int64(), 2);
  HttpResult search = fgw->Get("/api/v1/units?q=91350200");
  ASSERT_EQ(search.json.at("total").as_int64(), 1) << "search covers the credit code";
  EXPECT_EQ(search.json.at("items").at(0).at("name"), "西安甲建设有限公司");
  EXPECT_EQ(fgw->Get("/api/v1/units?kind=bank").status, 400);

  std::string path = "/api/v1/units/" + Id(fx().company_b);
  int64_t version = fgw->Get(path).json.at("version").as_int64();
  HttpResult changed = fgw->Patch(path, Json({{"version", version}, {"contact", "029-88886666"}}));
  ASSERT_EQ(changed.status, 200) << changed.body;
  EXPECT_EQ(changed.json.at("contact"), "029-88886666");
  EXPECT_EQ(fgw->Patch(path, Json({{"version", version}, {"contact", "x"}})).status, 409);
  HttpResult duplicate_code = fgw->Post(
      "/api/v1/units",
      Json({{"name", "同码公司"}, {"kind", "company"}, {"credit_code", "91350200776049653A"}}));
  EXPECT_EQ(duplicate_code.status, 409) << "one unit per credit code";
  EXPECT_EQ(As("edu")->Patch(path, Json({{"version", version + 1}, {"name", "改名"}})).status, 403);
}

TEST_P(ReferenceApi, PeopleBelongToUnitsAndAreFilteredByKindAndUnit) {
  auto fgw = As("fgw");
  HttpResult created = fgw->Post("/api/v1/people", Json({{"name", "陈主任"},
                                                         {"title", "办公室主任"},
                                                         {"unit_id", fx().dept_build},
                                                         {"kind", "cadre"},
                                                         {"phone", "13900000000"}}));
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(fgw->Get("/api/v1/people?kind=leader").json.at("total").as_int64(), 1);
  HttpResult by_unit = fgw->Get("/api/v1/people?unit=" + Id(fx().dept_build));
  ASSERT_EQ(by_unit.json.at("total").as_int64(), 1);
  EXPECT_EQ(by_unit.json.at("items").at(0).at("name"), "陈主任");
  EXPECT_EQ(fgw->Post("/api/v1/people", Json({{"name", "无单位"}, {"unit_id", 999999}})).status,
            400);
  EXPECT_EQ(fgw->Post("/api/v1/people", Json({{"title", "缺姓名"}})).status, 400);
  EXPECT_EQ(fgw->Get("/api/v1/people?unit=abc").status, 400);
  EXPECT_EQ(As("leader")->Post("/api/v1/people", Json({{"name", "x"}})).status, 403);
}

TEST_P(ReferenceApi, TheCodeTablesAreServedForForms) {
  HttpResult enums = As("company_a")->Get("/api/v1/meta/enums");
  ASSERT_EQ(enums.status, 200) << enums.body;
  const auto& stages = enums.json.at("stage").as_array();
  ASSERT_EQ(stages.size(), 8u);
  EXPECT_EQ(stages[0].at("code"), "conceived");
  EXPECT_EQ(stages[0].at("label"), "谋划");
  EXPECT_EQ(enums.json.at("role").as_array().size(), 6u);
  // Every vocabulary a screen shows comes from here, one source of truth for the labels.
  for (const char* table : {"report_status", "plan_split", "problem_status", "problem_category",
                            "meeting_status", "procedure_status", "fund_stage", "lead_stage",
                            "campaign_category", "target_measure", "factor_kind"}) {
    ASSERT_TRUE(enums.json.as_object().contains(table)) << table;
    EXPECT_FALSE(enums.json.at(table).as_array().empty()) << table;
    EXPECT_FALSE(enums.json.at(table).at(0).at("label").as_string().empty()) << table;
  }
  EXPECT_EQ(server().Anonymous()->Get("/api/v1/meta/enums").status, 401);
}

TEST_P(ReferenceApi, DepartmentsCreateProjectsForTheirOwnUnit) {
  auto edu = As("edu");
  HttpResult own = edu->Post("/api/v1/projects", Json({{"name", "雁塔区第五十幼儿园建设项目"},
                                                       {"total_investment", "3500"},
                                                       {"responsible_unit_id", fx().dept_edu}}));
  ASSERT_EQ(own.status, 201) << own.body;
  HttpResult other =
      edu->Post("/api/v1/projects", Json({{"name", "越权项目"},
                                          {"total_investment", "3500"},
                                          {"responsible_unit_id", fx().dept_build}}));
  EXPECT_EQ(other.status, 403) << other.body;
  auto build = As("build");
  EXPECT_EQ(build->Get("/api/v1/projects/" + Id(own.json.at("id").as_int64())).status, 404);
}

}  // namespace
}  // namespace keyline::testing
