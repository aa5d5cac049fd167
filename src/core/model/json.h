// Canonical JSON of the domain entities. One writer per entity, used both for API responses
// and for the before/after snapshots in the audit log, so they never disagree.
#pragma once

#include "common/json_writer.h"
#include "core/model/account.h"
#include "core/model/project.h"
#include "core/model/reference.h"

namespace keyline {

void WriteJson(JsonWriter& w, const Region& region);
void WriteJson(JsonWriter& w, const Unit& unit);
void WriteJson(JsonWriter& w, const Person& person);
void WriteJson(JsonWriter& w, const Project& project);
void WriteJson(JsonWriter& w, const StageChange& change);
void WriteJson(JsonWriter& w, const Assignment& assignment);
// Users are written without the password hash.
void WriteJson(JsonWriter& w, const User& user);
void WriteJson(JsonWriter& w, const AuditEvent& event);

// Convenience: the JSON text of one entity.
template <typename T>
std::string ToJson(const T& entity) {
  JsonWriter w;
  WriteJson(w, entity);
  return w.Take();
}

}  // namespace keyline
