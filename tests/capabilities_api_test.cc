// The `can` flags of GET /session say what the server then allows: for every demo account, a
// capability that is false answers 403 on its request, and one that is true does not.
#include <functional>
#include <map>
#include <string>

#include "tests/demo_server.h"

namespace keyline::testing {
namespace {

std::string Str(const boost::json::object& o) { return boost::json::serialize(o); }

// One request standing for a capability, made as `client` (its first visible project is
// `project`, a JSON project row).
struct Probe {
  const char* flag;
  std::function<HttpResult(HttpClient&, const boost::json::object& project)> send;
};

const std::vector<Probe>& Probes() {
  static const std::vector<Probe> probes = {
      {"manage_users", [](HttpClient& c, const auto&) { return c.Get("/api/v1/users"); }},
      {"read_audit", [](HttpClient& c, const auto&) { return c.Get("/api/v1/audit"); }},
      {"configure_engine",
       [](HttpClient& c, const auto&) { return c.Get("/api/v1/engine/status"); }},
      {"read_attraction", [](HttpClient& c, const auto&) { return c.Get("/api/v1/leads"); }},
      {"read_issued_bulletins",
       [](HttpClient& c, const auto&) { return c.Get("/api/v1/bulletins/202611/versions"); }},
      {"issue_bulletin",
       [](HttpClient& c, const auto&) { return c.Post("/api/v1/bulletins/202610/issue", "{}"); }},
      {"manage_supervision",
       [](HttpClient& c, const auto&) { return c.Post("/api/v1/supervision/sweep", "{}"); }},
      {"manage_reporting",
       [](HttpClient& c, const auto&) {
         HttpResult rules = c.Get("/api/v1/reporting/rules");
         if (rules.status != 200) return rules;
         boost::json::object body;
         for (const char* key : {"cumulative_over_total_is_error", "plan_factor", "history_factor",
                                 "min_flag_amount", "flag_progress_regression"}) {
           body[key] = rules.json.at(key);
         }
         return c.Request("PUT", "/api/v1/reporting/rules", Str(body));
       }},
      {"change_project_stage",
       [](HttpClient& c, const boost::json::object& p) {
         return c.Post("/api/v1/projects/" + std::to_string(p.at("id").as_int64()) + "/stage",
                       Str({{"to", "construction"}, {"reason", "开工"}}));
       }},
      {"raise_problems",
       [](HttpClient& c, const boost::json::object& p) {
         boost::json::array units;
         if (p.at("responsible_unit_id").is_int64()) units.push_back(p.at("responsible_unit_id"));
         return c.Post("/api/v1/problems", Str({{"project_id", p.at("id")},
                                                {"title", "能力标志核对"},
                                                {"category", "land"},
                                                {"unit_ids", units}}));
       }},
  };
  return probes;
}

TEST(CapabilitiesApi, FlagsMatchWhatTheServerAllowsForEveryDemoRole) {
  std::string error;
  auto demo = DemoServer::Start(&error);
  ASSERT_NE(demo, nullptr) << error;
  std::map<std::string, std::map<std::string, bool>> seen;
  for (const char* who : {"admin", "fgw", "zjj", "qiye", "lingdao"}) {
    SCOPED_TRACE(who);
    auto client = demo->LoggedIn(who);
    ASSERT_NE(client, nullptr);
    HttpResult me = client->Get("/api/v1/session");
    ASSERT_EQ(me.status, 200) << me.body;
    const boost::json::object& can = me.json.at("can").as_object();
    HttpResult projects = client->Get("/api/v1/projects?limit=1");
    ASSERT_EQ(projects.status, 200) << projects.body;
    ASSERT_FALSE(projects.json.at("items").as_array().empty());
    const boost::json::object& project = projects.json.at("items").as_array()[0].as_object();
    for (const Probe& probe : Probes()) {
      bool flag = can.at(probe.flag).as_bool();
      seen[probe.flag][who] = flag;
      HttpResult r = probe.send(*client, project);
      if (flag) {
        EXPECT_NE(r.status, 403) << probe.flag << " is true but answered " << r.body;
        EXPECT_LT(r.status, 500) << probe.flag << ": " << r.body;
      } else {
        EXPECT_EQ(r.status, 403) << probe.flag << " is false but answered " << r.status << " "
                                 << r.body.substr(0, 300);
      }
    }
  }
  // Every probed flag is true for someone and false for someone: the check says something.
  for (const auto& [flag, by_user] : seen) {
    int allowed = 0;
    for (const auto& [who, value] : by_user) allowed += value;
    EXPECT_GT(allowed, 0) << flag;
    EXPECT_LT(allowed, static_cast<int>(by_user.size())) << flag;
  }
}

// The company (qiye) may edit its projects but not create them, move their stage or manage
// users; the leader writes nothing; the office does all but the administrator's pages.
TEST(CapabilitiesApi, SessionFlagsPerDemoRole) {
  std::string error;
  auto demo = DemoServer::Start(&error);
  ASSERT_NE(demo, nullptr) << error;
  auto flags = [&](const char* who) {
    auto client = demo->LoggedIn(who);
    HttpResult me = client->Get("/api/v1/session");
    EXPECT_EQ(me.status, 200);
    return me.json.at("can").as_object();
  };
  boost::json::object qiye = flags("qiye");
  EXPECT_TRUE(qiye.at("write_projects").as_bool());
  EXPECT_TRUE(qiye.at("fill_reports").as_bool());
  EXPECT_FALSE(qiye.at("create_projects").as_bool());
  EXPECT_FALSE(qiye.at("change_project_stage").as_bool());
  EXPECT_FALSE(qiye.at("manage_users").as_bool());
  EXPECT_FALSE(qiye.at("browse_area").as_bool());
  boost::json::object lingdao = flags("lingdao");
  for (const auto& [name, value] : lingdao) {
    bool reads =
        name == "browse_area" || name == "read_issued_bulletins" || name == "read_attraction";
    EXPECT_EQ(value.as_bool(), reads) << name;
  }
  boost::json::object fgw = flags("fgw");
  for (const auto& [name, value] : fgw) {
    EXPECT_EQ(value.as_bool(), name != "manage_users" && name != "read_audit") << name;
  }
  boost::json::object admin = flags("admin");
  for (const auto& [name, value] : admin) EXPECT_TRUE(value.as_bool()) << name;
}

// A problem answers what the caller may do with it: the responsible department works on it,
// the leader confirms it, the company that did not raise it does neither.
TEST(CapabilitiesApi, ProblemRowsCarryTheCallersActions) {
  std::string error;
  auto demo = DemoServer::Start(&error);
  ASSERT_NE(demo, nullptr) << error;
  auto fgw = demo->LoggedIn("fgw");
  HttpResult list = fgw->Get("/api/v1/problems?limit=50");
  ASSERT_EQ(list.status, 200) << list.body;
  const auto& items = list.json.at("items").as_array();
  ASSERT_FALSE(items.empty());
  for (const auto& p : items) {
    EXPECT_TRUE(p.at("can").at("work").as_bool());
    EXPECT_TRUE(p.at("can").at("confirm").as_bool());
  }
  auto lingdao = demo->LoggedIn("lingdao");
  HttpResult seen = lingdao->Get("/api/v1/problems?limit=50");
  ASSERT_EQ(seen.status, 200);
  for (const auto& p : seen.json.at("items").as_array()) {
    EXPECT_FALSE(p.at("can").at("work").as_bool());
    EXPECT_TRUE(p.at("can").at("confirm").as_bool());
  }
  // The flag agrees with the answer: a leader's deploy is refused.
  int64_t id = seen.json.at("items").as_array()[0].at("id").as_int64();
  EXPECT_EQ(lingdao->Post("/api/v1/problems/" + std::to_string(id) + "/deploy", "{}").status, 403);
}

}  // namespace
}  // namespace keyline::testing
