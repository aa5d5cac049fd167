#include "storage/repos/project_query.h"

#include "storage/repos/paged_list.h"
#include "storage/repos/project_row.h"
#include "storage/repos/repo_util.h"
#include "storage/repos/sql_builder.h"

namespace keyline::storage {
namespace {

// Today as the scope sees it; services always set it, the fallback is the current date.
std::string ScopeToday(const ProjectScope& scope) {
  return scope.today.empty() ? TodayBeijing() : scope.today;
}

// An assignment "currently valid" on date ?: both ends inclusive, NULL ends open.
constexpr const char* kPersonAssignedSql =
    "EXISTS (SELECT 1 FROM project_assignments sa WHERE sa.project_id = p.id "
    "AND sa.person_id = ? AND (sa.valid_from IS NULL OR sa.valid_from <= ?) "
    "AND (sa.valid_to IS NULL OR sa.valid_to >= ?))";
constexpr const char* kLeaderAssignedSql =
    "EXISTS (SELECT 1 FROM project_assignments la WHERE la.project_id = p.id "
    "AND la.role = ? AND la.person_id = ? AND (la.valid_from IS NULL OR la.valid_from <= ?) "
    "AND (la.valid_to IS NULL OR la.valid_to >= ?))";
constexpr const char* kUnitRelatedSql =
    "EXISTS (SELECT 1 FROM project_units su WHERE su.project_id = p.id AND su.unit_id = ?)";

// Scope conditions other than kUnit when project_units is already joined for it.
void AddScope(SqlBuilder& b, const ProjectScope& scope, bool unit_scope_joined) {
  switch (scope.kind) {
    case ProjectScope::Kind::kAll:
      break;
    case ProjectScope::Kind::kUnit:
      if (!unit_scope_joined) b.And(kUnitRelatedSql, {IntValue(scope.id)});
      break;
    case ProjectScope::Kind::kOwner:
      b.And("p.owner_unit_id = ?", {IntValue(scope.id)});
      break;
    case ProjectScope::Kind::kPerson: {
      std::string today = ScopeToday(scope);
      b.And(kPersonAssignedSql, {IntValue(scope.id), TextValue(today), TextValue(today)});
      break;
    }
  }
}

std::string StageOrderExpr() {
  // Codes come from the compiled-in stage table, not from input.
  std::string out = "CASE p.stage";
  int i = 0;
  for (const auto& e : StageTable()) {
    out += " WHEN '" + std::string(e.code) + "' THEN " + std::to_string(i++);
  }
  out += " END";
  return out;
}

std::string OrderBy(sql::Dialect dialect, const ProjectQuery& q, const std::string& id_expr) {
  const char* dir = q.descending ? " DESC" : " ASC";
  std::string tie = ", " + id_expr + dir;
  switch (q.sort) {
    case ProjectSortField::kId:
      return " ORDER BY " + id_expr + dir;
    case ProjectSortField::kName:
      // Code point order in both databases (PostgreSQL would otherwise use its locale).
      return std::string(" ORDER BY p.name") +
             (dialect == sql::Dialect::kPostgres ? " COLLATE \"C\"" : "") + dir + tie;
    case ProjectSortField::kTotalInvestment:
      return std::string(" ORDER BY p.total_investment") + dir + tie;
    case ProjectSortField::kPlannedStart:
      return std::string(" ORDER BY p.planned_start") + dir + " NULLS LAST" + tie;
    case ProjectSortField::kUpdatedAt:
      return std::string(" ORDER BY p.updated_at") + dir + tie;
    case ProjectSortField::kStage:
      return " ORDER BY " + StageOrderExpr() + dir + tie;
  }
  return " ORDER BY " + id_expr + dir;
}

std::string Placeholders(size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i) out += i ? ", ?" : "?";
  return out;
}

}  // namespace

std::string RegionPrefix(std::string_view code) {
  std::string c(code);
  if (c.size() == 12 && c.ends_with("000")) c.resize(9);
  if (c.size() == 6) {
    if (c.ends_with("0000")) {
      c.resize(2);
    } else if (c.ends_with("00")) {
      c.resize(4);
    }
  }
  return c;
}

namespace {

// FROM and WHERE of the projects matching a query within a scope.
struct ProjectFilter {
  std::string from;
  std::string count_from;
  std::string id_expr = "p.id";
  bool needs_projects = true;
  std::optional<int64_t> scope_unit;
  SqlBuilder b;
};

ProjectFilter BuildFilter(sql::Dialect dialect, const ProjectQuery& q, const ProjectScope& scope) {
  ProjectFilter f;
  std::optional<int64_t> scope_unit;
  if (scope.kind == ProjectScope::Kind::kUnit) scope_unit = scope.id;

  // FROM: drive from project_units when a unit is involved; its stage column lets the unit
  // and stage filters (the common case) be answered, and counted, from one index.
  std::string from;
  std::string count_from;
  std::string id_expr = "p.id";
  std::string stage_expr = "p.stage";
  bool scope_joined = false;
  SqlBuilder b;
  if (q.unit_id) {
    from = " FROM project_units fu JOIN projects p ON p.id = fu.project_id";
    count_from = " FROM project_units fu";
    id_expr = "fu.project_id";
    stage_expr = "fu.stage";
    if (scope_unit && *scope_unit != *q.unit_id) {
      from += " JOIN project_units su ON su.project_id = fu.project_id";
      count_from += " JOIN project_units su ON su.project_id = fu.project_id";
    }
    scope_joined = scope_unit.has_value();
    b.And("fu.unit_id = ?", {IntValue(*q.unit_id)});
    if (scope_unit && *scope_unit != *q.unit_id) b.And("su.unit_id = ?", {IntValue(*scope_unit)});
  } else if (scope_unit) {
    from = " FROM project_units su JOIN projects p ON p.id = su.project_id";
    count_from = " FROM project_units su";
    id_expr = "su.project_id";
    stage_expr = "su.stage";
    scope_joined = true;
    b.And("su.unit_id = ?", {IntValue(*scope_unit)});
  } else {
    from = " FROM projects p";
    count_from = from;
  }
  AddScope(b, scope, scope_joined);
  // The count can skip the projects table when every condition is on project_units.
  bool needs_projects = count_from == from ||
                        (scope.kind != ProjectScope::Kind::kAll && !scope_joined) || q.text ||
                        q.level || q.category || q.region_code || q.industry || q.leader_id ||
                        q.year || q.investment_min || q.investment_max || q.parent_id;

  if (q.text) AndContains(b, dialect, "p.name", "p.code", *q.text);
  if (!q.stages.empty()) {
    std::vector<sql::Value> codes;
    for (Stage s : q.stages) codes.push_back(TextValue(EnumCode(StageTable(), s)));
    std::string fragment = stage_expr + " IN (" + Placeholders(codes.size()) + ")";
    b.And(fragment, std::move(codes));
  }
  if (q.level) b.And("p.level = ?", {TextValue(EnumCode(ProjectLevelTable(), *q.level))});
  if (q.category) {
    b.And("p.category = ?", {TextValue(EnumCode(ProjectCategoryTable(), *q.category))});
  }
  if (q.region_code) {
    b.And("p.region_code LIKE ? ESCAPE '\\'",
          {TextValue(LikePrefix(RegionPrefix(*q.region_code)))});
  }
  if (q.industry) {
    b.And("p.industry_code LIKE ? ESCAPE '\\'", {TextValue(LikePrefix(*q.industry))});
  }
  if (q.leader_id) {
    std::string today = ScopeToday(scope);
    b.And(kLeaderAssignedSql,
          {TextValue(EnumCode(AssignmentRoleTable(), AssignmentRole::kLeadLeader)),
           IntValue(*q.leader_id), TextValue(today), TextValue(today)});
  }
  if (q.year) {
    std::string y = std::to_string(*q.year);
    b.And(
        "COALESCE(p.actual_start, p.planned_start) <= ? AND "
        "(COALESCE(p.actual_completion, p.planned_completion) IS NULL OR "
        "COALESCE(p.actual_completion, p.planned_completion) >= ?)",
        {TextValue(y + "-12-31"), TextValue(y + "-01-01")});
  }
  if (q.investment_min) b.And("p.total_investment >= ?", {IntValue(q.investment_min->cents)});
  if (q.investment_max) b.And("p.total_investment < ?", {IntValue(q.investment_max->cents)});
  if (q.parent_id) b.And("p.parent_id = ?", {IntValue(*q.parent_id)});
  f.from = std::move(from);
  f.count_from = std::move(count_from);
  f.id_expr = std::move(id_expr);
  f.needs_projects = needs_projects;
  f.scope_unit = scope_unit;
  f.b = std::move(b);
  return f;
}

}  // namespace

BuiltSql BuildProjectMatchSql(sql::Dialect dialect, const ProjectQuery& query,
                              const ProjectScope& scope, std::string_view select_list) {
  ProjectFilter f = BuildFilter(dialect, query, scope);
  return {"SELECT " + std::string(select_list) + f.from + f.b.text(), f.b.params()};
}

ProjectListSql BuildProjectListSql(sql::Dialect dialect, const ProjectQuery& q,
                                   const ProjectScope& scope) {
  ProjectFilter f = BuildFilter(dialect, q, scope);
  const std::string& from = f.from;
  const std::string& count_from = f.count_from;
  const std::string& id_expr = f.id_expr;
  bool needs_projects = f.needs_projects;
  std::optional<int64_t> scope_unit = f.scope_unit;
  SqlBuilder& b = f.b;

  ProjectListSql out;
  // Only a unit (and stages): read the maintained per-unit, per-stage counts.
  bool one_unit =
      (q.unit_id && (!scope_unit || *scope_unit == *q.unit_id)) || (!q.unit_id && scope_unit);
  if (!needs_projects && one_unit) {
    SqlBuilder c;
    c.Append("SELECT COALESCE(SUM(n), 0) FROM project_unit_counts");
    c.And("unit_id = ?", {IntValue(q.unit_id ? *q.unit_id : *scope_unit)});
    if (!q.stages.empty()) {
      std::vector<sql::Value> codes;
      for (Stage s : q.stages) codes.push_back(TextValue(EnumCode(StageTable(), s)));
      std::string fragment = "stage IN (" + Placeholders(codes.size()) + ")";
      c.And(fragment, std::move(codes));
    }
    out.count.sql = c.text();
    out.count.params = c.params();
  } else {
    out.count.sql = "SELECT COUNT(*)" + (needs_projects ? from : count_from) + b.text();
    out.count.params = b.params();
  }
  out.page.params = b.params();
  size_t n = out.page.params.size();
  out.page.sql = "SELECT " KL_PROJECT_COLUMNS + from + b.text() + OrderBy(dialect, q, id_expr) +
                 " LIMIT $" + std::to_string(n + 1) + " OFFSET $" + std::to_string(n + 2);
  out.page.params.push_back(IntValue(ClampLimit(q.page)));
  out.page.params.push_back(IntValue(ClampOffset(q.page)));
  return out;
}

void AndProjectInScope(SqlBuilder& b, const ProjectScope& scope) {
  AddScope(b, scope, /*unit_scope_joined=*/false);
}

BuiltSql BuildInScopeSql(int64_t project_id, const ProjectScope& scope) {
  SqlBuilder b;
  b.Append("SELECT 1 FROM projects p");
  b.And("p.id = ?", {IntValue(project_id)});
  AddScope(b, scope, /*unit_scope_joined=*/false);
  return {b.text(), b.params()};
}

}  // namespace keyline::storage
