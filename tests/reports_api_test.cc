// Annual plans and monthly reporting over HTTP: plan versions, the report lifecycle (draft,
// submit, return, approve, unlock), the reporting window (not open, late, locked), the
// validation rules, concurrent submissions, attachments, completeness and derived figures.
#include <atomic>
#include <thread>

#include "common/date.h"
#include "tests/api_test.h"

namespace keyline::testing {
namespace {

// 10:00 Beijing time on a date.
class ReportsApi : public ApiTest {
 protected:
  std::string ReportUrl(int64_t project, int period) {
    return "/api/v1/projects/" + Id(project) + "/reports/" + std::to_string(period);
  }
  std::string PlanUrl(int64_t project, int year) {
    return "/api/v1/projects/" + Id(project) + "/plans/" + std::to_string(year);
  }
  static HttpResult Put(HttpClient& c, const std::string& url, const boost::json::object& body) {
    return c.Request("PUT", url, boost::json::serialize(body));
  }
  // Sets and confirms a plan; returns the confirmed version.
  void ConfirmedPlan(int64_t project, const char* wan, const char* completed_before = nullptr) {
    auto fgw = As("fgw");
    boost::json::object body{{"planned_investment", wan}, {"split", "even"}, {"version", 0}};
    if (completed_before) body["completed_before"] = completed_before;
    HttpResult saved = Put(*fgw, PlanUrl(project, 2026), body);
    ASSERT_EQ(saved.status, 200) << saved.body;
    HttpResult confirmed = fgw->Post(PlanUrl(project, 2026) + "/confirm", R"({"version":1})");
    ASSERT_EQ(confirmed.status, 200) << confirmed.body;
  }
  int64_t VersionOf(HttpClient& c, int64_t project, int period) {
    HttpResult got = c.Get(ReportUrl(project, period));
    EXPECT_EQ(got.status, 200) << got.body;
    return got.json.at("report").at("version").as_int64();
  }
};
KL_INSTANTIATE_BACKENDS(ReportsApi);

TEST_P(ReportsApi, AnnualPlanVersionsKeepTheBaselineHistory) {
  auto fgw = As("fgw");
  int64_t school = fx().project_school;
  HttpResult first = Put(*fgw, PlanUrl(school, 2026),
                         {{"planned_investment", "12000"},
                          {"planned_start", "2026-03-01"},
                          {"planned_completion", "2026-12-31"},
                          {"goals", "主体结构封顶"},
                          {"split", "even"},
                          {"version", 0}});
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_EQ(first.json.at("version").as_int64(), 1);
  EXPECT_EQ(first.json.at("status"), "draft");
  // Ten months from March: 1200 each, nothing before.
  EXPECT_EQ(first.json.at("monthly").at(0), "0");
  EXPECT_EQ(first.json.at("monthly").at(2), "1200");
  EXPECT_EQ(first.json.at("monthly").at(11), "1200");

  // A draft is rewritten in place; the S-curve starts slow and still adds up exactly.
  HttpResult draft =
      Put(*fgw, PlanUrl(school, 2026),
          {{"planned_investment", "12000.01"}, {"split", "s_curve"}, {"version", 1}});
  ASSERT_EQ(draft.status, 200) << draft.body;
  EXPECT_EQ(draft.json.at("version").as_int64(), 1);
  EXPECT_EQ(draft.json.at("monthly").at(0), "236.111308");  // 12000.01 × (3x² − 2x³), x = 1/12
  // Stale version, wrong role, custom months that do not add up.
  EXPECT_EQ(Put(*fgw, PlanUrl(school, 2026), {{"planned_investment", "1"}, {"version", 0}}).status,
            409);
  auto company = As("company_a");
  EXPECT_EQ(
      Put(*company, PlanUrl(school, 2026), {{"planned_investment", "1"}, {"version", 1}}).status,
      403);
  boost::json::array months;
  for (int i = 0; i < 12; ++i) months.emplace_back("100");
  HttpResult mismatch = Put(
      *fgw, PlanUrl(school, 2026),
      {{"planned_investment", "1201"}, {"split", "custom"}, {"monthly", months}, {"version", 1}});
  EXPECT_EQ(mismatch.status, 400);
  EXPECT_NE(mismatch.body.find("不一致"), std::string::npos) << mismatch.body;

  ASSERT_EQ(fgw->Post(PlanUrl(school, 2026) + "/confirm", R"({"version":1})").status, 200);
  // A confirmed plan changes only as a new version with a reason.
  HttpResult no_reason =
      Put(*fgw, PlanUrl(school, 2026), {{"planned_investment", "15000"}, {"version", 1}});
  EXPECT_EQ(no_reason.status, 400);
  HttpResult rebaseline =
      Put(*fgw, PlanUrl(school, 2026),
          {{"planned_investment", "15000"}, {"reason", "追加年度投资计划"}, {"version", 1}});
  ASSERT_EQ(rebaseline.status, 200) << rebaseline.body;
  EXPECT_EQ(rebaseline.json.at("version").as_int64(), 2);
  EXPECT_EQ(rebaseline.json.at("status"), "confirmed");
  HttpResult history = company->Get(PlanUrl(school, 2026));
  ASSERT_EQ(history.status, 200);
  ASSERT_EQ(history.json.at("versions").as_array().size(), 2u);
  EXPECT_EQ(history.json.at("versions").at(0).at("planned_investment"), "12000.01");
  EXPECT_EQ(history.json.at("current").at("planned_investment"), "15000");
  // Out of scope: company B does not see the school.
  EXPECT_EQ(As("company_b")->Get(PlanUrl(school, 2026)).status, 404);
}

TEST_P(ReportsApi, ReportLifecycleDraftSubmitReturnApproveUnlock) {
  server().clock().Set(At("2026-03-27"));  // 202603 is open (due 2026-04-08)
  int64_t school = fx().project_school;
  auto company = As("company_a");
  HttpResult draft = Put(*company, ReportUrl(school, 202603),
                         {{"version", 0},
                          {"completed_investment", "850.5"},
                          {"progress_text", "地下室底板浇筑完成"},
                          {"progress_percent", 15},
                          {"workers", 86}});
  ASSERT_EQ(draft.status, 200) << draft.body;
  EXPECT_EQ(draft.json.at("status"), "draft");
  EXPECT_TRUE(draft.json.at("submitted_at").is_null());

  HttpResult submitted =
      company->Post(ReportUrl(school, 202603) + "/submit", R"({"version":1,"workers":90})");
  ASSERT_EQ(submitted.status, 200) << submitted.body;
  const auto& r = submitted.json.at("report");
  EXPECT_EQ(r.at("status"), "submitted");
  EXPECT_EQ(r.at("completed_investment"), "850.5");
  EXPECT_EQ(r.at("workers").as_int64(), 90);
  EXPECT_EQ(r.at("submitted_at").as_int64(), At("2026-03-27"));
  EXPECT_FALSE(r.at("late").as_bool());
  // Submitted: read-only for the company until reviewed.
  EXPECT_EQ(Put(*company, ReportUrl(school, 202603), {{"version", 2}}).status, 409);

  // Only the responsible department (or the office) reviews; a return needs a comment.
  EXPECT_EQ(company->Post(ReportUrl(school, 202603) + "/approve", R"({"version":2})").status, 403);
  EXPECT_EQ(As("build")->Post(ReportUrl(school, 202603) + "/approve", R"({"version":2})").status,
            404);
  auto edu = As("edu");
  // The department's review queue names the project.
  HttpResult queue = edu->Get("/api/v1/reports?status=submitted&period=202603");
  ASSERT_EQ(queue.status, 200) << queue.body;
  ASSERT_EQ(queue.json.at("total").as_int64(), 1);
  EXPECT_EQ(queue.json.at("items").at(0).at("project_name"), "雁塔区第四中学建设项目");
  EXPECT_EQ(queue.json.at("items").at(0).at("responsible_unit_id").as_int64(), fx().dept_edu);
  EXPECT_EQ(As("build")->Get("/api/v1/reports?status=submitted").json.at("total").as_int64(), 0);
  EXPECT_EQ(edu->Post(ReportUrl(school, 202603) + "/return", R"({"version":2})").status, 400);
  HttpResult returned = edu->Post(ReportUrl(school, 202603) + "/return",
                                  R"({"version":2,"comment":"形象进度照片缺失"})");
  ASSERT_EQ(returned.status, 200) << returned.body;
  EXPECT_EQ(returned.json.at("status"), "returned");
  EXPECT_EQ(returned.json.at("return_count").as_int64(), 1);

  HttpResult resubmitted = company->Post(ReportUrl(school, 202603) + "/submit",
                                         R"({"version":3,"progress_text":"底板完成，附照片"})");
  ASSERT_EQ(resubmitted.status, 200) << resubmitted.body;
  HttpResult approved = edu->Post(ReportUrl(school, 202603) + "/approve", R"({"version":4})");
  ASSERT_EQ(approved.status, 200) << approved.body;
  EXPECT_EQ(approved.json.at("status"), "approved");
  // Approved: read-only, even for the office, until an audited unlock.
  EXPECT_EQ(Put(*company, ReportUrl(school, 202603), {{"version", 5}}).status, 409);
  EXPECT_EQ(edu->Post(ReportUrl(school, 202603) + "/unlock", R"({"reason":"x"})").status, 403);
  auto fgw = As("fgw");
  HttpResult unlocked =
      fgw->Post(ReportUrl(school, 202603) + "/unlock", R"({"reason":"统计口径调整，需更正"})");
  ASSERT_EQ(unlocked.status, 200) << unlocked.body;
  EXPECT_EQ(unlocked.json.at("status"), "returned");
  EXPECT_TRUE(unlocked.json.at("unlocked").as_bool());
  EXPECT_EQ(Put(*company, ReportUrl(school, 202603), {{"version", 6}, {"workers", 95}}).status,
            200);
  HttpResult audit = As("admin")->Get("/api/v1/audit?entity=monthly_report");
  ASSERT_EQ(audit.status, 200);
  EXPECT_GE(audit.json.at("total").as_int64(), 7);

  // Others: the leader reads but cannot fill; another company does not see it.
  auto leader = As("leader");
  EXPECT_EQ(leader->Get(ReportUrl(school, 202603)).status, 200);
  EXPECT_EQ(leader->Post(ReportUrl(school, 202603) + "/submit", R"({"version":7})").status, 403);
  EXPECT_EQ(As("company_b")->Get(ReportUrl(school, 202603)).status, 404);
  EXPECT_EQ(edu->Post(ReportUrl(school, 202603) + "/submit", R"({"version":7})").status, 403);
}

TEST_P(ReportsApi, WindowNotOpenLateAndLocked) {
  int64_t school = fx().project_school;
  server().clock().Set(At("2026-03-20"));
  auto company = As("company_a");
  HttpResult early = Put(*company, ReportUrl(school, 202603), {{"version", 0}});
  EXPECT_EQ(early.status, 409);
  EXPECT_NE(early.body.find("2026-03-25"), std::string::npos) << early.body;

  // Due on the 5th working day of April (the 清明 holiday moves it to 04-08); late after.
  server().clock().Set(At("2026-04-09"));
  company = As("company_a");
  HttpResult late = company->Post(ReportUrl(school, 202603) + "/submit",
                                  R"({"version":0,"completed_investment":"100"})");
  ASSERT_EQ(late.status, 200) << late.body;
  EXPECT_TRUE(late.json.at("report").at("late").as_bool());

  // Locked after the 10th working day (04-15).
  server().clock().Set(At("2026-04-16"));
  company = As("company_a");
  HttpResult locked = Put(*company, ReportUrl(school, 202603), {{"version", 1}});
  EXPECT_EQ(locked.status, 409);  // already submitted
  HttpResult missed = company->Post(ReportUrl(school, 202602) + "/submit", R"({"version":0})");
  EXPECT_EQ(missed.status, 409);
  EXPECT_NE(missed.body.find("锁定"), std::string::npos) << missed.body;
  auto fgw = As("fgw");
  ASSERT_EQ(fgw->Post(ReportUrl(school, 202602) + "/unlock", R"({"reason":"补报"})").status, 200);
  HttpResult after_unlock = company->Post(ReportUrl(school, 202602) + "/submit",
                                          R"({"version":1,"completed_investment":"50"})");
  ASSERT_EQ(after_unlock.status, 200) << after_unlock.body;
  EXPECT_TRUE(after_unlock.json.at("report").at("late").as_bool());
  EXPECT_FALSE(after_unlock.json.at("report").at("unlocked").as_bool());
}

TEST_P(ReportsApi, ValidationRulesErrorsAndConfirmedWarnings) {
  server().clock().Set(At("2026-03-27"));
  int64_t school = fx().project_school;
  auto company = As("company_a");
  std::string submit = ReportUrl(school, 202603) + "/submit";
  HttpResult negative = company->Post(submit, R"({"version":0,"completed_investment":"-1"})");
  EXPECT_EQ(negative.status, 400);
  EXPECT_NE(negative.body.find("负数"), std::string::npos);
  EXPECT_EQ(company->Post(submit, R"({"version":0,"progress_percent":101})").status, 400);
  EXPECT_EQ(company->Post(submit, R"({"version":0,"surprise":1})").status, 400);
  // Cumulative since start may not pass the total investment (30000 万元).
  HttpResult over = company->Post(submit, R"({"version":0,"completed_investment":"30000.01"})");
  EXPECT_EQ(over.status, 400);
  EXPECT_NE(over.body.find("超过总投资"), std::string::npos) << over.body;
  // A project without an actual start date cannot report investment.
  HttpResult unstarted = As("company_b")
                             ->Post(ReportUrl(fx().project_road, 202603) + "/submit",
                                    R"({"version":0,"completed_investment":"10"})");
  EXPECT_EQ(unstarted.status, 400);
  EXPECT_NE(unstarted.body.find("开工"), std::string::npos) << unstarted.body;
  // Unusually large against the plan (1000 a month): flagged, confirmed, accepted.
  ConfirmedPlan(school, "12000");
  HttpResult flagged = company->Post(submit, R"({"version":0,"completed_investment":"3500"})");
  ASSERT_EQ(flagged.status, 409) << flagged.body;
  EXPECT_EQ(flagged.json.at("error").at("details").at(0).at("field"), "large_vs_plan");
  HttpResult confirmed = company->Post(
      submit,
      R"({"version":0,"completed_investment":"3500","confirm_warnings":["large_vs_plan"]})");
  ASSERT_EQ(confirmed.status, 200) << confirmed.body;
  EXPECT_EQ(confirmed.json.at("warnings").at(0).at("code"), "large_vs_plan");
  // Nothing was written by the refused attempts: one report, version 1.
  EXPECT_EQ(VersionOf(*company, school, 202603), 1);
  // The office can relax the rule.
  auto fgw = As("fgw");
  HttpResult bad_rules = Put(*fgw, "/api/v1/reporting/rules",
                             {{"cumulative_over_total_is_error", true},
                              {"plan_factor", 0.5},
                              {"history_factor", 3},
                              {"min_flag_amount", "100"},
                              {"flag_progress_regression", true}});
  EXPECT_EQ(bad_rules.status, 400);
  EXPECT_EQ(Put(*company, "/api/v1/reporting/rules",
                {{"cumulative_over_total_is_error", false},
                 {"plan_factor", 5},
                 {"history_factor", 5},
                 {"min_flag_amount", "0"},
                 {"flag_progress_regression", false}})
                .status,
            403);
}

TEST_P(ReportsApi, ConcurrentSubmissionsOfOneReportOneWins) {
  server().clock().Set(At("2026-03-27"));
  int64_t school = fx().project_school;
  constexpr int kClients = 6;
  std::vector<std::unique_ptr<HttpClient>> clients;
  for (int i = 0; i < kClients; ++i) clients.push_back(As("company_a"));
  std::atomic<int> ok{0};
  std::atomic<int> conflict{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < kClients; ++i) {
    threads.emplace_back([&, i] {
      std::string body = R"({"version":0,"completed_investment":")" + std::to_string(100 + i) +
                         R"(","workers":)" + std::to_string(i) + "}";
      HttpResult r = clients[i]->Post(ReportUrl(school, 202603) + "/submit", body);
      if (r.status == 200) ++ok;
      if (r.status == 409) ++conflict;
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(ok.load(), 1);
  EXPECT_EQ(conflict.load(), kClients - 1);
  HttpResult stored = clients[0]->Get(ReportUrl(school, 202603));
  EXPECT_EQ(stored.json.at("report").at("version").as_int64(), 1);
  int workers = static_cast<int>(stored.json.at("report").at("workers").as_int64());
  EXPECT_EQ(std::string(stored.json.at("report").at("completed_investment").as_string()),
            std::to_string(100 + workers));
}

TEST_P(ReportsApi, AttachmentsAreTypeCheckedHashedAndScoped) {
  server().clock().Set(At("2026-03-27"));
  int64_t school = fx().project_school;
  auto company = As("company_a");
  std::string png("\x89PNG\r\n\x1A\n\0\0\0\rIHDR-photo-bytes", 25);
  HttpResult up = company->Request(
      "POST", ReportUrl(school, 202603) + "/attachments?filename=%E7%8E%B0%E5%9C%BA.png", png,
      {{"Content-Type", "image/png"}});
  ASSERT_EQ(up.status, 201) << up.body;
  EXPECT_EQ(up.json.at("content_type"), "image/png");
  EXPECT_EQ(up.json.at("filename"), "现场.png");
  EXPECT_EQ(up.json.at("size").as_int64(), 25);
  EXPECT_EQ(up.json.at("sha256").as_string().size(), 64u);
  int64_t id = up.json.at("id").as_int64();
  HttpResult down = company->Get("/api/v1/attachments/" + Id(id));
  ASSERT_EQ(down.status, 200);
  EXPECT_EQ(down.body, png);
  EXPECT_EQ(down.Header("content-type"), "image/png");
  EXPECT_EQ(down.Header("content-disposition"),
            "attachment; filename=\"attachment-" + Id(id) +
                ".png\"; filename*=UTF-8''%E7%8E%B0%E5%9C%BA.png");
  EXPECT_EQ(As("company_b")->Get("/api/v1/attachments/" + Id(id)).status, 404);
  // Content decides, not the name or the header.
  HttpResult fake =
      company->Request("POST", ReportUrl(school, 202603) + "/attachments?filename=x.png",
                       "<script>alert(1)</script>", {{"Content-Type", "image/png"}});
  EXPECT_EQ(fake.status, 400);
  HttpResult path =
      company->Request("POST", ReportUrl(school, 202603) + "/attachments?filename=..%2Fetc%2Fa.png",
                       png, {{"Content-Type", "image/png"}});
  EXPECT_EQ(path.status, 400);
  HttpResult listed = company->Get(ReportUrl(school, 202603));
  ASSERT_EQ(listed.json.at("attachments").as_array().size(), 1u);
  EXPECT_EQ(company->Delete("/api/v1/attachments/" + Id(id)).status, 204);
  EXPECT_EQ(company->Get("/api/v1/attachments/" + Id(id)).status, 404);
}

// A JPEG as a phone writes it: SOI, an APP1 Exif segment (little-endian TIFF: IFD0 with
// DateTime and a GPS pointer; GPS IFD with N 34°13'7.0" and E 108°57'50.8"), a tiny scan, EOI.
std::string SitePhotoJpeg() {
  std::string t;
  auto u16 = [&](uint16_t v) {
    t += static_cast<char>(v & 0xFF);
    t += static_cast<char>(v >> 8);
  };
  auto u32 = [&](uint32_t v) {
    u16(v & 0xFFFF);
    u16(v >> 16);
  };
  t += "II";
  u16(42);
  u32(8);
  u16(2);  // IFD0 at 8, ends at 38
  u16(0x0132), u16(2), u32(20), u32(38);
  u16(0x8825), u16(4), u32(1), u32(58);
  u32(0);
  t += std::string("2026:12:03 10:21:07\0", 20);  // 38..58
  u16(4);                                         // GPS IFD at 58, ends at 112
  u16(1), u16(2), u32(2), u32('N');
  u16(2), u16(5), u32(3), u32(112);
  u16(3), u16(2), u32(2), u32('E');
  u16(4), u16(5), u32(3), u32(136);
  u32(0);
  for (uint32_t v : {34u, 1u, 13u, 1u, 700u, 100u, 108u, 1u, 57u, 1u, 5080u, 100u}) u32(v);
  std::string app1 = std::string("Exif\0\0", 6) + t;
  std::string jpeg = "\xFF\xD8\xFF\xE1";
  jpeg += static_cast<char>((app1.size() + 2) >> 8);
  jpeg += static_cast<char>((app1.size() + 2) & 0xFF);
  jpeg += app1;
  jpeg += std::string("\xFF\xDA\x00\x02\x11\x22\xFF\xD9", 8);
  return jpeg;
}

TEST_P(ReportsApi, SitePhotoCarriesItsExifTimeAndPlace) {
  server().clock().Set(At("2026-03-27"));
  auto company = As("company_a");
  std::string url = ReportUrl(fx().project_school, 202603) + "/attachments?filename=site.jpg";
  HttpResult up = company->Request("POST", url, SitePhotoJpeg(), {{"Content-Type", "image/jpeg"}});
  ASSERT_EQ(up.status, 201) << up.body;
  EXPECT_EQ(up.json.at("content_type"), "image/jpeg");
  EXPECT_EQ(up.json.at("taken_at"), "2026-12-03T10:21:07");
  EXPECT_NEAR(up.json.at("latitude").to_number<double>(), 34.21861, 1e-4);
  EXPECT_NEAR(up.json.at("longitude").to_number<double>(), 108.96411, 1e-4);
  // Stored: the report's list answers the same.
  HttpResult listed = company->Get(ReportUrl(fx().project_school, 202603));
  const auto& a = listed.json.at("attachments").as_array().at(0);
  EXPECT_EQ(a.at("taken_at"), "2026-12-03T10:21:07");
  EXPECT_NEAR(a.at("latitude").to_number<double>(), 34.21861, 1e-4);
  // A photo without EXIF (and any other file) has nulls.
  std::string png("\x89PNG\r\n\x1A\n\0\0\0\rIHDR-photo-bytes", 25);
  HttpResult plain = company->Request(
      "POST", ReportUrl(fx().project_school, 202603) + "/attachments?filename=p.png", png,
      {{"Content-Type", "image/png"}});
  ASSERT_EQ(plain.status, 201) << plain.body;
  EXPECT_TRUE(plain.json.at("taken_at").is_null());
  EXPECT_TRUE(plain.json.at("latitude").is_null());
  EXPECT_TRUE(plain.json.at("longitude").is_null());
}

TEST_P(ReportsApi, CompletenessCountsExpectedOnTimeLateMissing) {
  server().clock().Set(At("2026-03-27"));
  // The road (前期) must report once it has a confirmed plan for the year.
  ConfirmedPlan(fx().project_road, "5000");
  auto company = As("company_a");
  ASSERT_EQ(company
                ->Post(ReportUrl(fx().project_school, 202603) + "/submit",
                       R"({"version":0,"completed_investment":"800"})")
                .status,
            200);
  server().clock().Set(At("2026-04-13"));  // 3 working days past the due day 04-08
  auto fgw = As("fgw");
  company = As("company_a");
  HttpResult c = fgw->Get("/api/v1/reporting/completeness?period=202603");
  ASSERT_EQ(c.status, 200) << c.body;
  EXPECT_EQ(c.json.at("expected").as_int64(), 2);
  EXPECT_EQ(c.json.at("received").as_int64(), 1);
  EXPECT_EQ(c.json.at("on_time").as_int64(), 1);
  EXPECT_EQ(c.json.at("late").as_int64(), 0);
  EXPECT_EQ(c.json.at("missing").as_int64(), 1);
  EXPECT_EQ(c.json.at("pending").as_int64(), 1);
  EXPECT_DOUBLE_EQ(c.json.at("received_rate").to_number<double>(), 0.5);
  ASSERT_EQ(c.json.at("gaps").as_array().size(), 1u);
  const auto& gap = c.json.at("gaps").at(0);
  EXPECT_EQ(gap.at("project_id").as_int64(), fx().project_road);
  EXPECT_EQ(gap.at("state"), "missing");
  EXPECT_EQ(gap.at("working_days_overdue").as_int64(), 3);
  EXPECT_FALSE(gap.at("owner_unit_name").as_string().empty());
  EXPECT_TRUE(gap.at("owner_contact").is_string());
  // Need to know: the leader reads the gaps without the owners' contacts.
  HttpResult leader = As("leader")->Get("/api/v1/reporting/completeness?period=202603");
  ASSERT_EQ(leader.status, 200) << leader.body;
  ASSERT_EQ(leader.json.at("gaps").as_array().size(), 1u);
  EXPECT_TRUE(leader.json.at("gaps").at(0).at("owner_contact").is_null()) << leader.body;
  EXPECT_FALSE(leader.json.at("gaps").at(0).at("owner_unit_name").as_string().empty());
  // By unit, and scoped: the education bureau only counts its own project.
  HttpResult edu = As("edu")->Get("/api/v1/reporting/completeness?period=202603");
  ASSERT_EQ(edu.status, 200);
  EXPECT_EQ(edu.json.at("expected").as_int64(), 1);
  HttpResult by_unit =
      fgw->Get("/api/v1/reporting/completeness?period=202603&unit_id=" + Id(fx().dept_build));
  EXPECT_EQ(by_unit.json.at("expected").as_int64(), 1);
  EXPECT_EQ(by_unit.json.at("missing").as_int64(), 1);
  EXPECT_EQ(fgw->Get("/api/v1/reporting/completeness?period=202613").status, 400);
  EXPECT_EQ(fgw->Get("/api/v1/reporting/completeness").status, 400);
}

TEST_P(ReportsApi, DerivedFiguresAgainstPlanAndElapsedShare) {
  server().clock().Set(At("2026-03-27"));
  auto fgw = As("fgw");
  int64_t school = fx().project_school;
  ConfirmedPlan(school, "12000", "5000");
  // Open February again for a late entry through an explicit window.
  ASSERT_EQ(
      Put(*fgw, "/api/v1/reporting/calendar/202602",
          {{"opens_on", "2026-02-25"}, {"due_on", "2026-03-31"}, {"locks_after", "2026-04-30"}})
          .status,
      200);
  auto company = As("company_a");
  ASSERT_EQ(company
                ->Post(ReportUrl(school, 202602) + "/submit",
                       R"({"version":0,"completed_investment":"800"})")
                .status,
            200);
  ASSERT_EQ(company
                ->Post(ReportUrl(school, 202603) + "/submit",
                       R"({"version":0,"completed_investment":"1000"})")
                .status,
            200);
  HttpResult f = company->Get("/api/v1/projects/" + Id(school) + "/figures?period=202603");
  ASSERT_EQ(f.status, 200) << f.body;
  EXPECT_EQ(f.json.at("month"), "1000");
  EXPECT_EQ(f.json.at("year_to_date"), "1800");
  EXPECT_EQ(f.json.at("since_start"), "6800");
  auto num = [&](const char* key) { return f.json.at(key).to_number<double>(); };
  EXPECT_DOUBLE_EQ(num("annual_completion_rate"), 0.15);
  EXPECT_DOUBLE_EQ(num("elapsed_share"), 0.25);
  EXPECT_DOUBLE_EQ(num("gap_points"), -10.0);  // 10 points behind 序时进度
  EXPECT_DOUBLE_EQ(num("share_of_total"), 0.226667);
  // The same figures for the whole portfolio in scope, with totals by stage.
  HttpResult sum = fgw->Get("/api/v1/reporting/summary?period=202603");
  ASSERT_EQ(sum.status, 200) << sum.body;
  EXPECT_EQ(sum.json.at("projects").as_int64(), 3);
  EXPECT_EQ(sum.json.at("total_investment"), "512000");
  EXPECT_EQ(sum.json.at("planned_projects").as_int64(), 1);
  EXPECT_EQ(sum.json.at("annual_planned"), "12000");
  EXPECT_EQ(sum.json.at("completed_to_period"), "1800");
  EXPECT_DOUBLE_EQ(sum.json.at("gap_points").to_number<double>(), -10.0);
  bool found = false;
  for (const auto& g : sum.json.at("by_stage").as_array()) {
    if (g.at("stage") == "construction") {
      found = true;
      EXPECT_EQ(g.at("projects").as_int64(), 1);
      EXPECT_EQ(g.at("total_investment"), "30000");
    }
  }
  EXPECT_TRUE(found);
  HttpResult mine = company->Get("/api/v1/reporting/summary?period=202603");
  ASSERT_EQ(mine.status, 200);
  EXPECT_EQ(mine.json.at("projects").as_int64(), 1);
  EXPECT_EQ(company->Get("/api/v1/reporting/summary?period=2026").status, 400);
  // A draft plan is not a baseline: no annual plan in the figures yet.
  ASSERT_EQ(
      Put(*fgw, PlanUrl(fx().project_road, 2026), {{"planned_investment", "5000"}, {"version", 0}})
          .status,
      200);
  HttpResult draft_only =
      fgw->Get("/api/v1/projects/" + Id(fx().project_road) + "/figures?period=202603");
  ASSERT_EQ(draft_only.status, 200);
  EXPECT_TRUE(draft_only.json.at("annual_plan").is_null());
  // The calendar shows the override and the rule-made windows.
  HttpResult cal = fgw->Get("/api/v1/reporting/calendar?year=2026");
  ASSERT_EQ(cal.status, 200);
  EXPECT_TRUE(cal.json.at("windows").at(1).at("overridden").as_bool());
  EXPECT_EQ(cal.json.at("windows").at(8).at("due_on"), "2026-10-13");  // after 国庆
  EXPECT_EQ(cal.json.at("windows").at(8).at("locks_after"), "2026-10-20");
  EXPECT_EQ(Put(*fgw, "/api/v1/reporting/calendar/rule",
                {{"open_day", 20}, {"due_working_day", 8}, {"lock_working_day", 5}})
                .status,
            400);
  EXPECT_EQ(Put(*company, "/api/v1/reporting/calendar/rule",
                {{"open_day", 20}, {"due_working_day", 3}, {"lock_working_day", 5}})
                .status,
            403);
  ASSERT_EQ(Put(*fgw, "/api/v1/reporting/calendar/rule",
                {{"open_day", 20}, {"due_working_day", 3}, {"lock_working_day", 5}})
                .status,
            200);
  HttpResult changed = fgw->Get("/api/v1/reporting/calendar?year=2026");
  EXPECT_EQ(changed.json.at("windows").at(8).at("opens_on"), "2026-09-20");
  EXPECT_EQ(changed.json.at("windows").at(8).at("due_on"), "2026-10-10");  // 调休 Saturday
}

}  // namespace
}  // namespace keyline::testing

namespace keyline::testing {
namespace {

TEST_P(ReportsApi, HostileInputIsRefusedClearlyAndWritesNothing) {
  server().clock().Set(At("2026-03-27"));
  int64_t school = fx().project_school;
  auto company = As("company_a");
  std::string url = ReportUrl(school, 202603);
  struct Case {
    const char* name;
    HttpResult result;
    int status;
  };
  std::vector<Case> cases;
  cases.push_back({"malformed json", company->Post(url + "/submit", "{\"version\":0,"), 400});
  cases.push_back({"not an object", company->Post(url + "/submit", "[1,2]"), 400});
  cases.push_back({"wrong content type",
                   company->Request("POST", url + "/submit", R"({"version":0})",
                                    {{"Content-Type", "text/plain"}}),
                   415});
  cases.push_back(
      {"amount as a number with 7 decimals",
       company->Post(url + "/submit", R"({"version":0,"completed_investment":"1.1234567"})"), 400});
  cases.push_back({"amount overflow",
                   company->Post(url + "/submit",
                                 R"({"version":0,"completed_investment":"99999999999999999999"})"),
                   400});
  cases.push_back({"version missing", company->Post(url + "/submit", R"({"workers":1})"), 400});
  cases.push_back({"text too long",
                   company->Post(url + "/submit", "{\"version\":0,\"main_works\":\"" +
                                                      std::string(6000, 'x') + "\"}"),
                   400});
  cases.push_back({"oversized body",
                   company->Post(url + "/submit", "{\"version\":0,\"problems\":\"" +
                                                      std::string(2 << 20, 'x') + "\"}"),
                   413});
  cases.push_back({"month 13", company->Get(ReportUrl(school, 202613)), 404});
  cases.push_back(
      {"period text", company->Get("/api/v1/projects/" + Id(school) + "/reports/x"), 404});
  cases.push_back({"unknown status filter", company->Get("/api/v1/reports?status=lost"), 400});
  cases.push_back({"unknown query", company->Get("/api/v1/reports?sql=1"), 400});
  cases.push_back(
      {"sql in a text field is data",
       company->Post(
           url + "/submit",
           R"({"version":0,"progress_text":"'); DROP TABLE monthly_reports;--","completed_investment":"1"})"),
       200});
  for (const Case& c : cases) {
    EXPECT_EQ(c.result.status, c.status) << c.name << ": " << c.result.body;
    if (c.status >= 400) {
      ASSERT_TRUE(c.result.json.is_object()) << c.name;
      const auto& error = c.result.json.at("error");
      EXPECT_FALSE(error.at("message_zh").as_string().empty()) << c.name;
      EXPECT_FALSE(error.at("message_en").as_string().empty()) << c.name;
    }
  }
  // Only the last, valid submission was stored, text and all.
  HttpResult stored = company->Get(url);
  EXPECT_EQ(stored.json.at("report").at("version").as_int64(), 1);
  EXPECT_EQ(stored.json.at("report").at("progress_text"), "'); DROP TABLE monthly_reports;--");
  // An attachment above 10 MiB is refused before it is read.
  std::string raw = company->SendRaw(
      "POST " + url + "/attachments?filename=a.pdf HTTP/1.1\r\nHost: 127.0.0.1\r\n" +
      "Cookie: keyline_sid=" + company->cookies()["keyline_sid"] +
      "\r\nX-CSRF-Token: " + company->csrf_token() +
      "\r\nContent-Type: application/pdf\r\nContent-Length: 10485761\r\n\r\n%PDF-");
  EXPECT_EQ(raw.rfind("HTTP/1.1 413", 0), 0u) << raw.substr(0, 200);
}

}  // namespace
}  // namespace keyline::testing
