// Need to know: people's phones (GET /people, /people/{id}) and units' contacts
// (GET /units, /units/{id}) go to the office, to a unit for its own people, to a department
// for the people and owner companies of its projects, and to a company for its own people and
// its projects' 首席服务员. Everyone else reads the name and unit with phone / contact null.
// Every role of the fixture, on SQLite and PostgreSQL.
#include <map>
#include <set>

#include "tests/api_test.h"

namespace keyline::testing {
namespace {

class ContactsApi : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    if (IsSkipped()) return;
    HttpClient* fgw = &Client("fgw");
    auto patch_person = [&](int64_t id, const std::string& phone) {
      HttpResult p = fgw->Get("/api/v1/people/" + std::to_string(id));
      ASSERT_EQ(p.status, 200) << p.body;
      HttpResult r = fgw->Patch("/api/v1/people/" + std::to_string(id),
                                R"({"version":)" + std::to_string(p.json.at("version").as_int64()) +
                                    R"(,"phone":")" + phone + R"("})");
      ASSERT_EQ(r.status, 200) << r.body;
    };
    patch_person(fx().leader_person, "13900000001");
    patch_person(fx().officer_person, "13900000002");
    auto create_person = [&](const std::string& name, int64_t unit, const std::string& phone) {
      HttpResult r = fgw->Post("/api/v1/people",
                               R"({"name":")" + name + R"(","unit_id":)" + std::to_string(unit) +
                                   R"(,"kind":"contact","phone":")" + phone + R"("})");
      EXPECT_EQ(r.status, 201) << r.body;
      return r.json.at("id").as_int64();
    };
    contact_a_ = create_person("赵经理", fx().company_a, "13900000003");
    contact_b_ = create_person("钱经理", fx().company_b, "13900000004");
    for (int64_t unit : {fx().company_a, fx().company_b, fx().dept_edu}) {
      HttpResult u = fgw->Get("/api/v1/units/" + std::to_string(unit));
      ASSERT_EQ(u.status, 200) << u.body;
      HttpResult r =
          fgw->Patch("/api/v1/units/" + std::to_string(unit),
                     R"({"version":)" + std::to_string(u.json.at("version").as_int64()) +
                         R"(,"contact":"联系人 0298800)" + std::to_string(unit) + R"("})");
      ASSERT_EQ(r.status, 200) << r.body;
    }
  }
  // Person id → phone as `who` reads GET /people ("null" when hidden), and a check that
  // every person is listed with name and unit.
  std::map<int64_t, std::string> Phones(const std::string& who) {
    std::map<int64_t, std::string> out;
    HttpResult r = Client(who).Get("/api/v1/people?limit=500");
    EXPECT_EQ(r.status, 200) << who << ": " << r.body;
    for (const auto& v : r.json.at("items").as_array()) {
      EXPECT_FALSE(v.at("name").as_string().empty()) << who;
      EXPECT_TRUE(v.as_object().contains("unit_id")) << who;
      const auto& phone = v.at("phone");
      out[v.at("id").as_int64()] = phone.is_null() ? "null" : std::string(phone.as_string());
    }
    return out;
  }
  std::map<int64_t, std::string> Contacts(const std::string& who) {
    std::map<int64_t, std::string> out;
    HttpResult r = Client(who).Get("/api/v1/units?limit=500");
    EXPECT_EQ(r.status, 200) << who << ": " << r.body;
    for (const auto& v : r.json.at("items").as_array()) {
      EXPECT_FALSE(v.at("name").as_string().empty()) << who;
      const auto& c = v.at("contact");
      out[v.at("id").as_int64()] = c.is_null() ? "null" : "shown";
    }
    return out;
  }
  // One logged-in client per user (logging in again for every request would meet the login
  // rate limit).
  HttpClient& Client(const std::string& who) {
    auto& c = clients_[who];
    if (!c) c = As(who);
    return *c;
  }
  int64_t contact_a_ = 0, contact_b_ = 0;
  std::map<std::string, std::unique_ptr<HttpClient>> clients_;
};
KL_INSTANTIATE_BACKENDS(ContactsApi);

TEST_P(ContactsApi, PhonesOnlyToThoseWhoNeedThem) {
  const int64_t leader = fx().leader_person, officer = fx().officer_person;
  struct Expect {
    const char* who;
    std::set<int64_t> readable;  // among leader, officer, contact_a, contact_b
  };
  const Expect expects[] = {
      {"admin", {leader, officer, contact_a_, contact_b_}},
      {"fgw", {leader, officer, contact_a_, contact_b_}},
      // 教育局: its own officer, and the 包抓领导 of its school project.
      {"edu", {leader, officer}},
      // 住建局: its projects have no people assigned.
      {"build", {}},
      // Company A: its own contact and its school's 首席服务员 (not the 包抓领导).
      {"company_a", {officer, contact_a_}},
      {"company_b", {contact_b_}},
      // The leader: its own record and its unit's (the office's) people.
      {"leader", {leader}},
      // The service officer: its unit's (教育局) people and the 包抓领导 of the project it serves.
      {"officer", {leader, officer}},
  };
  const std::map<int64_t, std::string> phones = {{leader, "13900000001"},
                                                 {officer, "13900000002"},
                                                 {contact_a_, "13900000003"},
                                                 {contact_b_, "13900000004"}};
  for (const Expect& e : expects) {
    std::map<int64_t, std::string> seen = Phones(e.who);
    for (const auto& [id, phone] : phones) {
      ASSERT_TRUE(seen.count(id)) << e.who << " does not list person " << id;
      EXPECT_EQ(seen[id], e.readable.count(id) ? phone : "null") << e.who << " person " << id;
      HttpResult one = Client(e.who).Get("/api/v1/people/" + std::to_string(id));
      ASSERT_EQ(one.status, 200) << one.body;
      EXPECT_EQ(one.json.at("phone").is_null(), e.readable.count(id) == 0)
          << e.who << " GET /people/" << id;
      EXPECT_FALSE(one.json.at("name").as_string().empty());
    }
  }
  // The stored phone is unchanged by a hidden read.
  EXPECT_EQ(Phones("fgw")[contact_b_], "13900000004");
}

TEST_P(ContactsApi, UnitContactsOnlyToTheUnitItsProjectsDepartmentsAndTheOffice) {
  const int64_t a = fx().company_a, b = fx().company_b, edu = fx().dept_edu;
  struct Expect {
    const char* who;
    std::set<int64_t> readable;  // among company A, company B, 教育局
  };
  const Expect expects[] = {
      {"admin", {a, b, edu}},
      {"fgw", {a, b, edu}},
      {"edu", {a, b, edu}},  // owners of the school
                             // and of the mall it
                             // cooperates on
      {"build", {b}},
      {"company_a", {a}},
      {"company_b", {b}},
      {"leader", {}},
      {"officer", {a, edu}},  // its unit (教育局) and the owner of the project it serves
  };
  for (const Expect& e : expects) {
    std::map<int64_t, std::string> seen = Contacts(e.who);
    for (int64_t id : {a, b, edu}) {
      EXPECT_EQ(seen[id], e.readable.count(id) ? "shown" : "null") << e.who << " unit " << id;
      HttpResult one = Client(e.who).Get("/api/v1/units/" + std::to_string(id));
      ASSERT_EQ(one.status, 200) << one.body;
      EXPECT_EQ(one.json.at("contact").is_null(), e.readable.count(id) == 0)
          << e.who << " GET /units/" << id;
    }
  }
}

}  // namespace
}  // namespace keyline::testing
