#include "engine/expr.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

#include "core/model/project.h"
#include "engine/rational.h"

namespace keyline::engine {
namespace {

Expression MustParse(std::string_view text) {
  auto r = ParseExpression(text);
  EXPECT_TRUE(r.ok()) << text << " → at " << r.error().position << ": " << r.error().message_en;
  return std::move(r).expression();
}

ExprError MustFail(std::string_view text) {
  auto r = ParseExpression(text);
  EXPECT_FALSE(r.ok()) << text;
  if (r.ok()) return {};
  EXPECT_FALSE(r.error().message_zh.empty());
  EXPECT_FALSE(r.error().message_en.empty());
  EXPECT_GE(r.error().position, 0);
  EXPECT_LE(r.error().position, static_cast<int>(text.size()));
  return r.error();
}

TEST(ExprParse, AcceptsTheBriefExamples) {
  auto a = MustParse(
      "count(projects where stage in (construction, completed) and planned_start <= period_end)");
  EXPECT_EQ(a.dim, Dim::kScalar);
  ASSERT_EQ(a.aggregates.size(), 1u);
  const Aggregate& agg = a.aggregates[0]->agg;
  EXPECT_TRUE(agg.is_count);
  EXPECT_EQ(agg.source, Source::kProjects);
  ASSERT_TRUE(agg.where);
  EXPECT_EQ(agg.where->kind, Cond::Kind::kAnd);
  ASSERT_EQ(agg.where->children.size(), 2u);
  const Predicate& in = agg.where->children[0]->pred;
  EXPECT_EQ(in.op, CmpOp::kIn);
  ASSERT_EQ(in.operands.size(), 2u);
  EXPECT_EQ(in.operands[0].value, static_cast<int64_t>(Stage::kConstruction));
  EXPECT_EQ(in.operands[1].value, static_cast<int64_t>(Stage::kCompleted));
  const Predicate& le = agg.where->children[1]->pred;
  EXPECT_EQ(le.op, CmpOp::kLe);
  EXPECT_EQ(le.operands[0].kind, Operand::Kind::kTimeVar);

  auto b =
      MustParse("sum(reports.completed_investment where period between year_start and period)");
  EXPECT_EQ(b.dim, Dim::kMoney);
  EXPECT_EQ(b.aggregates[0]->agg.where->pred.op, CmpOp::kBetween);
  EXPECT_EQ(b.aggregates[0]->agg.where->pred.operands.size(), 2u);

  auto c = MustParse("sum(plans.planned_investment)");
  EXPECT_EQ(c.dim, Dim::kMoney);
  EXPECT_FALSE(c.aggregates[0]->agg.where);
}

TEST(ExprParse, ArithmeticPrecedenceAndParentheses) {
  auto e = MustParse("1 + 2 * 3");
  EXPECT_EQ(e.root->kind, Node::Kind::kAdd);
  EXPECT_EQ(e.root->rhs->kind, Node::Kind::kMul);
  auto p = MustParse("(1 + 2) * 3");
  EXPECT_EQ(p.root->kind, Node::Kind::kMul);
  auto s = MustParse("10 - 4 - 3");  // left associative: (10 - 4) - 3
  EXPECT_EQ(s.root->lhs->kind, Node::Kind::kSub);
  auto n = MustParse("-(2.5) / 0.5");
  EXPECT_EQ(n.root->kind, Node::Kind::kDiv);
  EXPECT_EQ(n.root->rhs->number, (Rational{1, 2}));
  auto m = MustParse("(sum(reports.completed_investment) - sum(plans.planned_to_date)) / 1万");
  EXPECT_EQ(m.dim, Dim::kScalar);  // money ÷ money
  EXPECT_EQ(m.aggregates.size(), 2u);
  EXPECT_EQ(m.root->rhs->number, Rational::Of(1'000'000));  // 1万元 in cents
}

TEST(ExprParse, AcceptsTheWholeConditionVocabulary) {
  MustParse("count(projects where not (stage = withdrawn or level != provincial))");
  MustParse("count(projects where stage not in (conceived, withdrawn))");
  MustParse("count(projects where actual_start is null and planned_start is not null)");
  MustParse("count(projects where region starts_with '6101' and industry in ('C3011', 'E4811'))");
  MustParse("count(projects where total_investment >= 500万 and total_investment < 1.5亿)");
  MustParse("count(projects where unit = 12 and stats_date between 2026-01-01 and period_end)");
  MustParse("count(procedures where project.stage = construction and status = done)");
  MustParse("count(problems where severity = major and status not in (solved, closed))");
  MustParse("count(reports where period >= 202601 and period <= period)");
  MustParse("count(leads where stage in (registered, landed) and landed <= period_end)");
  MustParse("count(plans where year = 2026 and planned_start <> year_end)");
  auto area =
      MustParse("sum(reports.completed_investment) / area(sum(reports.completed_investment))");
  EXPECT_FALSE(area.aggregates[0]->agg.whole_area);
  EXPECT_TRUE(area.aggregates[1]->agg.whole_area);
  auto via = MustParse("count(procedures where project.stage = construction)");
  EXPECT_TRUE(via.aggregates[0]->agg.where->pred.via_project);
}

TEST(ExprParse, RejectsUnknownNamesWithPositions) {
  auto e = MustFail("avg(projects)");
  EXPECT_EQ(e.position, 0);
  EXPECT_NE(e.message_en.find("unknown measure"), std::string::npos);
  EXPECT_NE(e.message_zh.find("未知的度量"), std::string::npos);

  e = MustFail("count(project)");
  EXPECT_EQ(e.position, 6);
  EXPECT_NE(e.message_en.find("unknown source"), std::string::npos);

  e = MustFail("sum(reports.amount)");
  EXPECT_EQ(e.position, 12);
  EXPECT_NE(e.message_en.find("completed_investment"), std::string::npos);  // lists the fields

  e = MustFail("count(projects where colour = red)");
  EXPECT_EQ(e.position, 21);
  e = MustFail("count(projects where stage = building)");
  EXPECT_EQ(e.position, 29);
  EXPECT_NE(e.message_en.find("construction"), std::string::npos);  // lists the codes
  e = MustFail("count(projects where planned_start <= next_week)");
  EXPECT_EQ(e.position, 38);
  e = MustFail("count(procedures where project.colour = red)");
  EXPECT_EQ(e.position, 31);
}

TEST(ExprParse, RejectsTypeAndShapeErrors) {
  EXPECT_EQ(MustFail("").position, 0);
  EXPECT_EQ(MustFail("   ").position, 0);
  MustFail("count(projects.total_investment)");                 // count takes no field
  MustFail("sum(projects)");                                    // sum needs a field
  MustFail("sum(projects.stage)");                              // not money
  MustFail("count(projects) + sum(plans.planned_investment)");  // count + money
  MustFail("sum(plans.planned_investment) * sum(plans.planned_investment)");
  MustFail("1 / sum(plans.planned_investment)");
  MustFail("count(projects where total_investment > 500)");      // an amount needs a unit
  MustFail("count(projects where total_investment > 0.001元)");  // below a cent
  MustFail("count(projects where stage < construction)");        // enums are unordered
  MustFail("count(projects where region = 610104)");             // codes are quoted
  MustFail("count(projects where level starts_with 'p')");
  MustFail("count(projects where stage is null)");
  MustFail("count(reports where period = 202613)");
  MustFail("count(projects where planned_start = 2026-13-01)");
  MustFail("count(projects where)");
  MustFail("count(projects where stage in ())");
  MustFail("count(projects where stage in (construction,))");
  MustFail("count(projects");
  MustFail("count(projects) count(projects)");
  MustFail("(1 + 2");
  MustFail("1 +");
  MustFail("area(1)");
  MustFail("count(projects where region = '6101)");
  MustFail("count(projects where region = '" + std::string(40, '6') + "')");
  auto e = MustFail("count(projects) $ 2");
  EXPECT_EQ(e.position, 16);
  MustFail("项目开工率");
  MustFail(std::string("count(projects)\0", 16));
}

TEST(ExprParse, RejectsHostileInputWithinLimits) {
  // Deep nesting of every kind stops at the depth limit instead of exhausting the stack.
  std::string parens = std::string(100000, '(') + "1" + std::string(100000, ')');
  EXPECT_NE(MustFail(parens).message_en.find("too long"), std::string::npos);
  std::string deep = std::string(1000, '(') + "1" + std::string(1000, ')');
  EXPECT_NE(MustFail(deep).message_en.find("too deep"), std::string::npos);
  std::string negs(2000, '-');
  EXPECT_NE(MustFail(negs + "1").message_en.find("too deep"), std::string::npos);
  std::string nots = "count(projects where ";
  for (int i = 0; i < 500; ++i) nots += "not ";
  EXPECT_NE(MustFail(nots + "stage = reserve)").message_en.find("too deep"), std::string::npos);
  std::string conds = "count(projects where " + std::string(500, '(') + "stage = reserve" +
                      std::string(500, ')') + ")";
  EXPECT_NE(MustFail(conds).message_en.find("too deep"), std::string::npos);
  // Up to the limit still parses; one more level fails.
  MustParse(std::string(kMaxExpressionDepth, '(') + "1" + std::string(kMaxExpressionDepth, ')'));
  MustFail(std::string(kMaxExpressionDepth + 1, '(') + "1" +
           std::string(kMaxExpressionDepth + 1, ')'));

  // Huge numbers.
  MustParse("999999999999999");
  EXPECT_NE(MustFail("9999999999999999").message_en.find("too large"), std::string::npos);
  MustFail(std::string(400, '9'));
  MustFail(std::string(40, '9') + "." + std::string(40, '9'));
  MustFail("1.1234567");
  MustFail("count(projects where total_investment > 99999999999999999999亿)");

  // Too many measures, too long lists.
  std::string many = "count(projects)";
  for (int i = 0; i < kMaxAggregates; ++i) many += " + count(projects)";
  EXPECT_NE(MustFail(many).message_en.find("too many"), std::string::npos);
  std::string list = "count(projects where stage in (reserve";
  for (int i = 0; i < kMaxListValues; ++i) list += ", reserve";
  EXPECT_NE(MustFail(list + "))").message_en.find("too long"), std::string::npos);
  std::string name(100, 'a');
  MustFail("count(projects where " + name + " = 1)");
}

TEST(ExprParse, NeverCrashesOnRandomOrTruncatedInput) {
  const std::string valid =
      "(sum(reports.completed_investment where period between year_start and period and "
      "project.stage not in (withdrawn, suspended)) - 3.5万) / area(sum(plans.planned_investment "
      "where project.region starts_with '6101' or project.actual_start is not null)) * 100";
  MustParse(valid);
  for (size_t n = 0; n < valid.size(); ++n) {
    auto r = ParseExpression(valid.substr(0, n));
    if (!r.ok()) {
      EXPECT_LE(r.error().position, static_cast<int>(n));
    }
  }
  std::mt19937 rng(20260601);
  const std::string alphabet = "()+-*/.,'=<>! 0123456789abcdeginoprstuw_万元";
  for (int i = 0; i < 3000; ++i) {
    std::string s;
    int len = static_cast<int>(rng() % 60);
    for (int k = 0; k < len; ++k) {
      if (rng() % 4 == 0) {
        s += valid.substr(rng() % valid.size(), rng() % 12);  // splice real fragments
      } else {
        s += alphabet[rng() % alphabet.size()];
      }
    }
    auto r = ParseExpression(s);
    if (!r.ok()) {
      EXPECT_LE(r.error().position, static_cast<int>(s.size()));
    }
  }
}

TEST(ExprParse, ErrorToStatusIsBilingualWithField) {
  auto r = ParseExpression("count(projects where stage = x)");
  ASSERT_FALSE(r.ok());
  Status s = r.error().ToStatus("numerator");
  EXPECT_EQ(s.code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(s.message_en().rfind("at 29: unknown value 'x'", 0), 0u) << s.message_en();
  EXPECT_EQ(s.message_zh().rfind("位置 29：", 0), 0u) << s.message_zh();
  ASSERT_EQ(s.details().size(), 1u);
  EXPECT_EQ(s.details()[0].field, "numerator");
}

TEST(ExprCatalogue, EveryFieldIsParsable) {
  for (const auto& f : FieldCatalogue()) {
    std::string src(SourceName(f.source));
    std::string text = "count(" + src + " where " + std::string(f.name) + " is not null)";
    auto r = ParseExpression(text);
    bool nullable =
        f.type == ValueType::kDate || f.type == ValueType::kCode || f.type == ValueType::kUnit;
    EXPECT_EQ(r.ok(), nullable) << text;
    if (f.type == ValueType::kMoney) {
      MustParse("sum(" + src + "." + std::string(f.name) + ")");
    }
  }
}

TEST(Rational, ExactArithmeticAndRounding) {
  auto third = *Rational::Make(1, 3);
  EXPECT_EQ(FormatFixed(third, 2), "0.33");
  EXPECT_EQ(FormatFixed(*Rational::Make(2, 3), 2), "0.67");
  EXPECT_EQ(FormatFixed(*Rational::Make(1, 8), 2), "0.13");  // half away from zero
  EXPECT_EQ(FormatFixed(*Rational::Make(-1, 8), 2), "-0.13");
  EXPECT_EQ(FormatFixed(*Rational::Make(-1, 2), 0), "-1");
  EXPECT_EQ(FormatFixed(*Rational::Make(-1, 1000), 2), "0.00");  // no "-0.00"
  EXPECT_EQ(FormatFixed(*Rational::Make(999, 1000), 2), "1.00");
  EXPECT_EQ(FormatFixed(Rational::Of(42), 0), "42");
  EXPECT_EQ(FormatPercent(*Rational::Make(206, 255), 1), "80.8");
  EXPECT_EQ(FormatPercent(*Rational::Make(123, 198), 0), "62");
  EXPECT_EQ(*Add(third, third), *Rational::Make(2, 3));
  EXPECT_EQ(*Mul(third, Rational::Of(3)), Rational::Of(1));
  EXPECT_FALSE(Div(third, Rational::Of(0)));
  EXPECT_FALSE(Rational::Make(1, 0));
  Rational big{Int128(1) << 100, 1};
  EXPECT_FALSE(Mul(big, big));
  EXPECT_EQ(Int128ToString(-(Int128(1) << 100)), "-1267650600228229401496703205376");
}

}  // namespace
}  // namespace keyline::engine
