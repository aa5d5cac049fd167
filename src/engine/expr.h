// The indicator expression language: numerators and denominators over base measures.
//
//   expr      := term (('+' | '-') term)*
//   term      := factor (('*' | '/') factor)*
//   factor    := number | money | '(' expr ')' | '-' factor | aggregate | 'area' '(' aggregate ')'
//   aggregate := 'count' '(' source [where] ')' | 'sum' '(' source '.' field [where] ')'
//   where     := 'where' cond
//   cond      := conj ('or' conj)* ;  conj := neg ('and' neg)* ;  neg := 'not' neg | '(' cond ')' |
//   pred pred      := fieldref ('=' | '!=' | '<' | '<=' | '>' | '>=') value
//              | fieldref ['not'] 'in' '(' value (',' value)* ')'
//              | fieldref 'between' value 'and' value
//              | fieldref 'is' ['not'] 'null'
//              | fieldref 'starts_with' 'text'            (region / industry codes only)
//   fieldref  := field | 'project' '.' field              (a row's project, from other sources)
//   value     := enum code | time variable | integer | money | 'text' | YYYY-MM-DD
//   money     := number ('元' | '万' | '亿')              (500万 = 5,000,000 yuan)
//
// Sources and what each row is (evaluation period P = YYYYMM):
//   projects    every project in the engine
//   plans       the annual plan of P's year, one per project (fields: planned_investment,
//               planned_to_date = Σ monthly breakdown of months 1..P's month, planned_start,
//               planned_completion, year)
//   reports     monthly reports of periods ≤ P (period, completed_investment, status =
//               draft|submitted|returned|approved, submitted (date), late (0/1))
//   procedures  手续 (status, due, done)
//   problems    问题台账 (status, severity, raised, due, closed)
//   leads       招商引资 leads (stage, unit, industry, amount, signed, landed)
// Time variables, resolved against P and the field's type (date field | period field):
//   period        last day of P      | P
//   period_start  first day of P     | P
//   period_end    last day of P      | P
//   quarter_start first day of P's quarter | its first month
//   year_start    1 Jan              | YYYY01
//   year_end      31 Dec             | YYYY12
//   window_start  the start of the window asked for (EvalOptions::window): year_start (ytd,
//                 the default), quarter_start (quarter) or period_start (month)
// A comparison with a missing date (or unit, or code) is false, and `not` of it is true (two-valued
// logic, unlike SQL); use `is null` / `is not null` to say what is meant.
// `area(...)` evaluates its aggregate over the whole area whatever the grouping (a share of
// the total). Dimensions are checked: counts and plain numbers are scalars, sums are money;
// + and - need equal dimensions, money × money and scalar ÷ money are rejected.
//
// Limits (hostile input): 4,096 bytes; nesting depth 32 (parentheses, unary minus, not,
// measures); 32 aggregates; 64 values in a list; numbers of at most 15 integer and 6 decimal
// digits.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "engine/rational.h"

namespace keyline::engine {

enum class Source : uint8_t { kProjects, kPlans, kReports, kProcedures, kProblems, kLeads };
std::string_view SourceName(Source s);

enum class ValueType : uint8_t {
  kStage,
  kLevel,
  kStatsStatus,
  kProcedureStatus,
  kProblemStatus,
  kSeverity,
  kLeadStage,
  kReportStatus,
  kDate,    // yyyymmdd, 0 = none
  kPeriod,  // YYYYMM
  kMoney,   // cents
  kInt,
  kUnit,  // unit id, 0 = none
  kCode,  // interned region / industry code, "" = none
};

enum class Field : uint8_t {
  // projects (also `project.<name>` from plans, reports, procedures, problems, leads)
  kStage,
  kLevel,
  kUnit,
  kRegion,
  kIndustry,
  kTotalInvestment,
  kPlannedStart,
  kPlannedCompletion,
  kActualStart,
  kActualCompletion,
  kStatsStatus,
  kStatsDate,
  // plans
  kPlanYear,
  kPlanInvestment,
  kPlanToDate,
  kPlanStart,
  kPlanCompletion,
  // reports
  kReportPeriod,
  kReportAmount,
  kReportStatus,
  kReportSubmitted,
  kReportLate,
  // procedures
  kProcStatus,
  kProcDue,
  kProcDone,
  // problems
  kProblemStatus,
  kProblemSeverity,
  kProblemRaised,
  kProblemDue,
  kProblemClosed,
  // leads
  kLeadStage,
  kLeadUnit,
  kLeadIndustry,
  kLeadAmount,
  kLeadSigned,
  kLeadLanded,
};

struct FieldInfo {
  Source source;
  std::string_view name;
  Field field;
  ValueType type;
};
// Every field of every source, for documentation and the API's expression help.
std::span<const FieldInfo> FieldCatalogue();

enum class TimeVar : uint8_t {
  kPeriod,
  kPeriodStart,
  kPeriodEnd,
  kQuarterStart,
  kYearStart,
  kYearEnd,
  kWindowStart
};

struct Operand {
  enum class Kind : uint8_t { kInt, kTimeVar, kText } kind = Kind::kInt;
  int64_t value = 0;  // enum value, date yyyymmdd, period, cents, integer, or TimeVar
  std::string text;   // kText: a region / industry code
};

enum class CmpOp : uint8_t {
  kEq,
  kNe,
  kLt,
  kLe,
  kGt,
  kGe,
  kIn,
  kNotIn,
  kBetween,
  kIsNull,
  kIsNotNull,
  kStartsWith
};

struct Predicate {
  Field field = Field::kStage;
  ValueType type = ValueType::kStage;
  bool via_project = false;  // `project.<field>` from a non-project source
  CmpOp op = CmpOp::kEq;
  std::vector<Operand> operands;  // 1 for comparisons, 2 for between, n for in, 0 for is null
};

struct Cond {
  enum class Kind : uint8_t { kPred, kAnd, kOr, kNot } kind = Kind::kPred;
  Predicate pred;
  std::vector<std::unique_ptr<Cond>> children;
};

enum class Dim : uint8_t { kScalar, kMoney };

struct Aggregate {
  bool is_count = true;
  Source source = Source::kProjects;
  Field field = Field::kTotalInvestment;  // summed field (money), when !is_count
  std::unique_ptr<Cond> where;            // null = every row
  bool whole_area = false;                // inside area(...)
};

struct Node {
  enum class Kind : uint8_t { kNumber, kAggregate, kAdd, kSub, kMul, kDiv, kNeg } kind;
  Dim dim = Dim::kScalar;
  int position = 0;  // byte offset in the text, for messages
  Rational number;   // kNumber (money literals in cents)
  Aggregate agg;     // kAggregate
  std::unique_ptr<Node> lhs, rhs;
};

// A parsed, type-checked expression. Move-only; owns its tree.
struct Expression {
  std::string text;
  std::unique_ptr<Node> root;
  Dim dim = Dim::kScalar;
  // The aggregate nodes in evaluation order (owned by the tree).
  std::vector<const Node*> aggregates;
};

// A parse or check error: byte offset into the text and a message in Chinese and English.
struct ExprError {
  int position = 0;
  std::string message_zh;
  std::string message_en;
  // kInvalidArgument with "位置 N：…" / "at N: …" and a detail on `field`.
  Status ToStatus(std::string_view field) const;
};

class ParseResult {
 public:
  explicit ParseResult(Expression e) : ok_(true), expression_(std::move(e)) {}
  explicit ParseResult(ExprError e) : ok_(false), error_(std::move(e)) {}
  bool ok() const { return ok_; }
  const Expression& expression() const& { return expression_; }
  Expression&& expression() && { return std::move(expression_); }
  const ExprError& error() const { return error_; }

 private:
  bool ok_;
  Expression expression_;
  ExprError error_;
};

inline constexpr size_t kMaxExpressionBytes = 4096;
inline constexpr int kMaxExpressionDepth = 32;
inline constexpr int kMaxAggregates = 32;
inline constexpr int kMaxListValues = 64;

// Parses and type-checks `text`. Never throws, never asserts on input; any input either yields
// an Expression or an ExprError.
ParseResult ParseExpression(std::string_view text);

}  // namespace keyline::engine
