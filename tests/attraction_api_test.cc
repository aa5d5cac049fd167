// Investment attraction over HTTP: leads through their stages with history, contracts
// ("one contract, one count"), signing events, conversion into a project, the rates of signed
// contracts, role scoping and hostile input.
#include <atomic>
#include <thread>

#include "tests/api_test.h"

namespace keyline::testing {
namespace {

class AttractionApi : public ApiTest {
 protected:
  // Creates a lead as `who`; returns its JSON.
  boost::json::object NewLead(HttpClient& who, const std::string& company,
                              std::optional<int64_t> unit = std::nullopt) {
    boost::json::object body{{"company", company},
                             {"credit_code", "91350200776049653A"},
                             {"industry_code", "C3985"},
                             {"intended_investment", "50000"},
                             {"source", "以商招商"},
                             {"responsible_person", "张组长"},
                             {"next_step", "赴深圳总部洽谈"},
                             {"next_step_date", "2026-04-01"}};
    if (unit) body["responsible_unit_id"] = *unit;
    HttpResult r = who.Post("/api/v1/leads", Json(body));
    EXPECT_EQ(r.status, 201) << r.body;
    return r.json.is_object() ? r.json.as_object() : boost::json::object{};
  }
  static std::string LeadUrl(int64_t id) { return "/api/v1/leads/" + Id(id); }
  static int64_t IdOf(const boost::json::object& o) { return o.at("id").as_int64(); }
  int64_t VersionOf(HttpClient& c, int64_t lead) {
    return c.Get(LeadUrl(lead)).json.at("lead").at("version").as_int64();
  }
  HttpResult Sign(HttpClient& c, int64_t lead, const std::string& no, const char* amount,
                  std::optional<int64_t> event = std::nullopt, const char* funds = "0") {
    boost::json::object body{{"contract_no", no},
                             {"signed_on", "2026-03-10"},
                             {"amount", amount},
                             {"funds_in_place", funds}};
    if (event) body["event_id"] = *event;
    return c.Post(LeadUrl(lead) + "/contract", Json(body));
  }
  int64_t AuditCount(const std::string& entity) {
    HttpResult r = As("admin")->Get("/api/v1/audit?entity=" + entity + "&limit=500");
    EXPECT_EQ(r.status, 200) << r.body;
    return r.json.at("total").as_int64();
  }
};
KL_INSTANTIATE_BACKENDS(AttractionApi);

TEST_P(AttractionApi, LeadMovesThroughStagesWithHistoryAndConvertsIntoAProject) {
  auto fgw = As("fgw");
  auto lead = NewLead(*fgw, "深圳某新能源科技有限公司", fx().dept_build);
  int64_t id = IdOf(lead);
  EXPECT_EQ(lead.at("stage"), "lead");
  EXPECT_EQ(lead.at("warnings").as_array().size(), 0u);

  // 签约 needs a contract; backward moves need a reason.
  HttpResult early = fgw->Post(LeadUrl(id) + "/stage", R"({"to":"signed","version":1})");
  EXPECT_EQ(early.status, 409) << early.body;
  ASSERT_EQ(fgw->Post(LeadUrl(id) + "/stage", R"({"to":"negotiating","version":1})").status, 200);
  EXPECT_EQ(fgw->Post(LeadUrl(id) + "/stage", R"({"to":"lead","version":2})").status, 400);
  // A stale version is a conflict.
  EXPECT_EQ(fgw->Post(LeadUrl(id) + "/stage", R"({"to":"lead","version":1,"reason":"x"})").status,
            409);

  // Signing the contract moves the lead to 签约.
  HttpResult signed_ = Sign(*fgw, id, "YT-2026-001", "120000", std::nullopt, "30000");
  ASSERT_EQ(signed_.status, 201) << signed_.body;
  HttpResult detail = fgw->Get(LeadUrl(id));
  ASSERT_EQ(detail.status, 200);
  EXPECT_EQ(detail.json.at("lead").at("stage"), "signed");
  EXPECT_EQ(detail.json.at("contract").at("amount"), "120000");
  const auto& history = detail.json.at("history").as_array();
  ASSERT_EQ(history.size(), 3u);
  EXPECT_EQ(history[2].at("from"), "negotiating");
  EXPECT_EQ(history[2].at("to"), "signed");
  // A signed lead cannot go back before 签约.
  int64_t v = VersionOf(*fgw, id);
  EXPECT_EQ(fgw->Post(LeadUrl(id) + "/stage",
                      Json({{"to", "negotiating"}, {"reason", "x"}, {"version", v}}))
                .status,
            409);

  // Conversion: only into 谋划 or 储备; the project keeps the lead's unit and industry.
  EXPECT_EQ(
      fgw->Post(LeadUrl(id) + "/convert", Json({{"stage", "construction"}, {"version", v}})).status,
      400);
  HttpResult converted =
      fgw->Post(LeadUrl(id) + "/convert",
                Json({{"stage", "reserve"}, {"name", "新能源电池产业园"}, {"version", v}}));
  ASSERT_EQ(converted.status, 201) << converted.body;
  int64_t project = converted.json.at("project").at("id").as_int64();
  EXPECT_EQ(converted.json.at("project").at("stage"), "reserve");
  EXPECT_EQ(converted.json.at("project").at("responsible_unit_id").as_int64(), fx().dept_build);
  EXPECT_EQ(converted.json.at("project").at("total_investment"), "120000");
  EXPECT_EQ(converted.json.at("lead").at("project_id").as_int64(), project);
  // Both ways: project → lead; the lead's history stays.
  HttpResult back = fgw->Get("/api/v1/projects/" + Id(project) + "/lead");
  ASSERT_EQ(back.status, 200) << back.body;
  EXPECT_EQ(back.json.at("lead").at("id").as_int64(), id);
  EXPECT_EQ(fgw->Get(LeadUrl(id)).json.at("history").as_array().size(), 3u);
  // Converting twice is a conflict, and creates no second project.
  int64_t v2 = VersionOf(*fgw, id);
  EXPECT_EQ(
      fgw->Post(LeadUrl(id) + "/convert", Json({{"stage", "reserve"}, {"version", v2}})).status,
      409);
  EXPECT_EQ(fgw->Get("/api/v1/projects").json.at("total").as_int64(), 4);
  // Audited: create, 2 stages (negotiating, signed), convert; the project too.
  EXPECT_EQ(AuditCount("lead"), 4);
  EXPECT_EQ(AuditCount("lead_contract"), 1);
  // The leader reads the lead; the company sees no lead for the project.
  EXPECT_EQ(As("leader")->Get(LeadUrl(id)).status, 200);
}

TEST_P(AttractionApi, OneContractOneCount) {
  auto fgw = As("fgw");
  HttpResult event = fgw->Post("/api/v1/signing-events",
                               R"({"name":"2026 深圳招商推介会","held_on":"2026-03-10",
                                   "place":"深圳","outbound":true})");
  ASSERT_EQ(event.status, 201) << event.body;
  int64_t e1 = event.json.at("id").as_int64();
  HttpResult event2 =
      fgw->Post("/api/v1/signing-events", R"({"name":"雁塔区集中签约","held_on":"2026-03-20"})");
  int64_t e2 = event2.json.at("id").as_int64();

  int64_t a = IdOf(NewLead(*fgw, "甲公司", fx().dept_build));
  int64_t b = IdOf(NewLead(*fgw, "乙公司", fx().dept_build));
  ASSERT_EQ(Sign(*fgw, a, "HT-001", "10000", e1).status, 201);
  // The same lead signed again (at another event) is refused ...
  HttpResult twice = Sign(*fgw, a, "HT-002", "10000", e2);
  EXPECT_EQ(twice.status, 409) << twice.body;
  EXPECT_NE(twice.body.find("一个合同只计一次"), std::string::npos);
  // ... and so is the same contract number for another lead.
  HttpResult same_no = Sign(*fgw, b, "HT-001", "10000", e2);
  EXPECT_EQ(same_no.status, 409) << same_no.body;
  EXPECT_EQ(fgw->Get(LeadUrl(b)).json.at("lead").at("stage"), "lead") << "nothing written";
  ASSERT_EQ(Sign(*fgw, b, "HT-003", "20000", e2, "5000").status, 201);

  // Each event lists its own contracts once; the rates count two contracts.
  HttpResult at1 = fgw->Get("/api/v1/signing-events/" + Id(e1));
  ASSERT_EQ(at1.status, 200);
  ASSERT_EQ(at1.json.at("contracts").as_array().size(), 1u);
  EXPECT_EQ(at1.json.at("contracts").at(0).at("company"), "甲公司");
  HttpResult rates = fgw->Get("/api/v1/attraction/rates?year=2026");
  ASSERT_EQ(rates.status, 200) << rates.body;
  EXPECT_EQ(rates.json.at("as_of"), "2026-03-16");  // live figures say the day they were read
  EXPECT_EQ(rates.json.at("signed_contracts").as_int64(), 2);
  EXPECT_EQ(rates.json.at("contract_amount"), "30000");
  EXPECT_EQ(rates.json.at("funds_in_place"), "5000");
  EXPECT_DOUBLE_EQ(rates.json.at("funds_rate").to_number<double>(), 0.166667);
  EXPECT_DOUBLE_EQ(rates.json.at("performance_rate").to_number<double>(), 1.0);
  EXPECT_DOUBLE_EQ(rates.json.at("landing_rate").to_number<double>(), 0.0);
  EXPECT_EQ(AuditCount("lead_contract"), 2);
}

TEST_P(AttractionApi, ConcurrentSigningsOfOneLeadCountOnce) {
  int64_t lead = IdOf(NewLead(*As("fgw"), "并发公司", fx().dept_build));
  std::atomic<int> created{0};
  std::atomic<int> refused{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i) {
    threads.emplace_back([&, i] {
      auto c = server().LoggedIn("fgw");
      ASSERT_NE(c, nullptr);
      int status = Sign(*c, lead, "RACE-" + std::to_string(i), "100").status;
      if (status == 201) ++created;
      if (status == 409) ++refused;
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(created.load(), 1);
  EXPECT_EQ(refused.load(), 3);
  HttpResult rates = As("fgw")->Get("/api/v1/attraction/rates");
  EXPECT_EQ(rates.json.at("signed_contracts").as_int64(), 1);
  EXPECT_EQ(AuditCount("lead_contract"), 1);
}

TEST_P(AttractionApi, RatesFollowPerformanceLandingAndTheConvertedProjectsStart) {
  auto fgw = As("fgw");
  int64_t a = IdOf(NewLead(*fgw, "甲公司", fx().dept_build));
  int64_t b = IdOf(NewLead(*fgw, "乙公司", fx().dept_build));
  int64_t c = IdOf(NewLead(*fgw, "丙公司", fx().dept_build));
  ASSERT_EQ(Sign(*fgw, a, "C-1", "10000", std::nullopt, "10000").status, 201);
  ASSERT_EQ(Sign(*fgw, b, "C-2", "10000").status, 201);
  ASSERT_EQ(Sign(*fgw, c, "C-3", "20000").status, 201);
  // a: registered, converted and started; b: breached; c: signed only.
  ASSERT_EQ(fgw->Post(LeadUrl(a) + "/stage",
                      Json({{"to", "registered"}, {"version", VersionOf(*fgw, a)}}))
                .status,
            200);
  HttpResult conv = fgw->Post(LeadUrl(a) + "/convert",
                              Json({{"stage", "conceived"}, {"version", VersionOf(*fgw, a)}}));
  ASSERT_EQ(conv.status, 201) << conv.body;
  int64_t project = conv.json.at("project").at("id").as_int64();
  for (const char* to : {"reserve", "preliminary"}) {
    int64_t pv = fgw->Get("/api/v1/projects/" + Id(project)).json.at("version").as_int64();
    HttpResult moved = fgw->Post("/api/v1/projects/" + Id(project) + "/stage",
                                 Json({{"to", to}, {"version", pv}}));
    ASSERT_EQ(moved.status, 200) << moved.body;
  }
  int64_t pv = fgw->Get("/api/v1/projects/" + Id(project)).json.at("version").as_int64();
  HttpResult started =
      fgw->Post("/api/v1/projects/" + Id(project) + "/stage",
                Json({{"to", "construction"}, {"actual_start", "2026-03-12"}, {"version", pv}}));
  ASSERT_EQ(started.status, 200) << started.body;
  HttpResult breach = fgw->Request("PUT", LeadUrl(b) + "/contract",
                                   Json({{"contract_no", "C-2"},
                                         {"signed_on", "2026-03-10"},
                                         {"amount", "10000"},
                                         {"status", "breached"},
                                         {"version", 1}}));
  ASSERT_EQ(breach.status, 200) << breach.body;

  HttpResult rates = fgw->Get("/api/v1/attraction/rates");
  ASSERT_EQ(rates.status, 200) << rates.body;
  EXPECT_EQ(rates.json.at("signed_contracts").as_int64(), 3);
  EXPECT_DOUBLE_EQ(rates.json.at("performance_rate").to_number<double>(), 0.666667);
  EXPECT_DOUBLE_EQ(rates.json.at("landing_rate").to_number<double>(), 0.333333);
  EXPECT_DOUBLE_EQ(rates.json.at("start_rate").to_number<double>(), 0.333333);
  EXPECT_DOUBLE_EQ(rates.json.at("funds_rate").to_number<double>(), 0.25);
  // Another year has nothing.
  EXPECT_TRUE(fgw->Get("/api/v1/attraction/rates?year=2025").json.at("start_rate").is_null());
}

TEST_P(AttractionApi, DepartmentsWorkOnTheirOwnLeadsAndCompaniesSeeNothing) {
  auto fgw = As("fgw");
  auto build = As("build");
  auto edu = As("edu");
  int64_t mine = IdOf(NewLead(*build, "住建招商线索"));  // defaults to the department's unit
  int64_t theirs = IdOf(NewLead(*fgw, "教育招商线索", fx().dept_edu));
  EXPECT_EQ(build->Get(LeadUrl(mine)).json.at("lead").at("responsible_unit_id").as_int64(),
            fx().dept_build);
  // A department lists and reads only its own; another's lead is 404, for reads and writes.
  HttpResult list = build->Get("/api/v1/leads");
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(list.json.at("total").as_int64(), 1);
  EXPECT_EQ(build->Get(LeadUrl(theirs)).status, 404);
  EXPECT_EQ(Sign(*build, theirs, "X-1", "100").status, 404);
  EXPECT_EQ(edu->Get(LeadUrl(mine)).status, 404);
  // It cannot create a lead for another unit, nor events.
  HttpResult other = build->Post("/api/v1/leads",
                                 Json({{"company", "x"}, {"responsible_unit_id", fx().dept_edu}}));
  EXPECT_EQ(other.status, 403) << other.body;
  EXPECT_EQ(build->Post("/api/v1/signing-events", R"({"name":"x","held_on":"2026-03-01"})").status,
            403);
  // It edits its own lead (the unit stays), but cannot hand it to another unit.
  HttpResult edited = build->Request("PUT", LeadUrl(mine),
                                     Json({{"company", "住建招商线索（更名）"}, {"version", 1}}));
  ASSERT_EQ(edited.status, 200) << edited.body;
  EXPECT_EQ(edited.json.at("responsible_unit_id").as_int64(), fx().dept_build);
  EXPECT_EQ(
      build
          ->Request(
              "PUT", LeadUrl(mine),
              Json({{"company", "x"}, {"responsible_unit_id", fx().dept_edu}, {"version", 2}}))
          .status,
      403);
  // It signs its own lead.
  EXPECT_EQ(Sign(*build, mine, "B-1", "100").status, 201);
  EXPECT_EQ(build->Get("/api/v1/attraction/rates").json.at("signed_contracts").as_int64(), 1);
  // The leader reads all and writes nothing.
  auto leader = As("leader");
  EXPECT_EQ(leader->Get("/api/v1/leads").json.at("total").as_int64(), 2);
  EXPECT_EQ(leader->Post("/api/v1/leads", R"({"company":"x"})").status, 403);
  EXPECT_EQ(leader->Post(LeadUrl(theirs) + "/stage", R"({"to":"negotiating","version":1})").status,
            403);
  // Reporters and service officers see nothing of leads.
  for (const char* who : {"company_a", "officer"}) {
    SCOPED_TRACE(who);
    auto c = As(who);
    EXPECT_EQ(c->Get("/api/v1/leads").status, 403);
    EXPECT_EQ(c->Get(LeadUrl(mine)).status, 403);
    EXPECT_EQ(c->Get("/api/v1/attraction/rates").status, 403);
    EXPECT_EQ(c->Get("/api/v1/signing-events").status, 403);
    EXPECT_EQ(c->Post("/api/v1/leads", R"({"company":"x"})").status, 403);
  }
  EXPECT_EQ(AuditCount("lead"), 4);  // two creations, one edit and one stage move (signing)
}

TEST_P(AttractionApi, CodesAreCheckedAndBadCheckCharactersOnlyWarn) {
  auto fgw = As("fgw");
  HttpResult warn = fgw->Post("/api/v1/leads", Json({{"company", "某公司"},
                                                     {"credit_code", "91350200776049653b"},
                                                     {"responsible_unit_id", fx().dept_build}}));
  ASSERT_EQ(warn.status, 201) << warn.body;
  EXPECT_EQ(warn.json.at("credit_code"), "91350200776049653B");
  EXPECT_EQ(warn.json.at("warnings").as_array().size(), 1u);
  HttpResult bad_code =
      fgw->Post("/api/v1/leads", Json({{"company", "某公司"},
                                       {"credit_code", "123"},
                                       {"responsible_unit_id", fx().dept_build}}));
  EXPECT_EQ(bad_code.status, 400);
  HttpResult bad_industry =
      fgw->Post("/api/v1/leads", Json({{"company", "某公司"},
                                       {"industry_code", "Z9999"},
                                       {"responsible_unit_id", fx().dept_build}}));
  EXPECT_EQ(bad_industry.status, 400);
  HttpResult company_unit = fgw->Post(
      "/api/v1/leads", Json({{"company", "某公司"}, {"responsible_unit_id", fx().company_a}}));
  EXPECT_EQ(company_unit.status, 400) << "a company is not a 招商 group";
  EXPECT_EQ(fgw->Get("/api/v1/leads").json.at("total").as_int64(), 1);
}

TEST_P(AttractionApi, HostileInputIsRefusedBilinguallyAndWritesNothing) {
  auto fgw = As("fgw");
  int64_t lead = IdOf(NewLead(*fgw, "甲公司", fx().dept_build));
  auto expect_error = [](const HttpResult& r, int status) {
    EXPECT_EQ(r.status, status) << r.body;
    ASSERT_TRUE(r.json.is_object()) << r.body;
    const auto& e = r.json.at("error").as_object();
    EXPECT_FALSE(e.at("message_zh").as_string().empty());
    EXPECT_FALSE(e.at("message_en").as_string().empty());
  };
  const char* lead_bodies[] = {
      "{",
      "[]",
      R"({"company": 12})",
      R"({"company": "x", "intended_investment": "-5"})",
      R"({"company": "x", "intended_investment": "1.1234567"})",
      R"({"company": "x", "is_admin": true})",
      R"({"company": "x", "next_step_date": "2026-02-30"})",
      R"({"company": "x", "responsible_unit_id": 99999999})",
      R"({"company": "x', 1); DROP TABLE leads; --", "credit_code": "' OR 1=1 --"})",
  };
  for (const char* body : lead_bodies) {
    SCOPED_TRACE(body);
    expect_error(fgw->Post("/api/v1/leads", body), 400);
  }
  const char* contract_bodies[] = {
      R"({"contract_no": "A", "signed_on": "2026-03-01", "amount": "0"})",
      R"({"contract_no": "A", "signed_on": "2026-13-01", "amount": "1"})",
      R"({"contract_no": "A", "signed_on": "2026-03-01", "amount": "1", "event_id": 424242})",
      R"({"contract_no": "A", "signed_on": "2026-03-01", "amount": "1", "status": "won"})",
      R"({"contract_no": "", "signed_on": "2026-03-01", "amount": "1"})",
      R"({"contract_no": "A", "signed_on": "2026-03-01", "amount": 1e400})",
      R"({"contract_no": "A", "signed_on": "2026-03-01", "amount": "100000001"})",
      R"({"contract_no": "A", "signed_on": "2026-03-01", "amount": "1", "funds_in_place": "-1"})",
  };
  for (const char* body : contract_bodies) {
    SCOPED_TRACE(body);
    expect_error(fgw->Post(LeadUrl(lead) + "/contract", body), 400);
  }
  expect_error(fgw->Post(LeadUrl(lead) + "/stage", R"({"to":"won","version":1})"), 400);
  expect_error(fgw->Get("/api/v1/leads?stage=nope"), 400);
  expect_error(fgw->Get("/api/v1/leads?limit=100000"), 400);
  expect_error(fgw->Get("/api/v1/leads?bogus=1"), 400);
  expect_error(fgw->Get("/api/v1/attraction/rates?year=99999"), 400);
  expect_error(fgw->Get("/api/v1/leads/abc"), 404);
  expect_error(fgw->Get("/api/v1/leads/424242"), 404);
  std::string huge = R"({"company":")" + std::string(64 * 1024, 'a') + "\"}";
  EXPECT_EQ(fgw->Post("/api/v1/leads", huge).status, 413);
  auto again = As("fgw");
  expect_error(again->Request("POST", "/api/v1/leads", "company=x",
                              {{"Content-Type", "application/x-www-form-urlencoded"}}),
               415);
  // The injection attempt was data, and nothing of the above was written.
  HttpResult list = again->Get("/api/v1/leads");
  EXPECT_EQ(list.json.at("total").as_int64(), 1);
  HttpResult detail = again->Get(LeadUrl(lead));
  EXPECT_EQ(detail.json.at("lead").at("stage"), "lead");
  EXPECT_TRUE(detail.json.at("contract").is_null());
  EXPECT_EQ(AuditCount("lead"), 1);
}

}  // namespace
}  // namespace keyline::testing
