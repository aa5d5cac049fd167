// Schema for the map (migration 23): the district outline, one row (id = 1) holding the GeoJSON
// text as uploaded (validated by geo::ParseOutline before it is stored).
#include "storage/repos/migrations.h"

namespace keyline {
namespace {

constexpr std::string_view kMapSchemaV23 = R"sql(
CREATE TABLE map_outline (
  id          {int} PRIMARY KEY CHECK (id = 1),
  geojson     TEXT NOT NULL,
  updated_by  {int} NOT NULL REFERENCES users (id),
  updated_at  {int} NOT NULL
);
)sql";

}  // namespace

Migration MapMigration() {
  return {23, "map: the district outline", ExpandSchema(kMapSchemaV23, sql::Dialect::kSqlite),
          ExpandSchema(kMapSchemaV23, sql::Dialect::kPostgres)};
}

}  // namespace keyline
