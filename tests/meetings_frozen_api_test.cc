// Published means frozen, for dispatch meetings: marking a meeting held freezes its
// agenda in a snapshot and issuing the minutes freezes them; reading them later never
// recomputes; writes to them answer 409; a stored agenda or minutes changed in the database
// are refused on read.
#include "tests/api_test.h"
#include "tests/snapshot_tamper.h"

namespace keyline::testing {
namespace {

class MeetingsFrozenApi : public ApiTest {
 protected:
  std::string CreateMeeting(HttpClient& fgw, const std::string& held_on) {
    HttpResult r =
        fgw.Post("/api/v1/meetings", Json({{"title", "三月调度会"}, {"held_on", held_on}}));
    EXPECT_EQ(r.status, 201) << r.body;
    return "/api/v1/meetings/" + Id(r.json.at("id").as_int64());
  }
  HttpResult Advance(HttpClient& fgw, const std::string& url, const char* status) {
    int64_t version = fgw.Get(url).json.at("version").as_int64();
    return fgw.Request("PATCH", url, Json({{"version", version}, {"status", status}}));
  }
  // The agenda of a meeting held on 2026-03-16 (the test clock's day).
  std::string HeldTodaysAgenda() {
    server().clock().Set(At("2026-03-16"));
    auto fgw = As("fgw");
    std::string url = CreateMeeting(*fgw, "2026-03-16");
    EXPECT_EQ(Advance(*fgw, url, "held").status, 200);
    return fgw->Get(url + "/agenda").body;
  }
  // On 03-10 (late, still open) company A submits the school's February report; 教育局 approves
  // or returns it.
  void SubmitSchoolFebruaryOn10March(bool approve) {
    server().clock().Set(At("2026-03-10"));
    std::string report = "/api/v1/projects/" + Id(fx().project_school) + "/reports/202602";
    HttpResult submitted =
        As("company_a")->Post(report + "/submit", R"({"version":0,"completed_investment":"200"})");
    ASSERT_EQ(submitted.status, 200) << submitted.body;
    HttpResult reviewed =
        approve ? As("edu")->Post(report + "/approve", R"({"version":1})")
                : As("edu")->Post(report + "/return", R"({"version":1,"comment":"照片缺失"})");
    ASSERT_EQ(reviewed.status, 200) << reviewed.body;
  }
  static void ExpectConflict(const HttpResult& r, const char* zh) {
    EXPECT_EQ(r.status, 409) << r.body;
    EXPECT_NE(r.json.at("error").at("message_zh").as_string().find(zh), std::string::npos)
        << r.body;
    EXPECT_FALSE(r.json.at("error").at("message_en").as_string().empty());
  }
};
KL_INSTANTIATE_BACKENDS(MeetingsFrozenApi);

TEST_P(MeetingsFrozenApi, AHeldMeetingsAgendaAndIssuedMinutesAreFrozen) {
  auto fgw = As("fgw");
  // A problem raised today is overdue a month later: a new agenda would list it.
  HttpResult problem =
      fgw->Post("/api/v1/problems", Json({{"project_id", fx().project_school},
                                          {"title", "学校用地红线内有三户未拆迁"},
                                          {"category", "demolition"},
                                          {"unit_ids", boost::json::array{fx().dept_edu}}}));
  ASSERT_EQ(problem.status, 201) << problem.body;
  std::string url = CreateMeeting(*fgw, "2026-03-16");
  HttpResult planned = fgw->Get(url + "/agenda");
  ASSERT_EQ(planned.status, 200) << planned.body;
  EXPECT_FALSE(planned.json.at("recorded").as_bool());
  EXPECT_TRUE(planned.json.at("snapshot").is_null());
  ASSERT_EQ(Advance(*fgw, url, "held").status, 200);
  HttpResult frozen = fgw->Get(url + "/agenda");
  ASSERT_EQ(frozen.status, 200);
  EXPECT_TRUE(frozen.json.at("recorded").as_bool());
  ASSERT_TRUE(frozen.json.at("snapshot").is_object()) << frozen.body;
  EXPECT_EQ(frozen.json.at("snapshot").at("kind"), "meeting_agenda");
  EXPECT_EQ(frozen.json.at("snapshot").at("version").as_int64(), 1);

  // A month later the problem is overdue: a new meeting's agenda lists it, the held one not.
  server().clock().Set(At("2026-04-20"));
  fgw = As("fgw");
  std::string later = CreateMeeting(*fgw, "2026-04-20");
  HttpResult proposed = fgw->Get(later + "/agenda");
  ASSERT_EQ(proposed.status, 200);
  EXPECT_NE(proposed.body.find("学校用地红线内有三户未拆迁"), std::string::npos) << proposed.body;
  HttpResult again = fgw->Get(url + "/agenda");
  EXPECT_EQ(again.json.at("items"), frozen.json.at("items"));
  EXPECT_EQ(again.body.find("学校用地红线内有三户未拆迁"), std::string::npos);

  // Writes to the agenda: 409 once held; 400 while planned; 403 / 404 outside the office.
  ExpectConflict(fgw->Request("PUT", url + "/agenda", "{}"), "议程已固化");
  int64_t version = fgw->Get(url).json.at("version").as_int64();
  ExpectConflict(
      fgw->Request("PATCH", url, Json({{"version", version}, {"agenda", boost::json::array{}}})),
      "议程已固化");
  EXPECT_EQ(fgw->Request("PUT", later + "/agenda", "{}").status, 400);
  EXPECT_EQ(As("leader")->Request("PUT", url + "/agenda", "{}").status, 403);
  EXPECT_EQ(As("company_a")->Request("PUT", url + "/agenda", "{}").status, 404);

  // Issuing the minutes freezes them.
  ASSERT_EQ(Advance(*fgw, url, "minutes_issued").status, 200);
  HttpResult minutes = fgw->Get(url + "/minutes.txt");
  ASSERT_EQ(minutes.status, 200);
  EXPECT_EQ(minutes.body.find("草稿"), std::string::npos);
  ExpectConflict(fgw->Request("PUT", url + "/minutes", "{}"), "纪要已印发");
  ExpectConflict(fgw->Request("PUT", url + "/agenda", "{}"), "纪要已印发");
  HttpResult log = As("admin")->Get("/api/v1/audit?entity=snapshot");
  EXPECT_EQ(log.json.at("total").as_int64(), 2);
  EXPECT_TRUE(As("admin")->Get("/api/v1/audit/verify").json.at("ok").as_bool());

  // The stored minutes changed in the database: refused, naming the tampering.
  auto changed = TamperSql(server().app(),
                           "UPDATE dispatch_meetings SET minutes = 'forged' WHERE status = "
                           "'minutes_issued'");
  ASSERT_TRUE(changed.ok()) << changed.status().ToString();
  HttpResult forged = fgw->Get(url + "/minutes.txt");
  EXPECT_EQ(forged.status, 500) << forged.body;
  EXPECT_NE(forged.json.at("error").at("message_zh").as_string().find("篡改"), std::string::npos);
  // And the agenda's snapshot changed: refused too, and found by verify.
  ASSERT_TRUE(TamperSql(server().app(),
                        "UPDATE snapshots SET payload = REPLACE(payload, '\"items\":[', "
                        "'\"items\":[{\"kind\":\"red_project\"},') WHERE kind = 'meeting_agenda'")
                  .ok());
  EXPECT_EQ(fgw->Get(url + "/agenda").status, 500);
  EXPECT_FALSE(As("admin")->Get("/api/v1/audit/verify").json.at("ok").as_bool());
}

// Correct reporting wording, end to end through the lights into a held
// meeting's agenda: the school's February report was due on 03-06. Missing on 03-16 it is
// "仍未报送"; returned and not resubmitted it says so; approved it is not on the agenda at all.
TEST_P(MeetingsFrozenApi, AMissingReportIsStillMissingOnTheAgenda) {
  std::string agenda = HeldTodaysAgenda();
  EXPECT_NE(agenda.find("2026年2月月报应于 2026-03-06 前报送，截至 2026-03-16 仍未报送"),
            std::string::npos)
      << agenda;
}

TEST_P(MeetingsFrozenApi, AReturnedReportIsReturnedNotMissing) {
  SubmitSchoolFebruaryOn10March(false);
  std::string agenda = HeldTodaysAgenda();
  EXPECT_NE(agenda.find("2026年2月月报已退回，截至 2026-03-16 尚未重新报送"), std::string::npos)
      << agenda;
  EXPECT_EQ(agenda.find("未报送"), std::string::npos) << agenda;
}

TEST_P(MeetingsFrozenApi, AnApprovedReportIsNoCause) {
  SubmitSchoolFebruaryOn10March(true);
  std::string agenda = HeldTodaysAgenda();
  EXPECT_EQ(agenda.find("月报"), std::string::npos) << agenda;
}

}  // namespace
}  // namespace keyline::testing
