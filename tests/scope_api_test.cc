// Server-side scoping: each role sees and changes exactly its own projects, and guessing ids
// reveals nothing about anybody else's.
#include "tests/api_test.h"

#include <set>

namespace keyline::testing {
namespace {

class ScopeApi : public ApiTest {
 protected:
  std::set<int64_t> Visible(HttpClient& client) {
    HttpResult r = client.Get("/api/v1/projects?limit=500");
    EXPECT_EQ(r.status, 200) << r.body;
    std::set<int64_t> ids;
    for (const auto& item : r.json.at("items").as_array()) ids.insert(item.at("id").as_int64());
    EXPECT_EQ(static_cast<int64_t>(ids.size()), r.json.at("total").as_int64());
    return ids;
  }
  // Every id 1..60 the client can GET.
  std::set<int64_t> Guessable(HttpClient& client) {
    std::set<int64_t> ids;
    for (int64_t id = 1; id <= 60; ++id) {
      HttpResult r = client.Get("/api/v1/projects/" + Id(id));
      if (r.status == 200) {
        ids.insert(id);
      } else {
        EXPECT_EQ(r.status, 404) << "id " << id << " must not reveal existence";
      }
    }
    return ids;
  }
};
KL_INSTANTIATE_BACKENDS(ScopeApi);

TEST_P(ScopeApi, EachRoleSeesItsOwnProjectsOnly) {
  const Fixture& f = fx();
  std::set<int64_t> all{f.project_school, f.project_road, f.project_mall};
  EXPECT_EQ(Visible(*As("admin")), all);
  EXPECT_EQ(Visible(*As("fgw")), all);
  EXPECT_EQ(Visible(*As("leader")), all);
  EXPECT_EQ(Visible(*As("edu")), (std::set<int64_t>{f.project_school, f.project_mall}));
  EXPECT_EQ(Visible(*As("build")), (std::set<int64_t>{f.project_road, f.project_mall}));
  EXPECT_EQ(Visible(*As("company_a")), std::set<int64_t>{f.project_school});
  EXPECT_EQ(Visible(*As("company_b")), (std::set<int64_t>{f.project_road, f.project_mall}));
  EXPECT_EQ(Visible(*As("officer")), std::set<int64_t>{f.project_school});
}

TEST_P(ScopeApi, GuessingIdsRevealsNothingOutsideTheScope) {
  const Fixture& f = fx();
  auto company_a = As("company_a");
  EXPECT_EQ(Guessable(*company_a), std::set<int64_t>{f.project_school});
  auto edu = As("edu");
  EXPECT_EQ(Guessable(*edu), (std::set<int64_t>{f.project_school, f.project_mall}));
  for (const char* sub : {"/stages", "/assignments"}) {
    EXPECT_EQ(company_a->Get("/api/v1/projects/" + Id(f.project_road) + sub).status, 404);
  }
}

TEST_P(ScopeApi, NobodyChangesAProjectOutsideTheirScope) {
  const Fixture& f = fx();
  std::string road = "/api/v1/projects/" + Id(f.project_road);
  auto fgw = As("fgw");
  int64_t version = fgw->Get(road).json.at("version").as_int64();
  std::string patch = Json({{"version", version}, {"name", "被篡改"}});

  auto company_a = As("company_a");
  EXPECT_EQ(company_a->Patch(road, patch).status, 404);
  EXPECT_EQ(company_a->Post(road + "/stage", Json({{"to", "withdrawn"}, {"reason", "x"}})).status,
            404);
  EXPECT_EQ(company_a
                ->Post(road + "/assignments",
                       Json({{"role", "cooperating_unit"}, {"unit_id", f.company_a}}))
                .status,
            404);
  auto edu = As("edu");
  EXPECT_EQ(edu->Patch(road, patch).status, 404);
  auto leader = As("leader");
  EXPECT_EQ(leader->Patch(road, patch).status, 403) << "leaders read only";
  auto officer = As("officer");
  EXPECT_EQ(officer->Patch(road, patch).status, 404);
  EXPECT_EQ(officer->Patch("/api/v1/projects/" + Id(f.project_school), patch).status, 403);

  EXPECT_EQ(fgw->Get(road).json.at("name"), "电子六路建设项目") << "nothing changed";
  EXPECT_EQ(fgw->Get(road).json.at("version").as_int64(), version);
}

TEST_P(ScopeApi, OwnersAndDepartmentsEditTheirOwnProjects) {
  const Fixture& f = fx();
  std::string school = "/api/v1/projects/" + Id(f.project_school);
  auto company_a = As("company_a");
  int64_t version = company_a->Get(school).json.at("version").as_int64();
  HttpResult ok =
      company_a->Patch(school, Json({{"version", version}, {"address", "西安市雁塔区长延堡街道"}}));
  EXPECT_EQ(ok.status, 200) << ok.body;
  HttpResult owner_change =
      company_a->Patch(school, Json({{"version", version + 1}, {"owner_unit_id", f.company_b}}));
  EXPECT_EQ(owner_change.status, 403) << owner_change.body;
  auto edu = As("edu");
  HttpResult dept =
      edu->Patch(school, Json({{"version", version + 1}, {"scale_content", "2100个学位"}}));
  EXPECT_EQ(dept.status, 200) << dept.body;
}

TEST_P(ScopeApi, ReportersAndDepartmentsCreateOnlyForThemselves) {
  const Fixture& f = fx();
  auto company_a = As("company_a");
  HttpResult foreign = company_a->Post(
      "/api/v1/projects",
      Json({{"name", "冒名项目"}, {"total_investment", "1000"}, {"owner_unit_id", f.company_b}}));
  EXPECT_TRUE(foreign.status == 403 || foreign.status == 400) << foreign.status << foreign.body;
  auto leader = As("leader");
  EXPECT_EQ(
      leader->Post("/api/v1/projects", Json({{"name", "领导项目"}, {"total_investment", "1000"}}))
          .status,
      403);
  auto fgw = As("fgw");
  EXPECT_EQ(fgw->Get("/api/v1/projects").json.at("total").as_int64(), 3);
}

TEST_P(ScopeApi, ReferenceDataIsReadByAllAndWrittenByTheOffice) {
  auto company_a = As("company_a");
  EXPECT_EQ(company_a->Get("/api/v1/units").status, 200);
  EXPECT_EQ(
      company_a->Post("/api/v1/units", Json({{"name", "新单位"}, {"kind", "company"}})).status,
      403);
  auto fgw = As("fgw");
  HttpResult unit = fgw->Post(
      "/api/v1/units",
      Json({{"name", "雁塔区统计局"}, {"kind", "department"}, {"region_code", "610113"}}));
  EXPECT_EQ(unit.status, 201) << unit.body;
  EXPECT_EQ(As("admin")->Get("/api/v1/audit").status, 200);
  EXPECT_EQ(fgw->Get("/api/v1/audit").status, 403) << "the audit log is for admins";
}

}  // namespace
}  // namespace keyline::testing
