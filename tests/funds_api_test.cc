// Funds (资金) over HTTP: funding lines as event sequences with the stage chain, the
// central-budget due items counted on the working-day calendar, rates by source / unit / year,
// role scoping, auditing and hostile input. The fixture clock stands at 2026-03-16.
#include "tests/api_test.h"

namespace keyline::testing {
namespace {

class FundsApi : public ApiTest {
 protected:
  std::string FundsUrl(int64_t project) { return "/api/v1/projects/" + Id(project) + "/funds"; }
  static std::string EventsUrl(int64_t line) {
    return "/api/v1/fund-lines/" + std::to_string(line) + "/events";
  }
  // Creates a line and returns its id.
  int64_t NewLine(HttpClient& c, int64_t project, const char* source, int year) {
    HttpResult r = c.Post(FundsUrl(project), Json({{"source", source}, {"year", year}}));
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? r.json.at("id").as_int64() : 0;
  }
  // Adds an event at the line's current version; returns the response.
  HttpResult AddEvent(HttpClient& c, int64_t line, int64_t version, const char* stage,
                      const char* amount, const char* date, const char* doc_no = "") {
    return c.Post(EventsUrl(line), Json({{"stage", stage},
                                         {"amount", amount},
                                         {"date", date},
                                         {"doc_no", doc_no},
                                         {"version", version}}));
  }
};
KL_INSTANTIATE_BACKENDS(FundsApi);

TEST_P(FundsApi, LineEventsKeepTheChainAndCentralBudgetIssuesCreateDueItems) {
  auto fgw = As("fgw");
  int64_t school = fx().project_school;
  int64_t line = NewLine(*fgw, school, "central_budget", 2026);
  ASSERT_GT(line, 0);
  EXPECT_EQ(
      fgw->Post(FundsUrl(school), Json({{"source", "central_budget"}, {"year", 2026}})).status,
      409);

  ASSERT_EQ(AddEvent(*fgw, line, 1, "applied", "1000", "2026-01-20").status, 201);
  // A 下达 needs its 文号; more than applied is refused with both totals named.
  HttpResult no_doc = AddEvent(*fgw, line, 2, "issued", "600", "2026-02-10", "  ");
  EXPECT_EQ(no_doc.status, 400) << no_doc.body;
  HttpResult issued =
      AddEvent(*fgw, line, 2, "issued", "600", "2026-02-10", "发改投资〔2026〕12号");
  ASSERT_EQ(issued.status, 201) << issued.body;
  EXPECT_EQ(issued.json.at("version").as_int64(), 3);
  EXPECT_EQ(issued.json.at("totals").at("issued"), "600");
  HttpResult too_much = AddEvent(*fgw, line, 3, "issued", "400.000001", "2026-02-11", "第二批");
  EXPECT_EQ(too_much.status, 400);
  EXPECT_NE(too_much.body.find("将超过申请累计 1,000.00 万元"), std::string::npos) << too_much.body;
  EXPECT_NE(too_much.json.at("error").at("message_en").as_string().find("would exceed"),
            std::string::npos);
  EXPECT_EQ(AddEvent(*fgw, line, 2, "arrived", "1", "2026-02-11").status, 409);  // stale
  EXPECT_EQ(AddEvent(*fgw, line, 3, "arrived", "1", "2026-03-17").status, 400);  // future
  // The responsible department records arrivals and payments of its project.
  auto edu = As("edu");
  ASSERT_EQ(AddEvent(*edu, line, 3, "arrived", "300", "2026-02-20").status, 201);
  EXPECT_EQ(AddEvent(*edu, line, 4, "paid", "300.01", "2026-03-01").status, 400);
  HttpResult paid = AddEvent(*edu, line, 4, "paid", "120.5", "2026-03-01");
  ASSERT_EQ(paid.status, 201) << paid.body;
  EXPECT_EQ(paid.json.at("totals").at("paid"), "120.5");
  EXPECT_EQ(paid.json.at("events").as_array().size(), 4u);

  // Who may do what: the company reads, others' projects are invisible.
  auto company = As("company_a");
  EXPECT_EQ(AddEvent(*company, line, 5, "paid", "1", "2026-03-01").status, 403);
  EXPECT_EQ(
      As("leader")->Post(FundsUrl(school), Json({{"source", "bank_loan"}, {"year", 2026}})).status,
      403);
  HttpResult seen = company->Get(FundsUrl(school));
  ASSERT_EQ(seen.status, 200);
  EXPECT_EQ(seen.json.at("items").at(0).at("events").at(1).at("doc_no"), "发改投资〔2026〕12号");
  EXPECT_EQ(As("company_b")->Get(FundsUrl(school)).status, 404);
  EXPECT_EQ(As("build")->Get(FundsUrl(school)).status, 404);
  EXPECT_EQ(AddEvent(*As("build"), line, 5, "paid", "1", "2026-03-01").status, 404);

  // 下达 on 2026-02-10: forward within 10 working days (across the Spring Festival and its
  // 调休 Saturdays) = 03-02, break down within 20 = 03-16 (today).
  HttpResult due = fgw->Get("/api/v1/fund-due-items?project_id=" + Id(school));
  ASSERT_EQ(due.status, 200) << due.body;
  const auto& items = due.json.at("items").as_array();
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].at("kind"), "forward");
  EXPECT_EQ(items[0].at("due_on"), "2026-03-02");
  EXPECT_TRUE(items[0].at("overdue").as_bool());
  EXPECT_EQ(items[1].at("kind"), "breakdown");
  EXPECT_EQ(items[1].at("due_on"), "2026-03-16");
  EXPECT_FALSE(items[1].at("overdue").as_bool());
  EXPECT_EQ(due.json.at("overdue").as_int64(), 1);
  HttpResult overdue = fgw->Get("/api/v1/fund-due-items?overdue=1");
  ASSERT_EQ(overdue.json.at("items").as_array().size(), 1u);
  EXPECT_EQ(As("company_b")->Get("/api/v1/fund-due-items").json.at("items").as_array().size(), 0u);

  int64_t forward = items[0].at("id").as_int64();
  std::string complete = "/api/v1/fund-due-items/" + std::to_string(forward) + "/complete";
  EXPECT_EQ(As("leader")->Post(complete, R"({"done_on":"2026-03-05","version":1})").status, 403);
  EXPECT_EQ(edu->Post(complete, R"({"done_on":"2026-02-01","version":1})").status, 400);
  HttpResult done = edu->Post(complete, R"({"done_on":"2026-03-05","version":1})");
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_FALSE(done.json.at("overdue").as_bool());
  EXPECT_TRUE(done.json.at("late").as_bool());
  EXPECT_EQ(edu->Post(complete, R"({"done_on":"2026-03-05","version":2})").status, 409);
  EXPECT_EQ(fgw->Get("/api/v1/fund-due-items?overdue=1").json.at("items").as_array().size(), 0u);

  // A 下达 of another source creates no due items.
  int64_t bond = NewLine(*fgw, school, "special_bond", 2026);
  ASSERT_EQ(AddEvent(*fgw, bond, 1, "applied", "50", "2026-01-05").status, 201);
  ASSERT_EQ(AddEvent(*fgw, bond, 2, "issued", "50", "2026-02-10", "专项债第一批").status, 201);
  EXPECT_EQ(fgw->Get("/api/v1/fund-due-items").json.at("items").as_array().size(), 2u);

  // Every write is in the audit log.
  HttpResult audit = As("admin")->Get("/api/v1/audit?entity=fund_line&entity_id=" + Id(line));
  ASSERT_EQ(audit.status, 200) << audit.body;
  EXPECT_EQ(audit.json.at("total").as_int64(), 5);  // create + 4 events
  HttpResult audit_due = As("admin")->Get("/api/v1/audit?entity=fund_due_item");
  EXPECT_EQ(audit_due.json.at("total").as_int64(), 1);
}

TEST_P(FundsApi, RatesBySourceUnitAndYearFollowTheScope) {
  auto fgw = As("fgw");
  int64_t school_bond = NewLine(*fgw, fx().project_school, "special_bond", 2026);
  ASSERT_EQ(AddEvent(*fgw, school_bond, 1, "applied", "1000", "2026-01-05").status, 201);
  ASSERT_EQ(AddEvent(*fgw, school_bond, 2, "issued", "800", "2026-02-01", "批次1").status, 201);
  ASSERT_EQ(AddEvent(*fgw, school_bond, 3, "arrived", "400", "2026-02-15").status, 201);
  ASSERT_EQ(AddEvent(*fgw, school_bond, 4, "paid", "100", "2026-03-01").status, 201);
  int64_t road_cb = NewLine(*fgw, fx().project_road, "central_budget", 2025);
  ASSERT_EQ(AddEvent(*fgw, road_cb, 1, "applied", "300", "2025-05-05").status, 201);
  ASSERT_EQ(AddEvent(*fgw, road_cb, 2, "issued", "300", "2025-06-01", "文号2").status, 201);

  HttpResult by_source = fgw->Get("/api/v1/funds/rates?group=source");
  ASSERT_EQ(by_source.status, 200) << by_source.body;
  const auto& rows = by_source.json.at("items").as_array();
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].at("key"), "central_budget");
  EXPECT_EQ(rows[0].at("issue_rate").to_number<double>(), 1.0);
  EXPECT_TRUE(rows[0].at("payment_rate").is_null());
  EXPECT_EQ(rows[1].at("key"), "special_bond");
  EXPECT_EQ(rows[1].at("name"), "地方政府专项债");
  EXPECT_EQ(rows[1].at("issue_rate").to_number<double>(), 0.8);
  EXPECT_EQ(rows[1].at("arrival_rate").to_number<double>(), 0.5);
  EXPECT_EQ(rows[1].at("payment_rate").to_number<double>(), 0.25);
  EXPECT_EQ(by_source.json.at("total").at("totals").at("issued"), "1100");

  HttpResult by_unit = fgw->Get("/api/v1/funds/rates?group=unit");
  ASSERT_EQ(by_unit.json.at("items").as_array().size(), 2u);
  HttpResult year = fgw->Get("/api/v1/funds/rates?group=year&year=2025");
  ASSERT_EQ(year.json.at("items").as_array().size(), 1u);
  EXPECT_EQ(year.json.at("items").at(0).at("key"), "2025");

  // A company sees its own project's lines only.
  HttpResult company = As("company_a")->Get("/api/v1/funds/rates?group=source");
  ASSERT_EQ(company.status, 200);
  ASSERT_EQ(company.json.at("items").as_array().size(), 1u);
  EXPECT_EQ(company.json.at("total").at("lines").as_int64(), 1);
  EXPECT_EQ(fgw->Get("/api/v1/funds/rates?group=region").status, 400);
  EXPECT_EQ(fgw->Get("/api/v1/funds/rates?year=1999").status, 400);
}

TEST_P(FundsApi, HostileInputIsRefusedClearlyAndWritesNothing) {
  auto fgw = As("fgw");
  int64_t school = fx().project_school;
  int64_t line = NewLine(*fgw, school, "local_fiscal", 2026);
  ASSERT_GT(line, 0);
  std::string events = EventsUrl(line);
  struct Case {
    const char* name;
    HttpResult result;
    int status;
  };
  std::vector<Case> cases;
  cases.push_back({"malformed json", fgw->Post(events, "{\"stage\":"), 400});
  cases.push_back({"not an object", fgw->Post(events, "[1]"), 400});
  cases.push_back({"wrong content type",
                   fgw->Request("POST", events, "{}", {{"Content-Type", "text/plain"}}), 415});
  cases.push_back({"unknown stage",
                   fgw->Post(events, R"({"stage":"stolen","amount":"1","date":"2026-01-01",)"
                                     R"("version":1})"),
                   400});
  cases.push_back({"amount overflow",
                   fgw->Post(events, R"({"stage":"applied","amount":"99999999999999999999",)"
                                     R"("date":"2026-01-01","version":1})"),
                   400});
  cases.push_back({"amount with 7 decimals",
                   fgw->Post(events, R"({"stage":"applied","amount":"1.1234567",)"
                                     R"("date":"2026-01-01","version":1})"),
                   400});
  cases.push_back({"negative amount",
                   fgw->Post(events, R"({"stage":"applied","amount":"-5",)"
                                     R"("date":"2026-01-01","version":1})"),
                   400});
  cases.push_back({"bad date",
                   fgw->Post(events, R"({"stage":"applied","amount":"1",)"
                                     R"("date":"2026-02-30","version":1})"),
                   400});
  cases.push_back({"unknown field",
                   fgw->Post(events, R"({"stage":"applied","amount":"1","date":"2026-01-01",)"
                                     R"("version":1,"approved_by":1})"),
                   400});
  cases.push_back({"doc_no too long",
                   fgw->Post(events,
                             "{\"stage\":\"issued\",\"amount\":\"1\",\"date\":"
                             "\"2026-01-01\",\"version\":1,\"doc_no\":\"" +
                                 std::string(500, 'x') + "\"}"),
                   400});
  cases.push_back({"oversized body",
                   fgw->Post(events, "{\"note\":\"" + std::string(200 * 1024, 'x') + "\"}"), 413});
  cases.push_back({"line id text", fgw->Post("/api/v1/fund-lines/abc/events", "{}"), 404});
  cases.push_back(
      {"line of nobody",
       fgw->Post("/api/v1/fund-lines/999999/events", R"({"stage":"applied","amount":"1",)"
                                                     R"("date":"2026-01-01","version":1})"),
       404});
  cases.push_back(
      {"bad source", fgw->Post(FundsUrl(school), R"({"source":"lottery","year":2026})"), 400});
  cases.push_back({"year out of range",
                   fgw->Post(FundsUrl(school), R"({"source":"bank_loan","year":1900})"), 400});
  cases.push_back({"unknown query", fgw->Get("/api/v1/fund-due-items?sql=1"), 400});
  cases.push_back({"bad project filter", fgw->Get("/api/v1/fund-due-items?project_id=x"), 400});
  cases.push_back({"out of scope",
                   As("company_b")
                       ->Post(events, R"({"stage":"applied",)"
                                      R"("amount":"1","date":)"
                                      R"("2026-01-01","version":1})"),
                   404});
  cases.push_back({"sql in a text field is data",
                   fgw->Post(events, R"({"stage":"applied","amount":"1","date":"2026-01-01",)"
                                     R"("version":1,"note":"'); DROP TABLE fund_events;--"})"),
                   201});
  for (const Case& c : cases) {
    EXPECT_EQ(c.result.status, c.status) << c.name << ": " << c.result.body;
    if (c.status >= 400) {
      ASSERT_TRUE(c.result.json.is_object()) << c.name;
      const auto& error = c.result.json.at("error");
      EXPECT_FALSE(error.at("message_zh").as_string().empty()) << c.name;
      EXPECT_FALSE(error.at("message_en").as_string().empty()) << c.name;
    }
  }
  // Only the last, valid event was stored, text and all.
  HttpResult stored = fgw->Get(FundsUrl(school));
  ASSERT_EQ(stored.json.at("items").as_array().size(), 1u);
  const auto& l = stored.json.at("items").at(0);
  EXPECT_EQ(l.at("version").as_int64(), 2);
  ASSERT_EQ(l.at("events").as_array().size(), 1u);
  EXPECT_EQ(l.at("events").at(0).at("note"), "'); DROP TABLE fund_events;--");
}

}  // namespace
}  // namespace keyline::testing
