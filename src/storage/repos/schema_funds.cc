// Migration 6: funding lines and events, central-budget due items, key-list changes, factor
// demands.
#include "storage/repos/migrations.h"

namespace keyline {
namespace {

constexpr std::string_view kSchema = R"sql(
CREATE TABLE fund_lines (
  id         {id},
  project_id {int} NOT NULL REFERENCES projects (id),
  source     TEXT NOT NULL,
  year       {int} NOT NULL,
  note       TEXT NOT NULL DEFAULT '',
  version    {int} NOT NULL DEFAULT 1,
  created_at {int} NOT NULL,
  updated_at {int} NOT NULL
);
CREATE UNIQUE INDEX fund_lines_key ON fund_lines (project_id, source, year);

CREATE TABLE fund_events (
  id              {id},
  line_id         {int} NOT NULL REFERENCES fund_lines (id),
  stage           TEXT NOT NULL,
  amount          {int} NOT NULL,
  date            TEXT NOT NULL,
  doc_no          TEXT NOT NULL DEFAULT '',
  note            TEXT NOT NULL DEFAULT '',
  created_by      {int} NOT NULL,
  created_by_name TEXT NOT NULL DEFAULT '',
  created_at      {int} NOT NULL
);
CREATE INDEX fund_events_line ON fund_events (line_id, id);

CREATE TABLE fund_due_items (
  id          {id},
  event_id    {int} NOT NULL REFERENCES fund_events (id),
  line_id     {int} NOT NULL REFERENCES fund_lines (id),
  project_id  {int} NOT NULL REFERENCES projects (id),
  kind        TEXT NOT NULL,
  received_on TEXT NOT NULL,
  doc_no      TEXT NOT NULL DEFAULT '',
  due_on      TEXT NOT NULL,
  done_on     TEXT,
  done_by     {int},
  version     {int} NOT NULL DEFAULT 1
);
CREATE INDEX fund_due_items_due ON fund_due_items (due_on, id);
CREATE INDEX fund_due_items_project ON fund_due_items (project_id);

CREATE TABLE key_list_changes (
  id               {id},
  year             {int} NOT NULL,
  level            TEXT NOT NULL,
  project_id       {int} NOT NULL REFERENCES projects (id),
  action           TEXT NOT NULL,
  effective_on     TEXT NOT NULL,
  reason           TEXT NOT NULL DEFAULT '',
  status           TEXT NOT NULL,
  proposed_by      {int} NOT NULL,
  proposed_by_name TEXT NOT NULL DEFAULT '',
  proposed_at      {int} NOT NULL,
  decided_by       {int},
  decided_by_name  TEXT NOT NULL DEFAULT '',
  decided_at       {int},
  decision_note    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX key_list_changes_list ON key_list_changes (year, level, effective_on, id);

CREATE TABLE factor_demands (
  id            {id},
  project_id    {int} NOT NULL REFERENCES projects (id),
  kind          TEXT NOT NULL,
  demanded      {int} NOT NULL,
  guaranteed    {int} NOT NULL DEFAULT 0,
  due_on        TEXT,
  guaranteed_on TEXT,
  note          TEXT NOT NULL DEFAULT '',
  version       {int} NOT NULL DEFAULT 1,
  updated_by    {int} NOT NULL,
  updated_at    {int} NOT NULL
);
CREATE UNIQUE INDEX factor_demands_key ON factor_demands (project_id, kind);
CREATE INDEX factor_demands_due ON factor_demands (due_on);
)sql";

}  // namespace

Migration FundsMigration() {
  return {6, "funds, key lists and factor guarantees", ExpandSchema(kSchema, sql::Dialect::kSqlite),
          ExpandSchema(kSchema, sql::Dialect::kPostgres)};
}

}  // namespace keyline
