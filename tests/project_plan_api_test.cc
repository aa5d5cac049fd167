// Procedures (手续) and the battle chart (挂图作战) over HTTP: applying the shipped template,
// updating items, overdue views per project and per authority, backward planning and flags.
#include "tests/api_test.h"

namespace keyline::testing {
namespace {

class ProjectPlanApi : public ApiTest {
 protected:
  std::string Project(int64_t id) { return "/api/v1/projects/" + Id(id); }
};
KL_INSTANTIATE_BACKENDS(ProjectPlanApi);

TEST_P(ProjectPlanApi, TemplatesAreAppliedUpdatedAndOverdueItemsShow) {
  const Fixture& f = fx();
  auto fgw = As("fgw");
  HttpResult templates = fgw->Get("/api/v1/procedure-templates");
  ASSERT_EQ(templates.status, 200) << templates.body;
  EXPECT_EQ(templates.json.at("items").as_array().size(), 3u);

  std::string school = Project(f.project_school);
  // Only the office applies templates; the project's regime picks the built-in one (备案).
  EXPECT_EQ(As("edu")->Post(school + "/procedures/apply", "{}").status, 403);
  HttpResult applied = fgw->Post(school + "/procedures/apply", Json({{"start", "2026-01-05"}}));
  ASSERT_EQ(applied.status, 201) << applied.body;
  const auto& items = applied.json.at("items").as_array();
  ASSERT_GE(items.size(), 10u);
  EXPECT_EQ(items[0].at("code"), "filing");
  EXPECT_EQ(items[0].at("planned_due"), "2026-01-06");
  EXPECT_EQ(fgw->Post(school + "/procedures/apply", "{}").status, 409) << "applied once";

  // Today is 2026-03-16: early items are overdue, per project and per authority.
  HttpResult list = As("company_a")->Get(school + "/procedures");
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(list.json.at("items").at(0).at("overdue"), true);
  HttpResult by = fgw->Get("/api/v1/procedures/overdue-by-authority");
  ASSERT_EQ(by.status, 200) << by.body;
  EXPECT_FALSE(by.json.at("items").as_array().empty());
  HttpResult dev = fgw->Get(
      "/api/v1/procedures/overdue?authority=" +
      std::string("%E5%8F%91%E5%B1%95%E5%92%8C%E6%94%B9%E9%9D%A9%E5%A7%94%E5%91%98%E4%BC%9A"));
  ASSERT_EQ(dev.status, 200) << dev.body;
  EXPECT_GE(dev.json.at("items").as_array().size(), 1u);
  EXPECT_EQ(As("company_b")->Get("/api/v1/procedures/overdue").json.at("items").as_array().size(),
            0u)
      << "scoped";

  // The owner records the filing as done with its document number.
  const auto& first = items[0];
  std::string item = school + "/procedures/" + Id(first.at("id").as_int64());
  auto company = As("company_a");
  HttpResult bad =
      company->Patch(item, Json({{"version", first.at("version")}, {"status", "done"}}));
  EXPECT_EQ(bad.status, 400) << "done needs actual_done";
  HttpResult done = company->Patch(item, Json({{"version", first.at("version")},
                                               {"status", "done"},
                                               {"actual_done", "2026-01-06"},
                                               {"doc_number", "2601-610113-04-01-123456"}}));
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(done.json.at("overdue"), false);
  // The approval's scan is attached to the procedure item, checked and hashed like report
  // photos; whoever sees the project reads it, only those who edit procedures add or delete.
  std::string pdf = "%PDF-1.7\n1 0 obj<<>>endobj\n%%EOF\n";
  HttpResult file = company->Request("POST", item + "/attachments?filename=%E5%A4%87%E6%A1%88.pdf",
                                     pdf, {{"Content-Type", "application/pdf"}});
  ASSERT_EQ(file.status, 201) << file.body;
  EXPECT_EQ(file.json.at("owner_kind"), "procedure");
  int64_t file_id = file.json.at("id").as_int64();
  EXPECT_EQ(company
                ->Request("POST", item + "/attachments?filename=a.pdf", "not a pdf",
                          {{"Content-Type", "application/pdf"}})
                .status,
            400);
  EXPECT_EQ(As("leader")
                ->Request("POST", item + "/attachments?filename=a.pdf", pdf,
                          {{"Content-Type", "application/pdf"}})
                .status,
            403);
  HttpResult files = As("edu")->Get(item + "/attachments");
  ASSERT_EQ(files.status, 200) << files.body;
  EXPECT_EQ(files.json.at("items").as_array().size(), 1u);
  EXPECT_EQ(As("edu")->Get("/api/v1/attachments/" + Id(file_id)).body, pdf);
  EXPECT_EQ(As("company_b")->Get(item + "/attachments").status, 404);
  EXPECT_EQ(As("company_b")->Get("/api/v1/attachments/" + Id(file_id)).status, 404);
  EXPECT_EQ(As("company_b")->Delete("/api/v1/attachments/" + Id(file_id)).status, 404);
  EXPECT_EQ(As("leader")->Delete("/api/v1/attachments/" + Id(file_id)).status, 403);
  EXPECT_EQ(company->Delete("/api/v1/attachments/" + Id(file_id)).status, 204);
  EXPECT_EQ(company->Get("/api/v1/attachments/" + Id(file_id)).status, 404);
  EXPECT_EQ(As("company_b")->Patch(item, Json({{"version", 2}, {"note", "x"}})).status, 404);
  EXPECT_EQ(As("leader")->Patch(item, Json({{"version", 2}, {"note", "x"}})).status, 403);
  EXPECT_EQ(company->Patch(item, Json({{"version", 1}, {"note", "stale"}})).status, 409);
}

TEST_P(ProjectPlanApi, BattleChartIsPlannedBackwardsAndFlagged) {
  const Fixture& f = fx();
  std::string chart = Project(f.project_road) + "/battle-chart";
  auto build = As("build");
  HttpResult planned = build->Post(
      chart + "/plan",
      Json({{"target_date", "2027-01-04"},
            {"tasks", boost::json::array{
                          boost::json::object{{"title", "完成施工许可"},
                                              {"months_before", 3},
                                              {"responsible_person_id", f.officer_person},
                                              {"supervisor_person_id", f.leader_person}},
                          boost::json::object{{"title", "完成征地"}, {"months_before", 10}}}}}));
  ASSERT_EQ(planned.status, 201) << planned.body;
  HttpResult got = As("fgw")->Get(chart);
  ASSERT_EQ(got.status, 200) << got.body;
  const auto& months = got.json.at("months").as_array();
  ASSERT_EQ(months.size(), 2u);
  EXPECT_EQ(months[0].at("period"), "202603");
  // 2026-03-04 is before today (03-16): overdue. 2026-10-04 is in 国庆: moved back to 09-30.
  EXPECT_EQ(months[0].at("tasks").at(0).at("state"), "overdue");
  EXPECT_EQ(months[1].at("tasks").at(0).at("planned_date"), "2026-09-30");
  EXPECT_EQ(got.json.at("counts").at("overdue").as_int64(), 1);

  const auto& task = months[0].at("tasks").at(0);
  std::string url = Project(f.project_road) + "/milestones/" + Id(task.at("id").as_int64());
  HttpResult done =
      build->Patch(url, Json({{"version", task.at("version")}, {"done_on", "2026-03-10"}}));
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(done.json.at("state"), "done_late");
  EXPECT_EQ(build->Patch(url, Json({{"version", 2}, {"done_on", "2099-01-01"}})).status, 400);
  EXPECT_EQ(As("edu")->Get(chart).status, 404) << "not 教育局's project";
  EXPECT_EQ(
      As("company_a")
          ->Post(chart + "/plan", Json({{"target_date", "2027-01-04"},
                                        {"tasks", boost::json::array{boost::json::object{
                                                      {"title", "x"}, {"months_before", 1}}}}}))
          .status,
      404);
  EXPECT_EQ(build
                ->Post(chart + "/plan",
                       Json({{"target_date", "2027-13-01"}, {"tasks", boost::json::array{}}}))
                .status,
            400);
}

}  // namespace
}  // namespace keyline::testing
