// Schema of import sessions: migration 10. The parsed sheet and the mapping are kept
// as encoded text (importing/table_codec.h) so that confirmation works on any node.
#include "storage/repos/migrations.h"

namespace keyline {
namespace {

constexpr std::string_view kImportsSchemaV10 = R"sql(
CREATE TABLE import_sessions (
  id           {id},
  kind         TEXT NOT NULL,
  status       TEXT NOT NULL,
  creator_id   {int} NOT NULL REFERENCES users (id),
  file_name    TEXT NOT NULL DEFAULT '',
  sheet        {int} NOT NULL DEFAULT 0,
  period       {int},
  sheets       TEXT NOT NULL DEFAULT '',
  table_data   TEXT NOT NULL,
  mapping      TEXT NOT NULL,
  result       TEXT NOT NULL DEFAULT '',
  created_at   {int} NOT NULL,
  expires_at   {int} NOT NULL,
  confirmed_at {int}
);
CREATE INDEX import_sessions_expiry ON import_sessions (expires_at);
CREATE INDEX import_sessions_creator ON import_sessions (creator_id, id);
)sql";

}  // namespace

Migration ImportsMigration() {
  return {10, "import sessions", ExpandSchema(kImportsSchemaV10, sql::Dialect::kSqlite),
          ExpandSchema(kImportsSchemaV10, sql::Dialect::kPostgres)};
}

}  // namespace keyline
