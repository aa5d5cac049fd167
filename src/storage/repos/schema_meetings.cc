// Schema of dispatch meetings (调度会): migration 5. The meeting record (status, location,
// notes), its attendees (people and units, for scoping in SQL) and decisions that may have no
// project (notes) and name their owners.
#include "storage/repos/migrations.h"

namespace keyline {
namespace {

constexpr std::string_view kMeetingsSchemaV5 = R"sql(
CREATE TABLE dispatch_meetings (
  id              {id},
  title           TEXT NOT NULL,
  held_on         TEXT NOT NULL,
  location        TEXT NOT NULL DEFAULT '',
  chair_person_id {int} REFERENCES people (id),
  status          TEXT NOT NULL,
  notes           TEXT NOT NULL DEFAULT '',
  agenda          TEXT NOT NULL DEFAULT '',
  minutes         TEXT NOT NULL DEFAULT '',
  created_by      {int} NOT NULL,
  version         {int} NOT NULL DEFAULT 1,
  created_at      {int} NOT NULL,
  updated_at      {int} NOT NULL
);
CREATE INDEX dispatch_meetings_held ON dispatch_meetings (held_on, id);

-- Exactly one of person_id and unit_id per row; seq keeps the order they were given in.
CREATE TABLE meeting_attendees (
  meeting_id {int} NOT NULL REFERENCES dispatch_meetings (id),
  seq        {int} NOT NULL,
  person_id  {int} REFERENCES people (id),
  unit_id    {int} REFERENCES units (id),
  PRIMARY KEY (meeting_id, seq)
){norowid};
CREATE INDEX meeting_attendees_unit ON meeting_attendees (unit_id);
CREATE INDEX meeting_attendees_person ON meeting_attendees (person_id);

CREATE TABLE meeting_decisions (
  id              {id},
  meeting_id      {int} NOT NULL REFERENCES dispatch_meetings (id),
  kind            TEXT NOT NULL,
  text            TEXT NOT NULL,
  project_id      {int} REFERENCES projects (id),
  owner_unit_id   {int} REFERENCES units (id),
  owner_person_id {int} REFERENCES people (id),
  due             TEXT,
  problem_id      {int} REFERENCES problems (id),
  milestone_id    {int} REFERENCES milestones (id),
  created_by      {int} NOT NULL,
  created_at      {int} NOT NULL
);
CREATE INDEX meeting_decisions_meeting ON meeting_decisions (meeting_id, id);
CREATE INDEX meeting_decisions_project ON meeting_decisions (project_id);
)sql";

}  // namespace

Migration MeetingsMigration() {
  return {5, "dispatch meetings", ExpandSchema(kMeetingsSchemaV5, sql::Dialect::kSqlite),
          ExpandSchema(kMeetingsSchemaV5, sql::Dialect::kPostgres)};
}

}  // namespace keyline
