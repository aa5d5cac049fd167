#include "engine/evaluate.h"

#include <algorithm>
#include <climits>
#include <functional>
#include <string>
#include <unordered_map>

#include "common/date.h"
#include "engine/grouping.h"

namespace keyline::engine {

std::string_view FixedWindowOf(const IndicatorDef& def) {
  auto uses = [&](std::string_view word) {
    return def.numerator.find(word) != std::string::npos ||
           def.denominator.find(word) != std::string::npos;
  };
  if (uses("quarter_start")) return "quarter";
  if (uses("year_start")) return "ytd";
  return "";
}
namespace {

// ---- time ----

struct Clock {
  int period = 0;  // YYYYMM
  int year = 0, month = 0;
  Window window = Window::kYtd;
  TimeVar WindowVar() const {
    switch (window) {
      case Window::kMonth:
        return TimeVar::kPeriodStart;
      case Window::kQuarter:
        return TimeVar::kQuarterStart;
      default:
        return TimeVar::kYearStart;
    }
  }
  int64_t ResolveDate(TimeVar v) const {
    if (v == TimeVar::kWindowStart) v = WindowVar();
    switch (v) {
      case TimeVar::kPeriodStart:
        return year * 10000 + month * 100 + 1;
      case TimeVar::kQuarterStart:
        return year * 10000 + ((month - 1) / 3 * 3 + 1) * 100 + 1;
      case TimeVar::kYearStart:
        return year * 10000 + 101;
      case TimeVar::kYearEnd:
        return year * 10000 + 1231;
      default:
        return year * 10000 + month * 100 + DaysInMonth(year, month);  // period, end
    }
  }
  int64_t ResolvePeriod(TimeVar v) const {
    if (v == TimeVar::kWindowStart) v = WindowVar();
    switch (v) {
      case TimeVar::kQuarterStart:
        return year * 100 + (month - 1) / 3 * 3 + 1;
      case TimeVar::kYearStart:
        return year * 100 + 1;
      case TimeVar::kYearEnd:
        return year * 100 + 12;
      default:
        return period;
    }
  }
};

// ---- predicates ----

// A predicate with its operands resolved for one evaluation.
struct BoundPred {
  const Predicate* p = nullptr;
  std::vector<int64_t> values;     // resolved operands (not for codes)
  std::vector<char> code_matches;  // codes: dictionary id → matches (for =, in, starts_with)
};

struct BoundCond {
  Cond::Kind kind = Cond::Kind::kPred;
  BoundPred pred;
  std::vector<BoundCond> children;
};

const Dictionary& DictOf(const Facts& f, Field field) {
  return (field == Field::kRegion) ? f.regions : f.industries;
}

BoundCond Bind(const Facts& f, const Cond& c, const Clock& clock) {
  BoundCond b;
  b.kind = c.kind;
  for (const auto& child : c.children) b.children.push_back(Bind(f, *child, clock));
  if (c.kind != Cond::Kind::kPred) return b;
  const Predicate& p = c.pred;
  b.pred.p = &p;
  if (p.type == ValueType::kCode) {
    const Dictionary& d = DictOf(f, p.field);
    b.pred.code_matches.assign(d.size(), 0);
    for (uint32_t id = 1; id < d.size(); ++id) {
      const std::string& s = d.Get(id);
      for (const auto& o : p.operands) {
        bool m =
            p.op == CmpOp::kStartsWith ? s.compare(0, o.text.size(), o.text) == 0 : s == o.text;
        if (m) b.pred.code_matches[id] = 1;
      }
    }
    return b;
  }
  for (const auto& o : p.operands) {
    int64_t v = o.value;
    if (o.kind == Operand::Kind::kTimeVar) {
      auto tv = static_cast<TimeVar>(o.value);
      v = p.type == ValueType::kPeriod ? clock.ResolvePeriod(tv) : clock.ResolveDate(tv);
    }
    b.pred.values.push_back(v);
  }
  return b;
}

// The raw value of a field on a row of `source` (for via_project: on the row's project).
struct RowReader {
  const Facts& f;
  const Clock& clock;

  int32_t ProjectOf(Source s, size_t row) const {
    switch (s) {
      case Source::kProjects:
        return static_cast<int32_t>(row);
      case Source::kPlans:
        return f.plans.project[row];
      case Source::kReports:
        return f.reports.project[row];
      case Source::kProcedures:
        return f.procedures.project[row];
      case Source::kProblems:
        return f.problems.project[row];
      case Source::kLeads:
        return f.leads.project[row];
    }
    return -1;
  }

  int64_t PlanToDate(size_t row) const {
    int y = f.plans.year[row];
    int months = y < clock.year ? 12 : (y == clock.year ? clock.month : 0);
    int64_t sum = 0;
    for (int m = 0; m < months; ++m) sum += f.plans.monthly[row][m];
    return sum;
  }

  // Returns false when the row has no such value (no project, missing date or code).
  int64_t Get(Field field, size_t row) const {
    const auto& P = f.projects;
    switch (field) {
      case Field::kStage:
        return P.stage[row];
      case Field::kLevel:
        return P.level[row];
      case Field::kUnit:
        return P.unit[row];
      case Field::kRegion:
        return P.region[row];
      case Field::kIndustry:
        return P.industry[row];
      case Field::kTotalInvestment:
        return P.total[row];
      case Field::kPlannedStart:
        return P.planned_start[row];
      case Field::kPlannedCompletion:
        return P.planned_completion[row];
      case Field::kActualStart:
        return P.actual_start[row];
      case Field::kActualCompletion:
        return P.actual_completion[row];
      case Field::kStatsStatus:
        return P.stats_status[row];
      case Field::kStatsDate:
        return P.stats_date[row];
      case Field::kPlanYear:
        return f.plans.year[row];
      case Field::kPlanInvestment:
        return f.plans.planned[row];
      case Field::kPlanToDate:
        return PlanToDate(row);
      case Field::kPlanStart:
        return f.plans.planned_start[row];
      case Field::kPlanCompletion:
        return f.plans.planned_completion[row];
      case Field::kReportPeriod:
        return f.reports.period[row];
      case Field::kReportAmount:
        return f.reports.amount[row];
      case Field::kReportStatus:
        return f.reports.status[row];
      case Field::kReportSubmitted:
        return f.reports.submitted_on[row];
      case Field::kReportLate:
        return f.reports.late[row];
      case Field::kProcStatus:
        return f.procedures.status[row];
      case Field::kProcDue:
        return f.procedures.due[row];
      case Field::kProcDone:
        return f.procedures.done[row];
      case Field::kProblemStatus:
        return f.problems.status[row];
      case Field::kProblemSeverity:
        return f.problems.severity[row];
      case Field::kProblemRaised:
        return f.problems.raised[row];
      case Field::kProblemDue:
        return f.problems.due[row];
      case Field::kProblemClosed:
        return f.problems.closed[row];
      case Field::kLeadStage:
        return f.leads.stage[row];
      case Field::kLeadUnit:
        return f.leads.unit[row];
      case Field::kLeadIndustry:
        return f.leads.industry[row];
      case Field::kLeadAmount:
        return f.leads.amount[row];
      case Field::kLeadSigned:
        return f.leads.signed_on[row];
      case Field::kLeadLanded:
        return f.leads.landed_on[row];
    }
    return 0;
  }

  bool Match(const BoundCond& c, Source s, size_t row) const {
    switch (c.kind) {
      case Cond::Kind::kAnd:
        for (const auto& ch : c.children) {
          if (!Match(ch, s, row)) return false;
        }
        return true;
      case Cond::Kind::kOr:
        for (const auto& ch : c.children) {
          if (Match(ch, s, row)) return true;
        }
        return false;
      case Cond::Kind::kNot:
        return !Match(c.children[0], s, row);
      case Cond::Kind::kPred:
        break;
    }
    const BoundPred& b = c.pred;
    const Predicate& p = *b.p;
    size_t r = row;
    if (p.via_project) {
      int32_t pr = ProjectOf(s, row);
      if (pr < 0) return p.op == CmpOp::kIsNull;  // a lead without a project
      r = static_cast<size_t>(pr);
    }
    int64_t v = Get(p.field, r);
    bool nullable =
        p.type == ValueType::kDate || p.type == ValueType::kCode || p.type == ValueType::kUnit;
    bool is_null = nullable && v == 0;
    if (p.op == CmpOp::kIsNull) return is_null;
    if (p.op == CmpOp::kIsNotNull) return !is_null;
    if (is_null) return false;
    if (p.type == ValueType::kCode) {
      bool m = b.code_matches[static_cast<size_t>(v)] != 0;
      return (p.op == CmpOp::kNe || p.op == CmpOp::kNotIn) ? !m : m;
    }
    const auto& x = b.values;
    switch (p.op) {
      case CmpOp::kEq:
        return v == x[0];
      case CmpOp::kNe:
        return v != x[0];
      case CmpOp::kLt:
        return v < x[0];
      case CmpOp::kLe:
        return v <= x[0];
      case CmpOp::kGt:
        return v > x[0];
      case CmpOp::kGe:
        return v >= x[0];
      case CmpOp::kBetween:
        return v >= x[0] && v <= x[1];
      case CmpOp::kIn:
        return std::find(x.begin(), x.end(), v) != x.end();
      case CmpOp::kNotIn:
        return std::find(x.begin(), x.end(), v) == x.end();
      default:
        return false;
    }
  }
};

size_t RowCount(const Facts& f, Source s) {
  switch (s) {
    case Source::kProjects:
      return f.projects.size();
    case Source::kPlans:
      return f.plans.size();
    case Source::kReports:
      return f.reports.size();
    case Source::kProcedures:
      return f.procedures.size();
    case Source::kProblems:
      return f.problems.size();
    case Source::kLeads:
      return f.leads.size();
  }
  return 0;
}

// Per-group totals of one aggregate (or one total for area(...)), and the project rows behind.
struct AggregateValues {
  std::vector<Int128> by_group;
  Int128 area_total = 0;
};

Status Overflow() {
  return Status::InvalidArgument("计算结果超出范围", "indicator value out of range");
}

// ---- column-at-a-time predicates ----
// A condition is evaluated into one byte per row, predicate by predicate, each a tight loop over
// one column (`project.<field>` is evaluated once per project, then gathered per row).

// Calls fn(column) with the column of `field` over its own source's rows; false for
// planned_to_date (computed per row).
template <typename Fn>
bool WithColumn(const Facts& f, Field field, Fn&& fn) {
  const auto& P = f.projects;
  switch (field) {
    case Field::kStage:
      return fn(P.stage), true;
    case Field::kLevel:
      return fn(P.level), true;
    case Field::kUnit:
      return fn(P.unit), true;
    case Field::kRegion:
      return fn(P.region), true;
    case Field::kIndustry:
      return fn(P.industry), true;
    case Field::kTotalInvestment:
      return fn(P.total), true;
    case Field::kPlannedStart:
      return fn(P.planned_start), true;
    case Field::kPlannedCompletion:
      return fn(P.planned_completion), true;
    case Field::kActualStart:
      return fn(P.actual_start), true;
    case Field::kActualCompletion:
      return fn(P.actual_completion), true;
    case Field::kStatsStatus:
      return fn(P.stats_status), true;
    case Field::kStatsDate:
      return fn(P.stats_date), true;
    case Field::kPlanYear:
      return fn(f.plans.year), true;
    case Field::kPlanInvestment:
      return fn(f.plans.planned), true;
    case Field::kPlanToDate:
      return false;
    case Field::kPlanStart:
      return fn(f.plans.planned_start), true;
    case Field::kPlanCompletion:
      return fn(f.plans.planned_completion), true;
    case Field::kReportPeriod:
      return fn(f.reports.period), true;
    case Field::kReportAmount:
      return fn(f.reports.amount), true;
    case Field::kReportStatus:
      return fn(f.reports.status), true;
    case Field::kReportSubmitted:
      return fn(f.reports.submitted_on), true;
    case Field::kReportLate:
      return fn(f.reports.late), true;
    case Field::kProcStatus:
      return fn(f.procedures.status), true;
    case Field::kProcDue:
      return fn(f.procedures.due), true;
    case Field::kProcDone:
      return fn(f.procedures.done), true;
    case Field::kProblemStatus:
      return fn(f.problems.status), true;
    case Field::kProblemSeverity:
      return fn(f.problems.severity), true;
    case Field::kProblemRaised:
      return fn(f.problems.raised), true;
    case Field::kProblemDue:
      return fn(f.problems.due), true;
    case Field::kProblemClosed:
      return fn(f.problems.closed), true;
    case Field::kLeadStage:
      return fn(f.leads.stage), true;
    case Field::kLeadUnit:
      return fn(f.leads.unit), true;
    case Field::kLeadIndustry:
      return fn(f.leads.industry), true;
    case Field::kLeadAmount:
      return fn(f.leads.amount), true;
    case Field::kLeadSigned:
      return fn(f.leads.signed_on), true;
    case Field::kLeadLanded:
      return fn(f.leads.landed_on), true;
  }
  return false;
}

// out[i] = the predicate on values col[i] (same semantics as RowReader::Match); with and_into,
// out[i] &= it instead.
template <typename T>
void PredicateOverColumn(const std::vector<T>& col, const BoundPred& b, uint8_t* out,
                         bool and_into = false) {
  const Predicate& p = *b.p;
  const size_t n = col.size();
  const bool nullable =
      p.type == ValueType::kDate || p.type == ValueType::kCode || p.type == ValueType::kUnit;
  const T* c = col.data();
  auto run = [&](auto test) {
    if (and_into) {
      for (size_t i = 0; i < n; ++i) {
        auto v = static_cast<int64_t>(c[i]);
        out[i] &= (nullable && v == 0) ? 0 : static_cast<uint8_t>(test(v));
      }
      return;
    }
    for (size_t i = 0; i < n; ++i) {
      auto v = static_cast<int64_t>(c[i]);
      out[i] = (nullable && v == 0) ? 0 : static_cast<uint8_t>(test(v));
    }
  };
  switch (p.op) {
    case CmpOp::kIsNull:
    case CmpOp::kIsNotNull: {
      bool want_null = p.op == CmpOp::kIsNull;
      for (size_t i = 0; i < n; ++i) {
        uint8_t r = (nullable && c[i] == 0) == want_null;
        out[i] = and_into ? (out[i] & r) : r;
      }
      return;
    }
    default:
      break;
  }
  if (p.type == ValueType::kCode) {
    const auto& m = b.code_matches;
    bool negate = p.op == CmpOp::kNe || p.op == CmpOp::kNotIn;
    run([&](int64_t v) { return (m[static_cast<size_t>(v)] != 0) != negate; });
    return;
  }
  const auto& x = b.values;
  switch (p.op) {
    case CmpOp::kEq:
      return run([x0 = x[0]](int64_t v) { return v == x0; });
    case CmpOp::kNe:
      return run([x0 = x[0]](int64_t v) { return v != x0; });
    case CmpOp::kLt:
      return run([x0 = x[0]](int64_t v) { return v < x0; });
    case CmpOp::kLe:
      return run([x0 = x[0]](int64_t v) { return v <= x0; });
    case CmpOp::kGt:
      return run([x0 = x[0]](int64_t v) { return v > x0; });
    case CmpOp::kGe:
      return run([x0 = x[0]](int64_t v) { return v >= x0; });
    case CmpOp::kBetween:
      return run([lo = x[0], hi = x[1]](int64_t v) { return v >= lo && v <= hi; });
    case CmpOp::kIn:
      return run([&x](int64_t v) { return std::find(x.begin(), x.end(), v) != x.end(); });
    case CmpOp::kNotIn:
      return run([&x](int64_t v) { return std::find(x.begin(), x.end(), v) == x.end(); });
    default:
      std::fill(out, out + n, 0);
  }
}

// sel[i] &= the condition on row i: an `and` refines sel child by child, a predicate in one
// pass over its column; anything else through a temporary.
void AndConditionInto(const RowReader& reader, const BoundCond& c, Source s, size_t n,
                      std::vector<uint8_t>& sel);

void ConditionOverRows(const RowReader& reader, const BoundCond& c, Source s, size_t n,
                       std::vector<uint8_t>& out) {
  out.assign(n, 0);
  switch (c.kind) {
    case Cond::Kind::kAnd:
    case Cond::Kind::kOr: {
      bool is_and = c.kind == Cond::Kind::kAnd;
      ConditionOverRows(reader, c.children[0], s, n, out);
      std::vector<uint8_t> tmp;
      for (size_t k = 1; k < c.children.size(); ++k) {
        ConditionOverRows(reader, c.children[k], s, n, tmp);
        for (size_t i = 0; i < n; ++i) out[i] = is_and ? (out[i] & tmp[i]) : (out[i] | tmp[i]);
      }
      return;
    }
    case Cond::Kind::kNot:
      ConditionOverRows(reader, c.children[0], s, n, out);
      for (size_t i = 0; i < n; ++i) out[i] ^= 1;
      return;
    case Cond::Kind::kPred:
      break;
  }
  const BoundPred& b = c.pred;
  const Predicate& p = *b.p;
  const Facts& f = reader.f;
  if (p.via_project && s != Source::kProjects) {
    std::vector<uint8_t> per_project(f.projects.size(), 0);
    bool columnar = WithColumn(
        f, p.field, [&](const auto& col) { PredicateOverColumn(col, b, per_project.data()); });
    if (!columnar) {  // not reached: planned_to_date is a plan field
      for (size_t i = 0; i < n; ++i) out[i] = reader.Match(c, s, i);
      return;
    }
    for (size_t i = 0; i < n; ++i) {
      int32_t pr = reader.ProjectOf(s, i);
      out[i] = pr < 0 ? (p.op == CmpOp::kIsNull) : per_project[static_cast<size_t>(pr)];
    }
    return;
  }
  bool columnar =
      WithColumn(f, p.field, [&](const auto& col) { PredicateOverColumn(col, b, out.data()); });
  if (!columnar) {
    for (size_t i = 0; i < n; ++i) out[i] = reader.Match(c, s, i);
  }
}

void AndConditionInto(const RowReader& reader, const BoundCond& c, Source s, size_t n,
                      std::vector<uint8_t>& sel) {
  if (c.kind == Cond::Kind::kAnd) {
    for (const auto& ch : c.children) AndConditionInto(reader, ch, s, n, sel);
    return;
  }
  if (c.kind == Cond::Kind::kPred) {
    const BoundPred& b = c.pred;
    const Predicate& p = *b.p;
    const Facts& f = reader.f;
    if (p.via_project && s != Source::kProjects) {
      std::vector<uint8_t> per_project(f.projects.size(), 0);
      if (WithColumn(f, p.field,
                     [&](const auto& col) { PredicateOverColumn(col, b, per_project.data()); })) {
        for (size_t i = 0; i < n; ++i) {
          if (!sel[i]) continue;
          int32_t pr = reader.ProjectOf(s, i);
          sel[i] = pr < 0 ? (p.op == CmpOp::kIsNull) : per_project[static_cast<size_t>(pr)];
        }
        return;
      }
    } else if (WithColumn(f, p.field, [&](const auto& col) {
                 PredicateOverColumn(col, b, sel.data(), /*and_into=*/true);
               })) {
      return;
    }
  }
  std::vector<uint8_t> tmp;
  ConditionOverRows(reader, c, s, n, tmp);
  for (size_t i = 0; i < n; ++i) sel[i] &= tmp[i];
}

// sum(reports.completed_investment where <period range> and <status set> and <project.*>):
// per project two binary searches in its report series instead of a pass over every report.
// nullopt when the where clause has any other shape (the caller scans).
std::optional<AggregateValues> ReportSumBySeries(const Facts& f, const Aggregate& a,
                                                 const Clock& clock, const Groups& groups,
                                                 std::vector<char>* contributors,
                                                 const std::vector<char>* mask,
                                                 std::vector<Int128>* per_project) {
  if (a.source != Source::kReports || a.is_count || a.field != Field::kReportAmount) {
    return std::nullopt;
  }
  std::optional<BoundCond> where;
  if (a.where) where = Bind(f, *a.where, clock);
  std::vector<const BoundCond*> preds;
  std::function<bool(const BoundCond&)> flatten = [&](const BoundCond& c) -> bool {
    if (c.kind == Cond::Kind::kAnd) {
      for (const auto& ch : c.children) {
        if (!flatten(ch)) return false;
      }
      return true;
    }
    if (c.kind != Cond::Kind::kPred) return false;
    preds.push_back(&c);
    return true;
  };
  if (where && !flatten(*where)) return std::nullopt;
  int64_t lo = INT64_MIN, hi = clock.period;  // implicit scope: reports up to the period
  unsigned statuses = 0xF;
  std::vector<const BoundCond*> project_preds;
  for (const BoundCond* c : preds) {
    const Predicate& p = *c->pred.p;
    const auto& x = c->pred.values;
    if (p.via_project) {
      project_preds.push_back(c);
    } else if (p.field == Field::kReportPeriod) {
      switch (p.op) {
        case CmpOp::kEq:
          lo = std::max(lo, x[0]);
          hi = std::min(hi, x[0]);
          break;
        case CmpOp::kLe:
          hi = std::min(hi, x[0]);
          break;
        case CmpOp::kLt:
          hi = std::min(hi, x[0] - 1);
          break;
        case CmpOp::kGe:
          lo = std::max(lo, x[0]);
          break;
        case CmpOp::kGt:
          lo = std::max(lo, x[0] + 1);
          break;
        case CmpOp::kBetween:
          lo = std::max(lo, x[0]);
          hi = std::min(hi, x[1]);
          break;
        default:
          return std::nullopt;
      }
    } else if (p.field == Field::kReportStatus) {
      unsigned m = 0;
      for (int64_t v : x) {
        if (v >= 0 && v < 4) m |= 1u << v;
      }
      switch (p.op) {
        case CmpOp::kEq:
        case CmpOp::kIn:
          statuses &= m;
          break;
        case CmpOp::kNe:
        case CmpOp::kNotIn:
          statuses &= ~m & 0xFu;
          break;
        default:
          return std::nullopt;
      }
    } else {
      return std::nullopt;
    }
  }
  const size_t np = f.projects.size();
  std::vector<uint8_t> keep(np, 1), tmp(np);
  if (mask) {
    for (size_t i = 0; i < np; ++i) keep[i] = (*mask)[i] != 0;
  }
  for (const BoundCond* c : project_preds) {
    bool columnar = WithColumn(f, c->pred.p->field, [&](const auto& col) {
      PredicateOverColumn(col, c->pred, tmp.data());
    });
    if (!columnar) return std::nullopt;
    for (size_t i = 0; i < np; ++i) keep[i] &= tmp[i];
  }
  AggregateValues out;
  out.by_group.assign(groups.keys.size(), 0);
  if (lo > hi || statuses == 0) return out;
  for (size_t pr = 0; pr < np; ++pr) {
    if (!keep[pr]) continue;
    const Facts::ReportSeries& s = f.ReportSeriesOf(static_cast<int32_t>(pr));
    auto b = std::lower_bound(s.period.begin(), s.period.end(), lo);
    auto e = std::upper_bound(b, s.period.end(), hi);
    if (b == e) continue;
    size_t bi = static_cast<size_t>(b - s.period.begin()),
           ei = static_cast<size_t>(e - s.period.begin());
    Int128 sum = 0;
    for (unsigned st = 0; st < 4; ++st) {
      if (!(statuses & (1u << st))) continue;
      sum += s.cum[ei - 1][st] - (bi > 0 ? s.cum[bi - 1][st] : 0);
    }
    int32_t g = groups.of_project[pr];
    out.by_group[g] += sum;
    out.area_total += sum;
    if (per_project) (*per_project)[pr] = sum;
    if (contributors && !a.whole_area) {
      for (size_t i = bi; i < ei; ++i) {
        if (statuses & (1u << s.status[i])) {
          (*contributors)[pr] = 1;
          break;
        }
      }
    }
  }
  return out;
}

Result<AggregateValues> ComputeAggregate(const Facts& f, const Aggregate& a, const Clock& clock,
                                         const Groups& groups, std::vector<char>* contributors,
                                         const std::vector<char>* mask,
                                         std::vector<Int128>* per_project = nullptr) {
  if (auto fast = ReportSumBySeries(f, a, clock, groups, contributors, mask, per_project)) {
    return *fast;
  }
  AggregateValues out;
  out.by_group.assign(groups.keys.size(), 0);
  RowReader reader{f, clock};
  const size_t n = RowCount(f, a.source);
  // Which rows count: implicit scope (plans of the period's year, reports up to the period),
  // the caller's project mask, then the where clause, each a pass over columns.
  std::vector<uint8_t> sel(n, 1);
  if (a.source == Source::kPlans) {
    for (size_t i = 0; i < n; ++i) sel[i] = f.plans.year[i] == clock.year;
  } else if (a.source == Source::kReports) {
    const int32_t* period = f.reports.period.data();
    for (size_t i = 0; i < n; ++i) sel[i] = period[i] <= clock.period;
  }
  if (mask) {
    for (size_t i = 0; i < n; ++i) {
      int32_t pr = reader.ProjectOf(a.source, i);
      sel[i] &= pr >= 0 && (*mask)[static_cast<size_t>(pr)];
    }
  }
  if (a.where) {
    BoundCond where = Bind(f, *a.where, clock);
    AndConditionInto(reader, where, a.source, n, sel);
  }
  for (size_t row = 0; row < n; ++row) {
    if (!sel[row]) continue;
    Int128 v = a.is_count ? 1 : reader.Get(a.field, row);
    int32_t pr = reader.ProjectOf(a.source, row);
    int32_t g = a.source == Source::kLeads ? groups.of_lead[row] : groups.of_project[pr];
    out.by_group[g] += v;
    out.area_total += v;
    if (contributors && !a.whole_area && pr >= 0) (*contributors)[pr] = 1;
    if (per_project && pr >= 0) (*per_project)[pr] += v;
  }
  return out;
}

// The sum ComputeAggregate adds for one project row (not for leads): its counted rows, row by
// row, with the same implicit scope (plans of the year, reports up to the period).
Int128 ProjectContribution(const Facts& f, const Aggregate& a, const Clock& clock,
                           const BoundCond* where, int32_t pr) {
  RowReader reader{f, clock};
  auto value = [&](size_t row) -> Int128 {
    if (where && !reader.Match(*where, a.source, row)) return 0;
    return a.is_count ? 1 : reader.Get(a.field, row);
  };
  Int128 sum = 0;
  switch (a.source) {
    case Source::kProjects:
      return value(static_cast<size_t>(pr));
    case Source::kPlans:
      for (int32_t r : f.PlanRowsOf(pr)) {
        if (f.plans.year[r] == clock.year) sum += value(static_cast<size_t>(r));
      }
      return sum;
    case Source::kReports:
      for (int32_t r : f.ReportRowsOf(pr)) {
        if (f.reports.period[r] <= clock.period) sum += value(static_cast<size_t>(r));
      }
      return sum;
    case Source::kProcedures:
      for (int32_t r : f.ProcedureRowsOf(pr)) sum += value(static_cast<size_t>(r));
      return sum;
    case Source::kProblems:
      for (int32_t r : f.ProblemRowsOf(pr)) sum += value(static_cast<size_t>(r));
      return sum;
    case Source::kLeads:
      break;
  }
  return 0;
}

// Evaluates the arithmetic of `n` for group g; nullopt = divided by zero.
Result<std::optional<Rational>> Combine(
    const Node* n, size_t g, const std::unordered_map<const Node*, AggregateValues>& aggs) {
  switch (n->kind) {
    case Node::Kind::kNumber:
      return std::optional<Rational>(n->number);
    case Node::Kind::kAggregate: {
      const auto& v = aggs.at(n);
      auto r = Rational::Make(n->agg.whole_area ? v.area_total : v.by_group[g], 1);
      if (!r) return Overflow();
      return std::optional<Rational>(*r);
    }
    case Node::Kind::kNeg: {
      KL_ASSIGN_OR_RETURN(auto x, Combine(n->lhs.get(), g, aggs));
      if (!x) return std::optional<Rational>();
      return std::optional<Rational>(Rational{-x->num, x->den});
    }
    default:
      break;
  }
  KL_ASSIGN_OR_RETURN(auto a, Combine(n->lhs.get(), g, aggs));
  KL_ASSIGN_OR_RETURN(auto b, Combine(n->rhs.get(), g, aggs));
  if (!a || !b) return std::optional<Rational>();
  std::optional<Rational> r;
  switch (n->kind) {
    case Node::Kind::kAdd:
      r = Add(*a, *b);
      break;
    case Node::Kind::kSub:
      r = Sub(*a, *b);
      break;
    case Node::Kind::kMul:
      r = Mul(*a, *b);
      break;
    default:
      if (b->IsZero()) return std::optional<Rational>();
      r = Div(*a, *b);
      break;
  }
  if (!r) return Overflow();
  return r;
}

Result<Clock> MakeClock(int period, Window window) {
  int y = period / 100, m = period % 100;
  if (y < 1900 || y > 2199 || m < 1 || m > 12) {
    return Status::InvalidArgument("期别无效：" + std::to_string(period),
                                   "invalid period " + std::to_string(period) + " (YYYYMM)");
  }
  return Clock{period, y, m, window};
}

Result<std::vector<std::optional<Rational>>> ValuesByGroup(
    const Expression& e, const Groups& g,
    const std::unordered_map<const Node*, AggregateValues>& aggs) {
  std::vector<std::optional<Rational>> out;
  for (size_t i = 0; i < g.keys.size(); ++i) {
    KL_ASSIGN_OR_RETURN(auto v, Combine(e.root.get(), i, aggs));
    out.push_back(v);
  }
  return out;
}

// The indicator's value per group from both sides' values.
Result<std::vector<IndicatorValue>> Assemble(const CompiledIndicator& indicator, const Groups& g,
                                             std::vector<std::optional<Rational>> num,
                                             std::vector<std::optional<Rational>> den) {
  std::vector<IndicatorValue> out;
  for (size_t i = 0; i < g.keys.size(); ++i) {
    IndicatorValue v;
    v.key = g.keys[i];
    v.numerator = num[i];
    v.denominator = den[i];
    if (v.numerator && v.denominator && !v.denominator->IsZero()) {
      v.rate = Div(*v.numerator, *v.denominator);
      if (!v.rate) return Overflow();
      v.percent = FormatPercent(*v.rate, indicator.def.decimals);
    }
    out.push_back(std::move(v));
  }
  return out;
}

// Per group: the expression's value and (when asked) the project rows behind it.
struct Evaluated {
  std::vector<std::optional<Rational>> values;
  std::vector<std::vector<int64_t>> projects;
};

Result<Evaluated> Run(const Facts& f, const Expression& e, const Clock& clock, const Groups& g,
                      bool drilldown, const std::vector<char>* mask) {
  std::unordered_map<const Node*, AggregateValues> aggs;
  std::vector<char> contributors;
  if (drilldown) contributors.assign(f.projects.size(), 0);
  for (const Node* n : e.aggregates) {
    KL_ASSIGN_OR_RETURN(auto v,
                        ComputeAggregate(f, n->agg, clock, g, drilldown ? &contributors : nullptr,
                                         n->agg.whole_area ? nullptr : mask));
    aggs.emplace(n, std::move(v));
  }
  Evaluated out;
  out.projects.resize(g.keys.size());
  KL_ASSIGN_OR_RETURN(out.values, ValuesByGroup(e, g, aggs));
  if (drilldown) {
    for (size_t r = 0; r < contributors.size(); ++r) {
      if (contributors[r]) out.projects[g.of_project[r]].push_back(f.projects.id[r]);
    }
    for (auto& ids : out.projects) std::sort(ids.begin(), ids.end());
  }
  return out;
}

}  // namespace

Result<std::vector<GroupValue>> EvaluateExpression(const Facts& facts, const Expression& expr,
                                                   const EvalOptions& options) {
  KL_ASSIGN_OR_RETURN(Clock clock, MakeClock(options.period, options.window));
  Groups groups = BuildGroups(facts, options.grouping);
  KL_ASSIGN_OR_RETURN(Evaluated ev,
                      Run(facts, expr, clock, groups, options.drilldown, options.project_mask));
  std::vector<GroupValue> out;
  for (size_t i = 0; i < groups.keys.size(); ++i) {
    out.push_back(GroupValue{groups.keys[i], ev.values[i], std::move(ev.projects[i])});
  }
  return out;
}

Result<CompiledIndicator> CompileIndicator(IndicatorDef def) {
  auto num = ParseExpression(def.numerator);
  if (!num.ok()) return num.error().ToStatus("numerator");
  auto den = ParseExpression(def.denominator);
  if (!den.ok()) return den.error().ToStatus("denominator");
  if (num.expression().dim != den.expression().dim) {
    return Status::InvalidArgument(
        "分子与分母量纲不同（金额与数量不能相除）",
        "numerator and denominator differ in kind (money against a count)",
        {FieldError{"denominator", "分子与分母量纲不同",
                    "numerator and denominator differ in kind"}});
  }
  if (def.decimals < 0 || def.decimals > 6) {
    return Status::InvalidArgument("小数位数应为 0 到 6", "decimals must be 0..6",
                                   {FieldError{"decimals", "小数位数应为 0 到 6", "0..6"}});
  }
  return CompiledIndicator{std::move(def), std::move(num).expression(),
                           std::move(den).expression()};
}

Result<std::vector<IndicatorValue>> EvaluateIndicator(const Facts& facts,
                                                      const CompiledIndicator& indicator,
                                                      const EvalOptions& options) {
  KL_ASSIGN_OR_RETURN(Clock clock, MakeClock(options.period, options.window));
  Groups groups = BuildGroups(facts, options.grouping);
  KL_ASSIGN_OR_RETURN(Evaluated num, Run(facts, indicator.numerator, clock, groups,
                                         options.drilldown, options.project_mask));
  KL_ASSIGN_OR_RETURN(Evaluated den, Run(facts, indicator.denominator, clock, groups,
                                         options.drilldown, options.project_mask));
  KL_ASSIGN_OR_RETURN(auto out,
                      Assemble(indicator, groups, std::move(num.values), std::move(den.values)));
  for (size_t i = 0; i < groups.keys.size(); ++i) {
    out[i].numerator_projects = std::move(num.projects[i]);
    out[i].denominator_projects = std::move(den.projects[i]);
  }
  return out;
}

struct TrackedIndicator {
  uint64_t generation = 0, change_count = 0;
  const CompiledIndicator* indicator = nullptr;
  int period = 0;
  Window window = Window::kYtd;
  Grouping grouping;
  size_t projects = 0;
  std::shared_ptr<const Groups> groups;  // shared with the next state while no group changes
  struct Agg {
    bool tracked = false;  // per-project contributions kept (not over leads)
    std::vector<Int128> by_group;
    Int128 area_total = 0;
    // Contribution of each project row: `overrides` where listed, else `base` (shared between
    // states, so an update copies only the overrides).
    std::shared_ptr<const std::vector<Int128>> base;
    std::shared_ptr<const std::unordered_map<int32_t, Int128>> overrides;
    Int128 At(int32_t pr) const {
      if (overrides) {
        if (auto it = overrides->find(pr); it != overrides->end()) return it->second;
      }
      return (*base)[static_cast<size_t>(pr)];
    }
  };
  std::vector<Agg> num, den;  // in Expression::aggregates order
};

namespace {

constexpr size_t kMaxOverrides = 4096;  // then the overrides are folded into a new base

// One side of a tracked evaluation: its aggregates (updated from `prev` for `changed` when
// given) and its values by group.
Result<std::vector<std::optional<Rational>>> RunTracked(
    const Facts& f, const Expression& e, const Clock& clock, const Groups& g,
    const std::vector<TrackedIndicator::Agg>* prev, const std::vector<int32_t>& changed,
    std::vector<TrackedIndicator::Agg>& out) {
  std::unordered_map<const Node*, AggregateValues> aggs;
  for (size_t i = 0; i < e.aggregates.size(); ++i) {
    const Aggregate& a = e.aggregates[i]->agg;
    TrackedIndicator::Agg t;
    if (a.source == Source::kLeads) {
      KL_ASSIGN_OR_RETURN(auto v, ComputeAggregate(f, a, clock, g, nullptr, nullptr));
      t.by_group = std::move(v.by_group);
      t.area_total = v.area_total;
    } else if (prev && i < prev->size() && (*prev)[i].tracked) {
      const TrackedIndicator::Agg& p = (*prev)[i];
      t.tracked = true;
      t.by_group = p.by_group;
      t.area_total = p.area_total;
      t.base = p.base;
      auto overrides = p.overrides
                           ? std::make_shared<std::unordered_map<int32_t, Int128>>(*p.overrides)
                           : std::make_shared<std::unordered_map<int32_t, Int128>>();
      std::optional<BoundCond> where;
      if (a.where) where = Bind(f, *a.where, clock);
      for (int32_t pr : changed) {
        Int128 now = ProjectContribution(f, a, clock, where ? &*where : nullptr, pr);
        Int128 delta = now - p.At(pr);
        (*overrides)[pr] = now;
        t.by_group[static_cast<size_t>(g.of_project[static_cast<size_t>(pr)])] += delta;
        t.area_total += delta;
      }
      if (overrides->size() > kMaxOverrides) {
        auto base = std::make_shared<std::vector<Int128>>(*t.base);
        for (const auto& [pr, v] : *overrides) (*base)[static_cast<size_t>(pr)] = v;
        t.base = std::move(base);
        overrides->clear();
      }
      t.overrides = std::move(overrides);
    } else {
      t.tracked = true;
      auto base = std::make_shared<std::vector<Int128>>(f.projects.size(), 0);
      KL_ASSIGN_OR_RETURN(auto v, ComputeAggregate(f, a, clock, g, nullptr, nullptr, base.get()));
      t.base = std::move(base);
      t.by_group = std::move(v.by_group);
      t.area_total = v.area_total;
    }
    AggregateValues v;
    v.by_group = t.by_group;
    v.area_total = t.area_total;
    aggs.emplace(e.aggregates[i], std::move(v));
    out.push_back(std::move(t));
  }
  return ValuesByGroup(e, g, aggs);
}

}  // namespace

Result<TrackedResult> EvaluateIndicatorTracked(const Facts& facts,
                                               const CompiledIndicator& indicator,
                                               const EvalOptions& options,
                                               const TrackedIndicator* previous) {
  if (options.drilldown || options.project_mask) {
    return Status::InvalidArgument("增量计算不支持明细或范围",
                                   "incremental evaluation has no drill-down nor scope");
  }
  KL_ASSIGN_OR_RETURN(Clock clock, MakeClock(options.period, options.window));
  auto state = std::make_shared<TrackedIndicator>();
  state->generation = facts.generation();
  state->change_count = facts.change_count();
  state->indicator = &indicator;
  state->period = options.period;
  state->window = options.window;
  state->grouping = options.grouping;
  state->projects = facts.projects.size();
  std::vector<int32_t> changed;
  bool reuse = previous && previous->indicator == &indicator &&
               previous->period == options.period && previous->window == options.window &&
               previous->grouping.by == options.grouping.by &&
               previous->grouping.prefix == options.grouping.prefix &&
               previous->projects == state->projects &&
               facts.ChangedRowsSince(previous->generation, previous->change_count, &changed);
  bool leads_changed = false;
  if (reuse) {
    std::erase_if(changed, [&](int32_t r) {
      if (r < 0) leads_changed = true;  // aggregates over leads are evaluated afresh anyway
      return r < 0 || static_cast<size_t>(r) >= state->projects;
    });
    std::sort(changed.begin(), changed.end());
    changed.erase(std::unique(changed.begin(), changed.end()), changed.end());
    reuse = changed.size() <= kMaxIncrementalProjects;
  }
  if (reuse && !leads_changed) {
    // No lead changed and no project was added: the groups are the previous ones unless a
    // changed project's own group key moved (a lead's group is its own or its project's).
    const Groups& pg = *previous->groups;
    bool same = true;
    for (int32_t pr : changed) {
      const auto r = static_cast<size_t>(pr);
      if (ProjectGroupKey(facts, options.grouping, r) !=
          pg.keys[static_cast<size_t>(pg.of_project[r])]) {
        same = false;
        break;
      }
    }
    if (same) state->groups = previous->groups;
  }
  if (!state->groups) {
    state->groups = std::make_shared<const Groups>(BuildGroups(facts, options.grouping));
    reuse = reuse && previous->groups->keys == state->groups->keys &&
            previous->groups->of_project == state->groups->of_project;
  }
  const Groups& g = *state->groups;
  const TrackedIndicator* prev = reuse ? previous : nullptr;
  KL_ASSIGN_OR_RETURN(auto num, RunTracked(facts, indicator.numerator, clock, g,
                                           prev ? &prev->num : nullptr, changed, state->num));
  KL_ASSIGN_OR_RETURN(auto den, RunTracked(facts, indicator.denominator, clock, g,
                                           prev ? &prev->den : nullptr, changed, state->den));
  TrackedResult out;
  KL_ASSIGN_OR_RETURN(out.values, Assemble(indicator, g, std::move(num), std::move(den)));
  out.incremental = prev != nullptr;
  out.state = std::move(state);
  return out;
}

}  // namespace keyline::engine
