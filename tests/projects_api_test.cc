// The project ledger over HTTP: create, read, update with versions, list with filters and
// sorting, stage moves with guards and history, assignments.
#include "tests/api_test.h"

namespace keyline::testing {
namespace {

class ProjectsApi : public ApiTest {
 protected:
  boost::json::object FullProject() {
    return {{"name", "网络安全产业园建设项目"},
            {"code", "2026-610113-65-01-000123"},
            {"level", "city"},
            {"category", "industrial"},
            {"approval_regime", "filing"},
            {"nature", "new"},
            {"industry_code", "I65"},
            {"region_code", "610113"},
            {"address", "西安市雁塔区丈八东路"},
            {"longitude", 108.93},
            {"latitude", 34.19},
            {"owner_unit_id", fx().company_a},
            {"responsible_unit_id", fx().dept_build},
            {"scale_content", "占地63.6亩，建设研发楼及配套设施"},
            {"total_investment", "115000"},
            {"funding", boost::json::array{{{"source", "self_raised"}, {"amount", "99999.5"}},
                                           {{"source", "bank_loan"}, {"amount", "15000.5"}}}},
            {"planned_start", "2026-04-01"},
            {"planned_completion", "2028-12-31"},
            {"stats_status", "pending"},
            {"measurement_method", "progress"},
            {"stage", "preliminary"}};
  }
  static std::vector<std::string> Names(const HttpResult& r) {
    std::vector<std::string> out;
    for (const auto& item : r.json.at("items").as_array()) {
      out.emplace_back(item.at("name").as_string());
    }
    return out;
  }
};
KL_INSTANTIATE_BACKENDS(ProjectsApi);

TEST_P(ProjectsApi, CreatesReadsAndKeepsEveryLedgerFieldExactly) {
  auto fgw = As("fgw");
  HttpResult created = fgw->Post("/api/v1/projects", Json(FullProject()));
  ASSERT_EQ(created.status, 201) << created.body;
  int64_t id = created.json.at("id").as_int64();
  HttpResult got = fgw->Get("/api/v1/projects/" + Id(id));
  ASSERT_EQ(got.status, 200);
  const auto& p = got.json.as_object();
  EXPECT_EQ(p.at("name"), "网络安全产业园建设项目");
  EXPECT_EQ(p.at("code"), "2026-610113-65-01-000123");
  EXPECT_EQ(p.at("level"), "city");
  EXPECT_EQ(p.at("industry_code"), "I65");
  EXPECT_EQ(p.at("owner_unit_id").as_int64(), fx().company_a);
  EXPECT_EQ(p.at("total_investment"), "115000") << "money is exact, in 万元";
  EXPECT_EQ(p.at("funding").at(1).at("amount"), "15000.5");
  EXPECT_DOUBLE_EQ(p.at("longitude").as_double(), 108.93);
  EXPECT_EQ(p.at("planned_completion"), "2028-12-31");
  EXPECT_EQ(p.at("stage"), "preliminary");
  EXPECT_EQ(p.at("version").as_int64(), 1);
}

TEST_P(ProjectsApi, UpdatesNeedTheCurrentVersion) {
  auto fgw = As("fgw");
  std::string path = "/api/v1/projects/" + Id(fx().project_road);
  int64_t version = fgw->Get(path).json.at("version").as_int64();
  HttpResult ok = fgw->Patch(path, Json({{"version", version}, {"total_investment", "60000"}}));
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(ok.json.at("total_investment"), "60000");
  EXPECT_EQ(ok.json.at("version").as_int64(), version + 1);
  HttpResult stale = fgw->Patch(path, Json({{"version", version}, {"address", "电子六路"}}));
  EXPECT_EQ(stale.status, 409);
  EXPECT_EQ(fgw->Get(path).json.at("address"), "") << "the stale write changed nothing";
  HttpResult stage = fgw->Patch(path, Json({{"version", version + 1}, {"stage", "completed"}}));
  EXPECT_EQ(stage.status, 400) << "stages move only through /stage";
}

TEST_P(ProjectsApi, DuplicateProjectCodesConflict) {
  auto fgw = As("fgw");
  ASSERT_EQ(fgw->Post("/api/v1/projects", Json(FullProject())).status, 201);
  auto again = FullProject();
  again["name"] = "另一个项目";
  EXPECT_EQ(fgw->Post("/api/v1/projects", Json(again)).status, 409);
}

TEST_P(ProjectsApi, ListsWithFiltersSortingAndPaging) {
  auto fgw = As("fgw");
  HttpResult all = fgw->Get("/api/v1/projects?sort=name&order=asc");
  ASSERT_EQ(all.status, 200) << all.body;
  EXPECT_EQ(all.json.at("total").as_int64(), 3);

  EXPECT_EQ(Names(fgw->Get("/api/v1/projects?stage=construction")),
            std::vector<std::string>{"雁塔区第四中学建设项目"});
  EXPECT_EQ(fgw->Get("/api/v1/projects?stage=reserve,preliminary").json.at("total").as_int64(), 2);
  EXPECT_EQ(Names(fgw->Get("/api/v1/projects?q=荟聚")), std::vector<std::string>{"西安荟聚项目"});
  EXPECT_EQ(fgw->Get("/api/v1/projects?q=%25").json.at("total").as_int64(), 0)
      << "a % in the search text is literal";
  EXPECT_EQ(fgw->Get("/api/v1/projects?unit=" + Id(fx().dept_edu)).json.at("total").as_int64(), 2)
      << "responsible or cooperating";
  EXPECT_EQ(Names(fgw->Get("/api/v1/projects?leader=" + Id(fx().leader_person))),
            std::vector<std::string>{"雁塔区第四中学建设项目"});
  EXPECT_EQ(Names(fgw->Get("/api/v1/projects?investment_min=100000")),
            std::vector<std::string>{"西安荟聚项目"});
  EXPECT_EQ(fgw->Get("/api/v1/projects?investment_max=100000").json.at("total").as_int64(), 2);
  EXPECT_EQ(fgw->Get("/api/v1/projects?region=610100").json.at("total").as_int64(), 3);
  EXPECT_EQ(fgw->Get("/api/v1/projects?region=610103").json.at("total").as_int64(), 0);
  EXPECT_EQ(fgw->Get("/api/v1/projects?year=2026").json.at("total").as_int64(), 3);
  EXPECT_EQ(fgw->Get("/api/v1/projects?year=2030").json.at("total").as_int64(), 0);

  HttpResult by_investment = fgw->Get("/api/v1/projects?sort=total_investment&order=desc&limit=2");
  EXPECT_EQ(Names(by_investment), (std::vector<std::string>{"西安荟聚项目", "电子六路建设项目"}));
  EXPECT_EQ(by_investment.json.at("total").as_int64(), 3);
  HttpResult second_page =
      fgw->Get("/api/v1/projects?sort=total_investment&order=desc&limit=2&offset=2");
  EXPECT_EQ(Names(second_page), std::vector<std::string>{"雁塔区第四中学建设项目"});
}

TEST_P(ProjectsApi, StageMovesAreGuardedAndRemembered) {
  auto fgw = As("fgw");
  std::string path = "/api/v1/projects/" + Id(fx().project_road);
  HttpResult no_start =
      fgw->Post(path + "/stage", Json({{"to", "construction"}, {"reason", "开工"}}));
  EXPECT_EQ(no_start.status, 409) << no_start.body;
  EXPECT_NE(no_start.json.at("error").at("message_zh").as_string().find("实际开工日期"),
            std::string::npos);
  HttpResult started = fgw->Post(path + "/stage", Json({{"to", "construction"},
                                                        {"reason", "已取得施工许可并开工"},
                                                        {"actual_start", "2026-03-10"}}));
  ASSERT_EQ(started.status, 200) << started.body;
  EXPECT_EQ(started.json.at("stage"), "construction");
  EXPECT_EQ(started.json.at("actual_start"), "2026-03-10");

  HttpResult skip = fgw->Post(path + "/stage", Json({{"to", "production"}, {"reason", "x"}}));
  EXPECT_EQ(skip.status, 409) << "投产 follows 竣工";

  HttpResult history = fgw->Get(path + "/stages");
  ASSERT_EQ(history.status, 200);
  const auto& items = history.json.at("items").as_array();
  ASSERT_EQ(items.size(), 2u);
  const auto& last = items.back().as_object();
  EXPECT_EQ(last.at("from"), "preliminary");
  EXPECT_EQ(last.at("to"), "construction");
  EXPECT_EQ(last.at("reason"), "已取得施工许可并开工");
  EXPECT_EQ(last.at("username"), "fgw");
}

TEST_P(ProjectsApi, AssignsPeopleAndUnitsWithRolesAndPeriods) {
  auto fgw = As("fgw");
  std::string path = "/api/v1/projects/" + Id(fx().project_road) + "/assignments";
  HttpResult added = fgw->Post(path, Json({{"role", "lead_leader"},
                                           {"person_id", fx().leader_person},
                                           {"valid_from", "2026-01-01"},
                                           {"valid_to", "2026-12-31"}}));
  ASSERT_EQ(added.status, 201) << added.body;
  int64_t aid = added.json.at("id").as_int64();
  HttpResult wrong_kind =
      fgw->Post(path, Json({{"role", "lead_leader"}, {"unit_id", fx().dept_build}}));
  EXPECT_EQ(wrong_kind.status, 400) << "包抓领导 is a person, not a unit";
  HttpResult backwards = fgw->Post(path, Json({{"role", "cooperating_unit"},
                                               {"unit_id", fx().dept_edu},
                                               {"valid_from", "2026-05-01"},
                                               {"valid_to", "2026-04-01"}}));
  EXPECT_EQ(backwards.status, 400);

  EXPECT_EQ(
      fgw->Get("/api/v1/projects?leader=" + Id(fx().leader_person)).json.at("total").as_int64(), 2);
  HttpResult list = fgw->Get(path);
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(list.json.at("items").as_array().size(), 1u);

  HttpResult patched =
      fgw->Patch(path + "/" + Id(aid), Json({{"version", 1}, {"valid_to", "2026-02-28"}}));
  ASSERT_EQ(patched.status, 200) << patched.body;
  EXPECT_EQ(
      fgw->Get("/api/v1/projects?leader=" + Id(fx().leader_person)).json.at("total").as_int64(), 1)
      << "an expired assignment no longer counts";
  EXPECT_EQ(fgw->Delete(path + "/" + Id(aid)).status, 204);
  EXPECT_EQ(fgw->Get(path).json.at("items").as_array().size(), 0u);
}

}  // namespace
}  // namespace keyline::testing
