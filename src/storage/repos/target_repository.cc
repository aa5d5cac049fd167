// TargetRepository over SQL: tables annual_targets and target_actuals, and the year's facts
// the computed measures read (signing_events, lead_contracts, leads, projects).
#include "storage/repos/attraction_sql_repositories.h"
#include "storage/repos/repo_util.h"
#include "storage/repos/sql_tx.h"

namespace keyline::storage {
namespace {

#define KL_TARGET_COLUMNS                                                                   \
  "id, version, year, title, target_value, unit, responsible_unit_id, measure, threshold, " \
  "note, created_at, updated_at"
constexpr const char* kGetSql = "SELECT " KL_TARGET_COLUMNS " FROM annual_targets WHERE id = $1";
constexpr const char* kListSql =
    "SELECT " KL_TARGET_COLUMNS " FROM annual_targets WHERE year = $1 ORDER BY id";
constexpr const char* kInsertSql =
    "INSERT INTO annual_targets (version, year, title, target_value, unit, responsible_unit_id, "
    "measure, threshold, note, created_at, updated_at) VALUES (1, $1, $2, $3, $4, $5, $6, $7, "
    "$8, $9, $10) RETURNING id";
constexpr const char* kUpdateSql =
    "UPDATE annual_targets SET version = version + 1, year = $2, title = $3, target_value = $4, "
    "unit = $5, responsible_unit_id = $6, measure = $7, threshold = $8, note = $9, "
    "created_at = $10, updated_at = $11 WHERE id = $1 AND version = $12";
constexpr const char* kExistsSql = "SELECT 1 FROM annual_targets WHERE id = $1";
constexpr const char* kInsertActualSql =
    "INSERT INTO target_actuals (target_id, value, as_of, note, user_id, username, at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id";
constexpr const char* kActualsSql =
    "SELECT x.id, x.target_id, x.value, x.as_of, x.note, x.user_id, x.username, x.at, "
    "COALESCE(NULLIF(u.display_name, ''), x.username) FROM target_actuals x "
    "LEFT JOIN users u ON u.id = x.user_id WHERE x.target_id = $1 ORDER BY x.id";

// $1, $2: the year's first and last day; $3: the threshold in cents.
constexpr const char* kEventFactsSql =
    "SELECT COUNT(*), COALESCE(SUM(outbound), 0) FROM signing_events "
    "WHERE held_on >= $1 AND held_on <= $2";
constexpr const char* kContractFactsSql =
    "SELECT COUNT(*), COALESCE(SUM(c.amount), 0), COALESCE(SUM(c.funds_in_place), 0), "
    "COALESCE(SUM(CASE WHEN l.stage IN ('registered', 'landed') AND c.amount >= $3 THEN 1 "
    "ELSE 0 END), 0) FROM lead_contracts c JOIN leads l ON l.id = c.lead_id "
    "WHERE c.signed_on >= $1 AND c.signed_on <= $2 AND c.status <> 'terminated'";
constexpr const char* kStartedSql =
    "SELECT COUNT(*) FROM projects WHERE actual_start >= $1 AND actual_start <= $2 "
    "AND total_investment >= $3 AND stage <> 'withdrawn'";

Result<Target> ReadTarget(sql::ResultSet& rs, size_t row) {
  Target t;
  t.id = rs.GetInt(row, 0);
  t.version = rs.GetInt(row, 1);
  t.year = static_cast<int>(rs.GetInt(row, 2));
  t.title = rs.TakeText(row, 3);
  t.target_value = rs.GetDouble(row, 4);
  t.unit = rs.TakeText(row, 5);
  t.responsible_unit_id = rs.GetOptInt(row, 6);
  KL_ASSIGN_OR_RETURN(
      t.measure, StoredEnum(TargetMeasureTable(), rs.GetText(row, 7), "annual_targets.measure"));
  if (auto v = rs.GetOptInt(row, 8)) t.threshold = Money{*v};
  t.note = rs.TakeText(row, 9);
  t.created_at = rs.GetInt(row, 10);
  t.updated_at = rs.GetInt(row, 11);
  return t;
}

// $2..$11 of kUpdateSql ($1..$10 of kInsertSql).
std::vector<sql::Value> TargetValues(const Target& t) {
  return {IntValue(t.year),
          TextValue(t.title),
          sql::Value(t.target_value),
          TextValue(t.unit),
          sql::Opt(t.responsible_unit_id),
          TextValue(EnumCode(TargetMeasureTable(), t.measure)),
          t.threshold ? IntValue(t.threshold->cents) : sql::Null(),
          TextValue(t.note),
          IntValue(t.created_at),
          IntValue(t.updated_at)};
}

class SqlTargetRepository final : public TargetRepository {
 public:
  Result<Target> Get(Tx& tx, int64_t id) override {
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs, ConnOf(tx).Query(kGetSql, {IntValue(id)}));
    if (rs.empty()) return NotFoundStatus("目标任务", "target");
    return ReadTarget(rs, 0);
  }

  Result<std::vector<Target>> List(Tx& tx, int year) override {
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs, ConnOf(tx).Query(kListSql, {IntValue(year)}));
    return ReadRows<Target>(rs, ReadTarget);
  }

  Result<int64_t> Insert(Tx& tx, const Target& t) override {
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs, ConnOf(tx).Query(kInsertSql, TargetValues(t)));
    if (rs.empty()) return Status::Internal("INSERT INTO annual_targets returned no id");
    return rs.GetInt(0, 0);
  }

  Status Update(Tx& tx, const Target& t, int64_t expected_version) override {
    sql::Conn& conn = ConnOf(tx);
    std::vector<sql::Value> values = TargetValues(t);
    values.insert(values.begin(), IntValue(t.id));
    values.push_back(IntValue(expected_version));
    KL_ASSIGN_OR_RETURN(int64_t changed, conn.Exec(kUpdateSql, values));
    return VersionedUpdateOutcome(conn, changed, kExistsSql, IntValue(t.id), "目标任务", "target");
  }

  Result<int64_t> InsertActual(Tx& tx, const TargetActual& a) override {
    KL_ASSIGN_OR_RETURN(
        sql::ResultSet rs,
        ConnOf(tx).Query(
            kInsertActualSql,
            {IntValue(a.target_id), sql::Value(a.value), TextValue(a.as_of), TextValue(a.note),
             IntValue(a.user_id), TextValue(a.username), IntValue(a.at)}));
    if (rs.empty()) return Status::Internal("INSERT INTO target_actuals returned no id");
    return rs.GetInt(0, 0);
  }

  Result<std::vector<TargetActual>> Actuals(Tx& tx, int64_t target_id) override {
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs, ConnOf(tx).Query(kActualsSql, {IntValue(target_id)}));
    return ReadRows<TargetActual>(rs, [](sql::ResultSet& r, size_t row) -> Result<TargetActual> {
      TargetActual a;
      a.id = r.GetInt(row, 0);
      a.target_id = r.GetInt(row, 1);
      a.value = r.GetDouble(row, 2);
      a.as_of = r.TakeText(row, 3);
      a.note = r.TakeText(row, 4);
      a.user_id = r.GetInt(row, 5);
      a.username = r.TakeText(row, 6);
      a.at = r.GetInt(row, 7);
      a.user_name = r.TakeText(row, 8);
      return a;
    });
  }

  Result<YearFacts> Facts(Tx& tx, int year, Money threshold) override {
    sql::Conn& conn = ConnOf(tx);
    auto [from, to] = YearBounds(year);
    YearFacts f;
    KL_ASSIGN_OR_RETURN(sql::ResultSet events, conn.Query(kEventFactsSql, {from, to}));
    f.events = events.GetInt(0, 0);
    f.outbound_events = events.GetInt(0, 1);
    KL_ASSIGN_OR_RETURN(sql::ResultSet contracts,
                        conn.Query(kContractFactsSql, {from, to, IntValue(threshold.cents)}));
    f.contracts = contracts.GetInt(0, 0);
    f.contract_amount = Money{contracts.GetInt(0, 1)};
    f.funds_in_place = Money{contracts.GetInt(0, 2)};
    f.landed_leads = contracts.GetInt(0, 3);
    KL_ASSIGN_OR_RETURN(sql::ResultSet started,
                        conn.Query(kStartedSql, {from, to, IntValue(threshold.cents)}));
    f.started_projects = started.GetInt(0, 0);
    return f;
  }
};

}  // namespace

std::unique_ptr<TargetRepository> NewSqlTargetRepository() {
  return std::make_unique<SqlTargetRepository>();
}

}  // namespace keyline::storage
