// MeetingRepository over SQL: dispatch_meetings, meeting_attendees and meeting_decisions.
#include "core/ports/supervision_repositories.h"
#include "storage/repos/json_columns.h"
#include "storage/repos/repo_util.h"
#include "storage/repos/sql_tx.h"
#include "storage/repos/supervision_sql.h"

namespace keyline::storage {
namespace {

#define KL_MEETING_COLUMNS                                                                 \
  "m.id, m.title, m.held_on, m.location, m.chair_person_id, m.status, m.notes, m.agenda, " \
  "m.minutes, m.created_by, m.version, m.created_at, m.updated_at"
constexpr const char* kGetSql =
    "SELECT " KL_MEETING_COLUMNS " FROM dispatch_meetings m WHERE m.id = $1";
constexpr const char* kInsertSql =
    "INSERT INTO dispatch_meetings (title, held_on, location, chair_person_id, status, notes, "
    "agenda, minutes, created_by, created_at, updated_at, version) VALUES ($1, $2, $3, $4, $5, "
    "$6, $7, $8, $9, $10, $11, 1) RETURNING id";
constexpr const char* kUpdateSql =
    "UPDATE dispatch_meetings SET title = $1, held_on = $2, location = $3, chair_person_id = $4, "
    "status = $5, notes = $6, agenda = $7, minutes = $8, created_by = $9, created_at = $10, "
    "updated_at = $11, version = version + 1 WHERE id = $12 AND version = $13";
constexpr const char* kExistsSql = "SELECT 1 FROM dispatch_meetings WHERE id = $1";
constexpr const char* kAttendeesSql =
    "SELECT person_id, unit_id FROM meeting_attendees WHERE meeting_id = $1 ORDER BY seq";
constexpr const char* kDeleteAttendeesSql = "DELETE FROM meeting_attendees WHERE meeting_id = $1";
constexpr const char* kInsertAttendeeSql =
    "INSERT INTO meeting_attendees (meeting_id, seq, person_id, unit_id) VALUES ($1, $2, $3, $4)";
constexpr const char* kDecisionsSql =
    "SELECT id, meeting_id, kind, text, project_id, owner_unit_id, owner_person_id, due, "
    "problem_id, milestone_id, created_by, created_at FROM meeting_decisions "
    "WHERE meeting_id = $1 ORDER BY id";
constexpr const char* kInsertDecisionSql =
    "INSERT INTO meeting_decisions (meeting_id, kind, text, project_id, owner_unit_id, "
    "owner_person_id, due, problem_id, milestone_id, created_by, created_at) VALUES ($1, $2, $3, "
    "$4, $5, $6, $7, $8, $9, $10, $11) RETURNING id";
// MeetingScope of a unit: attends, owns a decision, or a decision concerns its project or a
// problem assigned to it.
constexpr const char* kUnitScopeSql =
    "EXISTS (SELECT 1 FROM meeting_attendees sa WHERE sa.meeting_id = m.id AND sa.unit_id = ?) "
    "OR EXISTS (SELECT 1 FROM meeting_decisions sd WHERE sd.meeting_id = m.id AND "
    "(sd.owner_unit_id = ? OR EXISTS (SELECT 1 FROM project_units su WHERE su.project_id = "
    "sd.project_id AND su.unit_id = ?) OR EXISTS (SELECT 1 FROM problem_units sp WHERE "
    "sp.problem_id = sd.problem_id AND sp.unit_id = ?)))";
// MeetingScope of a person: chairs, attends or owns a decision.
constexpr const char* kPersonScopeSql =
    "m.chair_person_id = ? OR EXISTS (SELECT 1 FROM meeting_attendees sa WHERE sa.meeting_id = "
    "m.id AND sa.person_id = ?) OR EXISTS (SELECT 1 FROM meeting_decisions sd WHERE "
    "sd.meeting_id = m.id AND sd.owner_person_id = ?)";
constexpr const char* kNoneSql = "1 = 0";

Result<DispatchMeeting> ReadMeeting(sql::ResultSet& rs, size_t row) {
  DispatchMeeting m;
  m.id = rs.GetInt(row, 0);
  m.title = rs.TakeText(row, 1);
  m.held_on = rs.TakeText(row, 2);
  m.location = rs.TakeText(row, 3);
  m.chair_person_id = rs.GetOptInt(row, 4);
  KL_ASSIGN_OR_RETURN(m.status,
                      StoredEnum(MeetingStatusTable(), rs.GetText(row, 5), "meetings.status"));
  m.notes = rs.TakeText(row, 6);
  KL_ASSIGN_OR_RETURN(m.agenda, DecodeAgenda(rs.GetText(row, 7)));
  m.minutes = rs.TakeText(row, 8);
  m.created_by = rs.GetInt(row, 9);
  m.version = rs.GetInt(row, 10);
  m.created_at = rs.GetInt(row, 11);
  m.updated_at = rs.GetInt(row, 12);
  return m;
}

Result<MeetingDecision> ReadDecision(sql::ResultSet& rs, size_t row) {
  MeetingDecision d;
  d.id = rs.GetInt(row, 0);
  d.meeting_id = rs.GetInt(row, 1);
  KL_ASSIGN_OR_RETURN(d.kind,
                      StoredEnum(DecisionKindTable(), rs.GetText(row, 2), "decisions.kind"));
  d.text = rs.TakeText(row, 3);
  d.project_id = rs.GetOptInt(row, 4);
  d.owner_unit_id = rs.GetOptInt(row, 5);
  d.owner_person_id = rs.GetOptInt(row, 6);
  d.due = rs.GetOptText(row, 7);
  d.problem_id = rs.GetOptInt(row, 8);
  d.milestone_id = rs.GetOptInt(row, 9);
  d.created_by = rs.GetInt(row, 10);
  d.created_at = rs.GetInt(row, 11);
  return d;
}

std::vector<sql::Value> MeetingValues(const DispatchMeeting& m) {
  return {TextValue(m.title),
          TextValue(m.held_on),
          TextValue(m.location),
          sql::Opt(m.chair_person_id),
          TextValue(EnumCode(MeetingStatusTable(), m.status)),
          TextValue(m.notes),
          TextValue(EncodeAgenda(m.agenda)),
          TextValue(m.minutes),
          IntValue(m.created_by),
          IntValue(m.created_at),
          IntValue(m.updated_at)};
}

Status LoadAttendees(sql::Conn& conn, DispatchMeeting* m) {
  KL_ASSIGN_OR_RETURN(sql::ResultSet rs, conn.Query(kAttendeesSql, {IntValue(m->id)}));
  for (size_t row = 0; row < rs.size(); ++row) {
    if (auto person = rs.GetOptInt(row, 0)) m->attendee_person_ids.push_back(*person);
    if (auto unit = rs.GetOptInt(row, 1)) m->attendee_unit_ids.push_back(*unit);
  }
  return Status::Ok();
}

Status WriteAttendees(sql::Conn& conn, const DispatchMeeting& m) {
  KL_RETURN_IF_ERROR(conn.Exec(kDeleteAttendeesSql, {IntValue(m.id)}).status());
  int64_t seq = 0;
  for (int64_t person : m.attendee_person_ids) {
    KL_RETURN_IF_ERROR(conn.Exec(kInsertAttendeeSql,
                                 {IntValue(m.id), IntValue(++seq), IntValue(person), sql::Null()})
                           .status());
  }
  for (int64_t unit : m.attendee_unit_ids) {
    KL_RETURN_IF_ERROR(conn.Exec(kInsertAttendeeSql,
                                 {IntValue(m.id), IntValue(++seq), sql::Null(), IntValue(unit)})
                           .status());
  }
  return Status::Ok();
}

void AndScope(SqlBuilder& b, const MeetingScope& scope) {
  if (scope.all) return;
  if (scope.unit_id && scope.person_id) {
    int64_t u = *scope.unit_id, p = *scope.person_id;
    b.And(std::string(kUnitScopeSql) + " OR " + kPersonScopeSql,
          {IntValue(u), IntValue(u), IntValue(u), IntValue(u), IntValue(p), IntValue(p),
           IntValue(p)});
  } else if (scope.unit_id) {
    int64_t u = *scope.unit_id;
    b.And(kUnitScopeSql, {IntValue(u), IntValue(u), IntValue(u), IntValue(u)});
  } else if (scope.person_id) {
    int64_t p = *scope.person_id;
    b.And(kPersonScopeSql, {IntValue(p), IntValue(p), IntValue(p)});
  } else {
    b.And(kNoneSql);
  }
}

class SqlMeetingRepository final : public MeetingRepository {
 public:
  Result<DispatchMeeting> Get(Tx& tx, int64_t id) override {
    sql::Conn& conn = ConnOf(tx);
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs, conn.Query(kGetSql, {IntValue(id)}));
    if (rs.empty()) return NotFoundStatus("调度会", "dispatch meeting");
    KL_ASSIGN_OR_RETURN(DispatchMeeting m, ReadMeeting(rs, 0));
    KL_RETURN_IF_ERROR(LoadAttendees(conn, &m));
    KL_ASSIGN_OR_RETURN(sql::ResultSet ds, conn.Query(kDecisionsSql, {IntValue(id)}));
    KL_ASSIGN_OR_RETURN(m.decisions, ReadRows<MeetingDecision>(ds, ReadDecision));
    return m;
  }

  Result<int64_t> Insert(Tx& tx, const DispatchMeeting& m) override {
    sql::Conn& conn = ConnOf(tx);
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs, conn.Query(kInsertSql, MeetingValues(m)));
    if (rs.empty()) return Status::Internal("INSERT INTO dispatch_meetings returned no id");
    DispatchMeeting stored = m;
    stored.id = rs.GetInt(0, 0);
    KL_RETURN_IF_ERROR(WriteAttendees(conn, stored));
    return stored.id;
  }

  Status Update(Tx& tx, const DispatchMeeting& m, int64_t expected_version) override {
    sql::Conn& conn = ConnOf(tx);
    std::vector<sql::Value> values = MeetingValues(m);
    values.push_back(IntValue(m.id));
    values.push_back(IntValue(expected_version));
    KL_ASSIGN_OR_RETURN(int64_t changed, conn.Exec(kUpdateSql, values));
    KL_RETURN_IF_ERROR(VersionedUpdateOutcome(conn, changed, kExistsSql, IntValue(m.id), "调度会",
                                              "dispatch meeting"));
    return WriteAttendees(conn, m);
  }

  Result<PageOf<DispatchMeeting>> List(Tx& tx, const MeetingQuery& query,
                                       const MeetingScope& scope) override {
    sql::Conn& conn = ConnOf(tx);
    SqlBuilder b;
    b.Append(" FROM dispatch_meetings m");
    AndScope(b, scope);
    if (query.from) b.And("m.held_on >= ?", {TextValue(*query.from)});
    if (query.to) b.And("m.held_on <= ?", {TextValue(*query.to)});
    if (query.status) {
      b.And("m.status = ?", {TextValue(EnumCode(MeetingStatusTable(), *query.status))});
    }
    PageOf<DispatchMeeting> out;
    KL_ASSIGN_OR_RETURN(out.total, CountRows(conn, b));
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs, QueryPage(conn, "SELECT " KL_MEETING_COLUMNS, b,
                                                     "m.held_on DESC, m.id", query.page));
    KL_ASSIGN_OR_RETURN(out.items, ReadRows<DispatchMeeting>(rs, ReadMeeting));
    for (DispatchMeeting& m : out.items) KL_RETURN_IF_ERROR(LoadAttendees(conn, &m));
    return out;
  }

  Result<bool> InScope(Tx& tx, int64_t meeting_id, const MeetingScope& scope) override {
    SqlBuilder b;
    b.Append("SELECT 1 FROM dispatch_meetings m");
    b.And("m.id = ?", {IntValue(meeting_id)});
    AndScope(b, scope);
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs, ConnOf(tx).Query(b.text(), b.params()));
    return !rs.empty();
  }

  Result<int64_t> InsertDecision(Tx& tx, const MeetingDecision& d) override {
    KL_ASSIGN_OR_RETURN(
        sql::ResultSet rs,
        ConnOf(tx).Query(
            kInsertDecisionSql,
            {IntValue(d.meeting_id), TextValue(EnumCode(DecisionKindTable(), d.kind)),
             TextValue(d.text), sql::Opt(d.project_id), sql::Opt(d.owner_unit_id),
             sql::Opt(d.owner_person_id), sql::Opt(d.due), sql::Opt(d.problem_id),
             sql::Opt(d.milestone_id), IntValue(d.created_by), IntValue(d.created_at)}));
    if (rs.empty()) return Status::Internal("INSERT INTO meeting_decisions returned no id");
    return rs.GetInt(0, 0);
  }
};

}  // namespace

std::unique_ptr<MeetingRepository> NewSqlMeetingRepository() {
  return std::make_unique<SqlMeetingRepository>();
}

}  // namespace keyline::storage
