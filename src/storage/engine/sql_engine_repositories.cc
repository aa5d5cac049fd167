#include "storage/engine/sql_engine_repositories.h"

#include <unordered_map>

#include "storage/repos/project_query.h"
#include "storage/repos/repo_util.h"
#include "storage/repos/sql_tx.h"

namespace keyline::storage {
namespace {

#define KL_INDICATOR_COLS                                                                     \
  "code, set_code, name_zh, name_en, numerator, denominator, decimals, builtin, created_at, " \
  "updated_at"
constexpr const char* kListSql =
    "SELECT " KL_INDICATOR_COLS " FROM indicators ORDER BY set_code, code";
constexpr const char* kGetSql = "SELECT " KL_INDICATOR_COLS " FROM indicators WHERE code = $1";
constexpr const char* kInsertSql = "INSERT INTO indicators (" KL_INDICATOR_COLS
                                   ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)";
constexpr const char* kUpdateSql =
    "UPDATE indicators SET set_code = $2, name_zh = $3, name_en = $4, numerator = $5, "
    "denominator = $6, decimals = $7, builtin = $8, updated_at = $9 WHERE code = $1";
constexpr const char* kDeleteSql = "DELETE FROM indicators WHERE code = $1";
constexpr const char* kBumpSql =
    "UPDATE indicator_generation SET generation = generation + 1 WHERE id = 1";
constexpr const char* kGenerationSql = "SELECT generation FROM indicator_generation WHERE id = 1";

IndicatorRecord ReadIndicator(const sql::ResultSet& rs, size_t r) {
  IndicatorRecord i;
  i.code = rs.GetText(r, 0);
  i.set = rs.GetText(r, 1);
  i.name_zh = rs.GetText(r, 2);
  i.name_en = rs.GetText(r, 3);
  i.numerator = rs.GetText(r, 4);
  i.denominator = rs.GetText(r, 5);
  i.decimals = static_cast<int>(rs.GetInt(r, 6));
  i.builtin = rs.GetInt(r, 7) != 0;
  i.created_at = rs.GetInt(r, 8);
  i.updated_at = rs.GetInt(r, 9);
  return i;
}

class SqlIndicatorRepository final : public IndicatorRepository {
 public:
  Result<std::vector<IndicatorRecord>> List(Tx& tx) override {
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs, ConnOf(tx).Query(kListSql, {}));
    std::vector<IndicatorRecord> out;
    for (size_t r = 0; r < rs.size(); ++r) out.push_back(ReadIndicator(rs, r));
    return out;
  }
  Result<std::optional<IndicatorRecord>> Get(Tx& tx, const std::string& code) override {
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs, ConnOf(tx).Query(kGetSql, {TextValue(code)}));
    if (rs.empty()) return std::optional<IndicatorRecord>();
    return std::optional<IndicatorRecord>(ReadIndicator(rs, 0));
  }
  Status Insert(Tx& tx, const IndicatorRecord& i) override {
    sql::Conn& conn = ConnOf(tx);
    KL_RETURN_IF_ERROR(
        conn.Exec(kInsertSql,
                  {TextValue(i.code), TextValue(i.set), TextValue(i.name_zh), TextValue(i.name_en),
                   TextValue(i.numerator), TextValue(i.denominator), IntValue(i.decimals),
                   BoolValue(i.builtin), IntValue(i.created_at), IntValue(i.updated_at)})
            .status());
    return conn.Exec(kBumpSql, {}).status();
  }
  Status Update(Tx& tx, const IndicatorRecord& i) override {
    sql::Conn& conn = ConnOf(tx);
    KL_ASSIGN_OR_RETURN(
        int64_t n, conn.Exec(kUpdateSql, {TextValue(i.code), TextValue(i.set), TextValue(i.name_zh),
                                          TextValue(i.name_en), TextValue(i.numerator),
                                          TextValue(i.denominator), IntValue(i.decimals),
                                          BoolValue(i.builtin), IntValue(i.updated_at)}));
    if (n == 0) return NotFoundStatus("指标", "indicator");
    return conn.Exec(kBumpSql, {}).status();
  }
  Status Delete(Tx& tx, const std::string& code) override {
    sql::Conn& conn = ConnOf(tx);
    KL_ASSIGN_OR_RETURN(int64_t n, conn.Exec(kDeleteSql, {TextValue(code)}));
    if (n == 0) return NotFoundStatus("指标", "indicator");
    return conn.Exec(kBumpSql, {}).status();
  }
  Result<int64_t> Generation(Tx& tx) override {
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs, ConnOf(tx).Query(kGenerationSql, {}));
    return rs.empty() ? 0 : rs.GetInt(0, 0);
  }
};

template <typename Key>
Result<std::map<Key, std::string>> Names(Tx& tx, const char* sql) {
  KL_ASSIGN_OR_RETURN(sql::ResultSet rs, ConnOf(tx).Query(sql, {}));
  std::map<Key, std::string> out;
  for (size_t r = 0; r < rs.size(); ++r) {
    if constexpr (std::is_same_v<Key, std::string>) {
      out.emplace(rs.GetText(r, 0), rs.GetText(r, 1));
    } else {
      out.emplace(rs.GetInt(r, 0), rs.GetText(r, 1));
    }
  }
  return out;
}

constexpr const char* kProjectRowSql =
    "SELECT p.id, p.code, p.name, p.stage, p.responsible_unit_id, u.name, p.total_investment "
    "FROM projects p LEFT JOIN units u ON u.id = p.responsible_unit_id WHERE p.id = $1";

class SqlEngineLookups final : public EngineLookups {
 public:
  Result<std::vector<int64_t>> ProjectIdsInScope(Tx& tx, const ProjectScope& scope) override {
    sql::Conn& conn = ConnOf(tx);
    BuiltSql built = BuildProjectMatchSql(conn.dialect(), ProjectQuery{}, scope, "p.id");
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs, conn.Query(built.sql, built.params));
    std::vector<int64_t> out;
    out.reserve(rs.size());
    for (size_t r = 0; r < rs.size(); ++r) out.push_back(rs.GetInt(r, 0));
    return out;
  }
  Result<std::map<int64_t, std::string>> UnitNames(Tx& tx) override {
    return Names<int64_t>(tx, "SELECT id, name FROM units");
  }
  Result<std::map<int64_t, std::string>> PersonNames(Tx& tx) override {
    return Names<int64_t>(tx, "SELECT id, name FROM people");
  }
  Result<std::map<std::string, std::string>> RegionNames(Tx& tx) override {
    return Names<std::string>(tx, "SELECT code, name FROM regions");
  }
  Result<std::map<int64_t, std::string>> CampaignNames(Tx& tx) override {
    return Names<int64_t>(tx, "SELECT id, name FROM campaign_rounds");
  }
  Result<std::vector<EngineProjectRow>> Projects(Tx& tx, const std::vector<int64_t>& ids) override {
    sql::Conn& conn = ConnOf(tx);
    std::vector<EngineProjectRow> out;
    out.reserve(ids.size());
    for (int64_t id : ids) {
      KL_ASSIGN_OR_RETURN(sql::ResultSet rs, conn.Query(kProjectRowSql, {IntValue(id)}));
      if (rs.empty()) continue;
      EngineProjectRow p;
      p.id = rs.GetInt(0, 0);
      p.code = rs.GetText(0, 1);
      p.name = rs.GetText(0, 2);
      p.stage = rs.GetText(0, 3);
      p.unit_id = rs.GetOptInt(0, 4);
      p.unit_name = rs.GetText(0, 5);
      p.total_investment_cents = rs.GetInt(0, 6);
      out.push_back(std::move(p));
    }
    return out;
  }
};

}  // namespace

std::unique_ptr<IndicatorRepository> NewSqlIndicatorRepository() {
  return std::make_unique<SqlIndicatorRepository>();
}
std::unique_ptr<EngineLookups> NewSqlEngineLookups() {
  return std::make_unique<SqlEngineLookups>();
}

}  // namespace keyline::storage
