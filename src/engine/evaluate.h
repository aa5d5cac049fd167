// Evaluating expressions and indicators over Facts for one period, by group, with drill-down.
//
// A group key is a string: "area" for the whole area; the unit id ("12", "none" for projects
// without a unit); the first `prefix` characters of the region code (default 6 = county) or
// of the industry code (default 1 = GB/T 4754 section letter), "none" when missing; the level
// code ("provincial", "city", "district", "none"). Rows of plans, reports, procedures and
// problems belong to their project's group; a lead belongs to its own unit and industry, and to
// its project's region and level when it has one ("none" otherwise).
//
// Every group that holds at least one project or lead is returned, sorted by key (byte order),
// even when all its measures are 0, so a unit with nothing to show still appears in a ranking.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "engine/expr.h"
#include "engine/facts.h"
#include "engine/rational.h"

namespace keyline::engine {

// kLeader: the project's current 包抓领导 (person id; "none" without one); a lead without a
// project is in "none".
enum class GroupBy : uint8_t { kArea, kUnit, kRegion, kLevel, kIndustry, kLeader };

struct Grouping {
  GroupBy by = GroupBy::kArea;
  int prefix = 0;  // region / industry prefix length; 0 = the default (6 / 1)
};

// What `window_start` means: the year to date (default), the quarter, or the month.
enum class Window : uint8_t { kYtd, kQuarter, kMonth };

struct EvalOptions {
  int period = 0;  // YYYYMM
  Grouping grouping;
  bool drilldown = true;  // collect the contributing project ids
  // Scope: when set (indexed by project row, size = facts.projects.size()), only rows of
  // projects with a non-zero entry count, and leads count only when their project does (a lead
  // without a project is outside every restricted scope). area(...) ignores the mask: it is the
  // whole area's figure for every viewer, so a unit's share (季度贡献率) is the same for a
  // department as for the office.
  // Groups are still listed for every project and lead, so a caller filters empty ones.
  const std::vector<char>* project_mask = nullptr;
  Window window = Window::kYtd;  // what window_start means
};

// One expression's value in one group. value is nullopt when the expression divides by zero.
struct GroupValue {
  std::string key;
  std::optional<Rational> value;
  std::vector<int64_t> projects;  // sorted ids of projects with a row counted by an aggregate
};

// Evaluates one parsed expression. Fails with kInvalidArgument for a bad period and with
// kInvalidArgument when an intermediate value overflows (|x| ≥ 2^120).
Result<std::vector<GroupValue>> EvaluateExpression(const Facts& facts, const Expression& expr,
                                                   const EvalOptions& options);

// An indicator as data: codes and names, numerator and denominator expressions, display.
struct IndicatorDef {
  std::string code;  // stable key, e.g. "fengxi.investment_completion"
  std::string name_zh;
  std::string name_en;
  std::string numerator;
  std::string denominator;
  int decimals = 1;  // shown as a percentage with this many decimals
  std::string set;   // the set it belongs to ("fengxi", "shaanxi", an office's own)
};

// The window an indicator's own formula fixes, whatever window is asked: "quarter" when it
// counts from quarter_start (季度贡献率), "ytd" from year_start; "" when it follows the asked
// window. Shown with the figure so that a quarter's rate is not labelled 1–11月.
std::string_view FixedWindowOf(const IndicatorDef& def);

struct CompiledIndicator {
  IndicatorDef def;
  Expression numerator;
  Expression denominator;
};

// Parses both expressions and checks they have the same dimension (a count over a count, money
// over money). Errors carry the position and name the field "numerator" or "denominator".
Result<CompiledIndicator> CompileIndicator(IndicatorDef def);

struct IndicatorValue {
  std::string key;
  std::optional<Rational> numerator;
  std::optional<Rational> denominator;
  std::optional<Rational> rate;  // numerator ÷ denominator; nullopt when the denominator is 0
  std::string percent;           // rate × 100 with def.decimals decimals; "" when no rate
  std::vector<int64_t> numerator_projects;    // drill-down: behind the numerator
  std::vector<int64_t> denominator_projects;  // drill-down: behind the denominator
};

Result<std::vector<IndicatorValue>> EvaluateIndicator(const Facts& facts,
                                                      const CompiledIndicator& indicator,
                                                      const EvalOptions& options);

// Incremental evaluation (the first read after a write). The state of an evaluation keeps, for
// every aggregate not over leads, each project's contribution (the sum of its counted rows) and
// the sums by group; evaluating again with it as `previous` re-evaluates only the rows of the
// projects the facts changed since (Facts::ChangedRowsSince) and moves the group sums by the
// difference, exactly (integer sums). Aggregates over leads are evaluated afresh every time.
// Everything is evaluated afresh when `previous` is null or of another indicator, period,
// window, grouping or Facts object, when projects were added, when any project's group
// changed, or when more than kMaxIncrementalProjects projects changed. The values equal
// EvaluateIndicator's (without drill-down ids). Only without drill-down and without a project
// mask (kInvalidArgument otherwise). `indicator` must outlive the state.
struct TrackedIndicator;
struct TrackedResult {
  std::vector<IndicatorValue> values;
  std::shared_ptr<const TrackedIndicator> state;
  bool incremental = false;  // whether `previous` was used
};
inline constexpr size_t kMaxIncrementalProjects = 2000;
Result<TrackedResult> EvaluateIndicatorTracked(const Facts& facts,
                                               const CompiledIndicator& indicator,
                                               const EvalOptions& options,
                                               const TrackedIndicator* previous);

}  // namespace keyline::engine
