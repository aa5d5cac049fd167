// Dispatch meetings (调度会) over HTTP: the agenda proposed from an overdue problem and an
// overdue procedure, decisions that raise a problem (13710 from the meeting date) and add a
// battle-chart task, the minutes as text, and the role, scope and input rules.
#include "tests/api_test.h"

namespace keyline::testing {
namespace {

// 2026-09-30 10:00 Beijing: the Wednesday before the 国庆 week.
constexpr int64_t kSep30 = 1790733600000;
constexpr int64_t kDay = 86400000;

class MeetingsApi : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    if (server_) server().clock().Set(kSep30);
  }
  boost::json::value Create(HttpClient& client, const std::string& held_on,
                            boost::json::object extra = {}) {
    boost::json::object body = {{"title", "十月重点项目调度会"},
                                {"held_on", held_on},
                                {"location", "区政府三楼会议室"},
                                {"chair_person_id", fx().leader_person}};
    for (const auto& kv : extra) body[kv.key()] = kv.value();
    HttpResult r = client.Post("/api/v1/meetings", Json(body));
    EXPECT_EQ(r.status, 201) << r.body;
    return r.json;
  }
  std::string Url(const boost::json::value& m) {
    return "/api/v1/meetings/" + Id(m.at("id").as_int64());
  }
  // PATCH with the meeting's current version.
  HttpResult Patch(HttpClient& client, const std::string& url, boost::json::object fields) {
    HttpResult now = client.Get(url);
    fields["version"] = now.json.at("version");
    return client.Request("PATCH", url, Json(fields));
  }
  const boost::json::value* FindItem(const boost::json::value& agenda, const char* kind,
                                     int64_t project_id) {
    for (const auto& item : agenda.at("items").as_array()) {
      if (item.at("kind") == kind && item.at("project_id").as_int64() == project_id) return &item;
    }
    return nullptr;
  }
};
KL_INSTANTIATE_BACKENDS(MeetingsApi);

TEST_P(MeetingsApi, AgendaDecisionsAndMinutes) {
  auto fgw = As("fgw");
  // An ordinary problem raised on 09-30 is due 10-15 (国庆 in between).
  HttpResult problem = fgw->Post(
      "/api/v1/problems", Json({{"project_id", fx().project_school},
                                {"title", "学校用地红线内有三户未拆迁"},
                                {"category", "demolition"},
                                {"unit_ids", boost::json::array{fx().dept_edu, fx().dept_build}},
                                {"leader_person_id", fx().leader_person}}));
  ASSERT_EQ(problem.status, 201) << problem.body;
  // The road's procedures planned from 09-01: its early items are overdue by 10-20.
  HttpResult applied = fgw->Post("/api/v1/projects/" + Id(fx().project_road) + "/procedures/apply",
                                 Json({{"start", "2026-09-01"}}));
  ASSERT_EQ(applied.status, 201) << applied.body;

  boost::json::value m =
      Create(*fgw, "2026-10-20",
             {{"attendee_person_ids", boost::json::array{fx().officer_person}},
              {"attendee_unit_ids", boost::json::array{fx().dept_edu, fx().dept_build}}});
  std::string url = Url(m);
  EXPECT_EQ(m.at("status"), "planned");
  EXPECT_TRUE(m.at("agenda").is_null());

  server().clock().Set(kSep30 + 20 * kDay);  // 2026-10-20 (sessions expire: log in again)
  fgw = As("fgw");
  HttpResult agenda = fgw->Get(url + "/agenda");
  ASSERT_EQ(agenda.status, 200) << agenda.body;
  EXPECT_EQ(agenda.json.at("recorded"), false);
  const boost::json::value* p = FindItem(agenda.json, "overdue_problem", fx().project_school);
  ASSERT_NE(p, nullptr) << agenda.body;
  EXPECT_EQ(p->at("source"), "problem");
  EXPECT_EQ(p->at("source_id"), problem.json.at("id"));
  EXPECT_EQ(p->at("units"), "雁塔区教育局、雁塔区住房和城乡建设局");
  EXPECT_EQ(p->at("leader"), "王副区长");
  EXPECT_EQ(p->at("due"), "2026-10-15");
  EXPECT_EQ(p->at("days_overdue").as_int64(), 5);
  const boost::json::value* proc = FindItem(agenda.json, "overdue_procedure", fx().project_road);
  ASSERT_NE(proc, nullptr) << agenda.body;
  EXPECT_EQ(proc->at("source"), "procedure");
  EXPECT_FALSE(proc->at("authority").as_string().empty());
  EXPECT_GT(proc->at("days_overdue").as_int64(), 0);

  // Decisions wait for the meeting to be held.
  boost::json::object problem_decision = {{"kind", "problem"},
                                          {"text", "电子六路资金缺口，区财政局限期拨付"},
                                          {"project_id", fx().project_road},
                                          {"owner_unit_id", fx().dept_build},
                                          {"owner_person_id", fx().leader_person},
                                          {"category", "funds"}};
  EXPECT_EQ(fgw->Post(url + "/decisions", Json(problem_decision)).status, 409);
  HttpResult held = Patch(*fgw, url, {{"status", "held"}});
  ASSERT_EQ(held.status, 200) << held.body;
  EXPECT_EQ(held.json.at("status"), "held");
  ASSERT_TRUE(held.json.at("agenda").is_array());
  EXPECT_EQ(held.json.at("agenda").as_array().size(), agenda.json.at("items").as_array().size());
  EXPECT_EQ(fgw->Get(url + "/agenda").json.at("recorded"), true);

  // A problem decision: raised on the meeting day with 13710 deadlines from it.
  HttpResult d1 = fgw->Post(url + "/decisions", Json(problem_decision));
  ASSERT_EQ(d1.status, 201) << d1.body;
  EXPECT_EQ(d1.json.at("due"), "2026-10-29");
  HttpResult raised = fgw->Get("/api/v1/problems/" + Id(d1.json.at("problem_id").as_int64()));
  ASSERT_EQ(raised.status, 200) << raised.body;
  EXPECT_EQ(raised.json.at("raised_on"), "2026-10-20");
  EXPECT_EQ(raised.json.at("deploy_due"), "2026-10-21");
  EXPECT_EQ(raised.json.at("feedback_due"), "2026-10-23");
  EXPECT_EQ(raised.json.at("settle_due"), "2026-10-29");
  EXPECT_EQ(raised.json.at("source"), "meeting");
  EXPECT_EQ(raised.json.at("source_ref").as_string(), Id(m.at("id").as_int64()));
  EXPECT_EQ(raised.json.at("category"), "funds");

  // A task decision: a battle-chart task supervised by the chair.
  HttpResult d2 = fgw->Post(url + "/decisions", Json({{"kind", "task"},
                                                      {"text", "11月底前取得施工许可"},
                                                      {"project_id", fx().project_school},
                                                      {"owner_person_id", fx().officer_person},
                                                      {"due", "2026-11-30"}}));
  ASSERT_EQ(d2.status, 201) << d2.body;
  int64_t task_id = d2.json.at("milestone_id").as_int64();
  HttpResult chart = fgw->Get("/api/v1/projects/" + Id(fx().project_school) + "/battle-chart");
  ASSERT_EQ(chart.status, 200) << chart.body;
  EXPECT_NE(chart.body.find("11月底前取得施工许可"), std::string::npos) << chart.body;
  EXPECT_NE(chart.body.find("\"id\":" + Id(task_id)), std::string::npos);
  HttpResult d3 =
      fgw->Post(url + "/decisions", Json({{"kind", "note"}, {"text", "各责任单位每周五报送进展"}}));
  ASSERT_EQ(d3.status, 201) << d3.body;
  EXPECT_EQ(fgw->Get(url).json.at("decisions").as_array().size(), 3u);

  // The minutes: a draft until issued, then frozen.
  HttpResult draft = fgw->Get(url + "/minutes.txt");
  ASSERT_EQ(draft.status, 200) << draft.body;
  EXPECT_EQ(draft.Header("content-type"), "text/plain; charset=utf-8");
  EXPECT_NE(draft.Header("content-disposition").find("attachment"), std::string::npos);
  EXPECT_EQ(draft.body.rfind("（草稿）\n会议名称：十月重点项目调度会\n", 0), 0u) << draft.body;
  HttpResult issued = Patch(*fgw, url, {{"status", "minutes_issued"}});
  ASSERT_EQ(issued.status, 200) << issued.body;
  HttpResult minutes = As("leader")->Get(url + "/minutes.txt");
  ASSERT_EQ(minutes.status, 200);
  const std::string& text = minutes.body;
  for (const char* part :
       {"会议名称：十月重点项目调度会\n", "时间：2026年10月20日\n", "地点：区政府三楼会议室\n",
        "主持：王副区长\n", "参会：李服务；雁塔区教育局、雁塔区住房和城乡建设局\n", "议题：\n",
        "【逾期问题】", "学校用地红线内有三户未拆迁", "已逾期5天", "【逾期手续】", "议定事项：\n",
        "电子六路资金缺口，区财政局限期拨付（责任单位：雁塔区住房和城乡建设局；责任人：王副区长；"
        "完成时限：2026年10月29日）",
        "11月底前取得施工许可（责任人：李服务；完成时限：2026年11月30日）",
        "【事项】各责任单位每周五报送进展"}) {
    EXPECT_NE(text.find(part), std::string::npos) << part << "\n" << text;
  }
  EXPECT_EQ(text.find("草稿"), std::string::npos);
  EXPECT_EQ(Patch(*fgw, url, {{"notes", "补记"}}).status, 409) << "frozen";
  EXPECT_EQ(fgw->Post(url + "/decisions", Json({{"kind", "note"}, {"text", "x"}})).status, 409);

  // Every write is in the audit log.
  auto admin = As("admin");
  EXPECT_EQ(admin->Get("/api/v1/audit?entity=meeting").json.at("total").as_int64(), 3);
  EXPECT_EQ(admin->Get("/api/v1/audit?entity=meeting_decision").json.at("total").as_int64(), 3);
  EXPECT_EQ(admin->Get("/api/v1/audit/verify").json.at("ok"), true);
}

// Need to know: a department reads the held agenda's and the minutes' items of its
// own projects in full and the other units' as a count (其他单位项目 N 个); the office and the
// leader read everything; the stored agenda and its snapshot do not change.
TEST_P(MeetingsApi, DepartmentsReadTheirOwnProjectsAndACountOfOthers) {
  auto fgw = As("fgw");
  ASSERT_EQ(fgw->Post("/api/v1/problems", Json({{"project_id", fx().project_school},
                                                {"title", "学校用地红线内有三户未拆迁"},
                                                {"category", "demolition"},
                                                {"unit_ids", boost::json::array{fx().dept_edu}},
                                                {"leader_person_id", fx().leader_person}}))
                .status,
            201);
  ASSERT_EQ(fgw->Post("/api/v1/projects/" + Id(fx().project_road) + "/procedures/apply",
                      Json({{"start", "2026-09-01"}}))
                .status,
            201);
  boost::json::value m =
      Create(*fgw, "2026-10-20",
             {{"attendee_unit_ids", boost::json::array{fx().dept_edu, fx().dept_build}}});
  std::string url = Url(m);
  server().clock().Set(kSep30 + 20 * kDay);
  fgw = As("fgw");
  ASSERT_EQ(Patch(*fgw, url, {{"status", "held"}}).status, 200);
  ASSERT_EQ(fgw->Post(url + "/decisions", Json({{"kind", "note"},
                                                {"text", "电子六路加快手续办理"},
                                                {"project_id", fx().project_road}}))
                .status,
            201);
  ASSERT_EQ(fgw->Post(url + "/decisions", Json({{"kind", "note"},
                                                {"text", "第四中学尽快完成拆迁"},
                                                {"project_id", fx().project_school}}))
                .status,
            201);
  auto leader = As("leader");
  auto edu_client = As("edu");
  auto build_client = As("build");
  HttpResult full = fgw->Get(url + "/agenda");
  ASSERT_EQ(full.status, 200) << full.body;
  size_t all_items = full.json.at("items").as_array().size();
  size_t school_items = 0, shared_items = 0;  // shared: a cause of several projects (id 0)
  for (const auto& item : full.json.at("items").as_array()) {
    school_items += item.at("project_id").as_int64() == fx().project_school;
    shared_items += item.at("project_id").as_int64() == 0;
  }
  ASSERT_GT(school_items, 0u);
  ASSERT_GT(all_items, school_items);
  EXPECT_TRUE(full.json.at("others").is_null());
  EXPECT_TRUE(leader->Get(url + "/agenda").json.at("others").is_null());
  EXPECT_EQ(leader->Get(url + "/agenda").json.at("items").as_array().size(), all_items);

  HttpResult edu = edu_client->Get(url + "/agenda");
  ASSERT_EQ(edu.status, 200) << edu.body;
  EXPECT_EQ(edu.json.at("items").as_array().size(), school_items);
  for (const auto& item : edu.json.at("items").as_array()) {
    EXPECT_EQ(item.at("project_id").as_int64(), fx().project_school);
  }
  EXPECT_EQ(edu.body.find("电子六路"), std::string::npos) << edu.body;
  EXPECT_EQ(edu.json.at("others").at("projects").as_int64(), 1);
  EXPECT_EQ(edu.json.at("others").at("items").as_int64(),
            static_cast<int64_t>(all_items - school_items));
  EXPECT_EQ(edu.json.at("others").at("label_zh").as_string(), "其他单位项目 1 个");
  HttpResult build = build_client->Get(url + "/agenda");
  ASSERT_EQ(build.status, 200) << build.body;
  EXPECT_EQ(build.json.at("items").as_array().size(), all_items - school_items - shared_items);
  EXPECT_EQ(build.body.find("第四中学"), std::string::npos) << build.body;
  EXPECT_EQ(build.json.at("others").at("projects").as_int64(), 1);

  // The minutes, issued (frozen): the same rule on the text, read per caller.
  ASSERT_EQ(Patch(*fgw, url, {{"status", "minutes_issued"}}).status, 200);
  std::string office_text = fgw->Get(url + "/minutes.txt").body;
  EXPECT_NE(office_text.find("电子六路"), std::string::npos) << office_text;
  EXPECT_EQ(office_text.find("其他单位项目"), std::string::npos);
  HttpResult edu_minutes = edu_client->Get(url + "/minutes.txt");
  ASSERT_EQ(edu_minutes.status, 200);
  EXPECT_EQ(edu_minutes.body.find("电子六路"), std::string::npos) << edu_minutes.body;
  EXPECT_NE(edu_minutes.body.find("第四中学尽快完成拆迁"), std::string::npos) << edu_minutes.body;
  EXPECT_NE(edu_minutes.body.find("其他单位项目 1 个（略）"), std::string::npos)
      << edu_minutes.body;
  HttpResult build_minutes = build_client->Get(url + "/minutes.txt");
  EXPECT_EQ(build_minutes.body.find("第四中学"), std::string::npos) << build_minutes.body;
  EXPECT_NE(build_minutes.body.find("电子六路加快手续办理"), std::string::npos);
  // The stored agenda, minutes and snapshots are unchanged.
  EXPECT_EQ(fgw->Get(url + "/minutes.txt").body, office_text);
  EXPECT_EQ(fgw->Get(url).json.at("agenda").as_array().size(), all_items);
  EXPECT_EQ(fgw->Get(url).json.at("decisions").as_array().size(), 2u);
  // The meeting itself (GET /meetings/{id} and the list) follows the same rule: the other
  // units' agenda items and decisions are not in the answer at all.
  for (const std::string& path : {url, std::string("/api/v1/meetings")}) {
    HttpResult edu_meeting = edu_client->Get(path);
    ASSERT_EQ(edu_meeting.status, 200) << edu_meeting.body;
    EXPECT_EQ(edu_meeting.body.find("电子六路"), std::string::npos) << path << edu_meeting.body;
    if (path == url) {  // the list carries agendas, not decisions
      EXPECT_NE(edu_meeting.body.find("第四中学尽快完成拆迁"), std::string::npos) << path;
    }
    HttpResult build_meeting = build_client->Get(path);
    ASSERT_EQ(build_meeting.status, 200) << build_meeting.body;
    EXPECT_EQ(build_meeting.body.find("第四中学"), std::string::npos) << path << build_meeting.body;
  }
  HttpResult edu_meeting = edu_client->Get(url);
  EXPECT_EQ(edu_meeting.json.at("agenda").as_array().size(), school_items);
  EXPECT_EQ(edu_meeting.json.at("decisions").as_array().size(), 1u);
  EXPECT_EQ(leader->Get(url).json.at("agenda").as_array().size(), all_items);
  EXPECT_EQ(As("admin")->Get("/api/v1/audit/verify").json.at("ok"), true);
}

TEST_P(MeetingsApi, RolesAndScope) {
  auto fgw = As("fgw");
  boost::json::value a =
      Create(*fgw, "2026-09-29", {{"attendee_unit_ids", boost::json::array{fx().dept_edu}}});
  boost::json::value b = Create(*fgw, "2026-09-28",
                                {{"attendee_person_ids", boost::json::array{fx().officer_person}}});
  std::string url_a = Url(a), url_b = Url(b);
  auto total = [](HttpClient& c) { return c.Get("/api/v1/meetings").json.at("total").as_int64(); };

  // Leaders read everything and write nothing.
  auto leader = As("leader");
  EXPECT_EQ(total(*leader), 2);
  EXPECT_EQ(leader->Get(url_a + "/agenda").status, 200);
  EXPECT_EQ(
      leader->Post("/api/v1/meetings", Json({{"title", "t"}, {"held_on", "2026-10-01"}})).status,
      403);
  EXPECT_EQ(Patch(*leader, url_a, {{"notes", "x"}}).status, 403);
  // A department reads the meetings it attends; others are 404.
  auto edu = As("edu");
  auto build = As("build");
  EXPECT_EQ(total(*edu), 1);
  EXPECT_EQ(edu->Get(url_a).status, 200);
  EXPECT_EQ(edu->Get(url_a + "/minutes.txt").status, 200);
  EXPECT_EQ(edu->Get(url_b).status, 404);
  EXPECT_EQ(total(*build), 0);
  EXPECT_EQ(build->Get(url_a).status, 404);
  EXPECT_EQ(build->Get(url_a + "/agenda").status, 404);
  EXPECT_EQ(build->Get(url_a + "/minutes.txt").status, 404);
  EXPECT_EQ(edu->Post(url_a + "/decisions", Json({{"kind", "note"}, {"text", "x"}})).status, 403);
  // The service officer reads the meeting it attends as a person.
  auto officer = As("officer");
  EXPECT_EQ(total(*officer), 1);
  EXPECT_EQ(officer->Get(url_b).status, 200);
  EXPECT_EQ(officer->Get(url_a).status, 404);
  // Companies read no meetings.
  auto company = As("company_b");
  EXPECT_EQ(total(*company), 0);
  EXPECT_EQ(company->Get(url_a).status, 404);

  // A decision about 住建局's project brings the meeting into its scope.
  ASSERT_EQ(Patch(*fgw, url_a, {{"status", "held"}}).status, 200);
  HttpResult d = fgw->Post(url_a + "/decisions", Json({{"kind", "problem"},
                                                       {"text", "道路征迁滞后"},
                                                       {"project_id", fx().project_road},
                                                       {"owner_unit_id", fx().dept_build},
                                                       {"category", "demolition"}}));
  ASSERT_EQ(d.status, 201) << d.body;
  EXPECT_EQ(build->Get(url_a).status, 200);
  EXPECT_EQ(total(*build), 1);
  EXPECT_EQ(company->Get(url_a).status, 404) << "even about its own project";
}

TEST_P(MeetingsApi, BadInputIsRejected) {
  auto fgw = As("fgw");
  auto post = [&](boost::json::object body) { return fgw->Post("/api/v1/meetings", Json(body)); };
  HttpResult bad_date = post({{"title", "调度会"}, {"held_on", "2026-13-01"}});
  EXPECT_EQ(bad_date.status, 400);
  EXPECT_EQ(bad_date.ErrorCode(), "invalid_argument") << bad_date.body;
  EXPECT_FALSE(bad_date.json.at("error").at("message").as_string().empty());
  EXPECT_EQ(post({{"held_on", "2026-10-01"}}).status, 400) << "title required";
  EXPECT_EQ(post({{"title", "调度会"}, {"held_on", "2026-10-01"}, {"status", "held"}}).status, 400)
      << "status is not set on creation";
  EXPECT_EQ(
      post({{"title", "调度会"}, {"held_on", "2026-10-01"}, {"chair_person_id", 999999}}).status,
      400);
  EXPECT_EQ(
      post({{"title", "调度会"}, {"held_on", "2026-10-01"}, {"attendee_unit_ids", "x"}}).status,
      400);
  EXPECT_EQ(post({{"title", "调度会"},
                  {"held_on", "2026-10-01"},
                  {"attendee_unit_ids", boost::json::array{fx().dept_edu, fx().dept_edu}}})
                .status,
            400);
  EXPECT_EQ(fgw->Post("/api/v1/meetings", "{not json").status, 400);
  EXPECT_EQ(fgw->Get("/api/v1/meetings?status=done").status, 400);
  EXPECT_EQ(fgw->Get("/api/v1/meetings?from=yesterday").status, 400);
  EXPECT_EQ(fgw->Get("/api/v1/meetings/abc").status, 404);
  EXPECT_EQ(fgw->Get("/api/v1/meetings/999999").status, 404);

  boost::json::value future = Create(*fgw, "2026-10-09");
  std::string url = Url(future);
  EXPECT_EQ(Patch(*fgw, url, {{"status", "minutes_issued"}}).status, 409) << "skips held";
  EXPECT_EQ(Patch(*fgw, url, {{"status", "held"}}).status, 409) << "dated after today";
  EXPECT_EQ(Patch(*fgw, url, {{"status", "over"}}).status, 400);
  EXPECT_EQ(fgw->Request("PATCH", url, Json({{"notes", "no version"}})).status, 400);
  ASSERT_EQ(Patch(*fgw, url, {{"held_on", "2026-09-30"}}).status, 200);
  ASSERT_EQ(Patch(*fgw, url, {{"status", "held"}}).status, 200);
  EXPECT_EQ(Patch(*fgw, url, {{"held_on", "2026-09-29"}}).status, 409) << "held: date fixed";
  EXPECT_EQ(Patch(*fgw, url, {{"status", "planned"}}).status, 409) << "no going back";

  std::string decisions = url + "/decisions";
  auto decide = [&](boost::json::object body) { return fgw->Post(decisions, Json(body)); };
  EXPECT_EQ(decide({{"kind", "vote"}, {"text", "x"}}).status, 400);
  EXPECT_EQ(decide({{"kind", "note"}, {"text", ""}}).status, 400);
  EXPECT_EQ(decide({{"kind", "note"}, {"text", "x"}, {"extra", 1}}).status, 400);
  EXPECT_EQ(decide({{"kind", "task"}, {"text", "x"}, {"project_id", fx().project_school}}).status,
            400)
      << "task needs due";
  EXPECT_EQ(decide({{"kind", "task"}, {"text", "x"}, {"due", "2026-11-30"}}).status, 400)
      << "task needs a project";
  EXPECT_EQ(
      decide({{"kind", "problem"}, {"text", "x"}, {"project_id", fx().project_school}}).status, 400)
      << "problem needs an owner unit";
  EXPECT_EQ(decide({{"kind", "problem"},
                    {"text", "x"},
                    {"project_id", fx().project_school},
                    {"owner_unit_id", fx().dept_edu},
                    {"due", "2026-11-30"}})
                .status,
            400)
      << "problem deadlines follow 13710";
  EXPECT_EQ(decide({{"kind", "problem"},
                    {"text", "x"},
                    {"project_id", fx().project_school},
                    {"owner_unit_id", fx().company_a}})
                .status,
            400)
      << "a company is not a responsible unit";
  EXPECT_EQ(decide({{"kind", "task"}, {"text", "x"}, {"project_id", 999999}, {"due", "2026-11-30"}})
                .status,
            404);
  EXPECT_EQ(fgw->Get(url).json.at("decisions").as_array().size(), 0u) << "nothing half-written";
}

}  // namespace
}  // namespace keyline::testing
