// Migration 3: annual plans, reporting settings and windows, monthly reports, and the
// attachment store (photos and documents of reports and procedures; bytes once per SHA-256).
#include "storage/repos/migrations.h"

namespace keyline {
namespace {

constexpr std::string_view kSchema = R"sql(
CREATE TABLE annual_plans (
  project_id         {int} NOT NULL REFERENCES projects (id),
  year               {int} NOT NULL,
  version            {int} NOT NULL,
  status             TEXT NOT NULL,
  planned_investment {int} NOT NULL,
  planned_start      TEXT,
  planned_completion TEXT,
  goals              TEXT NOT NULL DEFAULT '',
  split              TEXT NOT NULL,
  monthly            TEXT NOT NULL,
  completed_before   {int},
  reason             TEXT NOT NULL DEFAULT '',
  created_by         {int} NOT NULL,
  created_by_name    TEXT NOT NULL DEFAULT '',
  created_at         {int} NOT NULL,
  confirmed_by       {int},
  confirmed_at       {int},
  updated_at         {int} NOT NULL,
  PRIMARY KEY (project_id, year, version)
){norowid};
CREATE INDEX annual_plans_year ON annual_plans (year, project_id);

CREATE TABLE reporting_settings (
  key        TEXT PRIMARY KEY,
  value      TEXT NOT NULL,
  updated_at {int} NOT NULL
);

CREATE TABLE report_windows (
  period      {int} PRIMARY KEY,
  opens_on    TEXT NOT NULL,
  due_on      TEXT NOT NULL,
  locks_after TEXT NOT NULL,
  updated_at  {int} NOT NULL
);

CREATE TABLE monthly_reports (
  id                   {id},
  project_id           {int} NOT NULL REFERENCES projects (id),
  period               {int} NOT NULL,
  status               TEXT NOT NULL,
  version              {int} NOT NULL DEFAULT 1,
  completed_investment {int} NOT NULL DEFAULT 0,
  progress_text        TEXT NOT NULL DEFAULT '',
  progress_percent     {int} NOT NULL DEFAULT 0,
  workers              {int} NOT NULL DEFAULT 0,
  main_works           TEXT NOT NULL DEFAULT '',
  next_plan            TEXT NOT NULL DEFAULT '',
  problems             TEXT NOT NULL DEFAULT '',
  confirmed_warnings   TEXT NOT NULL DEFAULT '',
  first_submitted_at   {int},
  submitted_at         {int},
  submitted_by         {int},
  late                 {int} NOT NULL DEFAULT 0,
  reviewed_at          {int},
  reviewed_by          {int},
  review_comment       TEXT NOT NULL DEFAULT '',
  return_count         {int} NOT NULL DEFAULT 0,
  unlocked             {int} NOT NULL DEFAULT 0,
  created_at           {int} NOT NULL,
  updated_at           {int} NOT NULL
);
CREATE UNIQUE INDEX monthly_reports_project_period ON monthly_reports (project_id, period);
CREATE INDEX monthly_reports_period_status ON monthly_reports (period, status);

CREATE TABLE attachment_blobs (
  sha256 TEXT PRIMARY KEY,
  data   TEXT NOT NULL
);

CREATE TABLE attachments (
  id           {id},
  owner_kind   TEXT NOT NULL,
  owner_id     {int} NOT NULL,
  filename     TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size         {int} NOT NULL,
  sha256       TEXT NOT NULL REFERENCES attachment_blobs (sha256),
  created_by   {int} NOT NULL,
  created_at   {int} NOT NULL
);
CREATE INDEX attachments_owner ON attachments (owner_kind, owner_id, id);
)sql";

}  // namespace

Migration ReportingMigration() {
  return {3, "annual plans and monthly reports", ExpandSchema(kSchema, sql::Dialect::kSqlite),
          ExpandSchema(kSchema, sql::Dialect::kPostgres)};
}

}  // namespace keyline
