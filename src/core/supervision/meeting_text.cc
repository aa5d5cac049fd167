#include "core/supervision/meeting_text.h"

#include <algorithm>
#include <map>

#include "common/date.h"
#include "core/supervision/deadlines.h"

namespace keyline {
namespace {

int64_t DaysBetween(const std::string& from, const std::string& to) {
  auto a = Date::Parse(from);
  auto b = Date::Parse(to);
  if (!a.ok() || !b.ok()) return 0;
  return b->ToDays() - a->ToDays();
}

std::string JoinNames(const std::vector<int64_t>& ids, const std::map<int64_t, std::string>& names,
                      const std::string& separator) {
  std::string out;
  for (int64_t id : ids) {
    if (!out.empty()) out += separator;
    auto it = names.find(id);
    out += it == names.end() ? "#" + std::to_string(id) : it->second;
  }
  return out;
}

std::string OrNone(const std::string& text) { return text.empty() ? "—" : text; }

std::string AgendaLine(const AgendaItem& item) {
  std::string kind = "【" + std::string(EnumZh(AgendaKindTable(), item.kind)) + "】";
  // A cause shared by several projects (project_id 0) names the cause first, then them.
  std::string line = item.kind == AgendaKind::kRedProject && item.project_id == 0
                         ? kind + item.title + "：" + item.project_name
                         : kind + item.project_name + "：" + item.title;
  std::string details;
  auto add = [&details](const std::string& label, const std::string& value) {
    if (value.empty()) return;
    if (!details.empty()) details += "；";
    details += label + value;
  };
  add("责任单位：", item.units);
  add("包抓领导：", item.leader);
  add("审批部门：", item.authority);
  if (!item.due.empty()) {
    add("期限：", item.due + "，已逾期" + std::to_string(item.days_overdue) + "天");
  }
  return details.empty() ? line : line + "（" + details + "）";
}

std::string DecisionLine(const MeetingDecision& d, const NameBook& names) {
  std::string line = "【" + std::string(EnumZh(DecisionKindTable(), d.kind)) + "】";
  if (d.project_id) line += names.Project(*d.project_id) + "：";
  line += d.text;
  std::string owners;
  if (d.owner_unit_id) owners += "责任单位：" + names.Unit(*d.owner_unit_id);
  if (d.owner_person_id) {
    owners +=
        (owners.empty() ? "" : "；") + std::string("责任人：") + names.Person(*d.owner_person_id);
  }
  if (d.due)
    owners += (owners.empty() ? "" : "；") + std::string("完成时限：") + ChineseDate(*d.due);
  if (!owners.empty()) line += "（" + owners + "）";
  if (d.problem_id) line += "〔已列入问题台账，编号" + std::to_string(*d.problem_id) + "〕";
  if (d.milestone_id) line += "〔已列入挂图作战，任务编号" + std::to_string(*d.milestone_id) + "〕";
  return line;
}

// The causes of r, one by one (its reason when it lists none).
std::vector<std::string> CausesOf(const RedProject& r) {
  if (!r.causes.empty()) return r.causes;
  return {r.reason};
}

// One item per cause shared word for word by several red projects (the projects named
// together, most projects first), then one item per project with the causes it alone has.
std::vector<AgendaItem> RedProjectItems(const std::vector<RedProject>& red, const NameBook& names) {
  std::vector<std::string> order;                       // causes, by first appearance
  std::map<std::string, std::vector<int64_t>> sharing;  // cause → its projects, in red order
  for (const RedProject& r : red) {
    for (const std::string& cause : CausesOf(r)) {
      auto [it, added] = sharing.try_emplace(cause);
      if (added) order.push_back(cause);
      if (std::find(it->second.begin(), it->second.end(), r.project_id) == it->second.end()) {
        it->second.push_back(r.project_id);
      }
    }
  }
  std::vector<std::pair<size_t, AgendaItem>> shared;  // (how many projects, the item)
  for (const std::string& cause : order) {
    const std::vector<int64_t>& ids = sharing[cause];
    if (ids.size() < 2) continue;
    AgendaItem item;
    item.kind = AgendaKind::kRedProject;
    item.project_name = JoinNames(ids, names.projects, "、");
    item.title = cause + "（共" + std::to_string(ids.size()) + "个项目）";
    shared.push_back({ids.size(), std::move(item)});
  }
  std::stable_sort(shared.begin(), shared.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<AgendaItem> groups;
  for (auto& entry : shared) groups.push_back(std::move(entry.second));
  for (const RedProject& r : red) {
    std::string own;
    for (const std::string& cause : CausesOf(r)) {
      if (sharing[cause].size() >= 2) continue;
      if (!own.empty()) own += "；";
      own += cause;
    }
    if (own.empty()) continue;
    AgendaItem item;
    item.kind = AgendaKind::kRedProject;
    item.source_id = r.project_id;
    item.project_id = r.project_id;
    item.project_name = names.Project(r.project_id);
    item.title = own;
    groups.push_back(std::move(item));
  }
  return groups;
}

}  // namespace

std::string NameBook::Find(const std::map<int64_t, std::string>& names, int64_t id) {
  auto it = names.find(id);
  return it == names.end() ? "#" + std::to_string(id) : it->second;
}

std::vector<AgendaItem> ProposeAgendaItems(const std::string& date,
                                           const std::vector<RedProject>& red,
                                           const std::vector<Problem>& problems,
                                           const std::vector<ProjectProcedure>& procedures,
                                           const NameBook& names) {
  std::vector<AgendaItem> out = RedProjectItems(red, names);
  std::vector<AgendaItem> problem_items;
  for (const Problem& p : problems) {
    if (!IsProblemOverdue(p, date)) continue;
    AgendaItem item;
    item.source_id = p.id;
    item.project_id = p.project_id;
    item.project_name = names.Project(p.project_id);
    item.title = p.title;
    item.units = JoinNames(p.unit_ids, names.units, "、");
    item.leader_person_id = p.leader_person_id;
    if (p.leader_person_id) item.leader = names.Person(*p.leader_person_id);
    item.due = EffectiveDeadline(p);
    item.days_overdue = DaysBetween(item.due, date);
    problem_items.push_back(std::move(item));
  }
  std::stable_sort(problem_items.begin(), problem_items.end(),
                   [](const AgendaItem& a, const AgendaItem& b) {
                     if (a.days_overdue != b.days_overdue) return a.days_overdue > b.days_overdue;
                     return a.source_id < b.source_id;
                   });
  std::vector<AgendaItem> procedure_items;
  for (const ProjectProcedure& p : procedures) {
    bool finished = p.status == ProcedureStatus::kDone || p.status == ProcedureStatus::kNotNeeded;
    if (finished || !p.planned_due || *p.planned_due >= date) continue;
    AgendaItem item;
    item.kind = AgendaKind::kOverdueProcedure;
    item.source_id = p.id;
    item.project_id = p.project_id;
    item.project_name = names.Project(p.project_id);
    item.title = p.name;
    item.authority = p.authority;
    item.due = *p.planned_due;
    item.days_overdue = DaysBetween(item.due, date);
    procedure_items.push_back(std::move(item));
  }
  std::stable_sort(procedure_items.begin(), procedure_items.end(),
                   [](const AgendaItem& a, const AgendaItem& b) {
                     if (a.authority != b.authority) return a.authority < b.authority;
                     if (a.due != b.due) return a.due < b.due;
                     return a.source_id < b.source_id;
                   });
  for (auto* part : {&problem_items, &procedure_items}) {
    for (AgendaItem& item : *part) out.push_back(std::move(item));
  }
  return out;
}

std::string ChineseDate(const std::string& iso_date) {
  auto d = Date::Parse(iso_date);
  if (!d.ok()) return iso_date;
  return iso_date.substr(0, 4) + "年" + std::to_string(std::stoi(iso_date.substr(5, 2))) + "月" +
         std::to_string(std::stoi(iso_date.substr(8, 2))) + "日";
}

std::string RenderMinutes(const DispatchMeeting& meeting, const std::vector<AgendaItem>& agenda,
                          const NameBook& names) {
  std::string attendees = JoinNames(meeting.attendee_person_ids, names.people, "、");
  std::string units = JoinNames(meeting.attendee_unit_ids, names.units, "、");
  if (!units.empty()) attendees += (attendees.empty() ? "" : "；") + units;
  std::string out;
  out += "会议名称：" + meeting.title + "\n";
  out += "时间：" + ChineseDate(meeting.held_on) + "\n";
  out += "地点：" + OrNone(meeting.location) + "\n";
  out += "主持：" + (meeting.chair_person_id ? names.Person(*meeting.chair_person_id) : "—") + "\n";
  out += "参会：" + OrNone(attendees) + "\n";
  out += "\n议题：\n";
  if (agenda.empty()) out += "（无）\n";
  for (size_t i = 0; i < agenda.size(); ++i) {
    out += std::to_string(i + 1) + ". " + AgendaLine(agenda[i]) + "\n";
  }
  out += "\n议定事项：\n";
  if (meeting.decisions.empty()) out += "（无）\n";
  for (size_t i = 0; i < meeting.decisions.size(); ++i) {
    out += std::to_string(i + 1) + ". " + DecisionLine(meeting.decisions[i], names) + "\n";
  }
  if (!meeting.notes.empty()) out += "\n备注：" + meeting.notes + "\n";
  return out;
}

std::string RedactMinutes(const std::string& text, const std::vector<bool>& keep_agenda,
                          const std::vector<bool>& keep_decisions, int64_t other_projects) {
  const std::vector<bool>* keep = nullptr;  // the section's flags (议题 / 议定事项)
  bool dropped = false;
  std::string out;
  auto close_section = [&] {
    if (dropped) out += "其他单位项目 " + std::to_string(other_projects) + " 个（略）\n";
    dropped = false;
    keep = nullptr;
  };
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    std::string line = text.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
    pos = end == std::string::npos ? text.size() : end + 1;
    if (line == "议题：" || line == "议定事项：") {
      close_section();
      keep = line == "议题：" ? &keep_agenda : &keep_decisions;
      out += line + "\n";
      continue;
    }
    if (line.empty()) close_section();
    size_t dot = line.find(". ");
    if (keep && dot != std::string::npos && dot > 0 && dot < 6 &&
        line.find_first_not_of("0123456789") == dot) {
      size_t n = std::stoul(line.substr(0, dot));
      if (n >= 1 && n <= keep->size() && !(*keep)[n - 1]) {
        dropped = true;
        continue;
      }
    }
    out += line;
    if (end != std::string::npos) out += "\n";
  }
  close_section();
  return out;
}

}  // namespace keyline
