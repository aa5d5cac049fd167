// ProblemRepository over SQL: problems, problem_units (responsible units), problem_events (the
// timeline), supervision_orders (督办单) and deadline_templates.
#include "core/ports/supervision_repositories.h"
#include "core/supervision/deadlines.h"
#include "storage/repos/project_query.h"
#include "storage/repos/repo_util.h"
#include "storage/repos/sql_builder.h"
#include "storage/repos/sql_tx.h"
#include "storage/repos/supervision_sql.h"

namespace keyline::storage {
namespace {

#define KL_PROBLEM_COLUMNS                                                                 \
  "pr.id, pr.project_id, pr.title, pr.description, pr.category, pr.severity, pr.source, "  \
  "pr.source_ref, pr.leader_person_id, pr.template_code, pr.raised_on, pr.deploy_due, "    \
  "pr.feedback_due, pr.settle_due, pr.status, pr.level, pr.deployed_at, pr.feedback_at, "  \
  "pr.solved_at, pr.plan_date, pr.plan_text, pr.progress, pr.closed_at, pr.closed_by, "    \
  "pr.evaluation, pr.rating, pr.raised_by, pr.raised_by_unit, pr.version, pr.created_at, " \
  "pr.updated_at"

constexpr const char* kGetSql = "SELECT " KL_PROBLEM_COLUMNS " FROM problems pr WHERE pr.id = $1";
constexpr const char* kInsertSql =
    "INSERT INTO problems (project_id, title, description, category, severity, source, "
    "source_ref, leader_person_id, template_code, raised_on, deploy_due, feedback_due, "
    "settle_due, deadline, status, level, deployed_at, feedback_at, solved_at, plan_date, "
    "plan_text, progress, closed_at, closed_by, evaluation, rating, raised_by, raised_by_unit, "
    "version, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, "
    "$13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27, $28, 1, $29, $30) "
    "RETURNING id";
constexpr const char* kUpdateSql =
    "UPDATE problems SET project_id = $1, title = $2, description = $3, category = $4, "
    "severity = $5, source = $6, source_ref = $7, leader_person_id = $8, template_code = $9, "
    "raised_on = $10, deploy_due = $11, feedback_due = $12, settle_due = $13, deadline = $14, "
    "status = $15, level = $16, deployed_at = $17, feedback_at = $18, solved_at = $19, "
    "plan_date = $20, plan_text = $21, progress = $22, closed_at = $23, closed_by = $24, "
    "evaluation = $25, rating = $26, raised_by = $27, raised_by_unit = $28, created_at = $29, "
    "updated_at = $30, version = version + 1 WHERE id = $31 AND version = $32";
constexpr const char* kUnitsSql =
    "SELECT unit_id FROM problem_units WHERE problem_id = $1 ORDER BY unit_id";
constexpr const char* kDeleteUnitsSql = "DELETE FROM problem_units WHERE problem_id = $1";
constexpr const char* kInsertUnitSql =
    "INSERT INTO problem_units (problem_id, unit_id) VALUES ($1, $2)";
// The kUnit scope of problems: the project relates to the unit, or the unit is responsible.
constexpr const char* kUnitScopeSql =
    "EXISTS (SELECT 1 FROM project_units su WHERE su.project_id = pr.project_id AND "
    "su.unit_id = ?) OR EXISTS (SELECT 1 FROM problem_units sp WHERE sp.problem_id = pr.id AND "
    "sp.unit_id = ?)";
constexpr const char* kOpenStatusesSql = "pr.status NOT IN ('solved', 'closed')";
constexpr const char* kCandidatesSql =
    "SELECT id FROM problems WHERE status NOT IN ('solved', 'closed') AND level < 2 AND "
    "deadline < $1 ORDER BY id";

constexpr const char* kInsertEventSql =
    "INSERT INTO problem_events (problem_id, kind, at, user_id, username, text) "
    "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id";
constexpr const char* kEventsSql =
    "SELECT x.id, x.problem_id, x.kind, x.at, x.user_id, x.username, x.text, "
    "COALESCE(NULLIF(u.display_name, ''), x.username) FROM problem_events x "
    "LEFT JOIN users u ON u.id = x.user_id WHERE x.problem_id = $1 ORDER BY x.id";

#define KL_ORDER_COLUMNS                                                             \
  "o.id, o.problem_id, o.project_id, o.unit_id, o.level, o.issued_at, o.issued_on, " \
  "o.answer_due, o.answered_at, o.answered_by, o.answer, o.rectify_by, o.version"
constexpr const char* kGetOrderSql =
    "SELECT " KL_ORDER_COLUMNS " FROM supervision_orders o WHERE o.id = $1";
constexpr const char* kInsertOrderSql =
    "INSERT INTO supervision_orders (problem_id, project_id, unit_id, level, issued_at, "
    "issued_on, answer_due, answered_at, answered_by, answer, rectify_by, version) VALUES ($1, "
    "$2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 1) RETURNING id";
constexpr const char* kUpdateOrderSql =
    "UPDATE supervision_orders SET answer_due = $2, answered_at = $3, answered_by = $4, "
    "answer = $5, rectify_by = $6, version = version + 1 WHERE id = $1 AND version = $7";
constexpr const char* kOrderUnitScopeSql =
    "EXISTS (SELECT 1 FROM project_units su WHERE su.project_id = o.project_id AND "
    "su.unit_id = ?) OR o.unit_id = ?";

#define KL_TEMPLATE_COLUMNS                                                         \
  "code, name, deploy_days, feedback_days, settle_days, major_days, major_months, " \
  "escalate_days, answer_days, version, updated_at"
constexpr const char* kListTemplatesSql =
    "SELECT " KL_TEMPLATE_COLUMNS " FROM deadline_templates ORDER BY code";
constexpr const char* kGetTemplateSql =
    "SELECT " KL_TEMPLATE_COLUMNS " FROM deadline_templates WHERE code = $1";
constexpr const char* kInsertTemplateSql = "INSERT INTO deadline_templates (" KL_TEMPLATE_COLUMNS
                                           ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 1, $10)";
constexpr const char* kUpdateTemplateSql =
    "UPDATE deadline_templates SET name = $2, deploy_days = $3, feedback_days = $4, "
    "settle_days = $5, major_days = $6, major_months = $7, escalate_days = $8, answer_days = $9, "
    "updated_at = $10, version = version + 1 WHERE code = $1 AND version = $11";

Result<Problem> ReadProblem(sql::ResultSet& rs, size_t row) {
  Problem p;
  int c = 0;
  p.id = rs.GetInt(row, c++);
  p.project_id = rs.GetInt(row, c++);
  p.title = rs.TakeText(row, c++);
  p.description = rs.TakeText(row, c++);
  KL_ASSIGN_OR_RETURN(
      p.category, StoredEnum(ProblemCategoryTable(), rs.GetText(row, c++), "problems.category"));
  KL_ASSIGN_OR_RETURN(
      p.severity, StoredEnum(ProblemSeverityTable(), rs.GetText(row, c++), "problems.severity"));
  KL_ASSIGN_OR_RETURN(p.source,
                      StoredEnum(ProblemSourceTable(), rs.GetText(row, c++), "problems.source"));
  p.source_ref = rs.TakeOptText(row, c++);
  p.leader_person_id = rs.GetOptInt(row, c++);
  p.template_code = rs.TakeText(row, c++);
  p.raised_on = rs.TakeText(row, c++);
  p.deploy_due = rs.TakeText(row, c++);
  p.feedback_due = rs.TakeText(row, c++);
  p.settle_due = rs.TakeText(row, c++);
  KL_ASSIGN_OR_RETURN(p.status,
                      StoredEnum(ProblemStatusTable(), rs.GetText(row, c++), "problems.status"));
  int64_t level = rs.GetInt(row, c++);
  if (level < 0 || level > 2) return Status::Internal("stored problems.level out of range");
  p.level = static_cast<EscalationLevel>(level);
  p.deployed_at = rs.GetOptInt(row, c++);
  p.feedback_at = rs.GetOptInt(row, c++);
  p.solved_at = rs.GetOptInt(row, c++);
  p.plan_date = rs.TakeOptText(row, c++);
  p.plan_text = rs.TakeText(row, c++);
  p.progress = rs.TakeText(row, c++);
  p.closed_at = rs.GetOptInt(row, c++);
  p.closed_by = rs.GetOptInt(row, c++);
  p.evaluation = rs.TakeText(row, c++);
  if (auto rating = rs.GetOptInt(row, c++)) p.rating = static_cast<int>(*rating);
  p.raised_by = rs.GetInt(row, c++);
  p.raised_by_unit = rs.GetInt(row, c++);
  p.version = rs.GetInt(row, c++);
  p.created_at = rs.GetInt(row, c++);
  p.updated_at = rs.GetInt(row, c++);
  return p;
}

// The values of every column but id and version, in INSERT order ($1..$30).
std::vector<sql::Value> ProblemValues(const Problem& p) {
  std::optional<int64_t> rating;
  if (p.rating) rating = *p.rating;
  return {IntValue(p.project_id),
          TextValue(p.title),
          TextValue(p.description),
          TextValue(EnumCode(ProblemCategoryTable(), p.category)),
          TextValue(EnumCode(ProblemSeverityTable(), p.severity)),
          TextValue(EnumCode(ProblemSourceTable(), p.source)),
          sql::Opt(p.source_ref),
          sql::Opt(p.leader_person_id),
          TextValue(p.template_code),
          TextValue(p.raised_on),
          TextValue(p.deploy_due),
          TextValue(p.feedback_due),
          TextValue(p.settle_due),
          TextValue(EffectiveDeadline(p)),
          TextValue(EnumCode(ProblemStatusTable(), p.status)),
          IntValue(static_cast<int64_t>(p.level)),
          sql::Opt(p.deployed_at),
          sql::Opt(p.feedback_at),
          sql::Opt(p.solved_at),
          sql::Opt(p.plan_date),
          TextValue(p.plan_text),
          TextValue(p.progress),
          sql::Opt(p.closed_at),
          sql::Opt(p.closed_by),
          TextValue(p.evaluation),
          sql::Opt(rating),
          IntValue(p.raised_by),
          IntValue(p.raised_by_unit),
          IntValue(p.created_at),
          IntValue(p.updated_at)};
}

Result<SupervisionOrder> ReadOrder(sql::ResultSet& rs, size_t row) {
  SupervisionOrder o;
  int c = 0;
  o.id = rs.GetInt(row, c++);
  o.problem_id = rs.GetInt(row, c++);
  o.project_id = rs.GetInt(row, c++);
  o.unit_id = rs.GetInt(row, c++);
  int64_t level = rs.GetInt(row, c++);
  if (level < 0 || level > 2) return Status::Internal("stored supervision_orders.level");
  o.level = static_cast<EscalationLevel>(level);
  o.issued_at = rs.GetInt(row, c++);
  o.issued_on = rs.TakeText(row, c++);
  o.answer_due = rs.TakeText(row, c++);
  o.answered_at = rs.GetOptInt(row, c++);
  o.answered_by = rs.GetOptInt(row, c++);
  o.answer = rs.TakeText(row, c++);
  o.rectify_by = rs.TakeOptText(row, c++);
  o.version = rs.GetInt(row, c++);
  return o;
}

Result<DeadlineTemplate> ReadTemplate(sql::ResultSet& rs, size_t row) {
  DeadlineTemplate t;
  int c = 0;
  t.code = rs.TakeText(row, c++);
  t.name = rs.TakeText(row, c++);
  t.deploy_days = static_cast<int>(rs.GetInt(row, c++));
  t.feedback_days = static_cast<int>(rs.GetInt(row, c++));
  t.settle_days = static_cast<int>(rs.GetInt(row, c++));
  t.major_days = static_cast<int>(rs.GetInt(row, c++));
  t.major_months = static_cast<int>(rs.GetInt(row, c++));
  t.escalate_days = static_cast<int>(rs.GetInt(row, c++));
  t.answer_days = static_cast<int>(rs.GetInt(row, c++));
  t.version = rs.GetInt(row, c++);
  t.updated_at = rs.GetInt(row, c++);
  return t;
}

std::vector<sql::Value> TemplateValues(const DeadlineTemplate& t) {
  return {TextValue(t.code),         TextValue(t.name),         IntValue(t.deploy_days),
          IntValue(t.feedback_days), IntValue(t.settle_days),   IntValue(t.major_days),
          IntValue(t.major_months),  IntValue(t.escalate_days), IntValue(t.answer_days),
          IntValue(t.updated_at)};
}

class SqlProblemRepository final : public ProblemRepository {
 public:
  Result<Problem> Get(Tx& tx, int64_t id) override {
    sql::Conn& conn = ConnOf(tx);
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs, conn.Query(kGetSql, {IntValue(id)}));
    if (rs.empty()) return NotFoundStatus("问题", "problem");
    KL_ASSIGN_OR_RETURN(Problem p, ReadProblem(rs, 0));
    KL_RETURN_IF_ERROR(LoadUnits(conn, &p));
    return p;
  }

  Result<int64_t> Insert(Tx& tx, const Problem& p) override {
    sql::Conn& conn = ConnOf(tx);
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs, conn.Query(kInsertSql, ProblemValues(p)));
    if (rs.empty()) return Status::Internal("INSERT INTO problems returned no id");
    int64_t id = rs.GetInt(0, 0);
    KL_RETURN_IF_ERROR(WriteUnits(conn, id, p.unit_ids));
    return id;
  }

  Status Update(Tx& tx, const Problem& p, int64_t expected_version) override {
    sql::Conn& conn = ConnOf(tx);
    std::vector<sql::Value> values = ProblemValues(p);
    values.push_back(IntValue(p.id));
    values.push_back(IntValue(expected_version));
    KL_ASSIGN_OR_RETURN(int64_t changed, conn.Exec(kUpdateSql, values));
    KL_RETURN_IF_ERROR(VersionedUpdateOutcome(conn, changed, "SELECT 1 FROM problems WHERE id = $1",
                                              IntValue(p.id), "问题", "problem"));
    KL_RETURN_IF_ERROR(conn.Exec(kDeleteUnitsSql, {IntValue(p.id)}).status());
    return WriteUnits(conn, p.id, p.unit_ids);
  }

  Result<PageOf<Problem>> List(Tx& tx, const ProblemQuery& query,
                               const ProjectScope& scope) override {
    sql::Conn& conn = ConnOf(tx);
    SqlBuilder b = Filter(query, scope);
    PageOf<Problem> out;
    KL_ASSIGN_OR_RETURN(out.total, CountRows(conn, b));
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs,
                        QueryPage(conn, "SELECT " KL_PROBLEM_COLUMNS, b, "pr.id", query.page));
    KL_ASSIGN_OR_RETURN(out.items, ReadRows<Problem>(rs, ReadProblem));
    for (Problem& p : out.items) KL_RETURN_IF_ERROR(LoadUnits(conn, &p));
    return out;
  }

  Result<std::vector<Problem>> ListAll(Tx& tx, const ProblemQuery& query,
                                       const ProjectScope& scope) override {
    sql::Conn& conn = ConnOf(tx);
    SqlBuilder b = Filter(query, scope);
    Page all{20000, 0};
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs,
                        QueryPage(conn, "SELECT " KL_PROBLEM_COLUMNS, b, "pr.id", all));
    KL_ASSIGN_OR_RETURN(std::vector<Problem> out, ReadRows<Problem>(rs, ReadProblem));
    for (Problem& p : out) KL_RETURN_IF_ERROR(LoadUnits(conn, &p));
    return out;
  }

  Result<bool> InScope(Tx& tx, int64_t problem_id, const ProjectScope& scope) override {
    ProblemQuery none;
    SqlBuilder b = Filter(none, scope);
    b.And("pr.id = ?", {IntValue(problem_id)});
    KL_ASSIGN_OR_RETURN(int64_t n, CountRows(ConnOf(tx), b));
    return n > 0;
  }

  Result<std::vector<int64_t>> ListEscalationCandidates(Tx& tx, const std::string& today) override {
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs, ConnOf(tx).Query(kCandidatesSql, {TextValue(today)}));
    std::vector<int64_t> ids;
    for (size_t i = 0; i < rs.size(); ++i) ids.push_back(rs.GetInt(i, 0));
    return ids;
  }

  Result<int64_t> InsertEvent(Tx& tx, const ProblemEvent& e) override {
    KL_ASSIGN_OR_RETURN(
        sql::ResultSet rs,
        ConnOf(tx).Query(kInsertEventSql,
                         {IntValue(e.problem_id), TextValue(e.kind), IntValue(e.at),
                          IntValue(e.user_id), TextValue(e.username), TextValue(e.text)}));
    if (rs.empty()) return Status::Internal("INSERT INTO problem_events returned no id");
    return rs.GetInt(0, 0);
  }

  Result<std::vector<ProblemEvent>> ListEvents(Tx& tx, int64_t problem_id) override {
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs, ConnOf(tx).Query(kEventsSql, {IntValue(problem_id)}));
    return ReadRows<ProblemEvent>(rs, [](sql::ResultSet& r, size_t row) -> Result<ProblemEvent> {
      ProblemEvent e;
      e.id = r.GetInt(row, 0);
      e.problem_id = r.GetInt(row, 1);
      e.kind = r.TakeText(row, 2);
      e.at = r.GetInt(row, 3);
      e.user_id = r.GetInt(row, 4);
      e.username = r.TakeText(row, 5);
      e.text = r.TakeText(row, 6);
      e.user_name = r.TakeText(row, 7);
      return e;
    });
  }

  Result<int64_t> InsertOrder(Tx& tx, const SupervisionOrder& o) override {
    KL_ASSIGN_OR_RETURN(
        sql::ResultSet rs,
        ConnOf(tx).Query(kInsertOrderSql,
                         {IntValue(o.problem_id), IntValue(o.project_id), IntValue(o.unit_id),
                          IntValue(static_cast<int64_t>(o.level)), IntValue(o.issued_at),
                          TextValue(o.issued_on), TextValue(o.answer_due), sql::Opt(o.answered_at),
                          sql::Opt(o.answered_by), TextValue(o.answer), sql::Opt(o.rectify_by)}));
    if (rs.empty()) return Status::Internal("INSERT INTO supervision_orders returned no id");
    return rs.GetInt(0, 0);
  }

  Result<SupervisionOrder> GetOrder(Tx& tx, int64_t id) override {
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs, ConnOf(tx).Query(kGetOrderSql, {IntValue(id)}));
    if (rs.empty()) return NotFoundStatus("督办单", "supervision order");
    return ReadOrder(rs, 0);
  }

  Status UpdateOrder(Tx& tx, const SupervisionOrder& o, int64_t expected_version) override {
    sql::Conn& conn = ConnOf(tx);
    KL_ASSIGN_OR_RETURN(int64_t changed,
                        conn.Exec(kUpdateOrderSql,
                                  {IntValue(o.id), TextValue(o.answer_due), sql::Opt(o.answered_at),
                                   sql::Opt(o.answered_by), TextValue(o.answer),
                                   sql::Opt(o.rectify_by), IntValue(expected_version)}));
    return VersionedUpdateOutcome(conn, changed, "SELECT 1 FROM supervision_orders WHERE id = $1",
                                  IntValue(o.id), "督办单", "supervision order");
  }

  Result<PageOf<SupervisionOrder>> ListOrders(Tx& tx, const OrderQuery& query,
                                              const ProjectScope& scope) override {
    sql::Conn& conn = ConnOf(tx);
    SqlBuilder b;
    b.Append(" FROM supervision_orders o JOIN projects p ON p.id = o.project_id");
    if (scope.kind == ProjectScope::Kind::kUnit) {
      b.And(kOrderUnitScopeSql, {IntValue(scope.id), IntValue(scope.id)});
    } else {
      AndProjectInScope(b, scope);
    }
    if (query.problem_id) b.And("o.problem_id = ?", {IntValue(*query.problem_id)});
    if (query.unit_id) b.And("o.unit_id = ?", {IntValue(*query.unit_id)});
    if (query.answered) {
      b.And(*query.answered ? "o.answered_at IS NOT NULL" : "o.answered_at IS NULL");
    }
    PageOf<SupervisionOrder> out;
    KL_ASSIGN_OR_RETURN(out.total, CountRows(conn, b));
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs,
                        QueryPage(conn, "SELECT " KL_ORDER_COLUMNS, b, "o.id", query.page));
    KL_ASSIGN_OR_RETURN(out.items, ReadRows<SupervisionOrder>(rs, ReadOrder));
    return out;
  }

  Result<std::vector<DeadlineTemplate>> ListTemplates(Tx& tx) override {
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs, ConnOf(tx).Query(kListTemplatesSql, {}));
    return ReadRows<DeadlineTemplate>(rs, ReadTemplate);
  }

  Result<DeadlineTemplate> GetTemplate(Tx& tx, const std::string& code) override {
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs, ConnOf(tx).Query(kGetTemplateSql, {TextValue(code)}));
    if (rs.empty()) return NotFoundStatus("时限模板", "deadline template");
    return ReadTemplate(rs, 0);
  }

  Status InsertTemplate(Tx& tx, const DeadlineTemplate& t) override {
    return ConnOf(tx).Exec(kInsertTemplateSql, TemplateValues(t)).status();
  }

  Status UpdateTemplate(Tx& tx, const DeadlineTemplate& t, int64_t expected_version) override {
    sql::Conn& conn = ConnOf(tx);
    std::vector<sql::Value> values = TemplateValues(t);
    values.push_back(IntValue(expected_version));
    KL_ASSIGN_OR_RETURN(int64_t changed, conn.Exec(kUpdateTemplateSql, values));
    return VersionedUpdateOutcome(conn, changed, "SELECT 1 FROM deadline_templates WHERE code = $1",
                                  TextValue(t.code), "时限模板", "deadline template");
  }

 private:
  static SqlBuilder Filter(const ProblemQuery& q, const ProjectScope& scope) {
    SqlBuilder b;
    b.Append(" FROM problems pr JOIN projects p ON p.id = pr.project_id");
    if (scope.kind == ProjectScope::Kind::kUnit) {
      b.And(kUnitScopeSql, {IntValue(scope.id), IntValue(scope.id)});
    } else {
      AndProjectInScope(b, scope);
    }
    if (q.project_id) b.And("pr.project_id = ?", {IntValue(*q.project_id)});
    if (q.unit_id) {
      b.And(
          "EXISTS (SELECT 1 FROM problem_units fu WHERE fu.problem_id = pr.id AND "
          "fu.unit_id = ?)",
          {IntValue(*q.unit_id)});
    }
    if (q.leader_person_id) b.And("pr.leader_person_id = ?", {IntValue(*q.leader_person_id)});
    if (!q.statuses.empty()) {
      std::vector<sql::Value> codes;
      for (ProblemStatus s : q.statuses)
        codes.push_back(TextValue(EnumCode(ProblemStatusTable(), s)));
      std::string fragment = "pr.status IN (";
      for (size_t i = 0; i < codes.size(); ++i) fragment += i ? ", ?" : "?";
      b.And(fragment + ")", codes);
    }
    if (q.category) {
      b.And("pr.category = ?", {TextValue(EnumCode(ProblemCategoryTable(), *q.category))});
    }
    if (q.min_level) b.And("pr.level >= ?", {IntValue(static_cast<int64_t>(*q.min_level))});
    if (q.overdue_on) {
      b.And(kOpenStatusesSql);
      b.And("pr.deadline < ?", {TextValue(*q.overdue_on)});
    }
    return b;
  }

  static Status LoadUnits(sql::Conn& conn, Problem* p) {
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs, conn.Query(kUnitsSql, {IntValue(p->id)}));
    p->unit_ids.clear();
    for (size_t i = 0; i < rs.size(); ++i) p->unit_ids.push_back(rs.GetInt(i, 0));
    return Status::Ok();
  }

  static Status WriteUnits(sql::Conn& conn, int64_t id, const std::vector<int64_t>& units) {
    for (int64_t unit : units) {
      KL_RETURN_IF_ERROR(conn.Exec(kInsertUnitSql, {IntValue(id), IntValue(unit)}).status());
    }
    return Status::Ok();
  }
};

}  // namespace

std::unique_ptr<ProblemRepository> NewSqlProblemRepository() {
  return std::make_unique<SqlProblemRepository>();
}

}  // namespace keyline::storage
