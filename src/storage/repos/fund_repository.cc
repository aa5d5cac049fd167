// FundRepository over SQL: fund_lines, fund_events, fund_due_items.
#include <string>

#include "storage/repos/funds_sql_repositories.h"
#include "storage/repos/repo_util.h"
#include "storage/repos/sql_builder.h"
#include "storage/repos/sql_tx.h"

namespace keyline::storage {
namespace {

#define KL_LINE_COLUMNS "id, project_id, source, year, note, version, created_at, updated_at"
#define KL_EVENT_COLUMNS \
  "id, line_id, stage, amount, date, doc_no, note, created_by, created_by_name, created_at"
#define KL_DUE_COLUMNS                                                                    \
  "d.id, d.event_id, d.line_id, d.project_id, pr.name, d.kind, d.received_on, d.doc_no, " \
  "d.due_on, d.done_on, d.done_by, d.version"

constexpr const char* kLinesOfProjectSql = "SELECT " KL_LINE_COLUMNS
                                           " FROM fund_lines WHERE project_id = $1 "
                                           "ORDER BY year, source, id";
constexpr const char* kGetLineSql = "SELECT " KL_LINE_COLUMNS " FROM fund_lines WHERE id = $1";
constexpr const char* kInsertLineSql =
    "INSERT INTO fund_lines (project_id, source, year, note, version, created_at, updated_at) "
    "VALUES ($1, $2, $3, $4, 1, $5, $6) RETURNING id";
constexpr const char* kTouchLineSql =
    "UPDATE fund_lines SET version = version + 1, updated_at = $3 WHERE id = $1 AND version = $2";
constexpr const char* kLineExistsSql = "SELECT 1 FROM fund_lines WHERE id = $1";
constexpr const char* kInsertEventSql =
    "INSERT INTO fund_events (line_id, stage, amount, date, doc_no, note, created_by, "
    "created_by_name, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id";
constexpr const char* kInsertDueSql =
    "INSERT INTO fund_due_items (event_id, line_id, project_id, kind, received_on, doc_no, "
    "due_on, version) VALUES ($1, $2, $3, $4, $5, $6, $7, 1) RETURNING id";
constexpr const char* kGetDueSql =
    "SELECT " KL_DUE_COLUMNS
    " FROM fund_due_items d JOIN projects pr ON pr.id = d.project_id WHERE d.id = $1";
constexpr const char* kUpdateDueSql =
    "UPDATE fund_due_items SET done_on = $2, done_by = $3, version = version + 1 "
    "WHERE id = $1 AND version = $4";
constexpr const char* kDueExistsSql = "SELECT 1 FROM fund_due_items WHERE id = $1";
// Fragments of the scoped lists (constants; values are bound).
constexpr const char* kDueFrom =
    " FROM fund_due_items d JOIN projects pr ON pr.id = d.project_id WHERE d.project_id IN (";
constexpr const char* kRateSelect =
    "SELECT l.source, l.year, pr.responsible_unit_id, u.name, "
    "CAST(COALESCE(SUM(CASE WHEN e.stage = 'applied' THEN e.amount END), 0) AS BIGINT), "
    "CAST(COALESCE(SUM(CASE WHEN e.stage = 'issued' THEN e.amount END), 0) AS BIGINT), "
    "CAST(COALESCE(SUM(CASE WHEN e.stage = 'arrived' THEN e.amount END), 0) AS BIGINT), "
    "CAST(COALESCE(SUM(CASE WHEN e.stage = 'paid' THEN e.amount END), 0) AS BIGINT) "
    "FROM fund_lines l JOIN projects pr ON pr.id = l.project_id "
    "LEFT JOIN units u ON u.id = pr.responsible_unit_id "
    "LEFT JOIN fund_events e ON e.line_id = l.id WHERE l.project_id IN (";
constexpr const char* kRateGroupBy =
    " GROUP BY l.id, l.source, l.year, pr.responsible_unit_id, u.name ORDER BY l.id";

Result<FundLine> ReadLine(sql::ResultSet& rs, size_t row) {
  FundLine l;
  l.id = rs.GetInt(row, 0);
  l.project_id = rs.GetInt(row, 1);
  KL_ASSIGN_OR_RETURN(l.source,
                      StoredEnum(FundingSourceTable(), rs.GetText(row, 2), "fund_lines.source"));
  l.year = static_cast<int>(rs.GetInt(row, 3));
  l.note = rs.TakeText(row, 4);
  l.version = rs.GetInt(row, 5);
  l.created_at = rs.GetInt(row, 6);
  l.updated_at = rs.GetInt(row, 7);
  return l;
}

Result<FundEvent> ReadEvent(sql::ResultSet& rs, size_t row) {
  FundEvent e;
  e.id = rs.GetInt(row, 0);
  e.line_id = rs.GetInt(row, 1);
  KL_ASSIGN_OR_RETURN(e.stage,
                      StoredEnum(FundStageTable(), rs.GetText(row, 2), "fund_events.stage"));
  e.amount = Money{rs.GetInt(row, 3)};
  e.date = rs.TakeText(row, 4);
  e.doc_no = rs.TakeText(row, 5);
  e.note = rs.TakeText(row, 6);
  e.created_by = rs.GetInt(row, 7);
  e.created_by_name = rs.TakeText(row, 8);
  e.created_at = rs.GetInt(row, 9);
  return e;
}

Result<FundDueItem> ReadDue(sql::ResultSet& rs, size_t row) {
  FundDueItem d;
  d.id = rs.GetInt(row, 0);
  d.event_id = rs.GetInt(row, 1);
  d.line_id = rs.GetInt(row, 2);
  d.project_id = rs.GetInt(row, 3);
  d.project_name = rs.TakeText(row, 4);
  KL_ASSIGN_OR_RETURN(d.kind,
                      StoredEnum(FundDueKindTable(), rs.GetText(row, 5), "fund_due_items.kind"));
  d.received_on = rs.TakeText(row, 6);
  d.doc_no = rs.TakeText(row, 7);
  d.due_on = rs.TakeText(row, 8);
  d.done_on = rs.TakeOptText(row, 9);
  d.done_by = rs.GetOptInt(row, 10);
  d.version = rs.GetInt(row, 11);
  return d;
}

class SqlFundRepository final : public FundRepository {
 public:
  Result<std::vector<FundLine>> LinesOfProject(Tx& tx, int64_t project_id) override {
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs,
                        ConnOf(tx).Query(kLinesOfProjectSql, {IntValue(project_id)}));
    return ReadRows<FundLine>(rs, ReadLine);
  }

  Result<FundLine> GetLine(Tx& tx, int64_t line_id) override {
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs, ConnOf(tx).Query(kGetLineSql, {IntValue(line_id)}));
    if (rs.empty()) return NotFoundStatus("资金条目", "funding line");
    return ReadLine(rs, 0);
  }

  Result<int64_t> InsertLine(Tx& tx, const FundLine& l) override {
    KL_ASSIGN_OR_RETURN(
        sql::ResultSet rs,
        ConnOf(tx).Query(
            kInsertLineSql,
            {IntValue(l.project_id), TextValue(EnumCode(FundingSourceTable(), l.source)),
             IntValue(l.year), TextValue(l.note), IntValue(l.created_at), IntValue(l.updated_at)}));
    if (rs.empty()) return Status::Internal("INSERT INTO fund_lines returned no id");
    return rs.GetInt(0, 0);
  }

  Status TouchLine(Tx& tx, int64_t line_id, int64_t expected_version, int64_t now) override {
    sql::Conn& conn = ConnOf(tx);
    KL_ASSIGN_OR_RETURN(
        int64_t changed,
        conn.Exec(kTouchLineSql, {IntValue(line_id), IntValue(expected_version), IntValue(now)}));
    return VersionedUpdateOutcome(conn, changed, kLineExistsSql, IntValue(line_id), "资金条目",
                                  "funding line");
  }

  Result<std::vector<FundEvent>> EventsOfLines(Tx& tx,
                                               const std::vector<int64_t>& line_ids) override {
    if (line_ids.empty()) return std::vector<FundEvent>();
    std::vector<sql::Value> ids;
    for (int64_t id : line_ids) ids.push_back(IntValue(id));
    SqlBuilder b;
    b.Append("SELECT " KL_EVENT_COLUMNS " FROM fund_events WHERE line_id IN (");
    b.AppendList(ids);
    b.Append(") ORDER BY id");
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs, ConnOf(tx).Query(b.text(), b.params()));
    return ReadRows<FundEvent>(rs, ReadEvent);
  }

  Result<int64_t> InsertEvent(Tx& tx, const FundEvent& e) override {
    KL_ASSIGN_OR_RETURN(
        sql::ResultSet rs,
        ConnOf(tx).Query(
            kInsertEventSql,
            {IntValue(e.line_id), TextValue(EnumCode(FundStageTable(), e.stage)),
             IntValue(e.amount.cents), TextValue(e.date), TextValue(e.doc_no), TextValue(e.note),
             IntValue(e.created_by), TextValue(e.created_by_name), IntValue(e.created_at)}));
    if (rs.empty()) return Status::Internal("INSERT INTO fund_events returned no id");
    return rs.GetInt(0, 0);
  }

  Result<int64_t> InsertDueItem(Tx& tx, const FundDueItem& d) override {
    KL_ASSIGN_OR_RETURN(
        sql::ResultSet rs,
        ConnOf(tx).Query(kInsertDueSql,
                         {IntValue(d.event_id), IntValue(d.line_id), IntValue(d.project_id),
                          TextValue(EnumCode(FundDueKindTable(), d.kind)), TextValue(d.received_on),
                          TextValue(d.doc_no), TextValue(d.due_on)}));
    if (rs.empty()) return Status::Internal("INSERT INTO fund_due_items returned no id");
    return rs.GetInt(0, 0);
  }

  Result<FundDueItem> GetDueItem(Tx& tx, int64_t id) override {
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs, ConnOf(tx).Query(kGetDueSql, {IntValue(id)}));
    if (rs.empty()) return NotFoundStatus("资金督办事项", "fund due item");
    return ReadDue(rs, 0);
  }

  Status UpdateDueItem(Tx& tx, const FundDueItem& d, int64_t expected_version) override {
    sql::Conn& conn = ConnOf(tx);
    KL_ASSIGN_OR_RETURN(
        int64_t changed,
        conn.Exec(kUpdateDueSql, {IntValue(d.id), sql::Opt(d.done_on), sql::Opt(d.done_by),
                                  IntValue(expected_version)}));
    return VersionedUpdateOutcome(conn, changed, kDueExistsSql, IntValue(d.id), "资金督办事项",
                                  "fund due item");
  }

  Result<std::vector<FundDueItem>> ListDueItems(Tx& tx, const ProjectScope& scope,
                                                std::optional<int64_t> project_id,
                                                bool open_only) override {
    sql::Conn& conn = ConnOf(tx);
    SqlBuilder b = InScopedProjects(conn.dialect(), scope, kDueFrom);
    if (project_id) b.Append(" AND d.project_id = ?", {IntValue(*project_id)});
    if (open_only) b.Append(" AND d.done_on IS NULL");
    KL_ASSIGN_OR_RETURN(
        sql::ResultSet rs,
        conn.Query("SELECT " KL_DUE_COLUMNS + b.text() + " ORDER BY d.due_on, d.id", b.params()));
    return ReadRows<FundDueItem>(rs, ReadDue);
  }

  Result<std::vector<FundRateInput>> RateInputs(Tx& tx, const ProjectScope& scope,
                                                std::optional<int> year) override {
    sql::Conn& conn = ConnOf(tx);
    SqlBuilder b = InScopedProjects(conn.dialect(), scope, kRateSelect);
    if (year) b.Append(" AND l.year = ?", {IntValue(*year)});
    b.Append(kRateGroupBy);
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs, conn.Query(b.text(), b.params()));
    return ReadRows<FundRateInput>(rs, [](sql::ResultSet& r, size_t row) -> Result<FundRateInput> {
      FundRateInput in;
      KL_ASSIGN_OR_RETURN(in.source,
                          StoredEnum(FundingSourceTable(), r.GetText(row, 0), "fund_lines.source"));
      in.year = static_cast<int>(r.GetInt(row, 1));
      in.unit_id = r.GetOptInt(row, 2);
      in.unit_name = r.GetOptText(row, 3).value_or("");
      in.totals.applied = Money{r.GetInt(row, 4)};
      in.totals.issued = Money{r.GetInt(row, 5)};
      in.totals.arrived = Money{r.GetInt(row, 6)};
      in.totals.paid = Money{r.GetInt(row, 7)};
      return in;
    });
  }
};

}  // namespace

std::unique_ptr<FundRepository> NewSqlFundRepository() {
  return std::make_unique<SqlFundRepository>();
}

}  // namespace keyline::storage
