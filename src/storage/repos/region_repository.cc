// RegionRepository over SQL: table regions, keyed by code.
#include "common/result.h"
#include "storage/repos/repo_util.h"
#include "storage/repos/sql_repositories.h"
#include "storage/repos/sql_tx.h"

namespace keyline::storage {
namespace {

constexpr const char* kColumns = "code, name, parent_code, version";

Region ReadRegion(const sql::ResultSet& rs, size_t row) {
  Region r;
  r.code = rs.GetText(row, 0);
  r.name = rs.GetText(row, 1);
  r.parent_code = rs.GetOptText(row, 2);
  r.version = rs.GetInt(row, 3);
  return r;
}

class SqlRegionRepository final : public RegionRepository {
 public:
  Result<std::vector<Region>> List(Tx& tx) override {
    KL_ASSIGN_OR_RETURN(
        sql::ResultSet rs,
        ConnOf(tx).Query(std::string("SELECT ") + kColumns + " FROM regions ORDER BY code", {}));
    std::vector<Region> out;
    out.reserve(rs.size());
    for (size_t i = 0; i < rs.size(); ++i) out.push_back(ReadRegion(rs, i));
    return out;
  }

  Result<Region> Get(Tx& tx, const std::string& code) override {
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs, ConnOf(tx).Query(std::string("SELECT ") + kColumns +
                                                                " FROM regions WHERE code = $1",
                                                            {TextValue(code)}));
    if (rs.empty()) return NotFoundStatus("区域", "region");
    return ReadRegion(rs, 0);
  }

  Status Insert(Tx& tx, const Region& region) override {
    return ConnOf(tx)
        .Exec("INSERT INTO regions (code, name, parent_code, version) VALUES ($1, $2, $3, 1)",
              {TextValue(region.code), TextValue(region.name), sql::Opt(region.parent_code)})
        .status();
  }

  Status Update(Tx& tx, const Region& region, int64_t expected_version) override {
    sql::Conn& conn = ConnOf(tx);
    KL_ASSIGN_OR_RETURN(
        int64_t changed,
        conn.Exec("UPDATE regions SET name = $2, parent_code = $3, version = version + 1 "
                  "WHERE code = $1 AND version = $4",
                  {TextValue(region.code), TextValue(region.name), sql::Opt(region.parent_code),
                   IntValue(expected_version)}));
    return VersionedUpdateOutcome(conn, changed, "SELECT 1 FROM regions WHERE code = $1",
                                  TextValue(region.code), "区域", "region");
  }
};

}  // namespace

std::unique_ptr<RegionRepository> NewSqlRegionRepository() {
  return std::make_unique<SqlRegionRepository>();
}

}  // namespace keyline::storage
