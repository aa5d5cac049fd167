// A demo that exercises every figure: on the demo district at 2026-12-08
// (report period 2026-11), no shipped indicator is 0% or 100% for every unit, every light
// dimension shows more than one colour, units change rank between periods, the bulletin counts
// this year's completions and productions, and the real projects keep their public facts.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <map>
#include <set>
#include <string>

#include "tests/demo_server.h"

namespace keyline::testing {
namespace {

std::string Str(const boost::json::value& v) {
  if (v.is_string()) return std::string(v.as_string());
  if (v.is_null()) return "";
  return boost::json::serialize(v);
}

class DemoFigures : public DemoApiTest {};

TEST_F(DemoFigures, NoShippedIndicatorIsZeroOrFullForEveryUnit) {
  int checked = 0;
  for (const char* set : {"fengxi", "shaanxi"}) {
    boost::json::value rates =
        Json(std::string("/api/v1/rates?set=") + set + "&period=202611&group_by=unit");
    ASSERT_TRUE(rates.is_object());
    for (const auto& ind : rates.at("indicators").as_array()) {
      std::string code = Str(ind.at("code"));
      std::set<std::string> values;
      for (const auto& row : rates.at("rows").as_array()) {
        if (Str(row.at("key")) == "none") continue;
        const auto& v = row.at("values").as_object();
        if (!v.contains(code) || Str(v.at(code).at("rate")).empty()) continue;
        values.insert(Str(v.at(code).at("rate")));
      }
      EXPECT_GE(values.size(), 2u) << code << " has one value for every unit";
      EXPECT_FALSE(values.size() == 1 &&
                   (*values.begin() == "0.000000" || *values.begin() == "1.000000"))
          << code;
      ++checked;
    }
  }
  EXPECT_EQ(checked, 11);  // the six Fengxi and five Shaanxi indicators
}

TEST_F(DemoFigures, EveryLightDimensionAndTheRankingMove) {
  boost::json::value lights = Json("/api/v1/lights?period=202611&page_size=500");
  ASSERT_TRUE(lights.is_object());
  std::map<std::string, std::set<std::string>> colours;
  for (const auto& item : lights.at("items").as_array()) {
    for (const auto& d : item.at("dimensions").as_array()) {
      if (d.at("assessed").as_bool()) colours[Str(d.at("dimension"))].insert(Str(d.at("colour")));
    }
  }
  EXPECT_EQ(colours.size(), 6u);
  for (const auto& [dimension, seen] : colours) {
    EXPECT_GE(seen.size(), 2u) << dimension << " shows one colour only";
  }
  const auto& counts = lights.at("counts");
  EXPECT_GT(counts.at("red").as_int64(), 0);
  EXPECT_GT(counts.at("yellow").as_int64(), 0);
  EXPECT_GT(counts.at("green").as_int64(), 0);

  // Units rank differently from one quarter to the next.
  boost::json::value schemes = Json("/api/v1/ranking-schemes");
  ASSERT_TRUE(schemes.is_object());
  std::string scheme = Str(schemes.at("items").at(0).at("code"));
  boost::json::value q3 = Json("/api/v1/rankings?scheme=" + scheme + "&period=2026Q3");
  ASSERT_TRUE(q3.is_object());
  int moved = 0, ranked = 0;
  for (const auto& g : q3.at("groups").as_array()) {
    for (const auto& r : g.at("rows").as_array()) {
      if (!r.at("ranked").as_bool()) continue;
      ++ranked;
      if (!r.at("change").is_null() && r.at("change").as_int64() != 0) ++moved;
    }
  }
  EXPECT_GT(ranked, 5);
  EXPECT_GT(moved, 3) << "units keep their rank every quarter";
}

TEST_F(DemoFigures, TheBulletinCountsThisYearsCompletionsAndProductions) {
  HttpResult html = fgw_->Get("/api/v1/bulletins/202611");
  ASSERT_EQ(html.status, 200);
  size_t at = html.body.find("1—11月累计新开工项目");
  ASSERT_NE(at, std::string::npos);
  std::string sentence = html.body.substr(at, html.body.find("。", at) - at);
  EXPECT_EQ(sentence.find("竣工项目0个"), std::string::npos) << sentence;
  EXPECT_EQ(sentence.find("投产项目0个"), std::string::npos) << sentence;
  boost::json::value shaanxi = Json("/api/v1/rates?set=shaanxi&period=202611");
  ASSERT_TRUE(shaanxi.is_object());
  const auto& done = shaanxi.at("area").at("values").at("shaanxi.completion_production");
  EXPECT_NE(Str(done.at("numerator")), "0");
}

TEST_F(DemoFigures, TheRealProjectsKeepTheirPublicFacts) {
  auto one = [&](const std::string& q) -> boost::json::value {
    boost::json::value page = Json("/api/v1/projects?q=" + q);
    EXPECT_TRUE(page.is_object() && page.at("items").as_array().size() == 1u) << q;
    if (!page.is_object() || page.at("items").as_array().empty()) return nullptr;
    return Json("/api/v1/projects/" + Str(page.at("items").at(0).at("id")));
  };
  // 雁塔区第四中学: under construction in 2023, 2,100 places from autumn 2023.
  boost::json::value school = one("%E7%AC%AC%E5%9B%9B%E4%B8%AD%E5%AD%A6");  // 第四中学
  ASSERT_TRUE(school.is_object());
  EXPECT_LT(Str(school.at("actual_start")), "2023-01-01");
  EXPECT_EQ(Str(school.at("actual_completion")).substr(0, 7), "2023-08");
  EXPECT_NE(Str(school.at("scale_content")).find("2023年秋季学期起提供学位2100个"),
            std::string::npos);
  // 西安荟聚: opened in 2024.
  boost::json::value mall = one("%E8%8D%9F%E8%81%9A");  // 荟聚
  ASSERT_TRUE(mall.is_object());
  EXPECT_EQ(Str(mall.at("stage")), "production");
  EXPECT_EQ(Str(mall.at("actual_completion")).substr(0, 4), "2024");
  // 网络安全产业园: started in the 2023-01-29 集中开工, in 未来产业城.
  boost::json::value park = one("%E7%BD%91%E7%BB%9C%E5%AE%89%E5%85%A8");  // 网络安全
  ASSERT_TRUE(park.is_object());
  EXPECT_EQ(Str(park.at("actual_start")), "2023-01-29");
  EXPECT_NE(Str(park.at("address")).find("未来产业城"), std::string::npos);
}

}  // namespace
}  // namespace keyline::testing
