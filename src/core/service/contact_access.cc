#include "core/service/contact_access.h"

#include "core/service/project_access.h"

namespace keyline {
namespace {

bool ValidOn(const Assignment& a, const std::string& today) {
  if (a.valid_from && *a.valid_from > today) return false;
  if (a.valid_to && *a.valid_to < today) return false;
  return true;
}

}  // namespace

ContactAccess::ContactAccess(const Caller& caller)
    : role_(caller.role),
      all_(caller.role == Role::kAdmin || caller.role == Role::kSupervisor),
      unit_id_(caller.unit_id),
      person_id_(caller.person_id) {}

bool ContactAccess::MayRead(const Person& person) const {
  if (all_) return true;
  if (person_id_ && *person_id_ == person.id) return true;
  if (person.unit_id && *person.unit_id == unit_id_) return true;
  return people_.count(person.id) > 0;
}

bool ContactAccess::MayRead(const Unit& unit) const {
  return all_ || unit.id == unit_id_ || units_.count(unit.id) > 0;
}

Status ContactAccess::LoadProjects(Tx& tx, ProjectRepository& projects, const std::string& today) {
  if (all_ || loaded_) return Status::Ok();
  loaded_ = true;
  bool department = role_ == Role::kDepartment || role_ == Role::kServiceOfficer;
  if (!department && role_ != Role::kReporter) return Status::Ok();  // leader: own unit only
  Caller caller;
  caller.role = role_;
  caller.unit_id = unit_id_;
  caller.person_id = person_id_;
  ProjectScope scope = ScopeFor(caller, today);
  ProjectQuery query;
  query.page.limit = 500;
  for (;;) {
    KL_ASSIGN_OR_RETURN(PageOf<Project> page, projects.List(tx, query, scope));
    for (const Project& p : page.items) {
      if (department && p.owner_unit_id) units_.insert(*p.owner_unit_id);
      KL_ASSIGN_OR_RETURN(std::vector<Assignment> assigned, projects.ListAssignments(tx, p.id));
      for (const Assignment& a : assigned) {
        if (!a.person_id || !ValidOn(a, today)) continue;
        if (department || a.role == AssignmentRole::kChiefServiceOfficer) {
          people_.insert(*a.person_id);
        }
      }
    }
    query.page.offset += static_cast<int64_t>(page.items.size());
    if (page.items.empty() || query.page.offset >= page.total) break;
  }
  return Status::Ok();
}

void ContactAccess::Hide(Person* person) const {
  if (MayRead(*person)) return;
  person->phone.clear();
  person->contact_hidden = true;
}

void ContactAccess::Hide(Unit* unit) const {
  if (MayRead(*unit)) return;
  unit->contact.clear();
  unit->contact_hidden = true;
}

}  // namespace keyline
