// Schema of unit and person aliases (short names and matching): migration 11.
// Also the value mappings of an import session (the user's answer for each unknown or
// ambiguous name), kept beside the column mapping.
#include "storage/repos/migrations.h"

namespace keyline {
namespace {

constexpr std::string_view kAliasesSchemaV11 = R"sql(
CREATE TABLE unit_aliases (
  id         {id},
  unit_id    {int} NOT NULL REFERENCES units (id),
  alias      TEXT NOT NULL,
  match_key  TEXT NOT NULL UNIQUE,
  created_by {int},
  created_at {int} NOT NULL
);
CREATE INDEX unit_aliases_unit ON unit_aliases (unit_id, id);

CREATE TABLE person_aliases (
  id         {id},
  person_id  {int} NOT NULL REFERENCES people (id),
  alias      TEXT NOT NULL,
  match_key  TEXT NOT NULL UNIQUE,
  created_by {int},
  created_at {int} NOT NULL
);
CREATE INDEX person_aliases_person ON person_aliases (person_id, id);

ALTER TABLE import_sessions ADD COLUMN value_mappings TEXT NOT NULL DEFAULT '';
)sql";

}  // namespace

Migration AliasesMigration() {
  return {11, "unit and person aliases", ExpandSchema(kAliasesSchemaV11, sql::Dialect::kSqlite),
          ExpandSchema(kAliasesSchemaV11, sql::Dialect::kPostgres)};
}

}  // namespace keyline
