// ContractRepository over SQL: tables lead_contracts and signing_events.
#include "storage/repos/attraction_sql_repositories.h"
#include "storage/repos/repo_util.h"
#include "storage/repos/sql_builder.h"
#include "storage/repos/sql_tx.h"

namespace keyline::storage {
namespace {

#define KL_CONTRACT_COLUMNS                                                        \
  "c.id, c.version, c.lead_id, c.event_id, c.contract_no, c.signed_on, c.amount, " \
  "c.funds_in_place, c.status, c.created_at, c.updated_at"

constexpr const char* kGetSql =
    "SELECT " KL_CONTRACT_COLUMNS " FROM lead_contracts c WHERE c.id = $1";
constexpr const char* kForLeadSql =
    "SELECT " KL_CONTRACT_COLUMNS " FROM lead_contracts c WHERE c.lead_id = $1";
constexpr const char* kInsertSql =
    "INSERT INTO lead_contracts (version, lead_id, event_id, contract_no, signed_on, amount, "
    "funds_in_place, status, created_at, updated_at) VALUES (1, $1, $2, $3, $4, $5, $6, $7, $8, "
    "$9) RETURNING id";
constexpr const char* kUpdateSql =
    "UPDATE lead_contracts SET version = version + 1, lead_id = $2, event_id = $3, "
    "contract_no = $4, signed_on = $5, amount = $6, funds_in_place = $7, status = $8, "
    "created_at = $9, updated_at = $10 WHERE id = $1 AND version = $11";
constexpr const char* kExistsSql = "SELECT 1 FROM lead_contracts WHERE id = $1";
// The list joins the lead (stage, unit, company) and the project it became (stage).
constexpr const char* kListFrom =
    " FROM lead_contracts c JOIN leads l ON l.id = c.lead_id "
    "LEFT JOIN projects p ON p.id = l.project_id";
constexpr const char* kListColumns =
    KL_CONTRACT_COLUMNS ", l.stage, l.responsible_unit_id, l.company, p.stage";

#define KL_EVENT_COLUMNS "id, version, name, held_on, place, outbound, note, created_at, updated_at"
constexpr const char* kGetEventSql =
    "SELECT " KL_EVENT_COLUMNS " FROM signing_events WHERE id = $1";
constexpr const char* kAllEventsSql =
    "SELECT " KL_EVENT_COLUMNS " FROM signing_events ORDER BY held_on DESC, id DESC";
constexpr const char* kYearEventsSql =
    "SELECT " KL_EVENT_COLUMNS
    " FROM signing_events WHERE held_on >= $1 AND held_on <= $2 ORDER BY held_on DESC, id DESC";
constexpr const char* kInsertEventSql =
    "INSERT INTO signing_events (version, name, held_on, place, outbound, note, created_at, "
    "updated_at) VALUES (1, $1, $2, $3, $4, $5, $6, $7) RETURNING id";
constexpr const char* kUpdateEventSql =
    "UPDATE signing_events SET version = version + 1, name = $2, held_on = $3, place = $4, "
    "outbound = $5, note = $6, updated_at = $7 WHERE id = $1 AND version = $8";
constexpr const char* kEventExistsSql = "SELECT 1 FROM signing_events WHERE id = $1";

Result<Contract> ReadContract(sql::ResultSet& rs, size_t row) {
  Contract c;
  c.id = rs.GetInt(row, 0);
  c.version = rs.GetInt(row, 1);
  c.lead_id = rs.GetInt(row, 2);
  c.event_id = rs.GetOptInt(row, 3);
  c.contract_no = rs.TakeText(row, 4);
  c.signed_on = rs.TakeText(row, 5);
  c.amount = Money{rs.GetInt(row, 6)};
  c.funds_in_place = Money{rs.GetInt(row, 7)};
  KL_ASSIGN_OR_RETURN(
      c.status, StoredEnum(ContractStatusTable(), rs.GetText(row, 8), "lead_contracts.status"));
  c.created_at = rs.GetInt(row, 9);
  c.updated_at = rs.GetInt(row, 10);
  return c;
}

// $2..$10 of kUpdateSql ($1..$9 of kInsertSql).
std::vector<sql::Value> ContractValues(const Contract& c) {
  return {IntValue(c.lead_id),
          sql::Opt(c.event_id),
          TextValue(c.contract_no),
          TextValue(c.signed_on),
          IntValue(c.amount.cents),
          IntValue(c.funds_in_place.cents),
          TextValue(EnumCode(ContractStatusTable(), c.status)),
          IntValue(c.created_at),
          IntValue(c.updated_at)};
}

Result<SigningEvent> ReadEvent(sql::ResultSet& rs, size_t row) {
  SigningEvent e;
  e.id = rs.GetInt(row, 0);
  e.version = rs.GetInt(row, 1);
  e.name = rs.TakeText(row, 2);
  e.held_on = rs.TakeText(row, 3);
  e.place = rs.TakeText(row, 4);
  e.outbound = rs.GetInt(row, 5) != 0;
  e.note = rs.TakeText(row, 6);
  e.created_at = rs.GetInt(row, 7);
  e.updated_at = rs.GetInt(row, 8);
  return e;
}

class SqlContractRepository final : public ContractRepository {
 public:
  Result<Contract> Get(Tx& tx, int64_t id) override {
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs, ConnOf(tx).Query(kGetSql, {IntValue(id)}));
    if (rs.empty()) return NotFoundStatus("签约合同", "contract");
    return ReadContract(rs, 0);
  }

  Result<std::optional<Contract>> ForLead(Tx& tx, int64_t lead_id) override {
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs, ConnOf(tx).Query(kForLeadSql, {IntValue(lead_id)}));
    if (rs.empty()) return std::optional<Contract>();
    KL_ASSIGN_OR_RETURN(Contract c, ReadContract(rs, 0));
    return std::optional<Contract>(std::move(c));
  }

  Result<int64_t> Insert(Tx& tx, const Contract& contract) override {
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs, ConnOf(tx).Query(kInsertSql, ContractValues(contract)));
    if (rs.empty()) return Status::Internal("INSERT INTO lead_contracts returned no id");
    return rs.GetInt(0, 0);
  }

  Status Update(Tx& tx, const Contract& contract, int64_t expected_version) override {
    sql::Conn& conn = ConnOf(tx);
    std::vector<sql::Value> values = ContractValues(contract);
    values.insert(values.begin(), IntValue(contract.id));
    values.push_back(IntValue(expected_version));
    KL_ASSIGN_OR_RETURN(int64_t changed, conn.Exec(kUpdateSql, values));
    return VersionedUpdateOutcome(conn, changed, kExistsSql, IntValue(contract.id), "签约合同",
                                  "contract");
  }

  Result<std::vector<SignedContractRow>> List(Tx& tx, const ContractQuery& q) override {
    SqlBuilder b;
    b.Append(kListFrom);
    if (q.event_id) b.And("c.event_id = ?", {IntValue(*q.event_id)});
    if (q.unit_id) b.And("l.responsible_unit_id = ?", {IntValue(*q.unit_id)});
    if (q.year) {
      auto [from, to] = YearBounds(*q.year);
      b.And("c.signed_on >= ? AND c.signed_on <= ?", {from, to});
    }
    std::string sql =
        std::string("SELECT ") + kListColumns + b.text() + " ORDER BY c.signed_on, c.id";
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs, ConnOf(tx).Query(sql, b.params()));
    return ReadRows<SignedContractRow>(
        rs, [](sql::ResultSet& r, size_t row) -> Result<SignedContractRow> {
          SignedContractRow out;
          KL_ASSIGN_OR_RETURN(out.contract, ReadContract(r, row));
          KL_ASSIGN_OR_RETURN(out.lead_stage,
                              StoredEnum(LeadStageTable(), r.GetText(row, 11), "leads.stage"));
          out.responsible_unit_id = r.GetInt(row, 12);
          out.company = r.TakeText(row, 13);
          out.project_stage = r.TakeOptText(row, 14);
          return out;
        });
  }

  Result<SigningEvent> GetEvent(Tx& tx, int64_t id) override {
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs, ConnOf(tx).Query(kGetEventSql, {IntValue(id)}));
    if (rs.empty()) return NotFoundStatus("招商活动", "signing event");
    return ReadEvent(rs, 0);
  }

  Result<std::vector<SigningEvent>> ListEvents(Tx& tx, std::optional<int> year) override {
    sql::Conn& conn = ConnOf(tx);
    std::optional<std::pair<sql::Value, sql::Value>> bounds;
    if (year) bounds = YearBounds(*year);
    Result<sql::ResultSet> rs = bounds ? conn.Query(kYearEventsSql, {bounds->first, bounds->second})
                                       : conn.Query(kAllEventsSql, {});
    if (!rs.ok()) return rs.status();
    return ReadRows<SigningEvent>(*rs, ReadEvent);
  }

  Result<int64_t> InsertEvent(Tx& tx, const SigningEvent& e) override {
    KL_ASSIGN_OR_RETURN(
        sql::ResultSet rs,
        ConnOf(tx).Query(
            kInsertEventSql,
            {TextValue(e.name), TextValue(e.held_on), TextValue(e.place), BoolValue(e.outbound),
             TextValue(e.note), IntValue(e.created_at), IntValue(e.updated_at)}));
    if (rs.empty()) return Status::Internal("INSERT INTO signing_events returned no id");
    return rs.GetInt(0, 0);
  }

  Status UpdateEvent(Tx& tx, const SigningEvent& e, int64_t expected_version) override {
    sql::Conn& conn = ConnOf(tx);
    KL_ASSIGN_OR_RETURN(
        int64_t changed,
        conn.Exec(kUpdateEventSql, {IntValue(e.id), TextValue(e.name), TextValue(e.held_on),
                                    TextValue(e.place), BoolValue(e.outbound), TextValue(e.note),
                                    IntValue(e.updated_at), IntValue(expected_version)}));
    return VersionedUpdateOutcome(conn, changed, kEventExistsSql, IntValue(e.id), "招商活动",
                                  "signing event");
  }
};

}  // namespace

std::unique_ptr<ContractRepository> NewSqlContractRepository() {
  return std::make_unique<SqlContractRepository>();
}

}  // namespace keyline::storage
