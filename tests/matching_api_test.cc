// Short names and matching over HTTP: a ledger naming units the way clerks write
// them (区住建局, 区城改办, 电子城街道, 教育局) → the dry run lists each unknown or ambiguous
// name once with its rows and candidates → the user maps them (an existing unit, or a new one)
// → confirm creates the units and saves the aliases in the same audited transaction → the
// same file a month later matches by itself. Also the alias endpoints and /units/resolve,
// with role scoping. Fixture: tests/fixtures/import/ledger_short_names.xlsx (make.sh).
#include <fstream>
#include <sstream>

#include "tests/api_test.h"

namespace keyline::testing {
namespace {

constexpr const char* kXlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

std::string ShortNamesLedger() {
  std::ifstream in(
      std::string(KEYLINE_SOURCE_DIR) + "/tests/fixtures/import/ledger_short_names.xlsx",
      std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string UrlEncode(const std::string& text) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

class MatchingApi : public ApiTest {
 protected:
  HttpResult Upload(HttpClient& c) {
    return c.Request("POST", "/api/v1/imports/ledger?filename=short.xlsx", ShortNamesLedger(),
                     {{"Content-Type", kXlsx}});
  }
  // The unresolved entry of a value, or nullptr.
  static const boost::json::object* Unresolved(const HttpResult& r, const std::string& value) {
    for (const auto& v : r.json.at("unresolved").as_array()) {
      if (v.at("value").as_string() == value) return &v.as_object();
    }
    return nullptr;
  }
  static std::vector<int64_t> Rows(const boost::json::object& u) {
    std::vector<int64_t> rows;
    for (const auto& r : u.at("rows").as_array()) rows.push_back(r.as_int64());
    return rows;
  }
  static bool HasCandidate(const boost::json::object& u, int64_t id) {
    for (const auto& c : u.at("candidates").as_array()) {
      if (c.at("id").as_int64() == id) return true;
    }
    return false;
  }
  boost::json::object ProjectNamed(HttpClient& c, const std::string& name) {
    HttpResult list = c.Get("/api/v1/projects?limit=500");
    EXPECT_EQ(list.status, 200) << list.body;
    for (const auto& p : list.json.at("items").as_array()) {
      if (p.at("name").as_string() == name) return p.as_object();
    }
    ADD_FAILURE() << "no project named " << name;
    return {};
  }
  int64_t AuditCount(HttpClient& admin, const std::string& query) {
    HttpResult r = admin.Get("/api/v1/audit?" + query + "&limit=500");
    EXPECT_EQ(r.status, 200) << r.body;
    return r.json.at("total").as_int64();
  }
  int64_t CityEducationBureau(HttpClient& admin) {
    HttpResult r = admin.Post(
        "/api/v1/units", R"({"name":"西安市教育局","kind":"department","region_code":"610100"})");
    EXPECT_EQ(r.status, 201) << r.body;
    return r.json.at("id").as_int64();
  }
  HttpResult PutValues(HttpClient& c, const std::string& id, const std::string& values) {
    return c.Request("PUT", "/api/v1/imports/" + id + "/values", R"({"values":)" + values + "}");
  }
};
KL_INSTANTIATE_BACKENDS(MatchingApi);

TEST_P(MatchingApi, ShortNamesAreListedMappedConfirmedAndMatchedNextTime) {
  auto admin = As("admin");
  auto fgw = As("fgw");
  int64_t city_edu = CityEducationBureau(*admin);
  HttpResult dry = Upload(*fgw);
  ASSERT_EQ(dry.status, 201) << dry.body;
  std::string id = std::to_string(dry.json.at("id").as_int64());
  // 区住建局 and 区发改委 match by themselves; the others are errors until mapped.
  EXPECT_EQ(dry.json.at("summary").at("create").as_int64(), 2) << dry.body;
  EXPECT_EQ(dry.json.at("summary").at("errors").as_int64(), 5);
  ASSERT_EQ(dry.json.at("unresolved").as_array().size(), 4u) << dry.body;
  const auto* edu = Unresolved(dry, "教育局");
  ASSERT_NE(edu, nullptr);
  EXPECT_EQ(edu->at("status").as_string(), "ambiguous");
  EXPECT_EQ(edu->at("field").as_string(), "responsible_unit");
  EXPECT_EQ(edu->at("kind").as_string(), "unit");
  EXPECT_EQ(Rows(*edu), (std::vector<int64_t>{8, 10}));  // listed once, both rows
  EXPECT_TRUE(HasCandidate(*edu, fx().dept_edu));
  EXPECT_TRUE(HasCandidate(*edu, city_edu));
  EXPECT_TRUE(edu->at("mapping").is_null());
  const auto* gzb = Unresolved(dry, "区城改办");
  ASSERT_NE(gzb, nullptr);
  EXPECT_EQ(gzb->at("status").as_string(), "unknown");
  EXPECT_EQ(Rows(*gzb), (std::vector<int64_t>{6}));
  ASSERT_NE(Unresolved(dry, "电子城街道"), nullptr);
  ASSERT_NE(Unresolved(dry, "区大数据局"), nullptr);
  // The row says which value it is waiting for, in both languages.
  bool named = false;
  for (const auto& r : dry.json.at("rows").as_array()) {
    if (r.at("row").as_int64() != 6) continue;
    std::string reasons = boost::json::serialize(r.at("reasons"));
    named = reasons.find("区城改办") != std::string::npos &&
            reasons.find("not registered") != std::string::npos;
  }
  EXPECT_TRUE(named) << dry.body;

  // Bad mappings: 400 with zh + en; someone else's import: 404.
  struct Bad {
    const char* values;
    const char* expect;
  } bad[] = {
      {R"([{"field":"responsible_unit","value":"教育局","unit_id":999999}])", "单位不存在"},
      {R"([{"field":"responsible_unit","value":"教育局","unit_id":COMPANY}])", "不能是企业"},
      {R"([{"field":"responsible_unit","value":"区城改办","create":{"name":"某公司","kind":"company"}}])",
       "不能是企业"},
      {R"([{"field":"nonsense","value":"教育局","unit_id":1}])", "未知字段"},
      {R"([{"field":"responsible_unit","value":"教育局"}])", "unit_id"},
      {R"([{"field":"responsible_unit","value":"教育局","unit_id":1,"create":{"name":"x"}}])",
       "unit_id"},
      {R"([{"field":"responsible_unit","value":"区城改办","create":{"name":"新单位","kind":"planet"}}])",
       "单位类型无效"},
  };
  for (const Bad& b : bad) {
    std::string values = b.values;
    if (auto at = values.find("COMPANY"); at != std::string::npos) {
      values.replace(at, 7, std::to_string(fx().company_a));
    }
    HttpResult r = PutValues(*fgw, id, values);
    EXPECT_EQ(r.status, 400) << values << " → " << r.body;
    EXPECT_NE(r.body.find(b.expect), std::string::npos) << r.body;
    EXPECT_FALSE(r.json.at("error").at("message_zh").as_string().empty());
    EXPECT_FALSE(r.json.at("error").at("message_en").as_string().empty());
  }
  EXPECT_EQ(PutValues(*As("edu"), id, "[]").status, 404);

  std::string mapping = R"([
    {"field":"responsible_unit","value":"教育局","unit_id":)" +
                        Id(fx().dept_edu) + R"(},
    {"field":"responsible_unit","value":"区城改办",
     "create":{"name":"雁塔区城中村和棚户区改造事务中心","kind":"department"}},
    {"field":"responsible_unit","value":"电子城街道",
     "create":{"name":"雁塔区电子城街道办事处","kind":"township"}},
    {"field":"responsible_unit","value":"区大数据局","unit_id":)" +
                        Id(fx().dept_build) + R"(},
    {"field":"responsible_unit","value":"表中没有的局","create":{"name":"表中没有的局"}}])";
  HttpResult mapped = PutValues(*fgw, id, mapping);
  ASSERT_EQ(mapped.status, 200) << mapped.body;
  EXPECT_EQ(mapped.json.at("summary").at("errors").as_int64(), 0) << mapped.body;
  EXPECT_EQ(mapped.json.at("summary").at("create").as_int64(), 7);
  const auto* edu_mapped = Unresolved(mapped, "教育局");
  ASSERT_NE(edu_mapped, nullptr);
  EXPECT_EQ(edu_mapped->at("mapping").at("unit_id").as_int64(), fx().dept_edu);
  EXPECT_EQ(Unresolved(mapped, "区城改办")->at("mapping").at("create").at("kind").as_string(),
            "department");
  // The mappings are kept with the session.
  HttpResult again = fgw->Get("/api/v1/imports/" + id);
  ASSERT_EQ(again.status, 200);
  EXPECT_EQ(again.json.at("summary").at("errors").as_int64(), 0);

  int64_t aliases_before = AuditCount(*admin, "entity=unit_alias");
  HttpResult done = fgw->Post("/api/v1/imports/" + id + "/confirm", "{}");
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(done.json.at("created").as_int64(), 7);
  EXPECT_EQ(done.json.at("units_created").as_int64(), 2);  // not the value absent from the sheet
  EXPECT_EQ(done.json.at("aliases_saved").as_int64(), 4);
  EXPECT_EQ(AuditCount(*admin, "entity=unit_alias"), aliases_before + 4);
  EXPECT_EQ(ProjectNamed(*fgw, "简称测试学校").at("responsible_unit_id").as_int64(), fx().dept_edu);
  EXPECT_EQ(ProjectNamed(*fgw, "简称测试数据中心").at("responsible_unit_id").as_int64(),
            fx().dept_build);
  EXPECT_EQ(ProjectNamed(*fgw, "简称测试道路工程").at("responsible_unit_id").as_int64(),
            fx().dept_build);
  int64_t gzb_unit = ProjectNamed(*fgw, "简称测试城中村改造").at("responsible_unit_id").as_int64();
  HttpResult unit = fgw->Get("/api/v1/units/" + Id(gzb_unit));
  EXPECT_EQ(unit.json.at("name").as_string(), "雁塔区城中村和棚户区改造事务中心");
  EXPECT_EQ(unit.json.at("kind").as_string(), "department");
  HttpResult aliases = fgw->Get("/api/v1/units/" + Id(gzb_unit) + "/aliases");
  ASSERT_EQ(aliases.status, 200) << aliases.body;
  ASSERT_EQ(aliases.json.at("items").as_array().size(), 1u);
  EXPECT_EQ(aliases.json.at("items").as_array()[0].at("alias").as_string(), "区城改办");

  // Next month: the same names match by themselves.
  HttpResult next = Upload(*fgw);
  ASSERT_EQ(next.status, 201) << next.body;
  EXPECT_TRUE(next.json.at("unresolved").as_array().empty()) << next.body;
  EXPECT_EQ(next.json.at("summary").at("errors").as_int64(), 0);
  EXPECT_EQ(next.json.at("summary").at("unchanged").as_int64(), 7);

  // A newer answer wins: 教育局 mapped to the city bureau moves the alias (audited).
  std::string next_id = std::to_string(next.json.at("id").as_int64());
  HttpResult remap = PutValues(
      *fgw, next_id,
      R"([{"field":"responsible_unit","value":"教育局","unit_id":)" + Id(city_edu) + "}]");
  ASSERT_EQ(remap.status, 200) << remap.body;
  EXPECT_EQ(remap.json.at("summary").at("update").as_int64(), 2) << remap.body;
  EXPECT_EQ(Unresolved(remap, "教育局")->at("status").as_string(), "matched");
  HttpResult moved = fgw->Post("/api/v1/imports/" + next_id + "/confirm", "{}");
  ASSERT_EQ(moved.status, 200) << moved.body;
  EXPECT_EQ(moved.json.at("aliases_saved").as_int64(), 1);
  EXPECT_EQ(fgw->Get("/api/v1/units/" + Id(city_edu) + "/aliases").json.at("total").as_int64(), 1);
  EXPECT_EQ(fgw->Get("/api/v1/units/" + Id(fx().dept_edu) + "/aliases").json.at("total").as_int64(),
            0);
  EXPECT_EQ(ProjectNamed(*fgw, "简称测试学校").at("responsible_unit_id").as_int64(), city_edu);
  EXPECT_EQ(AuditCount(*admin, "entity=unit_alias"), aliases_before + 6);  // + delete, create
}

TEST_P(MatchingApi, AliasesAreReadByAllAndWrittenByTheOfficeOnly) {
  auto fgw = As("fgw");
  auto edu = As("edu");
  std::string build = "/api/v1/units/" + Id(fx().dept_build) + "/aliases";
  HttpResult added = fgw->Post(build, R"({"alias":"区住建"})");
  ASSERT_EQ(added.status, 201) << added.body;
  std::string alias_id = std::to_string(added.json.at("id").as_int64());
  EXPECT_EQ(added.json.at("unit_id").as_int64(), fx().dept_build);
  HttpResult listed = edu->Get(build);
  ASSERT_EQ(listed.status, 200) << listed.body;
  EXPECT_EQ(listed.json.at("items").as_array().size(), 1u);
  for (const char* who : {"edu", "company_a", "leader", "officer"}) {
    HttpResult r = As(who)->Post(build, R"({"alias":"住建"})");
    EXPECT_EQ(r.status, 403) << who << ": " << r.body;
    EXPECT_EQ(As(who)->Delete(build + "/" + alias_id).status, 403) << who;
  }
  // Bad aliases.
  EXPECT_EQ(fgw->Post(build, R"({"alias":"区住建"})").status, 409);  // again
  HttpResult other = fgw->Post("/api/v1/units/" + Id(fx().dept_edu) + "/aliases",
                               R"({"alias":"区 住建"})");  // the same key, another unit
  EXPECT_EQ(other.status, 409) << other.body;
  EXPECT_EQ(fgw->Post(build, R"({"alias":"雁塔区住房和城乡建设局"})").status, 400);  // its name
  EXPECT_EQ(fgw->Post(build, R"({"alias":"雁塔区教育局"})").status, 409);  // another's name
  EXPECT_EQ(fgw->Post(build, R"({"alias":"  "})").status, 400);
  EXPECT_EQ(fgw->Post("/api/v1/units/999999/aliases", R"({"alias":"无"})").status, 404);
  EXPECT_EQ(fgw->Get("/api/v1/units/999999/aliases").status, 404);

  // Look-ups: the alias, the abbreviation, ambiguity; office roles only.
  HttpResult by_alias = fgw->Get("/api/v1/units/resolve?name=" + UrlEncode("区住建"));
  ASSERT_EQ(by_alias.status, 200) << by_alias.body;
  EXPECT_EQ(by_alias.json.at("status").as_string(), "matched");
  EXPECT_EQ(by_alias.json.at("unit_id").as_int64(), fx().dept_build);
  EXPECT_EQ(by_alias.json.at("via").as_string(), "alias");
  HttpResult by_short = fgw->Get("/api/v1/units/resolve?name=" + UrlEncode("区住建局"));
  EXPECT_EQ(by_short.json.at("unit_id").as_int64(), fx().dept_build) << by_short.body;
  HttpResult negative = fgw->Get("/api/v1/units/resolve?name=" + UrlEncode("区卫健局"));
  EXPECT_EQ(negative.json.at("status").as_string(), "unknown") << negative.body;
  EXPECT_EQ(edu->Get("/api/v1/units/resolve?name=" + UrlEncode("区住建局")).status, 403);
  EXPECT_EQ(fgw->Get("/api/v1/units/resolve").status, 400);

  // The unit list finds a unit by the name clerks write when no name contains the text.
  HttpResult listed_short = edu->Get("/api/v1/units?q=" + UrlEncode("区住建局"));
  ASSERT_EQ(listed_short.status, 200) << listed_short.body;
  ASSERT_EQ(listed_short.json.at("items").as_array().size(), 1u) << listed_short.body;
  EXPECT_EQ(listed_short.json.at("items").as_array()[0].at("id").as_int64(), fx().dept_build);
  EXPECT_EQ(edu->Get("/api/v1/units?q=" + UrlEncode("区卫健局")).json.at("total").as_int64(), 0);

  // Removing: only from its own unit.
  EXPECT_EQ(fgw->Delete("/api/v1/units/" + Id(fx().dept_edu) + "/aliases/" + alias_id).status, 404);
  EXPECT_EQ(fgw->Delete(build + "/" + alias_id).status, 204);
  EXPECT_TRUE(fgw->Get(build).json.at("items").as_array().empty());

  // People: same rules; two people of one name are ambiguous with unit and title.
  std::string leader = "/api/v1/people/" + Id(fx().leader_person) + "/aliases";
  ASSERT_EQ(fgw->Post(leader, R"({"alias":"王区长"})").status, 201);
  EXPECT_EQ(edu->Post(leader, R"({"alias":"王"})").status, 403);
  HttpResult person = fgw->Get("/api/v1/people/resolve?name=" + UrlEncode("王区长"));
  ASSERT_EQ(person.status, 200) << person.body;
  EXPECT_EQ(person.json.at("person_id").as_int64(), fx().leader_person);
  HttpResult twin =
      fgw->Post("/api/v1/people", R"({"name":"李服务","title":"科长","kind":"cadre","unit_id":)" +
                                      Id(fx().dept_build) + "}");
  ASSERT_EQ(twin.status, 201) << twin.body;
  HttpResult two = fgw->Get("/api/v1/people/resolve?name=" + UrlEncode("李服务"));
  EXPECT_EQ(two.json.at("status").as_string(), "ambiguous") << two.body;
  ASSERT_EQ(two.json.at("candidates").as_array().size(), 2u);
  EXPECT_EQ(two.json.at("candidates").as_array()[1].at("title").as_string(), "科长");
  EXPECT_EQ(two.json.at("candidates").as_array()[1].at("unit_name").as_string(),
            "雁塔区住房和城乡建设局");

  auto admin = As("admin");
  EXPECT_EQ(AuditCount(*admin, "entity=unit_alias"), 2);    // added, deleted
  EXPECT_EQ(AuditCount(*admin, "entity=person_alias"), 1);  // added
}

}  // namespace
}  // namespace keyline::testing
