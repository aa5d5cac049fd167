// CampaignRepository over SQL: tables campaign_rounds and campaign_entries.
#include "storage/repos/attraction_sql_repositories.h"
#include "storage/repos/repo_util.h"
#include "storage/repos/sql_tx.h"

namespace keyline::storage {
namespace {

#define KL_ROUND_COLUMNS "id, version, name, held_on, place, scheme, note, created_at, updated_at"
constexpr const char* kGetSql = "SELECT " KL_ROUND_COLUMNS " FROM campaign_rounds WHERE id = $1";
constexpr const char* kAllSql =
    "SELECT " KL_ROUND_COLUMNS " FROM campaign_rounds ORDER BY held_on DESC, id DESC";
constexpr const char* kYearSql =
    "SELECT " KL_ROUND_COLUMNS
    " FROM campaign_rounds WHERE held_on >= $1 AND held_on <= $2 ORDER BY held_on DESC, id DESC";
constexpr const char* kInsertSql =
    "INSERT INTO campaign_rounds (version, name, held_on, place, scheme, note, created_at, "
    "updated_at) VALUES (1, $1, $2, $3, $4, $5, $6, $7) RETURNING id";
constexpr const char* kUpdateSql =
    "UPDATE campaign_rounds SET version = version + 1, name = $2, held_on = $3, place = $4, "
    "scheme = $5, note = $6, updated_at = $7 WHERE id = $1 AND version = $8";
constexpr const char* kExistsSql = "SELECT 1 FROM campaign_rounds WHERE id = $1";

#define KL_ENTRY_COLUMNS                                                                    \
  "e.round_id, e.project_id, e.category, e.note, e.added_by, e.added_at, p.name, p.stage, " \
  "p.total_investment, p.actual_start"
constexpr const char* kEntriesSql =
    "SELECT " KL_ENTRY_COLUMNS
    " FROM campaign_entries e JOIN projects p ON p.id = e.project_id WHERE e.round_id = $1 "
    "ORDER BY e.category, e.project_id";
constexpr const char* kAddEntrySql =
    "INSERT INTO campaign_entries (round_id, project_id, category, note, added_by, added_at) "
    "VALUES ($1, $2, $3, $4, $5, $6)";
constexpr const char* kRemoveEntrySql =
    "DELETE FROM campaign_entries WHERE round_id = $1 AND project_id = $2";
// Each project once, from its earliest earlier round.
constexpr const char* kEarlierSql =
    "SELECT " KL_ENTRY_COLUMNS
    " FROM campaign_entries e JOIN campaign_rounds r ON r.id = e.round_id "
    "JOIN projects p ON p.id = e.project_id "
    "WHERE e.category = $1 AND r.held_on < $2 AND NOT EXISTS (SELECT 1 FROM campaign_entries e2 "
    "JOIN campaign_rounds r2 ON r2.id = e2.round_id WHERE e2.project_id = e.project_id AND "
    "e2.category = e.category AND (r2.held_on < r.held_on OR (r2.held_on = r.held_on AND "
    "r2.id < r.id))) ORDER BY r.held_on, e.project_id";

Result<CampaignRound> ReadRound(sql::ResultSet& rs, size_t row) {
  CampaignRound r;
  r.id = rs.GetInt(row, 0);
  r.version = rs.GetInt(row, 1);
  r.name = rs.TakeText(row, 2);
  r.held_on = rs.TakeText(row, 3);
  r.place = rs.TakeText(row, 4);
  KL_ASSIGN_OR_RETURN(
      r.scheme, StoredEnum(CampaignSchemeTable(), rs.GetText(row, 5), "campaign_rounds.scheme"));
  r.note = rs.TakeText(row, 6);
  r.created_at = rs.GetInt(row, 7);
  r.updated_at = rs.GetInt(row, 8);
  return r;
}

Result<CampaignEntry> ReadEntry(sql::ResultSet& rs, size_t row) {
  CampaignEntry e;
  e.round_id = rs.GetInt(row, 0);
  e.project_id = rs.GetInt(row, 1);
  KL_ASSIGN_OR_RETURN(e.category, StoredEnum(CampaignCategoryTable(), rs.GetText(row, 2),
                                             "campaign_entries.category"));
  e.note = rs.TakeText(row, 3);
  e.added_by = rs.GetInt(row, 4);
  e.added_at = rs.GetInt(row, 5);
  e.project_name = rs.TakeText(row, 6);
  e.project_stage = rs.TakeText(row, 7);
  e.total_investment = Money{rs.GetInt(row, 8)};
  e.actual_start = rs.TakeOptText(row, 9);
  return e;
}

class SqlCampaignRepository final : public CampaignRepository {
 public:
  Result<CampaignRound> Get(Tx& tx, int64_t id) override {
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs, ConnOf(tx).Query(kGetSql, {IntValue(id)}));
    if (rs.empty()) return NotFoundStatus("三个一批活动", "campaign round");
    return ReadRound(rs, 0);
  }

  Result<std::vector<CampaignRound>> List(Tx& tx, std::optional<int> year) override {
    sql::Conn& conn = ConnOf(tx);
    std::optional<std::pair<sql::Value, sql::Value>> bounds;
    if (year) bounds = YearBounds(*year);
    Result<sql::ResultSet> rs =
        bounds ? conn.Query(kYearSql, {bounds->first, bounds->second}) : conn.Query(kAllSql, {});
    if (!rs.ok()) return rs.status();
    return ReadRows<CampaignRound>(*rs, ReadRound);
  }

  Result<int64_t> Insert(Tx& tx, const CampaignRound& r) override {
    KL_ASSIGN_OR_RETURN(
        sql::ResultSet rs,
        ConnOf(tx).Query(kInsertSql,
                         {TextValue(r.name), TextValue(r.held_on), TextValue(r.place),
                          TextValue(EnumCode(CampaignSchemeTable(), r.scheme)), TextValue(r.note),
                          IntValue(r.created_at), IntValue(r.updated_at)}));
    if (rs.empty()) return Status::Internal("INSERT INTO campaign_rounds returned no id");
    return rs.GetInt(0, 0);
  }

  Status Update(Tx& tx, const CampaignRound& r, int64_t expected_version) override {
    sql::Conn& conn = ConnOf(tx);
    KL_ASSIGN_OR_RETURN(
        int64_t changed,
        conn.Exec(kUpdateSql,
                  {IntValue(r.id), TextValue(r.name), TextValue(r.held_on), TextValue(r.place),
                   TextValue(EnumCode(CampaignSchemeTable(), r.scheme)), TextValue(r.note),
                   IntValue(r.updated_at), IntValue(expected_version)}));
    return VersionedUpdateOutcome(conn, changed, kExistsSql, IntValue(r.id), "三个一批活动",
                                  "campaign round");
  }

  Result<std::vector<CampaignEntry>> Entries(Tx& tx, int64_t round_id) override {
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs, ConnOf(tx).Query(kEntriesSql, {IntValue(round_id)}));
    return ReadRows<CampaignEntry>(rs, ReadEntry);
  }

  Status AddEntry(Tx& tx, const CampaignEntry& e) override {
    return ConnOf(tx)
        .Exec(kAddEntrySql, {IntValue(e.round_id), IntValue(e.project_id),
                             TextValue(EnumCode(CampaignCategoryTable(), e.category)),
                             TextValue(e.note), IntValue(e.added_by), IntValue(e.added_at)})
        .status();
  }

  Status RemoveEntry(Tx& tx, int64_t round_id, int64_t project_id) override {
    KL_ASSIGN_OR_RETURN(int64_t changed, ConnOf(tx).Exec(kRemoveEntrySql, {IntValue(round_id),
                                                                           IntValue(project_id)}));
    if (changed == 0) return NotFoundStatus("本批次中的该项目", "project in this round");
    return Status::Ok();
  }

  Result<std::vector<CampaignEntry>> EarlierEntries(Tx& tx, CampaignCategory category,
                                                    const std::string& before) override {
    KL_ASSIGN_OR_RETURN(
        sql::ResultSet rs,
        ConnOf(tx).Query(kEarlierSql, {TextValue(EnumCode(CampaignCategoryTable(), category)),
                                       TextValue(before)}));
    return ReadRows<CampaignEntry>(rs, ReadEntry);
  }
};

}  // namespace

std::unique_ptr<CampaignRepository> NewSqlCampaignRepository() {
  return std::make_unique<SqlCampaignRepository>();
}

}  // namespace keyline::storage
