#include "storage/engine/change_feed.h"

#include <charconv>

namespace keyline::storage {
namespace {

int64_t ParseLeadingInt(std::string_view s) {
  int64_t v = 0;
  auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  return r.ec == std::errc() ? v : 0;
}

// "a/b" → b (annual_plan "project/year" → first part; campaign_entry "round/project" → second).
int64_t Part(std::string_view id, int index) {
  size_t slash = id.find('/');
  if (slash == std::string_view::npos) return index == 0 ? ParseLeadingInt(id) : 0;
  return ParseLeadingInt(index == 0 ? id.substr(0, slash) : id.substr(slash + 1));
}

int64_t ProjectOfJson(const AuditChange& c) {
  int64_t id = JsonInt(c.after_json, "project_id");
  return id ? id : JsonInt(c.before_json, "project_id");
}

}  // namespace

int64_t JsonInt(std::string_view json, std::string_view key) {
  std::string needle = "\"" + std::string(key) + "\"";
  size_t pos = json.find(needle);
  if (pos == std::string_view::npos) return 0;
  pos += needle.size();
  while (pos < json.size() && (json[pos] == ' ' || json[pos] == ':')) ++pos;
  return ParseLeadingInt(json.substr(pos));
}

void TouchedFacts::Add(const AuditChange& c) {
  const std::string& e = c.entity;
  int64_t project = 0;
  if (e == "project" || e == "project_procedures") {
    project = Part(c.entity_id, 0);
  } else if (e == "annual_plan") {
    project = Part(c.entity_id, 0);
  } else if (e == "campaign_entry") {
    project = Part(c.entity_id, 1);
  } else if (e == "assignment" || e == "monthly_report" || e == "procedure" || e == "problem" ||
             e == "fund_line" || e == "meeting_decision" || e == "key_list_change") {
    project = ProjectOfJson(c);
  } else if (e == "lead") {
    int64_t lead = Part(c.entity_id, 0);
    if (lead) leads.insert(lead);
    project = ProjectOfJson(c);  // a conversion creates the project
  } else if (e == "lead_contract") {
    int64_t lead = JsonInt(c.after_json, "lead_id");
    if (!lead) lead = JsonInt(c.before_json, "lead_id");
    if (lead) leads.insert(lead);
  }
  if (project > 0) projects.insert(project);
}

}  // namespace keyline::storage
