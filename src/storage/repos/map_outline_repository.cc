// MapOutlineRepository over SQL: table map_outline, one row with id 1.
#include "storage/repos/map_outline_repository.h"

#include "storage/repos/repo_util.h"
#include "storage/repos/sql_tx.h"

namespace keyline::storage {
namespace {

class SqlMapOutlineRepository final : public MapOutlineRepository {
 public:
  Result<std::optional<StoredOutline>> Get(Tx& tx) override {
    KL_ASSIGN_OR_RETURN(
        sql::ResultSet rs,
        ConnOf(tx).Query("SELECT geojson, updated_by, updated_at FROM map_outline WHERE id = 1",
                         {}));
    if (rs.empty()) return std::optional<StoredOutline>();
    StoredOutline o;
    o.geojson = rs.GetText(0, 0);
    o.updated_by = rs.GetInt(0, 1);
    o.updated_at = rs.GetInt(0, 2);
    return std::optional<StoredOutline>(std::move(o));
  }

  Status Put(Tx& tx, const StoredOutline& o) override {
    return ConnOf(tx)
        .Exec(
            "INSERT INTO map_outline (id, geojson, updated_by, updated_at) VALUES (1, $1, $2, $3) "
            "ON CONFLICT (id) DO UPDATE SET geojson = excluded.geojson, "
            "updated_by = excluded.updated_by, updated_at = excluded.updated_at",
            {TextValue(o.geojson), IntValue(o.updated_by), IntValue(o.updated_at)})
        .status();
  }

  Status Clear(Tx& tx) override {
    return ConnOf(tx).Exec("DELETE FROM map_outline WHERE id = 1", {}).status();
  }
};

}  // namespace

std::unique_ptr<MapOutlineRepository> NewSqlMapOutlineRepository() {
  return std::make_unique<SqlMapOutlineRepository>();
}

}  // namespace keyline::storage
