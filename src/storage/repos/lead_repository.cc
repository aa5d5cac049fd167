// LeadRepository over SQL: tables leads and lead_stage_changes.
#include "storage/repos/attraction_sql_repositories.h"
#include "storage/repos/json_columns.h"
#include "storage/repos/paged_list.h"
#include "storage/repos/repo_util.h"
#include "storage/repos/sql_tx.h"

namespace keyline::storage {
namespace {

#define KL_LEAD_COLUMNS                                                                     \
  "id, version, company, credit_code, industry_code, intended_investment, source, "         \
  "responsible_unit_id, responsible_person, next_step, next_step_date, stage, project_id, " \
  "warnings, created_at, updated_at"

constexpr const char* kGetSql = "SELECT " KL_LEAD_COLUMNS " FROM leads WHERE id = $1";
constexpr const char* kByProjectSql = "SELECT " KL_LEAD_COLUMNS " FROM leads WHERE project_id = $1";
constexpr const char* kInsertSql =
    "INSERT INTO leads (version, company, credit_code, industry_code, intended_investment, "
    "source, responsible_unit_id, responsible_person, next_step, next_step_date, stage, "
    "project_id, warnings, created_at, updated_at) VALUES (1, $1, $2, $3, $4, $5, $6, $7, $8, "
    "$9, $10, $11, $12, $13, $14) RETURNING id";
constexpr const char* kUpdateSql =
    "UPDATE leads SET version = version + 1, company = $2, credit_code = $3, industry_code = $4, "
    "intended_investment = $5, source = $6, responsible_unit_id = $7, responsible_person = $8, "
    "next_step = $9, next_step_date = $10, stage = $11, project_id = $12, warnings = $13, "
    "created_at = $14, updated_at = $15 WHERE id = $1 AND version = $16";
constexpr const char* kExistsSql = "SELECT 1 FROM leads WHERE id = $1";
constexpr const char* kInsertChangeSql =
    "INSERT INTO lead_stage_changes (lead_id, from_stage, to_stage, reason, user_id, username, "
    "at) VALUES ($1, $2, $3, $4, $5, $6, $7)";
constexpr const char* kChangesSql =
    "SELECT x.id, x.lead_id, x.from_stage, x.to_stage, x.reason, x.user_id, x.username, x.at, "
    "COALESCE(NULLIF(u.display_name, ''), x.username) FROM lead_stage_changes x "
    "LEFT JOIN users u ON u.id = x.user_id WHERE x.lead_id = $1 ORDER BY x.id";

Result<Lead> ReadLead(sql::ResultSet& rs, size_t row) {
  Lead l;
  l.id = rs.GetInt(row, 0);
  l.version = rs.GetInt(row, 1);
  l.company = rs.TakeText(row, 2);
  l.credit_code = rs.TakeOptText(row, 3);
  l.industry_code = rs.TakeOptText(row, 4);
  l.intended_investment = Money{rs.GetInt(row, 5)};
  l.source = rs.TakeText(row, 6);
  l.responsible_unit_id = rs.GetInt(row, 7);
  l.responsible_person = rs.TakeText(row, 8);
  l.next_step = rs.TakeText(row, 9);
  l.next_step_date = rs.TakeOptText(row, 10);
  KL_ASSIGN_OR_RETURN(l.stage, StoredEnum(LeadStageTable(), rs.GetText(row, 11), "leads.stage"));
  l.project_id = rs.GetOptInt(row, 12);
  KL_ASSIGN_OR_RETURN(l.warnings, DecodeStrings(rs.GetText(row, 13)));
  l.created_at = rs.GetInt(row, 14);
  l.updated_at = rs.GetInt(row, 15);
  return l;
}

// $1..$15 of kUpdateSql (kInsertSql takes them without the id).
std::vector<sql::Value> LeadValues(const Lead& l) {
  return {IntValue(l.id),
          TextValue(l.company),
          sql::Opt(l.credit_code),
          sql::Opt(l.industry_code),
          IntValue(l.intended_investment.cents),
          TextValue(l.source),
          IntValue(l.responsible_unit_id),
          TextValue(l.responsible_person),
          TextValue(l.next_step),
          sql::Opt(l.next_step_date),
          TextValue(EnumCode(LeadStageTable(), l.stage)),
          sql::Opt(l.project_id),
          TextValue(EncodeStrings(l.warnings)),
          IntValue(l.created_at),
          IntValue(l.updated_at)};
}

class SqlLeadRepository final : public LeadRepository {
 public:
  Result<Lead> Get(Tx& tx, int64_t id) override {
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs, ConnOf(tx).Query(kGetSql, {IntValue(id)}));
    if (rs.empty()) return NotFoundStatus("招商线索", "lead");
    return ReadLead(rs, 0);
  }

  Result<std::optional<Lead>> FindByProject(Tx& tx, int64_t project_id) override {
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs, ConnOf(tx).Query(kByProjectSql, {IntValue(project_id)}));
    if (rs.empty()) return std::optional<Lead>();
    KL_ASSIGN_OR_RETURN(Lead lead, ReadLead(rs, 0));
    return std::optional<Lead>(std::move(lead));
  }

  Result<PageOf<Lead>> List(Tx& tx, const LeadQuery& query) override {
    sql::Conn& conn = ConnOf(tx);
    SqlBuilder b;
    b.Append(" FROM leads");
    if (query.stage) b.And("stage = ?", {TextValue(EnumCode(LeadStageTable(), *query.stage))});
    if (query.unit_id) b.And("responsible_unit_id = ?", {IntValue(*query.unit_id)});
    if (query.text) AndContains(b, conn.dialect(), "company", "credit_code", *query.text);
    return ListPage<Lead>(conn, KL_LEAD_COLUMNS, b, query.page, ReadLead);
  }

  Result<int64_t> Insert(Tx& tx, const Lead& lead) override {
    std::vector<sql::Value> values = LeadValues(lead);
    values.erase(values.begin());  // the id is generated; $2.. become $1..
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs, ConnOf(tx).Query(kInsertSql, values));
    if (rs.empty()) return Status::Internal("INSERT INTO leads returned no id");
    return rs.GetInt(0, 0);
  }

  Status Update(Tx& tx, const Lead& lead, int64_t expected_version) override {
    sql::Conn& conn = ConnOf(tx);
    std::vector<sql::Value> values = LeadValues(lead);
    values.push_back(IntValue(expected_version));
    KL_ASSIGN_OR_RETURN(int64_t changed, conn.Exec(kUpdateSql, values));
    return VersionedUpdateOutcome(conn, changed, kExistsSql, IntValue(lead.id), "招商线索", "lead");
  }

  Status InsertStageChange(Tx& tx, const LeadStageChange& c) override {
    return ConnOf(tx)
        .Exec(kInsertChangeSql,
              {IntValue(c.lead_id),
               c.from ? TextValue(EnumCode(LeadStageTable(), *c.from)) : sql::Null(),
               TextValue(EnumCode(LeadStageTable(), c.to)), TextValue(c.reason),
               IntValue(c.user_id), TextValue(c.username), IntValue(c.at)})
        .status();
  }

  Result<std::vector<LeadStageChange>> StageChanges(Tx& tx, int64_t lead_id) override {
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs, ConnOf(tx).Query(kChangesSql, {IntValue(lead_id)}));
    return ReadRows<LeadStageChange>(
        rs, [](sql::ResultSet& r, size_t row) -> Result<LeadStageChange> {
          LeadStageChange c;
          c.id = r.GetInt(row, 0);
          c.lead_id = r.GetInt(row, 1);
          if (auto from = r.GetOptText(row, 2)) {
            KL_ASSIGN_OR_RETURN(c.from, StoredEnum(LeadStageTable(), *from, "from_stage"));
          }
          KL_ASSIGN_OR_RETURN(c.to, StoredEnum(LeadStageTable(), r.GetText(row, 3), "to_stage"));
          c.reason = r.TakeText(row, 4);
          c.user_id = r.GetInt(row, 5);
          c.username = r.TakeText(row, 6);
          c.at = r.GetInt(row, 7);
          c.user_name = r.TakeText(row, 8);
          return c;
        });
  }
};

}  // namespace

std::unique_ptr<LeadRepository> NewSqlLeadRepository() {
  return std::make_unique<SqlLeadRepository>();
}

std::pair<sql::Value, sql::Value> YearBounds(int year) {
  return {TextValue(std::to_string(year) + "-01-01"), TextValue(std::to_string(year) + "-12-31")};
}

}  // namespace keyline::storage
