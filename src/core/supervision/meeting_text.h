// The pure parts of dispatch meetings (调度会): proposing an agenda from red projects, overdue
// problems and overdue procedures, and writing the minutes (会议纪要) as plain text.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/model/supervision.h"
#include "core/ports/red_projects.h"

namespace keyline {

// Names of the projects, units and people a meeting or an agenda mentions; an id without a
// name shows as "#id".
struct NameBook {
  std::map<int64_t, std::string> projects;
  std::map<int64_t, std::string> units;
  std::map<int64_t, std::string> people;

  std::string Project(int64_t id) const { return Find(projects, id); }
  std::string Unit(int64_t id) const { return Find(units, id); }
  std::string Person(int64_t id) const { return Find(people, id); }

 private:
  static std::string Find(const std::map<int64_t, std::string>& names, int64_t id);
};

// The agenda for `date` ("YYYY-MM-DD"): the red projects — first one item per cause shared word
// for word by several projects (project_id 0, project_name the projects joined with 、, title
// the cause with "（共N个项目）"; most projects first), then one item per project with the causes
// it alone has, in the order given — then the problems
// overdue on `date` (not solved or closed, deadline before date; EffectiveDeadline), most days
// overdue first, then the procedures overdue on `date` (neither done nor not needed,
// planned_due before date) by authority, then due date. Rows that are not overdue on `date` are
// left out. days_overdue counts calendar days from the deadline to `date`.
std::vector<AgendaItem> ProposeAgendaItems(const std::string& date,
                                           const std::vector<RedProject>& red,
                                           const std::vector<Problem>& problems,
                                           const std::vector<ProjectProcedure>& procedures,
                                           const NameBook& names);

// The minutes (会议纪要) as UTF-8 text with "\n" line ends: 会议名称, 时间, 地点, 主持, 参会,
// 议题 (the agenda items) and 议定事项 (each decision with its kind, project, owners and
// deadline, and the problem or task it created), then 备注 when the meeting has notes.
std::string RenderMinutes(const DispatchMeeting& meeting, const std::vector<AgendaItem>& agenda,
                          const NameBook& names);

// Need to know: the minutes text as RenderMinutes wrote it, with the numbered lines
// of the 议题 whose keep_agenda[i] is false and of the 议定事项 whose keep_decisions[i] is false
// left out, and "其他单位项目 N 个（略）" closing a section that lost lines (N: other_projects).
// The text itself (stored, frozen) is not changed; lines past the vectors are kept.
std::string RedactMinutes(const std::string& text, const std::vector<bool>& keep_agenda,
                          const std::vector<bool>& keep_decisions, int64_t other_projects);

// "2026年10月20日" for "2026-10-20" (the text itself when it is not a date).
std::string ChineseDate(const std::string& iso_date);

}  // namespace keyline
