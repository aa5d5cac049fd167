// Canonical JSON of the supervision entities (API responses and audit snapshots). The
// "today"-dependent flags (overdue, state) are added only when a date is given, so audit
// snapshots never depend on the day they were written.
#pragma once

#include <string>

#include "common/json_writer.h"
#include "core/model/json.h"
#include "core/model/supervision.h"

namespace keyline {

void WriteJson(JsonWriter& w, const ProcedureTemplate& t);
void WriteJson(JsonWriter& w, const DeadlineTemplate& t);
void WriteJson(JsonWriter& w, const ProblemEvent& e);
void WriteJson(JsonWriter& w, const SupervisionOrder& o);
void WriteJson(JsonWriter& w, const MeetingDecision& d);
void WriteJson(JsonWriter& w, const DispatchMeeting& m);
void WriteJson(JsonWriter& w, const AgendaItem& item);
// [item, ...]
void WriteAgendaJson(JsonWriter& w, const std::vector<AgendaItem>& items);

// today == nullptr: the canonical form; otherwise adds "overdue" (and "state" for tasks).
void WriteProcedureJson(JsonWriter& w, const ProjectProcedure& p, const std::string* today);
void WriteMilestoneJson(JsonWriter& w, const Milestone& m, const std::string* today);
// What the viewer may do with a problem (core/service/supervision_access.h); written as `can`.
struct ProblemCan {
  bool work = false;     // deploy, feedback, plan, solve
  bool confirm = false;  // close (confirm) or reopen
};
void WriteProblemJson(JsonWriter& w, const Problem& p, const std::string* today,
                      const ProblemCan* can = nullptr);
void WriteOrderJson(JsonWriter& w, const SupervisionOrder& o, const std::string* today);

inline void WriteJson(JsonWriter& w, const ProjectProcedure& p) {
  WriteProcedureJson(w, p, nullptr);
}
inline void WriteJson(JsonWriter& w, const Milestone& m) { WriteMilestoneJson(w, m, nullptr); }
inline void WriteJson(JsonWriter& w, const Problem& p) { WriteProblemJson(w, p, nullptr); }

}  // namespace keyline
