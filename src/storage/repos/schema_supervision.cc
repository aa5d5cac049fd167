// Schema of the supervision loop: migration 4. Written with the dialect tokens of
// migrations.cc ({id}, {int}, {norowid}), which Expand replaces per database.
#include "storage/repos/migrations.h"

namespace keyline {

std::string_view SupervisionSchemaV4() {
  return R"sql(
CREATE TABLE procedure_templates (
  id         {id},
  name       TEXT NOT NULL,
  regime     TEXT NOT NULL,
  category   TEXT,
  builtin    {int} NOT NULL DEFAULT 0,
  version    {int} NOT NULL DEFAULT 1,
  created_at {int} NOT NULL,
  updated_at {int} NOT NULL
);

CREATE TABLE procedure_template_items (
  template_id {int} NOT NULL REFERENCES procedure_templates (id),
  seq         {int} NOT NULL,
  code        TEXT NOT NULL,
  name        TEXT NOT NULL,
  authority   TEXT NOT NULL DEFAULT '',
  limit_days  {int} NOT NULL DEFAULT 0,
  parallel    {int} NOT NULL DEFAULT 0,
  tolerance   {int} NOT NULL DEFAULT 0,
  commitment  {int} NOT NULL DEFAULT 0,
  PRIMARY KEY (template_id, seq)
){norowid};

CREATE TABLE project_procedures (
  id            {id},
  project_id    {int} NOT NULL REFERENCES projects (id),
  template_id   {int} REFERENCES procedure_templates (id),
  seq           {int} NOT NULL,
  code          TEXT NOT NULL,
  name          TEXT NOT NULL,
  authority     TEXT NOT NULL DEFAULT '',
  limit_days    {int} NOT NULL DEFAULT 0,
  parallel      {int} NOT NULL DEFAULT 0,
  tolerance     {int} NOT NULL DEFAULT 0,
  commitment    {int} NOT NULL DEFAULT 0,
  status        TEXT NOT NULL,
  planned_start TEXT,
  planned_due   TEXT,
  actual_start  TEXT,
  actual_done   TEXT,
  doc_number    TEXT NOT NULL DEFAULT '',
  note          TEXT NOT NULL DEFAULT '',
  version       {int} NOT NULL DEFAULT 1,
  created_at    {int} NOT NULL,
  updated_at    {int} NOT NULL
);
CREATE INDEX project_procedures_project ON project_procedures (project_id, seq);
CREATE INDEX project_procedures_due ON project_procedures (status, planned_due);
CREATE INDEX project_procedures_authority ON project_procedures (authority, planned_due);

CREATE TABLE milestones (
  id                    {id},
  project_id            {int} NOT NULL REFERENCES projects (id),
  title                 TEXT NOT NULL,
  planned_date          TEXT NOT NULL,
  responsible_person_id {int} REFERENCES people (id),
  supervisor_person_id  {int} REFERENCES people (id),
  done_on               TEXT,
  note                  TEXT NOT NULL DEFAULT '',
  version               {int} NOT NULL DEFAULT 1,
  created_at            {int} NOT NULL,
  updated_at            {int} NOT NULL
);
CREATE INDEX milestones_project ON milestones (project_id, planned_date);

CREATE TABLE deadline_templates (
  code          TEXT PRIMARY KEY,
  name          TEXT NOT NULL,
  deploy_days   {int} NOT NULL,
  feedback_days {int} NOT NULL,
  settle_days   {int} NOT NULL,
  major_days    {int} NOT NULL,
  major_months  {int} NOT NULL,
  escalate_days {int} NOT NULL,
  answer_days   {int} NOT NULL,
  version       {int} NOT NULL DEFAULT 1,
  updated_at    {int} NOT NULL
);

CREATE TABLE problems (
  id               {id},
  project_id       {int} NOT NULL REFERENCES projects (id),
  title            TEXT NOT NULL,
  description      TEXT NOT NULL DEFAULT '',
  category         TEXT NOT NULL,
  severity         TEXT NOT NULL,
  source           TEXT NOT NULL,
  source_ref       TEXT,
  leader_person_id {int} REFERENCES people (id),
  template_code    TEXT NOT NULL,
  raised_on        TEXT NOT NULL,
  deploy_due       TEXT NOT NULL,
  feedback_due     TEXT NOT NULL,
  settle_due       TEXT NOT NULL,
  deadline         TEXT NOT NULL,
  status           TEXT NOT NULL,
  level            {int} NOT NULL DEFAULT 0,
  deployed_at      {int},
  feedback_at      {int},
  solved_at        {int},
  plan_date        TEXT,
  plan_text        TEXT NOT NULL DEFAULT '',
  progress         TEXT NOT NULL DEFAULT '',
  closed_at        {int},
  closed_by        {int},
  evaluation       TEXT NOT NULL DEFAULT '',
  rating           {int},
  raised_by        {int} NOT NULL,
  raised_by_unit   {int} NOT NULL,
  version          {int} NOT NULL DEFAULT 1,
  created_at       {int} NOT NULL,
  updated_at       {int} NOT NULL
);
CREATE INDEX problems_project ON problems (project_id, id);
CREATE INDEX problems_open_deadline ON problems (status, deadline);
CREATE INDEX problems_leader ON problems (leader_person_id);

CREATE TABLE problem_units (
  problem_id {int} NOT NULL REFERENCES problems (id),
  unit_id    {int} NOT NULL REFERENCES units (id),
  PRIMARY KEY (problem_id, unit_id)
){norowid};
CREATE INDEX problem_units_unit ON problem_units (unit_id, problem_id);

CREATE TABLE problem_events (
  id         {id},
  problem_id {int} NOT NULL REFERENCES problems (id),
  kind       TEXT NOT NULL,
  at         {int} NOT NULL,
  user_id    {int} NOT NULL,
  username   TEXT NOT NULL DEFAULT '',
  text       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX problem_events_problem ON problem_events (problem_id, id);

CREATE TABLE supervision_orders (
  id          {id},
  problem_id  {int} NOT NULL REFERENCES problems (id),
  project_id  {int} NOT NULL REFERENCES projects (id),
  unit_id     {int} NOT NULL REFERENCES units (id),
  level       {int} NOT NULL,
  issued_at   {int} NOT NULL,
  issued_on   TEXT NOT NULL,
  answer_due  TEXT NOT NULL,
  answered_at {int},
  answered_by {int},
  answer      TEXT NOT NULL DEFAULT '',
  rectify_by  TEXT,
  version     {int} NOT NULL DEFAULT 1,
  UNIQUE (problem_id, unit_id, level)
);
CREATE INDEX supervision_orders_unit ON supervision_orders (unit_id, id);
)sql";
}

}  // namespace keyline
