// One definition per figure: on the demo district, for the report
// period 2026-11 and the whole area, the dashboard (/reporting/summary), 五率 (/rates), the
// rates export (.xlsx), the bulletin (HTML and .xlsx), 目标任务 (/targets) and 招商引资
// (/attraction/rates) give the same value for every figure they share, formatted the same way.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <map>
#include <string>

#include "common/number_format.h"
#include "documents/xlsx_readback.h"
#include "tests/demo_server.h"

namespace keyline::testing {
namespace {

using documents::testing::ReadBack;
using documents::testing::ReadSheet;

std::string Str(const boost::json::value& v) {
  if (v.is_string()) return std::string(v.as_string());
  if (v.is_null()) return "";
  return boost::json::serialize(v);
}

double Num(const boost::json::value& v) { return v.to_number<double>(); }

class OneNumber : public DemoApiTest {
 protected:
  // label → indicator code → percent of a GET /rates answer (the area row as "全区").
  static std::map<std::string, std::map<std::string, std::string>> Percents(
      const boost::json::value& rates) {
    std::map<std::string, std::map<std::string, std::string>> out;
    for (const auto& row : rates.at("rows").as_array()) {
      for (const auto& kv : row.at("values").as_object())
        out[Str(row.at("label"))][std::string(kv.key())] = Str(kv.value().at("percent"));
    }
    for (const auto& kv : rates.at("area").at("values").as_object())
      out["全区"][std::string(kv.key())] = Str(kv.value().at("percent"));
    return out;
  }
};

TEST_F(OneNumber, TheDashboardFiveRatesBulletinAndExportsAgreeForOnePeriod) {
  boost::json::value summary = Json("/api/v1/reporting/summary?period=202611");
  boost::json::value fengxi = Json("/api/v1/rates?set=fengxi&period=202611&group_by=unit");
  boost::json::value shaanxi = Json("/api/v1/rates?set=shaanxi&period=202611&group_by=unit");
  ASSERT_TRUE(summary.is_object() && fengxi.is_object() && shaanxi.is_object());
  auto fx = Percents(fengxi), sx = Percents(shaanxi);

  // 投资完成率: the dashboard's card, both sets' engine indicator, one decimal each.
  std::string completion = FormatFraction(Num(summary.at("completion_rate")), 1);
  EXPECT_EQ(fx["全区"]["fengxi.investment_completion"], completion);
  EXPECT_EQ(sx["全区"]["shaanxi.plan_investment_completion"], completion);
  EXPECT_EQ(Str(fengxi.at("area").at("values").at("fengxi.investment_completion").at("numerator")),
            Str(summary.at("completed_to_period")));
  EXPECT_EQ(
      Str(fengxi.at("area").at("values").at("fengxi.investment_completion").at("denominator")),
      Str(summary.at("annual_planned")));

  // The bulletin (HTML) quotes the same rate and amounts.
  HttpResult html = fgw_->Get("/api/v1/bulletins/202611");
  ASSERT_EQ(html.status, 200);
  EXPECT_NE(html.body.find("占年度计划的" + completion + "%"), std::string::npos) << completion;
  Result<Money> completed = Money::ParseWan(Str(summary.at("completed_to_period")));
  ASSERT_TRUE(completed.ok());
  EXPECT_NE(html.body.find("累计完成投资" + FormatWan(*completed) + "万元"), std::string::npos);

  // The bulletin (.xlsx): 总体情况 and every unit's five rates, as /rates gives them.
  HttpResult xlsx = fgw_->Get("/api/v1/bulletins/202611?format=xlsx");
  ASSERT_EQ(xlsx.status, 200);
  std::string error;
  std::vector<ReadSheet> sheets = ReadBack(xlsx.body, &error);
  ASSERT_FALSE(sheets.empty()) << error;
  const ReadSheet* totals = nullptr;
  const ReadSheet* rates = nullptr;
  for (const ReadSheet& s : sheets) {
    if (s.name == "总体情况") totals = &s;
    if (s.name == "五率") rates = &s;
  }
  ASSERT_NE(totals, nullptr);
  ASSERT_NE(rates, nullptr);
  int64_t share_row = totals->RowStarting("占年度计划");
  ASSERT_GT(share_row, 0);
  EXPECT_EQ(totals->At(share_row, 1).text, completion + "%");
  // 五率 sheet: columns 2.. are the shaanxi rates in catalogue order (names in header row 4).
  std::map<std::string, std::string> code_of_name;
  for (const auto& ind : shaanxi.at("indicators").as_array())
    code_of_name[Str(ind.at("name_zh"))] = Str(ind.at("code"));
  int64_t header_row = 0;
  for (const auto& [n, cells] : rates->rows) {
    for (const auto& c : cells)
      if (c.text == "招商引资落地率") header_row = n;
  }
  ASSERT_GT(header_row, 0);
  int compared = 0;
  for (const auto& [n, cells] : rates->rows) {
    if (n <= header_row || cells.size() < 3) continue;
    std::string unit = cells[1].text;
    for (size_t c = 2; c < cells.size(); ++c) {
      std::string code = code_of_name[rates->At(header_row, static_cast<int>(c)).text];
      if (cells[c].kind != xlsx::Cell::Kind::kNumber || code.empty()) continue;
      ASSERT_TRUE(sx.count(unit)) << unit;
      EXPECT_EQ(FormatFraction(cells[c].number, 1), sx[unit][code]) << unit << " " << code;
      ++compared;
    }
  }
  EXPECT_GT(compared, 10);

  // The rates export: the same percent in each unit's "率（%）" cell.
  HttpResult export_xlsx =
      fgw_->Get("/api/v1/export/rates.xlsx?set=fengxi&period=202611&group_by=unit");
  ASSERT_EQ(export_xlsx.status, 200);
  std::vector<ReadSheet> exported = ReadBack(export_xlsx.body, &error);
  ASSERT_EQ(exported.size(), 1u) << error;
  int exported_cells = 0;
  std::vector<std::string> codes;
  for (const auto& ind : fengxi.at("indicators").as_array()) codes.push_back(Str(ind.at("code")));
  for (const auto& [n, cells] : exported[0].rows) {
    if (cells.empty() || !fx.count(cells[0].text)) continue;
    for (size_t i = 0; i < codes.size(); ++i) {
      size_t col = 1 + 3 * i;
      if (col >= cells.size() || cells[col].kind != xlsx::Cell::Kind::kNumber) continue;
      EXPECT_EQ(FormatNumber(cells[col].number, 1), fx[cells[0].text][codes[i]])
          << cells[0].text << " " << codes[i];
      ++exported_cells;
    }
  }
  EXPECT_GT(exported_cells, 10);
}

TEST_F(OneNumber, TheBulletinsLightsAndRankingAreTheScreensOnes) {
  // The lights: the bulletin's red and yellow counts are the lights screen's.
  boost::json::value lights = Json("/api/v1/lights?period=202611&page_size=1");
  ASSERT_TRUE(lights.is_object());
  HttpResult html = fgw_->Get("/api/v1/bulletins/202611");
  ASSERT_EQ(html.status, 200);
  EXPECT_NE(html.body.find("本月亮红灯项目" + Str(lights.at("counts").at("red")) +
                           "个，亮黄灯项目" + Str(lights.at("counts").at("yellow")) + "个"),
            std::string::npos);
  // The ranking: every unit's score and rank in the bulletin's 排名 sheet are the 榜单 screen's
  // (the demo scheme is quarterly: the bulletin of 2026-11 ranks 2026Q3).
  boost::json::value schemes = Json("/api/v1/ranking-schemes");
  ASSERT_TRUE(schemes.is_object());
  std::string scheme = Str(schemes.at("items").at(0).at("code"));
  boost::json::value ranking = Json("/api/v1/rankings?scheme=" + scheme + "&period=2026Q3");
  ASSERT_TRUE(ranking.is_object());
  std::map<std::string, std::string> on_screen;  // unit name → "rank score"
  for (const auto& g : ranking.at("groups").as_array()) {
    for (const auto& r : g.at("rows").as_array()) {
      if (r.at("ranked").as_bool())
        on_screen[Str(r.at("unit_name"))] = Str(r.at("rank")) + " " + Str(r.at("score"));
    }
  }
  HttpResult xlsx = fgw_->Get("/api/v1/bulletins/202611?format=xlsx");
  ASSERT_EQ(xlsx.status, 200);
  std::string error;
  std::vector<ReadSheet> sheets = ReadBack(xlsx.body, &error);
  const ReadSheet* ranks = nullptr;
  for (const ReadSheet& s : sheets) {
    if (s.name == "排名") ranks = &s;
  }
  ASSERT_NE(ranks, nullptr) << error;
  int compared = 0;
  for (const auto& [n, cells] : ranks->rows) {
    // 分组, 名次, 单位, 得分, ...
    if (cells.size() < 4 || cells[1].kind != xlsx::Cell::Kind::kNumber) continue;
    if (cells[3].kind != xlsx::Cell::Kind::kNumber) continue;
    std::string unit = cells[2].text;
    ASSERT_TRUE(on_screen.count(unit)) << unit;
    EXPECT_EQ(FormatNumber(cells[1].number, 0) + " " + FormatNumber(cells[3].number, 2),
              on_screen[unit])
        << unit;
    ++compared;
  }
  EXPECT_GT(compared, 5);
}

TEST_F(OneNumber, ElapsedShareHasOneDefinitionAtTheReportPeriod) {
  // 2026-12-08: the report period is 2026-11, 序时进度 = 11 ÷ 12, on the dashboard and 目标任务.
  boost::json::value summary = Json("/api/v1/reporting/summary?period=202611");
  boost::json::value targets = Json("/api/v1/targets");
  ASSERT_TRUE(summary.is_object() && targets.is_object());
  EXPECT_NEAR(Num(summary.at("elapsed_share")), 11.0 / 12, 1e-6);
  ASSERT_FALSE(targets.at("items").as_array().empty());
  for (const auto& t : targets.at("items").as_array()) {
    const auto& p = t.at("progress");
    EXPECT_NEAR(Num(p.at("elapsed_share")), Num(summary.at("elapsed_share")), 1e-9);
    EXPECT_EQ(p.at("elapsed_period").as_int64(), 202611);
    EXPECT_EQ(Str(p.at("as_of")), "2026-12-08");
  }
}

TEST_F(OneNumber, TheLandingRateIsOneDefinitionReadAtItsDate) {
  // 招商引资 shows the landing rate as of today; 五率's 招商引资落地率 of the current month
  // (window ending after today) counts the same leads and must say the same.
  boost::json::value attraction = Json("/api/v1/attraction/rates");
  boost::json::value now = Json("/api/v1/rates?set=shaanxi&period=202612&group_by=unit");
  ASSERT_TRUE(attraction.is_object() && now.is_object());
  const auto& landing = now.at("area").at("values").at("shaanxi.attraction_landing");
  EXPECT_EQ(Str(landing.at("numerator")), Str(attraction.at("landed")));
  EXPECT_EQ(Str(landing.at("denominator")), Str(attraction.at("signed_contracts")));
  EXPECT_EQ(Str(landing.at("percent")), FormatFraction(Num(attraction.at("landing_rate")), 1));
}

}  // namespace
}  // namespace keyline::testing
