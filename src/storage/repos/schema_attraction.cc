// Migration 7: investment attraction (leads, stage history, signing events, contracts),
// campaign rounds (三个一批) and annual targets (目标任务).
#include "storage/repos/migrations.h"

namespace keyline {
namespace {

constexpr std::string_view kSchema = R"sql(
CREATE TABLE leads (
  id                  {id},
  version             {int} NOT NULL DEFAULT 1,
  company             TEXT NOT NULL,
  credit_code         TEXT,
  industry_code       TEXT,
  intended_investment {int} NOT NULL DEFAULT 0,
  source              TEXT NOT NULL DEFAULT '',
  responsible_unit_id {int} NOT NULL REFERENCES units (id),
  responsible_person  TEXT NOT NULL DEFAULT '',
  next_step           TEXT NOT NULL DEFAULT '',
  next_step_date      TEXT,
  stage               TEXT NOT NULL,
  project_id          {int} REFERENCES projects (id),
  warnings            TEXT NOT NULL DEFAULT '',
  created_at          {int} NOT NULL,
  updated_at          {int} NOT NULL
);
CREATE INDEX leads_unit ON leads (responsible_unit_id, id);
CREATE INDEX leads_stage ON leads (stage, id);
CREATE UNIQUE INDEX leads_project ON leads (project_id);

CREATE TABLE lead_stage_changes (
  id         {id},
  lead_id    {int} NOT NULL REFERENCES leads (id),
  from_stage TEXT,
  to_stage   TEXT NOT NULL,
  reason     TEXT NOT NULL DEFAULT '',
  user_id    {int} NOT NULL,
  username   TEXT NOT NULL DEFAULT '',
  at         {int} NOT NULL
);
CREATE INDEX lead_stage_changes_lead ON lead_stage_changes (lead_id, id);

CREATE TABLE signing_events (
  id         {id},
  version    {int} NOT NULL DEFAULT 1,
  name       TEXT NOT NULL,
  held_on    TEXT NOT NULL,
  place      TEXT NOT NULL DEFAULT '',
  outbound   {int} NOT NULL DEFAULT 0,
  note       TEXT NOT NULL DEFAULT '',
  created_at {int} NOT NULL,
  updated_at {int} NOT NULL
);
CREATE INDEX signing_events_held_on ON signing_events (held_on);

CREATE TABLE lead_contracts (
  id             {id},
  version        {int} NOT NULL DEFAULT 1,
  lead_id        {int} NOT NULL REFERENCES leads (id),
  event_id       {int} REFERENCES signing_events (id),
  contract_no    TEXT NOT NULL,
  signed_on      TEXT NOT NULL,
  amount         {int} NOT NULL,
  funds_in_place {int} NOT NULL DEFAULT 0,
  status         TEXT NOT NULL,
  created_at     {int} NOT NULL,
  updated_at     {int} NOT NULL
);
CREATE UNIQUE INDEX lead_contracts_lead ON lead_contracts (lead_id);
CREATE UNIQUE INDEX lead_contracts_no ON lead_contracts (contract_no);
CREATE INDEX lead_contracts_event ON lead_contracts (event_id);
CREATE INDEX lead_contracts_signed_on ON lead_contracts (signed_on);

CREATE TABLE campaign_rounds (
  id         {id},
  version    {int} NOT NULL DEFAULT 1,
  name       TEXT NOT NULL,
  held_on    TEXT NOT NULL,
  place      TEXT NOT NULL DEFAULT '',
  scheme     TEXT NOT NULL,
  note       TEXT NOT NULL DEFAULT '',
  created_at {int} NOT NULL,
  updated_at {int} NOT NULL
);
CREATE INDEX campaign_rounds_held_on ON campaign_rounds (held_on);

CREATE TABLE campaign_entries (
  round_id   {int} NOT NULL REFERENCES campaign_rounds (id),
  project_id {int} NOT NULL REFERENCES projects (id),
  category   TEXT NOT NULL,
  note       TEXT NOT NULL DEFAULT '',
  added_by   {int} NOT NULL,
  added_at   {int} NOT NULL,
  PRIMARY KEY (round_id, project_id)
){norowid};
CREATE INDEX campaign_entries_category ON campaign_entries (category, project_id);

CREATE TABLE annual_targets (
  id                  {id},
  version             {int} NOT NULL DEFAULT 1,
  year                {int} NOT NULL,
  title               TEXT NOT NULL,
  target_value        {real} NOT NULL,
  unit                TEXT NOT NULL DEFAULT '',
  responsible_unit_id {int} REFERENCES units (id),
  measure             TEXT NOT NULL,
  threshold           {int},
  note                TEXT NOT NULL DEFAULT '',
  created_at          {int} NOT NULL,
  updated_at          {int} NOT NULL
);
CREATE INDEX annual_targets_year ON annual_targets (year, id);

CREATE TABLE target_actuals (
  id        {id},
  target_id {int} NOT NULL REFERENCES annual_targets (id),
  value     {real} NOT NULL,
  as_of     TEXT NOT NULL,
  note      TEXT NOT NULL DEFAULT '',
  user_id   {int} NOT NULL,
  username  TEXT NOT NULL DEFAULT '',
  at        {int} NOT NULL
);
CREATE INDEX target_actuals_target ON target_actuals (target_id, id);
)sql";

}  // namespace

Migration AttractionMigration() {
  return {7, "investment attraction, campaign rounds and annual targets",
          ExpandSchema(kSchema, sql::Dialect::kSqlite),
          ExpandSchema(kSchema, sql::Dialect::kPostgres)};
}

}  // namespace keyline
