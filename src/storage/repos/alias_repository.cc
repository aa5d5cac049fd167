// AliasRepository over SQL: tables unit_aliases and person_aliases (migration 11). The two
// tables have the same shape; each statement exists once per table.
#include <unordered_map>

#include "core/ports/alias_repositories.h"
#include "storage/repos/repo_util.h"
#include "storage/repos/sql_repositories.h"
#include "storage/repos/sql_tx.h"

namespace keyline::storage {
namespace {

struct AliasSql {
  const char* list_all;
  const char* list_owner;
  const char* get;
  const char* by_key;
  const char* insert;
  const char* remove;
};

constexpr AliasSql kUnitSql = {
    "SELECT id, unit_id, alias, match_key, created_by, created_at FROM unit_aliases ORDER BY id",
    "SELECT id, unit_id, alias, match_key, created_by, created_at FROM unit_aliases "
    "WHERE unit_id = $1 ORDER BY id",
    "SELECT id, unit_id, alias, match_key, created_by, created_at FROM unit_aliases "
    "WHERE id = $1",
    "SELECT id, unit_id, alias, match_key, created_by, created_at FROM unit_aliases "
    "WHERE match_key = $1",
    "INSERT INTO unit_aliases (unit_id, alias, match_key, created_by, created_at) "
    "VALUES ($1, $2, $3, $4, $5) RETURNING id",
    "DELETE FROM unit_aliases WHERE id = $1",
};

constexpr AliasSql kPersonSql = {
    "SELECT id, person_id, alias, match_key, created_by, created_at FROM person_aliases "
    "ORDER BY id",
    "SELECT id, person_id, alias, match_key, created_by, created_at FROM person_aliases "
    "WHERE person_id = $1 ORDER BY id",
    "SELECT id, person_id, alias, match_key, created_by, created_at FROM person_aliases "
    "WHERE id = $1",
    "SELECT id, person_id, alias, match_key, created_by, created_at FROM person_aliases "
    "WHERE match_key = $1",
    "INSERT INTO person_aliases (person_id, alias, match_key, created_by, created_at) "
    "VALUES ($1, $2, $3, $4, $5) RETURNING id",
    "DELETE FROM person_aliases WHERE id = $1",
};

constexpr const char* kUnitsSql = "SELECT id, name, kind, region_code FROM units ORDER BY id";
constexpr const char* kPeopleSql =
    "SELECT p.id, p.name, p.title, COALESCE(u.name, '') FROM people p "
    "LEFT JOIN units u ON u.id = p.unit_id ORDER BY p.id";

const AliasSql& SqlOf(AliasOwner owner) {
  return owner == AliasOwner::kUnit ? kUnitSql : kPersonSql;
}

NameAlias ReadAlias(sql::ResultSet& rs, size_t row) {
  NameAlias a;
  a.id = rs.GetInt(row, 0);
  a.owner_id = rs.GetInt(row, 1);
  a.alias = rs.TakeText(row, 2);
  a.match_key = rs.TakeText(row, 3);
  a.created_by = rs.GetOptInt(row, 4);
  a.created_at = rs.GetInt(row, 5);
  return a;
}

Status AliasNotFound() { return NotFoundStatus("别名", "alias"); }

class SqlAliasRepository final : public AliasRepository {
 public:
  Result<std::vector<NameAlias>> List(Tx& tx, AliasOwner owner,
                                      std::optional<int64_t> owner_id) override {
    const AliasSql& q = SqlOf(owner);
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs,
                        owner_id ? ConnOf(tx).Query(q.list_owner, {IntValue(*owner_id)})
                                 : ConnOf(tx).Query(q.list_all, {}));
    std::vector<NameAlias> out;
    out.reserve(rs.size());
    for (size_t i = 0; i < rs.size(); ++i) out.push_back(ReadAlias(rs, i));
    return out;
  }

  Result<NameAlias> Get(Tx& tx, AliasOwner owner, int64_t id) override {
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs, ConnOf(tx).Query(SqlOf(owner).get, {IntValue(id)}));
    if (rs.empty()) return AliasNotFound();
    return ReadAlias(rs, 0);
  }

  Result<std::optional<NameAlias>> FindByKey(Tx& tx, AliasOwner owner,
                                             const std::string& match_key) override {
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs,
                        ConnOf(tx).Query(SqlOf(owner).by_key, {TextValue(match_key)}));
    if (rs.empty()) return std::optional<NameAlias>();
    return std::optional<NameAlias>(ReadAlias(rs, 0));
  }

  Result<int64_t> Insert(Tx& tx, AliasOwner owner, const NameAlias& a) override {
    KL_ASSIGN_OR_RETURN(std::optional<NameAlias> taken, FindByKey(tx, owner, a.match_key));
    if (taken) {
      return Status::Conflict("别名“" + a.alias + "”已被使用（" + taken->alias + "）",
                              "the alias is already used: " + taken->alias);
    }
    KL_ASSIGN_OR_RETURN(
        sql::ResultSet rs,
        ConnOf(tx).Query(SqlOf(owner).insert,
                         {IntValue(a.owner_id), TextValue(a.alias), TextValue(a.match_key),
                          sql::Opt(a.created_by), IntValue(a.created_at)}));
    if (rs.empty()) return Status::Internal("INSERT INTO aliases returned no id");
    return rs.GetInt(0, 0);
  }

  Status Delete(Tx& tx, AliasOwner owner, int64_t id) override {
    KL_ASSIGN_OR_RETURN(int64_t changed, ConnOf(tx).Exec(SqlOf(owner).remove, {IntValue(id)}));
    if (changed == 0) return AliasNotFound();
    return Status::Ok();
  }

  Result<std::vector<naming::MatchableUnit>> MatchableUnits(Tx& tx) override {
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs, ConnOf(tx).Query(kUnitsSql, {}));
    std::vector<naming::MatchableUnit> out;
    out.reserve(rs.size());
    std::unordered_map<int64_t, size_t> at;
    for (size_t i = 0; i < rs.size(); ++i) {
      naming::MatchableUnit u;
      u.id = rs.GetInt(i, 0);
      u.name = rs.TakeText(i, 1);
      u.kind = ParseUnitKind(rs.GetText(i, 2)).value_or(UnitKind::kOther);
      u.region_code = rs.TakeOptText(i, 3);
      at.emplace(u.id, out.size());
      out.push_back(std::move(u));
    }
    KL_ASSIGN_OR_RETURN(std::vector<NameAlias> aliases, List(tx, AliasOwner::kUnit, std::nullopt));
    for (NameAlias& a : aliases) {
      if (auto it = at.find(a.owner_id); it != at.end()) {
        out[it->second].aliases.push_back(std::move(a.alias));
      }
    }
    return out;
  }

  Result<std::vector<naming::MatchablePerson>> MatchablePeople(Tx& tx) override {
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs, ConnOf(tx).Query(kPeopleSql, {}));
    std::vector<naming::MatchablePerson> out;
    out.reserve(rs.size());
    std::unordered_map<int64_t, size_t> at;
    for (size_t i = 0; i < rs.size(); ++i) {
      naming::MatchablePerson p;
      p.id = rs.GetInt(i, 0);
      p.name = rs.TakeText(i, 1);
      p.title = rs.TakeText(i, 2);
      p.unit_name = rs.TakeText(i, 3);
      at.emplace(p.id, out.size());
      out.push_back(std::move(p));
    }
    KL_ASSIGN_OR_RETURN(std::vector<NameAlias> aliases,
                        List(tx, AliasOwner::kPerson, std::nullopt));
    for (NameAlias& a : aliases) {
      if (auto it = at.find(a.owner_id); it != at.end()) {
        out[it->second].aliases.push_back(std::move(a.alias));
      }
    }
    return out;
  }
};

}  // namespace

std::unique_ptr<AliasRepository> NewSqlAliasRepository() {
  return std::make_unique<SqlAliasRepository>();
}

}  // namespace keyline::storage
