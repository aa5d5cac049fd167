// Official lists are the same for everyone: on the demo district the same
// ranking, the same lights and the same unit rates read by the 发改 office (fgw), a department
// (教育局 jyj) and a 首席服务员 (fwy) carry the same scores, ranks, colours and rates on every
// row each of them sees; the scope only decides which rows come back.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <map>
#include <string>

#include "tests/demo_server.h"

namespace keyline::testing {
namespace {

boost::json::value GetJson(HttpClient& c, const std::string& target) {
  HttpResult r = c.Get(target);
  if (r.status != 200) return nullptr;
  return boost::json::parse(r.body);
}

std::string Str(const boost::json::value& v) {
  if (v.is_string()) return std::string(v.as_string());
  return boost::json::serialize(v);
}

class OfficialLists : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string error;
    demo_ = DemoServer::Start(&error);
    ASSERT_NE(demo_, nullptr) << error;
    for (const char* who : {"fgw", "jyj", "fwy"}) {
      clients_[who] = demo_->LoggedIn(who);
      ASSERT_NE(clients_[who], nullptr) << who;
    }
  }
  std::unique_ptr<DemoServer> demo_;
  std::map<std::string, std::unique_ptr<HttpClient>> clients_;
};

// unit id → "score|rank|list" of every row of every group of a ranking answer.
std::map<std::string, std::string> RankingRows(const boost::json::value& r) {
  std::map<std::string, std::string> out;
  for (const auto& g : r.at("groups").as_array()) {
    for (const auto& row : g.at("rows").as_array()) {
      out[Str(g.at("code")) + "/" + Str(row.at("unit_id"))] =
          Str(row.at("score")) + "|#" + Str(row.at("rank")) + "|" + Str(row.at("list")) + "|" +
          Str(row.at("previous_rank"));
    }
  }
  return out;
}

TEST_F(OfficialLists, TheRankingIsTheSameForTheOfficeADepartmentAndAServiceOfficer) {
  boost::json::value schemes = GetJson(*clients_["fgw"], "/api/v1/ranking-schemes");
  ASSERT_FALSE(schemes.is_null());
  int compared = 0;
  for (const auto& s : schemes.at("items").as_array()) {
    std::string code = Str(s.at("code"));
    for (const char* period : {"202611", "202610", "2026Q3", "2026Q4"}) {
      std::string target = "/api/v1/rankings?scheme=" + code + "&period=" + period;
      boost::json::value office = GetJson(*clients_["fgw"], target);
      if (office.is_null()) continue;  // a quarterly scheme asked for a month, or the reverse
      EXPECT_EQ(Str(office.at("rows_scope")), "all");
      auto official = RankingRows(office);
      for (const char* who : {"jyj", "fwy"}) {
        boost::json::value mine = GetJson(*clients_[who], target);
        ASSERT_FALSE(mine.is_null()) << who << " " << target;
        EXPECT_EQ(Str(mine.at("rows_scope")), "own") << who;
        auto rows = RankingRows(mine);
        EXPECT_FALSE(rows.empty()) << who << " sees no row of " << target;
        EXPECT_LT(rows.size(), official.size()) << who << " sees only its units' rows";
        for (const auto& [unit, value] : rows) {
          ASSERT_TRUE(official.count(unit)) << who << " sees a row the office does not: " << unit;
          EXPECT_EQ(value, official[unit]) << who << " " << target << " unit " << unit;
          ++compared;
        }
        // units_ranked: the whole group's size, the same for everyone.
        for (size_t g = 0; g < mine.at("groups").as_array().size(); ++g) {
          EXPECT_EQ(mine.at("groups").at(g).at("units_ranked"),
                    office.at("groups").at(g).at("units_ranked"));
        }
      }
    }
  }
  EXPECT_GT(compared, 0) << "no ranking row was compared";
}

TEST_F(OfficialLists, ASchemeVisibleToAllShowsEveryRowToInternalRoles) {
  HttpClient& fgw = *clients_["fgw"];
  boost::json::value schemes = GetJson(fgw, "/api/v1/ranking-schemes");
  ASSERT_FALSE(schemes.is_null());
  boost::json::object scheme = schemes.at("items").at(0).as_object();
  EXPECT_EQ(scheme.at("visible_to_all"), false);
  std::string code = Str(scheme.at("code"));
  const std::string target = "/api/v1/rankings?scheme=" + code + "&period=2026Q3";
  auto office = RankingRows(GetJson(fgw, target));
  // Only the office may change the setting (audited like every scheme change).
  scheme["visible_to_all"] = true;
  std::string body = boost::json::serialize(scheme);
  EXPECT_EQ(clients_["jyj"]->Request("PUT", "/api/v1/ranking-schemes/" + code, body).status, 403);
  HttpResult put = fgw.Request("PUT", "/api/v1/ranking-schemes/" + code, body);
  ASSERT_EQ(put.status, 200) << put.body;
  EXPECT_EQ(boost::json::parse(put.body).at("visible_to_all"), true);
  for (const char* who : {"jyj", "fwy"}) {
    boost::json::value mine = GetJson(*clients_[who], target);
    ASSERT_FALSE(mine.is_null()) << who;
    EXPECT_EQ(Str(mine.at("rows_scope")), "all") << who;
    EXPECT_EQ(RankingRows(mine), office) << who;
  }
  // A company (项目单位) still sees its own units' rows at most.
  auto qiye = demo_->LoggedIn("qiye");
  ASSERT_NE(qiye, nullptr);
  boost::json::value company = GetJson(*qiye, target);
  if (!company.is_null()) {
    EXPECT_EQ(Str(company.at("rows_scope")), "own");
    EXPECT_LT(RankingRows(company).size(), office.size());
  }
  // A bad value is refused with a bilingual message.
  scheme["visible_to_all"] = "yes";
  HttpResult bad =
      fgw.Request("PUT", "/api/v1/ranking-schemes/" + code, boost::json::serialize(scheme));
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("visible_to_all"), std::string::npos) << bad.body;
}

TEST_F(OfficialLists, LightsAndUnitRatesDoNotDependOnTheViewer) {
  const std::string lights = "/api/v1/lights?period=202611&page_size=500";
  std::map<int64_t, std::string> colours;
  boost::json::value office = GetJson(*clients_["fgw"], lights);
  ASSERT_FALSE(office.is_null());
  for (const auto& item : office.at("items").as_array()) {
    colours[item.at("project_id").as_int64()] = Str(item.at("overall"));
  }
  boost::json::value rates_office =
      GetJson(*clients_["fgw"], "/api/v1/rates?set=fengxi&period=202611&group_by=unit");
  ASSERT_FALSE(rates_office.is_null());
  std::map<std::string, std::string> official;  // unit key / indicator → percent
  for (const auto& row : rates_office.at("rows").as_array()) {
    for (const auto& kv : row.at("values").as_object()) {
      official[Str(row.at("key")) + "/" + std::string(kv.key())] = Str(kv.value().at("percent"));
    }
  }
  for (const char* who : {"jyj", "fwy"}) {
    boost::json::value mine = GetJson(*clients_[who], lights);
    ASSERT_FALSE(mine.is_null()) << who;
    EXPECT_FALSE(mine.at("items").as_array().empty()) << who;
    for (const auto& item : mine.at("items").as_array()) {
      EXPECT_EQ(Str(item.at("overall")), colours[item.at("project_id").as_int64()])
          << who << " project " << item.at("project_id");
    }
    // A department's unit row covers all of its unit's projects, as the office's does; a
    // service officer's rates are over its assigned projects only (not an official list).
    if (std::string(who) != "jyj") continue;
    boost::json::value rates =
        GetJson(*clients_[who], "/api/v1/rates?set=fengxi&period=202611&group_by=unit");
    ASSERT_FALSE(rates.is_null()) << who;
    // 季度贡献率 is the unit's share of the whole area's quarter, for every viewer.
    for (const auto& row : rates.at("rows").as_array()) {
      std::string key = Str(row.at("key")) + "/fengxi.quarterly_contribution";
      if (!row.at("values").as_object().contains("fengxi.quarterly_contribution")) continue;
      if (key.rfind("none/", 0) == 0) continue;
      std::string percent = Str(row.at("values").at("fengxi.quarterly_contribution").at("percent"));
      if (percent.empty()) continue;
      EXPECT_EQ(percent, official[key]) << who << " " << key;
    }
    // The department's dashboard reads its area row: 季度贡献率 there is its share of the whole
    // area (4.8% on the demo), the figure 五率 shows for its unit, not 100%.
    ASSERT_EQ(rates.at("rows").as_array().size(), 1u);
    std::string own = Str(rates.at("rows").at(0).at("key"));
    EXPECT_EQ(Str(rates.at("area").at("values").at("fengxi.quarterly_contribution").at("percent")),
              official[own + "/fengxi.quarterly_contribution"]);
    EXPECT_NE(official[own + "/fengxi.quarterly_contribution"], "100.0");
  }
}

}  // namespace
}  // namespace keyline::testing
