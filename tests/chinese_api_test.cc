// Chinese all the way over HTTP: the GB/T 4754 industry table with names,
// industry names beside codes, people by display name beside their login, and indicator
// formulas with a Chinese reading.
#include <string>

#include "tests/api_test.h"

namespace keyline::testing {
namespace {

class ChineseApi : public ApiTest {
 protected:
  // Renames a fixture account (the fixture's display names equal the logins).
  void Rename(const std::string& username, const std::string& display_name) {
    auto admin = As("admin");
    HttpResult users = admin->Get("/api/v1/users");
    ASSERT_EQ(users.status, 200) << users.body;
    for (const auto& u : users.json.at("items").as_array()) {
      if (u.at("username") != username.c_str()) continue;
      std::string path = "/api/v1/users/" + Id(u.at("id").as_int64());
      HttpResult r = admin->Patch(
          path, Json({{"version", u.at("version").as_int64()}, {"display_name", display_name}}));
      ASSERT_EQ(r.status, 200) << r.body;
      return;
    }
    FAIL() << "no user " << username;
  }
};
KL_INSTANTIATE_BACKENDS(ChineseApi);

TEST_P(ChineseApi, IndustryTableHasEveryLevelWithNames) {
  auto fgw = As("fgw");
  HttpResult all = fgw->Get("/api/v1/meta/industries");
  ASSERT_EQ(all.status, 200) << all.body;
  // 20 门类 + 97 大类 + 473 中类 + 1381 小类.
  EXPECT_EQ(all.json.at("total").as_int64(), 20 + 97 + 473 + 1381);
  const auto& items = all.json.at("items").as_array();
  ASSERT_EQ(items.size(), 1971u);
  EXPECT_EQ(items[0].at("code"), "A");
  EXPECT_EQ(items[0].at("name"), "农、林、牧、渔业");
  EXPECT_EQ(items[0].at("level").as_int64(), 1);
  EXPECT_EQ(items[0].at("parent_code"), "");
  EXPECT_EQ(items[1].at("code"), "A01");
  EXPECT_EQ(items[1].at("name"), "农业");
  EXPECT_EQ(items[1].at("parent_code"), "A");
  EXPECT_EQ(items[2].at("code"), "A011");
  EXPECT_EQ(items[2].at("name"), "谷物种植");
  EXPECT_EQ(items[2].at("level").as_int64(), 3);
  EXPECT_EQ(items[2].at("parent_code"), "A01");
  EXPECT_EQ(items[3].at("code"), "A0111");
  EXPECT_EQ(items[3].at("name"), "稻谷种植");
  EXPECT_EQ(items[3].at("level").as_int64(), 4);
  EXPECT_EQ(items[3].at("parent_code"), "A011");

  // By name, at any level: 百货 finds the 小类 F5211 百货零售 alone.
  HttpResult store = fgw->Get("/api/v1/meta/industries?q=%E7%99%BE%E8%B4%A7");
  ASSERT_EQ(store.status, 200) << store.body;
  ASSERT_EQ(store.json.at("total").as_int64(), 1) << store.body;
  EXPECT_EQ(store.json.at("items").at(0).at("code"), "F5211");
  EXPECT_EQ(store.json.at("items").at(0).at("name"), "百货零售");
  EXPECT_EQ(store.json.at("items").at(0).at("parent_code"), "F521");
  // 零售 finds the section 批发和零售业, the division 零售业 and the 70 中类 and 小类 named so.
  HttpResult retail = fgw->Get("/api/v1/meta/industries?q=%E9%9B%B6%E5%94%AE");
  ASSERT_EQ(retail.status, 200) << retail.body;
  std::string body = retail.body;
  EXPECT_NE(body.find("\"F52\""), std::string::npos) << body;
  EXPECT_NE(body.find("批发和零售业"), std::string::npos) << body;
  EXPECT_EQ(retail.json.at("total").as_int64(), 72);
  // By code prefix, any case: F5 is the two divisions and everything below them.
  HttpResult f5 = fgw->Get("/api/v1/meta/industries?q=f5");
  ASSERT_EQ(f5.status, 200);
  EXPECT_EQ(f5.json.at("total").as_int64(), 148);
  EXPECT_EQ(f5.json.at("items").at(0).at("name"), "批发业");
  HttpResult f521 = fgw->Get("/api/v1/meta/industries?q=F521");
  ASSERT_EQ(f521.status, 200);
  EXPECT_EQ(f521.json.at("total").as_int64(), 5);  // 综合零售 and its four 小类

  EXPECT_EQ(fgw->Get("/api/v1/meta/industries?level=2").status, 400);
  EXPECT_EQ(fgw->Get("/api/v1/meta/industries?q=" + std::string(101, 'a')).status, 400);
  EXPECT_EQ(server().Anonymous()->Get("/api/v1/meta/industries").status, 401);
}

TEST_P(ChineseApi, ProjectsCarryTheNameOfTheirIndustry) {
  auto fgw = As("fgw");
  std::string path = "/api/v1/projects/" + Id(fx().project_mall);
  HttpResult before = fgw->Get(path);
  ASSERT_EQ(before.status, 200) << before.body;
  HttpResult set = fgw->Patch(
      path, Json({{"version", before.json.at("version").as_int64()}, {"industry_code", "F5211"}}));
  ASSERT_EQ(set.status, 200) << set.body;
  EXPECT_EQ(set.json.at("industry_code"), "F5211");
  EXPECT_EQ(set.json.at("industry_name"), "百货零售");  // the 小类's own name

  // The ledger carries the name too, and filters by the 大类 picked in the UI.
  HttpResult ledger = fgw->Get("/api/v1/projects?industry=F52");
  ASSERT_EQ(ledger.status, 200) << ledger.body;
  ASSERT_EQ(ledger.json.at("total").as_int64(), 1);
  EXPECT_EQ(ledger.json.at("items").at(0).at("industry_name"), "百货零售");

  // A project without a code has no name; a code outside the table is refused in zh and en.
  HttpResult school = fgw->Get("/api/v1/projects/" + Id(fx().project_school));
  if (school.json.at("industry_code").is_null()) {
    EXPECT_TRUE(school.json.at("industry_name").is_null());
  }
  HttpResult bad = fgw->Patch(
      path, Json({{"version", set.json.at("version").as_int64()}, {"industry_code", "F83"}}));
  EXPECT_EQ(bad.status, 400) << bad.body;
  EXPECT_NE(bad.body.find("不属于门类F"), std::string::npos) << bad.body;
  EXPECT_NE(bad.body.find("is not in section F"), std::string::npos) << bad.body;
}

TEST_P(ChineseApi, PeopleAreNamedByDisplayNameBesideTheirLogin) {
  Rename("fgw", "王倩");
  auto fgw = As("fgw");
  std::string path = "/api/v1/projects/" + Id(fx().project_road);
  HttpResult started = fgw->Post(
      path + "/stage",
      Json({{"to", "construction"}, {"reason", "已开工"}, {"actual_start", "2026-03-10"}}));
  ASSERT_EQ(started.status, 200) << started.body;
  HttpResult history = fgw->Get(path + "/stages");
  ASSERT_EQ(history.status, 200) << history.body;
  const auto& last = history.json.at("items").as_array().back();
  EXPECT_EQ(last.at("username"), "fgw");
  EXPECT_EQ(last.at("user_name"), "王倩");

  // The audit trail names the person too (the login stays for the record).
  HttpResult audit = As("admin")->Get("/api/v1/audit?limit=500");
  ASSERT_EQ(audit.status, 200) << audit.body;
  bool found = false;
  for (const auto& e : audit.json.at("items").as_array()) {
    if (e.at("username") == "fgw" && e.at("action") == "stage") {
      EXPECT_EQ(e.at("user_name"), "王倩");
      found = true;
    }
  }
  EXPECT_TRUE(found) << audit.body.substr(0, 500);

  // What a person records is signed with their name (登记人), not their login.
  HttpResult line = fgw->Post("/api/v1/projects/" + Id(fx().project_school) + "/funds",
                              Json({{"source", "central_budget"}, {"year", 2026}}));
  ASSERT_EQ(line.status, 201) << line.body;
  HttpResult event = fgw->Post(
      "/api/v1/fund-lines/" + Id(line.json.at("id").as_int64()) + "/events",
      Json({{"stage", "applied"}, {"amount", "100"}, {"date", "2026-01-20"}, {"version", 1}}));
  ASSERT_EQ(event.status, 201) << event.body;
  EXPECT_NE(event.body.find("\"created_by_name\":\"王倩\""), std::string::npos) << event.body;
}

TEST_P(ChineseApi, IndicatorFormulasComeWithAChineseReading) {
  HttpResult list = As("fgw")->Get("/api/v1/indicators");
  ASSERT_EQ(list.status, 200) << list.body;
  bool found = false;
  for (const auto& i : list.json.at("items").as_array()) {
    ASSERT_TRUE(i.as_object().contains("numerator_zh")) << i;
    ASSERT_TRUE(i.as_object().contains("denominator_zh")) << i;
    if (i.at("code") != "fengxi.investment_completion") continue;
    found = true;
    std::string num(i.at("numerator_zh").as_string());
    std::string den(i.at("denominator_zh").as_string());
    EXPECT_NE(num.find("合计（月报·完成投资"), std::string::npos) << num;
    EXPECT_NE(den.find("年度计划投资"), std::string::npos) << den;
    EXPECT_EQ(num.find("reports"), std::string::npos) << num;
  }
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace keyline::testing
