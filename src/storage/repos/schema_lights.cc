// Migration 9: traffic-light rules and manual judgements, ranking schemes, their groups and
// components, and ranking exemptions. Ships the Yinchuan light rules
// (engine/light_rules.h) and the Mianyang-style demo ranking scheme (engine/ranking.h).
#include "storage/repos/migrations.h"

namespace keyline {
namespace {

constexpr std::string_view kSchema = R"sql(
CREATE TABLE light_rules (
  dimension  TEXT PRIMARY KEY,
  enabled    {int} NOT NULL DEFAULT 1,
  yellow     {int} NOT NULL,
  red        {int} NOT NULL,
  red_items  {int} NOT NULL DEFAULT 0,
  updated_by {int} NOT NULL DEFAULT 0,
  updated_at {int} NOT NULL DEFAULT 0
);
INSERT INTO light_rules (dimension, enabled, yellow, red, red_items) VALUES
  ('start', 1, 0, 3, 0),
  ('progress', 1, 10, 30, 0),
  ('statistics', 1, 1, 2, 0),
  ('funds', 1, 80, 50, 0),
  ('reporting', 1, 1, 0, 0),
  ('procedures', 1, 1, 10, 3),
  ('forecast', 1, 90, 0, 0),
  ('dispatch', 1, 2, 0, 0);

CREATE TABLE light_judgements (
  id              {id},
  project_id      {int} NOT NULL REFERENCES projects (id),
  period          {int} NOT NULL,
  dimension       TEXT NOT NULL,
  colour          TEXT NOT NULL,
  computed_colour TEXT NOT NULL,
  reason          TEXT NOT NULL,
  created_by      {int} NOT NULL,
  created_by_name TEXT NOT NULL DEFAULT '',
  created_at      {int} NOT NULL
);
CREATE INDEX light_judgements_period ON light_judgements (period, project_id, id);

CREATE TABLE ranking_schemes (
  code                 TEXT PRIMARY KEY,
  name_zh              TEXT NOT NULL,
  name_en              TEXT NOT NULL DEFAULT '',
  period_kind          TEXT NOT NULL,
  red_top_n            {int} NOT NULL,
  red_require_target   {int} NOT NULL,
  red_target_percent   {int} NOT NULL,
  black_bottom_n       {int} NOT NULL,
  black_missed_target  {int} NOT NULL,
  black_target_percent {int} NOT NULL,
  updated_by           {int} NOT NULL DEFAULT 0,
  updated_at           {int} NOT NULL DEFAULT 0
);
CREATE TABLE ranking_scheme_groups (
  scheme_code TEXT NOT NULL REFERENCES ranking_schemes (code),
  position    {int} NOT NULL,
  code        TEXT NOT NULL,
  name_zh     TEXT NOT NULL,
  unit_ids    TEXT NOT NULL DEFAULT '',
  unit_kinds  TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (scheme_code, position)
);
CREATE TABLE ranking_scheme_components (
  scheme_code TEXT NOT NULL REFERENCES ranking_schemes (code),
  position    {int} NOT NULL,
  indicator   TEXT NOT NULL,
  weight      {int} NOT NULL,
  name_zh     TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (scheme_code, position)
);
CREATE TABLE ranking_exemptions (
  id          {id},
  scheme_code TEXT NOT NULL,
  period      TEXT NOT NULL,
  unit_id     {int} NOT NULL REFERENCES units (id),
  reason      TEXT NOT NULL,
  created_by  {int} NOT NULL,
  created_at  {int} NOT NULL
);
CREATE UNIQUE INDEX ranking_exemptions_key ON ranking_exemptions (scheme_code, period, unit_id);

INSERT INTO ranking_schemes (code, name_zh, name_en, period_kind, red_top_n, red_require_target,
  red_target_percent, black_bottom_n, black_missed_target, black_target_percent) VALUES
  ('mianyang_demo', '重点项目推进红黑榜（示例）', 'Key project progress red and black lists (demo)',
   'quarter', 5, 1, 80, 4, 1, 80);
INSERT INTO ranking_scheme_groups (scheme_code, position, code, name_zh, unit_ids, unit_kinds)
  VALUES ('mianyang_demo', 0, 'townships_parks', '乡镇街道和园区', '', 'township,park'),
         ('mianyang_demo', 1, 'departments', '部门', '', 'department');
INSERT INTO ranking_scheme_components (scheme_code, position, indicator, weight, name_zh) VALUES
  ('mianyang_demo', 0, 'fengxi.investment_completion', 50, '投资完成率'),
  ('mianyang_demo', 1, 'fengxi.start_rate_to_date', 20, '项目开工率'),
  ('mianyang_demo', 2, 'builtin.reporting_timeliness', 10, '按时报送率'),
  ('mianyang_demo', 3, 'builtin.data_quality', 10, '数据质量'),
  ('mianyang_demo', 4, 'builtin.problems_on_time', 10, '问题按期解决率');
)sql";

}  // namespace

constexpr const char* kVisibilitySchema = R"sql(
ALTER TABLE ranking_schemes ADD COLUMN visible_to_all {int} NOT NULL DEFAULT 0;
)sql";

Migration RankingVisibilityMigration() {
  return {15, "ranking schemes visible to all internal roles",
          ExpandSchema(kVisibilitySchema, sql::Dialect::kSqlite),
          ExpandSchema(kVisibilitySchema, sql::Dialect::kPostgres)};
}

Migration LightsMigration() {
  return {9, "traffic lights, judgements, ranking schemes and exemptions",
          ExpandSchema(kSchema, sql::Dialect::kSqlite),
          ExpandSchema(kSchema, sql::Dialect::kPostgres)};
}

}  // namespace keyline
