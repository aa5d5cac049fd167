// Rankings: scores, competition ranks with ties, red and black lists, exemptions and the change
// of rank; scheme validation; periods; the built-in unit measures on the fixture.
#include "engine/ranking.h"

#include <gtest/gtest.h>

#include "engine/ranking_measures.h"
#include "engine/test_fixture.h"

namespace keyline::engine {
namespace {

std::optional<Rational> R(int64_t n, int64_t d) { return Rational::Make(n, d); }

RankingScheme Scheme() {
  RankingScheme s;
  s.code = "t";
  s.name_zh = "测试";
  s.period_kind = RankingPeriodKind::kMonth;
  s.groups = {{"g", "组", {1, 2, 3, 4, 5}, {}}};
  s.components = {{"a", 60, "A"}, {"b", 40, "B"}};
  s.red_top_n = 2;
  s.red_target_percent = 80;
  s.black_bottom_n = 2;
  s.black_target_percent = 80;
  return s;
}

TEST(RankingTest, ScoresTiesListsExemptionsAndChange) {
  // unit 1: A 120% (capped at 100%) → 60, B 50% → 20 → 80 of 100 → 80.00
  // unit 2: A 90% → 54, B 65% → 26 → 80.00 (tied with unit 1)
  // unit 3: 50%, 50% → 30 + 20 = 50.00
  // unit 4: A no rate (does not apply), B 100% → 40 of the 40 that apply → 100.00
  // unit 5: 25%, 25% → 15 + 10 = 25.00
  // unit 6: no rate at all → not ranked, listed last, on no list
  std::vector<UnitRates> now = {{1, {R(6, 5), R(1, 2)}}, {2, {R(9, 10), R(13, 20)}},
                                {3, {R(1, 2), R(1, 2)}}, {4, {std::nullopt, R(1, 1)}},
                                {5, {R(1, 4), R(1, 4)}}, {6, {std::nullopt, std::nullopt}}};
  // Previous: unit 3 100, units 1 and 5 50 (tied 2nd), unit 2 0 (4th), unit 4 absent.
  std::vector<UnitRates> before = {{3, {R(1, 1), R(1, 1)}},
                                   {1, {R(1, 2), R(1, 2)}},
                                   {5, {R(1, 2), R(1, 2)}},
                                   {2, {R(0, 1), R(0, 1)}}};
  auto rows = RankGroup(Scheme(), now, before, {{3, "不可抗力（汛期停工）"}});
  ASSERT_EQ(rows.size(), 6u);
  EXPECT_EQ(rows[0].unit_id, 4);
  EXPECT_EQ(rows[0].score_text, "100.00");
  EXPECT_EQ(rows[0].applicable_weight, 40);
  EXPECT_EQ(rows[0].components[0].percent, "");
  EXPECT_EQ(rows[0].components[0].points, "");
  EXPECT_EQ(rows[0].components[1].points, "40.00");
  EXPECT_EQ(rows[0].rank, 1);
  EXPECT_FALSE(rows[0].tied);
  EXPECT_EQ(rows[1].unit_id, 1);
  EXPECT_EQ(rows[1].score_text, "80.00");
  EXPECT_EQ(rows[1].applicable_weight, 100);
  EXPECT_EQ(rows[1].rank, 2);
  EXPECT_TRUE(rows[1].tied);
  EXPECT_EQ(rows[1].components[0].percent, "120.0");
  EXPECT_EQ(rows[1].components[0].points, "60.00");
  EXPECT_EQ(rows[2].unit_id, 2);
  EXPECT_EQ(rows[2].rank, 2);
  EXPECT_EQ(rows[3].unit_id, 3);
  EXPECT_EQ(rows[3].rank, 4);  // competition ranking: 1, 2, 2, 4
  EXPECT_FALSE(rows[3].tied);
  // Red: rank ≤ 2 with a score ≥ 80 (the tie at 2 brings both in).
  EXPECT_EQ(rows[0].list, "red");
  EXPECT_EQ(rows[1].list, "red");
  EXPECT_EQ(rows[2].list, "red");
  // Bottom two ranked units missed the 80 target: unit 3 is exempt, unit 5 black.
  EXPECT_TRUE(rows[3].exempt);
  EXPECT_EQ(rows[3].list, "");
  EXPECT_EQ(rows[3].exemption_reason, "不可抗力（汛期停工）");
  EXPECT_EQ(rows[4].unit_id, 5);
  EXPECT_EQ(rows[4].list, "black");
  // Unit 6 has nothing to measure: not ranked and not black-listed although it "scores" nothing.
  EXPECT_EQ(rows[5].unit_id, 6);
  EXPECT_FALSE(rows[5].ranked);
  EXPECT_EQ(rows[5].rank, 0);
  EXPECT_EQ(rows[5].score_text, "");
  EXPECT_EQ(rows[5].list, "");
  // Changes: unit 1 2 → 2 (0); unit 2 4 → 2 (+2); unit 3 1 → 4 (−3); unit 4 none; 5: 2 → 5.
  EXPECT_EQ(rows[1].change, 0);
  EXPECT_EQ(rows[2].change, 2);
  EXPECT_EQ(rows[3].change, -3);
  EXPECT_FALSE(rows[0].previous_rank.has_value());
  EXPECT_EQ(rows[4].previous_rank, 2);
  EXPECT_EQ(rows[4].change, -3);
}

// A component's percent has its indicator's decimals, as on 五率 (one number format).
TEST(RankingTest, ComponentPercentsUseTheIndicatorsDecimals) {
  RankingScheme s = Scheme();
  s.components[0].decimals = 2;
  s.components[1].decimals = 0;
  auto rows = RankGroup(s, {{1, {R(2, 3), R(2, 3)}}}, {}, {});
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].components[0].percent, "66.67");
  EXPECT_EQ(rows[0].components[1].percent, "67");
}

TEST(RankingTest, RedListNeedsTheTarget) {
  RankingScheme s = Scheme();
  s.red_target_percent = 90;  // nobody reaches 90
  auto rows = RankGroup(s, {{1, {R(1, 1), R(1, 2)}}, {2, {R(1, 2), R(1, 2)}}}, {}, {});
  EXPECT_EQ(rows[0].list, "");  // 80 < 90
  s.red_require_target = false;
  rows = RankGroup(s, {{1, {R(1, 1), R(1, 2)}}, {2, {R(1, 2), R(1, 2)}}}, {}, {});
  EXPECT_EQ(rows[0].list, "red");
  EXPECT_EQ(rows[1].list, "red");  // top 2 of 2; red wins over black
}

TEST(RankingTest, ValidationNamesTheField) {
  auto known = [](std::string_view c) { return c == "a" || c == "b"; };
  EXPECT_TRUE(ValidateRankingScheme(Scheme(), known).ok());
  RankingScheme s = Scheme();
  s.components[1].weight = 30;
  Status st = ValidateRankingScheme(s, known);
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.details().front().field, "components");
  EXPECT_EQ(st.details().front().message_zh, "权重之和应为 100，当前为 90");
  s = Scheme();
  s.components[1].indicator = "nope";
  EXPECT_EQ(ValidateRankingScheme(s, known).details().front().field, "components[1].indicator");
  s = Scheme();
  s.groups.push_back({"h", "另一组", {5}, {}});
  EXPECT_EQ(ValidateRankingScheme(s, known).details().front().field, "groups[1].unit_ids");
  s = Scheme();
  s.groups[0].unit_kinds = {"planet"};
  EXPECT_EQ(ValidateRankingScheme(s, known).details().front().field, "groups[0].unit_kinds");
  s = Scheme();
  s.code = "Bad Code";
  EXPECT_EQ(ValidateRankingScheme(s, known).details().front().field, "code");
  auto shipped = [](std::string_view c) {
    return IsBuiltinMeasure(c) || c == "fengxi.investment_completion" ||
           c == "fengxi.start_rate_to_date";
  };
  EXPECT_TRUE(ValidateRankingScheme(MianyangDemoScheme(), shipped).ok());
}

TEST(RankingTest, Periods) {
  auto q = ParseRankingPeriod("2026Q2", RankingPeriodKind::kQuarter);
  ASSERT_TRUE(q.ok());
  EXPECT_EQ(q->first_month, 202604);
  EXPECT_EQ(q->last_month, 202606);
  EXPECT_EQ(PreviousRankingPeriod(*q, RankingPeriodKind::kQuarter).label, "2026Q1");
  auto q1 = ParseRankingPeriod("2026Q1", RankingPeriodKind::kQuarter);
  EXPECT_EQ(PreviousRankingPeriod(*q1, RankingPeriodKind::kQuarter).label, "2025Q4");
  EXPECT_EQ(PreviousRankingPeriod(*q1, RankingPeriodKind::kQuarter).last_month, 202512);
  auto m = ParseRankingPeriod("202601", RankingPeriodKind::kMonth);
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(PreviousRankingPeriod(*m, RankingPeriodKind::kMonth).label, "202512");
  for (const char* bad : {"2026-06", "202613", "2026Q2", "", "20260", "1999Q1x"}) {
    EXPECT_FALSE(ParseRankingPeriod(bad, RankingPeriodKind::kMonth).ok()) << bad;
  }
  for (const char* bad : {"2026Q5", "2026Q0", "202606", "2026q2"}) {
    EXPECT_FALSE(ParseRankingPeriod(bad, RankingPeriodKind::kQuarter).ok()) << bad;
  }
}

TEST(RankingMeasuresTest, BuiltinMeasuresOnTheFixture) {
  Facts f = testing::MakeFacts();
  // Mark P1's May report late and P4's May report returned.
  f.reports.late[3] = 1;                                                // 101 / 202605
  f.reports.status[7] = static_cast<uint8_t>(ReportStatus::kReturned);  // 104 / 202605
  // Q2 (202604..202606) looks at the reports due in it: periods 202603..202605.
  // Unit 1 → P101 03, 04, 05 (late): 2 of 3 on time; none returned → quality 3 of 3.
  // Unit 2 → P104 05 (returned, not late): timeliness 1 of 1; data quality 0 of 1.
  auto t = BuiltinUnitMeasure(f, "builtin.reporting_timeliness", 202604, 202606);
  ASSERT_TRUE(t.ok());
  EXPECT_EQ((*t)[1], Rational::Make(2, 3));
  EXPECT_EQ((*t)[2], Rational::Make(1, 1));
  auto q = BuiltinUnitMeasure(f, "builtin.data_quality", 202604, 202606);
  EXPECT_EQ((*q)[1], Rational::Make(1, 1));
  EXPECT_EQ((*q)[2], Rational::Make(0, 1));
  // Problems due in Q2: P101's (due 06-01, open) → unit 1: 0 of 1; P103's (due 04-10, closed
  // 04-09) → unit 2: 1 of 1.
  auto p = BuiltinUnitMeasure(f, "builtin.problems_on_time", 202604, 202606);
  EXPECT_EQ((*p)[1], Rational::Make(0, 1));
  EXPECT_EQ((*p)[2], Rational::Make(1, 1));
  EXPECT_FALSE(BuiltinUnitMeasure(f, "builtin.nope", 202604, 202606).ok());
}

}  // namespace
}  // namespace keyline::engine
