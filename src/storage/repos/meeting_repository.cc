// MeetingRepository over SQL: dispatch_meetings and meeting_decisions.
#include "core/ports/supervision_repositories.h"
#include "storage/repos/json_columns.h"
#include "storage/repos/repo_util.h"
#include "storage/repos/sql_tx.h"
#include "storage/repos/supervision_sql.h"

namespace keyline::storage {
namespace {

#define KL_MEETING_COLUMNS                                                                 \
  "id, title, held_on, chair_person_id, attendees, agenda, minutes, created_by, version, " \
  "created_at, updated_at"
constexpr const char* kGetSql =
    "SELECT " KL_MEETING_COLUMNS " FROM dispatch_meetings WHERE id = $1";
constexpr const char* kInsertSql =
    "INSERT INTO dispatch_meetings (title, held_on, chair_person_id, attendees, agenda, minutes, "
    "created_by, created_at, updated_at, version) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 1) "
    "RETURNING id";
constexpr const char* kUpdateSql =
    "UPDATE dispatch_meetings SET title = $1, held_on = $2, chair_person_id = $3, "
    "attendees = $4, agenda = $5, minutes = $6, created_by = $7, created_at = $8, "
    "updated_at = $9, version = version + 1 WHERE id = $10 AND version = $11";
constexpr const char* kDecisionsSql =
    "SELECT id, meeting_id, project_id, kind, text, problem_id, milestone_id, due, created_at "
    "FROM meeting_decisions WHERE meeting_id = $1 ORDER BY id";
constexpr const char* kInsertDecisionSql =
    "INSERT INTO meeting_decisions (meeting_id, project_id, kind, text, problem_id, "
    "milestone_id, due, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id";

Result<DispatchMeeting> ReadMeeting(sql::ResultSet& rs, size_t row) {
  DispatchMeeting m;
  m.id = rs.GetInt(row, 0);
  m.title = rs.TakeText(row, 1);
  m.held_on = rs.TakeText(row, 2);
  m.chair_person_id = rs.GetOptInt(row, 3);
  KL_ASSIGN_OR_RETURN(m.attendees, DecodeStrings(rs.GetText(row, 4)));
  m.agenda_json = rs.TakeText(row, 5);
  m.minutes = rs.TakeText(row, 6);
  m.created_by = rs.GetInt(row, 7);
  m.version = rs.GetInt(row, 8);
  m.created_at = rs.GetInt(row, 9);
  m.updated_at = rs.GetInt(row, 10);
  return m;
}

std::vector<sql::Value> MeetingValues(const DispatchMeeting& m) {
  return {TextValue(m.title),          TextValue(m.held_on),
          sql::Opt(m.chair_person_id), TextValue(EncodeStrings(m.attendees)),
          TextValue(m.agenda_json),    TextValue(m.minutes),
          IntValue(m.created_by),      IntValue(m.created_at),
          IntValue(m.updated_at)};
}

class SqlMeetingRepository final : public MeetingRepository {
 public:
  Result<DispatchMeeting> Get(Tx& tx, int64_t id) override {
    sql::Conn& conn = ConnOf(tx);
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs, conn.Query(kGetSql, {IntValue(id)}));
    if (rs.empty()) return NotFoundStatus("调度会", "dispatch meeting");
    KL_ASSIGN_OR_RETURN(DispatchMeeting m, ReadMeeting(rs, 0));
    KL_ASSIGN_OR_RETURN(sql::ResultSet ds, conn.Query(kDecisionsSql, {IntValue(id)}));
    KL_ASSIGN_OR_RETURN(
        m.decisions,
        ReadRows<MeetingDecision>(ds, [](sql::ResultSet& r, size_t row) -> Result<MeetingDecision> {
          MeetingDecision d;
          d.id = r.GetInt(row, 0);
          d.meeting_id = r.GetInt(row, 1);
          d.project_id = r.GetInt(row, 2);
          d.kind = r.TakeText(row, 3);
          d.text = r.TakeText(row, 4);
          d.problem_id = r.GetOptInt(row, 5);
          d.milestone_id = r.GetOptInt(row, 6);
          d.due = r.TakeText(row, 7);
          d.created_at = r.GetInt(row, 8);
          return d;
        }));
    return m;
  }

  Result<int64_t> Insert(Tx& tx, const DispatchMeeting& m) override {
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs, ConnOf(tx).Query(kInsertSql, MeetingValues(m)));
    if (rs.empty()) return Status::Internal("INSERT INTO dispatch_meetings returned no id");
    return rs.GetInt(0, 0);
  }

  Status Update(Tx& tx, const DispatchMeeting& m, int64_t expected_version) override {
    sql::Conn& conn = ConnOf(tx);
    std::vector<sql::Value> values = MeetingValues(m);
    values.push_back(IntValue(m.id));
    values.push_back(IntValue(expected_version));
    KL_ASSIGN_OR_RETURN(int64_t changed, conn.Exec(kUpdateSql, values));
    return VersionedUpdateOutcome(conn, changed, "SELECT 1 FROM dispatch_meetings WHERE id = $1",
                                  IntValue(m.id), "调度会", "dispatch meeting");
  }

  Result<PageOf<DispatchMeeting>> List(Tx& tx, const Page& page) override {
    sql::Conn& conn = ConnOf(tx);
    SqlBuilder b;
    b.Append(" FROM dispatch_meetings");
    PageOf<DispatchMeeting> out;
    KL_ASSIGN_OR_RETURN(out.total, CountRows(conn, b));
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs,
                        QueryPage(conn, "SELECT " KL_MEETING_COLUMNS, b, "held_on DESC, id", page));
    KL_ASSIGN_OR_RETURN(out.items, ReadRows<DispatchMeeting>(rs, ReadMeeting));
    return out;
  }

  Result<int64_t> InsertDecision(Tx& tx, const MeetingDecision& d) override {
    KL_ASSIGN_OR_RETURN(
        sql::ResultSet rs,
        ConnOf(tx).Query(kInsertDecisionSql,
                         {IntValue(d.meeting_id), IntValue(d.project_id), TextValue(d.kind),
                          TextValue(d.text), sql::Opt(d.problem_id), sql::Opt(d.milestone_id),
                          TextValue(d.due), IntValue(d.created_at)}));
    if (rs.empty()) return Status::Internal("INSERT INTO meeting_decisions returned no id");
    return rs.GetInt(0, 0);
  }
};

}  // namespace

std::unique_ptr<MeetingRepository> NewSqlMeetingRepository() {
  return std::make_unique<SqlMeetingRepository>();
}

}  // namespace keyline::storage
