// Key lists (重点项目名单) and factor guarantees (要素保障) over HTTP: proposals and their
// four-eyes approval, the list as of a date, scoping, overdue guarantees and hostile input.
// The fixture clock stands at 2026-03-16.
#include "tests/api_test.h"

namespace keyline::testing {
namespace {

constexpr const char* kDistrict2026 = "/api/v1/key-lists/2026/district";

class KeyListsApi : public ApiTest {
 protected:
  // Proposes a change and returns the ids of the pending changes.
  std::vector<int64_t> Propose(HttpClient& c, const char* action, std::vector<int64_t> projects,
                               const char* on, const char* reason = "年度名单", int expect = 201) {
    boost::json::array ids;
    for (int64_t p : projects) ids.emplace_back(p);
    HttpResult r = c.Post(
        std::string(kDistrict2026) + "/changes",
        Json({{"action", action}, {"project_ids", ids}, {"effective_on", on}, {"reason", reason}}));
    EXPECT_EQ(r.status, expect) << r.body;
    if (expect >= 400) EXPECT_FALSE(r.json.at("error").at("message_en").as_string().empty());
    std::vector<int64_t> out;
    if (r.status == 201) {
      for (const auto& c : r.json.at("items").as_array()) out.push_back(c.at("id").as_int64());
    }
    return out;
  }
  static std::string Decide(int64_t id, const char* what) {
    return "/api/v1/key-list-changes/" + std::to_string(id) + "/" + what;
  }
  static std::vector<int64_t> Members(const HttpResult& r) {
    std::vector<int64_t> out;
    for (const auto& m : r.json.at("items").as_array())
      out.push_back(m.at("project_id").as_int64());
    return out;
  }
  std::string FactorUrl(int64_t project, const char* kind) {
    return "/api/v1/projects/" + Id(project) + "/factors/" + kind;
  }
};
KL_INSTANTIATE_BACKENDS(KeyListsApi);

TEST_P(KeyListsApi, ChangesTakeEffectWhenASecondPersonApprovesThem) {
  auto fgw = As("fgw");
  auto admin = As("admin");
  int64_t school = fx().project_school, road = fx().project_road, mall = fx().project_mall;
  std::vector<int64_t> ids = Propose(*fgw, "add", {school, road}, "2026-01-01");
  ASSERT_EQ(ids.size(), 2u);
  EXPECT_TRUE(Members(fgw->Get(kDistrict2026)).empty());  // pending changes do not count
  // Four eyes: the proposer cannot approve; departments cannot propose.
  EXPECT_EQ(fgw->Post(Decide(ids[0], "approve"), "{}").status, 403);
  EXPECT_EQ(As("edu")
                ->Post(std::string(kDistrict2026) + "/changes",
                       Json({{"action", "add"},
                             {"project_ids", boost::json::array{school}},
                             {"effective_on", "2026-01-01"},
                             {"reason", "x"}}))
                .status,
            403);
  for (int64_t id : ids) {
    HttpResult ok = admin->Post(Decide(id, "approve"), R"({"note":"同意"})");
    ASSERT_EQ(ok.status, 200) << ok.body;
    EXPECT_EQ(ok.json.at("status"), "approved");
    EXPECT_EQ(ok.json.at("decided_by_name"), "admin");
  }
  EXPECT_EQ(admin->Post(Decide(ids[0], "approve"), "{}").status, 409);
  HttpResult list = fgw->Get(kDistrict2026);
  ASSERT_EQ(list.status, 200) << list.body;
  EXPECT_EQ(Members(list), (std::vector<int64_t>{school, road}));
  EXPECT_EQ(list.json.at("as_of"), "2026-03-16");

  // 优进劣退: the road leaves on 03-10; it is still on the list as of 03-01.
  Propose(*fgw, "remove", {mall}, "2026-03-10", "x", 409);  // not on the list
  std::vector<int64_t> out = Propose(*fgw, "remove", {road}, "2026-03-10", "连续两季度未开工");
  ASSERT_EQ(out.size(), 1u);
  Propose(*fgw, "remove", {road}, "2026-03-11", "x", 409);  // one pending at a time
  ASSERT_EQ(admin->Post(Decide(out[0], "approve"), "{}").status, 200);
  EXPECT_EQ(Members(fgw->Get(kDistrict2026)), (std::vector<int64_t>{school}));
  EXPECT_EQ(Members(fgw->Get(std::string(kDistrict2026) + "?as_of=2026-03-01")),
            (std::vector<int64_t>{school, road}));
  EXPECT_TRUE(Members(fgw->Get(std::string(kDistrict2026) + "?as_of=2025-12-31")).empty());
  Propose(*fgw, "add", {school}, "2026-05-01", "x", 409);  // already on it

  // A rejected change stays in the history and changes nothing.
  std::vector<int64_t> mall_add = Propose(*fgw, "add", {mall}, "2026-03-16");
  ASSERT_EQ(mall_add.size(), 1u);
  HttpResult rejected = admin->Post(Decide(mall_add[0], "reject"), R"({"note":"前期手续不全"})");
  ASSERT_EQ(rejected.status, 200);
  EXPECT_EQ(rejected.json.at("status"), "rejected");
  EXPECT_EQ(Members(fgw->Get(kDistrict2026)).size(), 1u);
  HttpResult history = fgw->Get(std::string(kDistrict2026) + "/changes");
  EXPECT_EQ(history.json.at("items").as_array().size(), 4u);
  EXPECT_EQ(fgw->Get(std::string(kDistrict2026) + "/changes?status=rejected")
                .json.at("items")
                .as_array()
                .size(),
            1u);

  // Scope: a company sees its own project only; other lists are empty.
  EXPECT_EQ(Members(As("company_b")->Get(std::string(kDistrict2026) + "?as_of=2026-03-01")),
            (std::vector<int64_t>{road}));
  EXPECT_TRUE(Members(fgw->Get("/api/v1/key-lists/2026/city")).empty());
  HttpResult audit = admin->Get("/api/v1/audit?entity=key_list_change");
  EXPECT_EQ(audit.json.at("total").as_int64(), 8);  // 4 proposals + 4 decisions
}

TEST_P(KeyListsApi, FactorGuaranteesShowOverdueOnes) {
  auto edu = As("edu");
  int64_t school = fx().project_school;
  HttpResult land = edu->Request("PUT", FactorUrl(school, "land"),
                                 Json({{"demanded", "120.5"},
                                       {"guaranteed", "80"},
                                       {"due_on", "2026-03-01"},
                                       {"guaranteed_on", "2026-02-20"},
                                       {"version", 0}}));
  ASSERT_EQ(land.status, 200) << land.body;
  EXPECT_EQ(land.json.at("unit"), "亩");
  EXPECT_EQ(land.json.at("demanded"), "120.5");
  EXPECT_TRUE(land.json.at("overdue").as_bool());
  HttpResult energy =
      edu->Request("PUT", FactorUrl(school, "energy"),
                   Json({{"demanded", "3000"}, {"due_on", "2026-06-30"}, {"version", 0}}));
  ASSERT_EQ(energy.status, 200) << energy.body;
  EXPECT_FALSE(energy.json.at("overdue").as_bool());

  auto fgw = As("fgw");
  HttpResult overdue = fgw->Get("/api/v1/factors/overdue");
  ASSERT_EQ(overdue.status, 200);
  ASSERT_EQ(overdue.json.at("items").as_array().size(), 1u);
  EXPECT_EQ(overdue.json.at("items").at(0).at("kind"), "land");
  EXPECT_EQ(As("company_b")->Get("/api/v1/factors/overdue").json.at("items").as_array().size(), 0u);
  EXPECT_EQ(As("company_a")
                ->Get("/api/v1/projects/" + Id(school) + "/factors")
                .json.at("items")
                .as_array()
                .size(),
            2u);

  struct Case {
    const char* name;
    HttpResult result;
    int status;
  };
  std::vector<Case> cases;
  auto put = [&](HttpClient& c, const char* kind, const std::string& body) {
    return c.Request("PUT", FactorUrl(school, kind), body);
  };
  cases.push_back({"more than demanded",
                   put(*fgw, "land", R"({"demanded":"120.5","guaranteed":"121","version":1})"),
                   400});
  cases.push_back({"full without a date",
                   put(*fgw, "land", R"({"demanded":"120.5","guaranteed":"120.5","version":1})"),
                   400});
  cases.push_back({"stale", put(*fgw, "land", R"({"demanded":"1","version":0})"), 409});
  cases.push_back(
      {"company writes", put(*As("company_a"), "land", R"({"demanded":"1","version":1})"), 403});
  cases.push_back(
      {"other department", put(*As("build"), "land", R"({"demanded":"1","version":1})"), 404});
  cases.push_back({"unknown kind", put(*fgw, "gold", R"({"demanded":"1","version":0})"), 404});
  cases.push_back(
      {"number instead of string", put(*fgw, "water", R"({"demanded":12,"version":0})"), 400});
  cases.push_back({"negative", put(*fgw, "water", R"({"demanded":"-1","version":0})"), 400});
  cases.push_back({"future guarantee",
                   put(*fgw, "water",
                       R"({"demanded":"2","guaranteed":"1","guaranteed_on":"2027-01-01",)"
                       R"("version":0})"),
                   400});
  cases.push_back({"bad list year", fgw->Get("/api/v1/key-lists/20x6/district"), 404});
  cases.push_back({"bad list level", fgw->Get("/api/v1/key-lists/2026/county"), 404});
  cases.push_back({"bad as_of", fgw->Get(std::string(kDistrict2026) + "?as_of=2026-13-01"), 400});
  cases.push_back({"ids as text",
                   fgw->Post(std::string(kDistrict2026) + "/changes",
                             R"({"action":"add","project_ids":["1 OR 1=1"],)"
                             R"("effective_on":"2026-01-01","reason":"x"})"),
                   400});
  cases.push_back({"effective outside the year",
                   fgw->Post(std::string(kDistrict2026) + "/changes",
                             Json({{"action", "add"},
                                   {"project_ids", boost::json::array{school}},
                                   {"effective_on", "2025-05-01"},
                                   {"reason", "x"}})),
                   400});
  cases.push_back({"project of nobody",
                   fgw->Post(std::string(kDistrict2026) + "/changes",
                             R"({"action":"add","project_ids":[999999],)"
                             R"("effective_on":"2026-01-01","reason":"x"})"),
                   404});
  cases.push_back({"oversized",
                   fgw->Post(std::string(kDistrict2026) + "/changes",
                             "{\"reason\":\"" + std::string(100 * 1024, 'x') + "\"}"),
                   413});
  for (const Case& c : cases) {
    EXPECT_EQ(c.result.status, c.status) << c.name << ": " << c.result.body;
    ASSERT_TRUE(c.result.json.is_object()) << c.name;
    EXPECT_FALSE(c.result.json.at("error").at("message_zh").as_string().empty()) << c.name;
    EXPECT_FALSE(c.result.json.at("error").at("message_en").as_string().empty()) << c.name;
  }
  // Nothing of the above was written.
  HttpResult stored = fgw->Get("/api/v1/projects/" + Id(school) + "/factors");
  ASSERT_EQ(stored.json.at("items").as_array().size(), 2u);
  EXPECT_EQ(stored.json.at("items").at(0).at("version").as_int64(), 1);
  EXPECT_TRUE(
      fgw->Get(std::string(kDistrict2026) + "/changes").json.at("items").as_array().empty());

  // The full guarantee clears the overdue list.
  HttpResult full = put(*fgw, "land",
                        R"({"demanded":"120.5","guaranteed":"120.5","guaranteed_on":"2026-03-10",)"
                        R"("version":1,"unit":"亩","overdue":true})");
  ASSERT_EQ(full.status, 200) << full.body;
  EXPECT_FALSE(full.json.at("overdue").as_bool());
  EXPECT_TRUE(fgw->Get("/api/v1/factors/overdue").json.at("items").as_array().empty());
}

}  // namespace
}  // namespace keyline::testing
