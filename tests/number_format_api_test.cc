// One number format: every text the API answers on the demo district prints
// its numbers through one formatter (万元 with two decimals, rates with the indicator's
// decimals). The test walks the JSON answers of the main GET endpoints as the 发改 office sees
// them (and the bulletin preview and the minutes) and fails on any text holding a number with
// more than four decimals, such as the "45929.704729 万元" the reasons once printed.
//
// A "text" is a string that is not itself a number: "45929.704729" alone is an exact amount
// (the API's money values are decimal strings in 万元 with up to 6 decimals), while
// "预计年底完成投资 45929.704729 万元" is a sentence and must say "45,929.70".
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "tests/demo_server.h"

namespace keyline::testing {
namespace {

const std::regex kLongDecimal(R"(\d\.\d{5,})");
const std::regex kPlainNumber(R"(-?\d+(\.\d+)?)");

struct Finding {
  std::string where;
  std::string text;
};

void Walk(const boost::json::value& v, const std::string& path, std::vector<Finding>* out) {
  if (v.is_string()) {
    std::string s(v.as_string());
    if (!std::regex_match(s, kPlainNumber) && std::regex_search(s, kLongDecimal))
      out->push_back({path, s});
  } else if (v.is_object()) {
    for (const auto& kv : v.as_object()) Walk(kv.value(), path + "." + std::string(kv.key()), out);
  } else if (v.is_array()) {
    const auto& a = v.as_array();
    for (size_t i = 0; i < a.size(); ++i) Walk(a[i], path + "[" + std::to_string(i) + "]", out);
  }
}

TEST(NumberFormatScan, FlagsSentencesNotExactValues) {
  std::vector<Finding> found;
  boost::json::value v = boost::json::parse(
      R"({"reason_zh":"预计年底完成投资 45929.704729 万元","total_investment":"45929.704729",)"
      R"("ok":"预计年底完成投资 45,929.70 万元","rate":"0.916667","rows":[{"t":"率 91.66667%"}]})");
  Walk(v, "", &found);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].where, ".reason_zh");
  EXPECT_EQ(found[1].where, ".rows[0].t");
}

class DemoNumberFormat : public DemoApiTest {
 protected:
  // GETs a JSON answer, walks it, and returns it (null when the status is not 200).
  boost::json::value Scan(const std::string& target, bool must_succeed = true) {
    HttpResult r = fgw_->Get(target);
    if (must_succeed) EXPECT_EQ(r.status, 200) << target << ": " << r.body.substr(0, 300);
    if (r.status != 200) return nullptr;
    ++scanned_;
    boost::system::error_code ec;
    boost::json::value v = boost::json::parse(r.body, ec);
    EXPECT_FALSE(ec) << target;
    Walk(v, target, &findings_);
    return v;
  }
  // A text answer (minutes, HTML): any number with more than four decimals.
  void ScanText(const std::string& target) {
    HttpResult r = fgw_->Get(target);
    ASSERT_EQ(r.status, 200) << target;
    ++scanned_;
    std::smatch m;
    if (std::regex_search(r.body, m, kLongDecimal)) {
      size_t at = static_cast<size_t>(m.position(0));
      findings_.push_back({target, r.body.substr(at < 40 ? 0 : at - 40, 100)});
    }
  }

  std::vector<Finding> findings_;
  int scanned_ = 0;
};

TEST_F(DemoNumberFormat, NoTextOfTheApiPrintsMoreThanFourDecimals) {
  const std::string p = "period=202611";
  // Lists and the dashboard's figures.
  boost::json::value projects = Scan("/api/v1/projects?limit=200");
  for (const char* t : {"/api/v1/reporting/summary?period=202611",
                        "/api/v1/reporting/completeness?period=202611",
                        "/api/v1/lights?period=202611",
                        "/api/v1/dispatch-list?period=202611",
                        "/api/v1/forecast?period=202611",
                        "/api/v1/funds/rates",
                        "/api/v1/attraction/rates",
                        "/api/v1/targets",
                        "/api/v1/leads",
                        "/api/v1/meetings",
                        "/api/v1/problems",
                        "/api/v1/problem-stats",
                        "/api/v1/campaign-rounds",
                        "/api/v1/indicators",
                        "/api/v1/ranking-schemes",
                        "/api/v1/procedures/overdue",
                        "/api/v1/fund-due-items",
                        "/api/v1/factors/overdue",
                        "/api/v1/supervision-orders",
                        "/api/v1/reports?period=202611"}) {
    Scan(t);
  }
  // 五率 of every shipped set, by unit and over the district.
  boost::json::value indicators = Scan("/api/v1/indicators");
  std::set<std::string> sets;
  if (indicators.is_object() && indicators.as_object().contains("items")) {
    for (const auto& i : indicators.at("items").as_array())
      if (i.as_object().contains("set") && i.at("set").is_string())
        sets.insert(std::string(i.at("set").as_string()));
  }
  ASSERT_FALSE(sets.empty());
  for (const std::string& set : sets) {
    Scan("/api/v1/rates?set=" + set + "&" + p);
    Scan("/api/v1/rates?set=" + set + "&" + p + "&group_by=unit");
    Scan("/api/v1/rates/trend?set=" + set + "&" + p, /*must_succeed=*/false);
  }
  // Every scheme's ranking, monthly or quarterly.
  boost::json::value schemes = Scan("/api/v1/ranking-schemes");
  ASSERT_TRUE(schemes.is_object());
  int rankings = 0;
  for (const auto& s : schemes.at("items").as_array()) {
    std::string code(s.at("code").as_string());
    for (const char* period : {"202611", "2026Q3", "2026Q4"}) {
      if (!Scan("/api/v1/rankings?scheme=" + code + "&period=" + period, false).is_null())
        ++rankings;
    }
  }
  EXPECT_GT(rankings, 0);
  // Per project: lights, forecast, figures, funds.
  ASSERT_TRUE(projects.is_object());
  int n = 0;
  for (const auto& row : projects.at("items").as_array()) {
    if (n++ >= 40) break;
    std::string id = std::to_string(row.at("id").as_int64());
    Scan("/api/v1/projects/" + id);
    Scan("/api/v1/projects/" + id + "/lights?" + p, false);  // 404 for a project without lights
    Scan("/api/v1/projects/" + id + "/forecast?" + p, false);
    Scan("/api/v1/projects/" + id + "/figures", false);
    Scan("/api/v1/projects/" + id + "/funds");
  }
  // Meetings: the agenda and the minutes; the bulletin preview.
  boost::json::value meetings = Scan("/api/v1/meetings");
  ASSERT_TRUE(meetings.is_object());
  for (const auto& m : meetings.at("items").as_array()) {
    std::string id = std::to_string(m.at("id").as_int64());
    Scan("/api/v1/meetings/" + id);
    Scan("/api/v1/meetings/" + id + "/agenda", false);
  }
  ScanText("/api/v1/bulletins/202611?format=html");

  for (const Finding& f : findings_) ADD_FAILURE() << f.where << ": " << f.text;
  EXPECT_GT(scanned_, 100) << "the walk reached too few answers";
}

}  // namespace
}  // namespace keyline::testing
