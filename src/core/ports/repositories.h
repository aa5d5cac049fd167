// Repository interfaces: what core needs from storage. Implemented once over SQL in
// storage/repos for both SQLite and PostgreSQL, and exercised by one contract test suite.
//
// Conventions for every method:
// - Get* returns kNotFound when the row does not exist.
// - Update* takes the version the caller read and returns kConflict when the stored version
//   differs (someone else wrote in between); on success the stored version is +1.
// - Insert* returns the new id; duplicate unique keys return kConflict.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/result.h"
#include "core/model/account.h"
#include "core/model/project.h"
#include "core/model/reference.h"
#include "core/ports/audit_witness.h"
#include "core/ports/tx.h"

namespace keyline {

class ProcedureRepository;  // core/ports/supervision_repositories.h
class MilestoneRepository;
class ProblemRepository;
class MeetingRepository;
class AliasRepository;  // core/ports/alias_repositories.h

struct Page {
  int64_t limit = 50;  // 1..500
  int64_t offset = 0;
};

template <typename T>
struct PageOf {
  std::vector<T> items;
  int64_t total = 0;  // rows matching the filter, ignoring limit/offset
};

class RegionRepository {
 public:
  virtual ~RegionRepository() = default;
  virtual Result<std::vector<Region>> List(Tx& tx) = 0;
  virtual Result<Region> Get(Tx& tx, const std::string& code) = 0;
  virtual Status Insert(Tx& tx, const Region& region) = 0;
  virtual Status Update(Tx& tx, const Region& region, int64_t expected_version) = 0;
};

struct UnitQuery {
  std::optional<UnitKind> kind;
  std::optional<std::string> text;  // substring of name or credit code
  Page page;
};

class UnitRepository {
 public:
  virtual ~UnitRepository() = default;
  virtual Result<PageOf<Unit>> List(Tx& tx, const UnitQuery& query) = 0;
  virtual Result<Unit> Get(Tx& tx, int64_t id) = 0;
  virtual Result<int64_t> Insert(Tx& tx, const Unit& unit) = 0;
  virtual Status Update(Tx& tx, const Unit& unit, int64_t expected_version) = 0;
};

struct PersonQuery {
  std::optional<PersonKind> kind;
  std::optional<int64_t> unit_id;
  std::optional<std::string> text;  // substring of name or title
  Page page;
};

class PersonRepository {
 public:
  virtual ~PersonRepository() = default;
  virtual Result<PageOf<Person>> List(Tx& tx, const PersonQuery& query) = 0;
  virtual Result<Person> Get(Tx& tx, int64_t id) = 0;
  virtual Result<int64_t> Insert(Tx& tx, const Person& person) = 0;
  virtual Status Update(Tx& tx, const Person& person, int64_t expected_version) = 0;
};

class UserRepository {
 public:
  virtual ~UserRepository() = default;
  virtual Result<std::vector<User>> List(Tx& tx) = 0;
  virtual Result<User> Get(Tx& tx, int64_t id) = 0;
  virtual Result<User> GetByUsername(Tx& tx, const std::string& username) = 0;
  virtual Result<int64_t> Insert(Tx& tx, const User& user) = 0;
  virtual Status Update(Tx& tx, const User& user, int64_t expected_version) = 0;
  // Login bookkeeping without optimistic locking (concurrent logins must not conflict).
  virtual Status RecordLoginResult(Tx& tx, int64_t user_id, int failed_logins,
                                   int64_t locked_until) = 0;
};

class SessionRepository {
 public:
  virtual ~SessionRepository() = default;
  virtual Status Insert(Tx& tx, const Session& session) = 0;
  virtual Result<Session> Get(Tx& tx, const std::string& id_hash) = 0;
  virtual Status Touch(Tx& tx, const std::string& id_hash, int64_t last_seen_at) = 0;
  virtual Status Delete(Tx& tx, const std::string& id_hash) = 0;
  virtual Status DeleteForUser(Tx& tx, int64_t user_id) = 0;
  // Removes sessions idle since before cutoff; returns how many.
  virtual Result<int64_t> DeleteIdleBefore(Tx& tx, int64_t cutoff) = 0;
};

// Which projects a caller may see. Computed by core/service/project_access.h.
struct ProjectScope {
  enum class Kind { kAll, kUnit, kOwner, kPerson };
  Kind kind = Kind::kAll;
  int64_t id = 0;     // unit id (kUnit, kOwner) or person id (kPerson)
  std::string today;  // "YYYY-MM-DD": assignments count only while valid
};

enum class ProjectSortField { kId, kName, kTotalInvestment, kPlannedStart, kUpdatedAt, kStage };

struct ProjectQuery {
  std::optional<std::string> text;  // substring of name or code
  std::vector<Stage> stages;        // any of
  std::optional<ProjectLevel> level;
  std::optional<ProjectCategory> category;
  std::optional<int64_t> unit_id;          // owner, responsible or assigned unit
  std::optional<std::string> region_code;  // this region and the regions below it
  std::optional<std::string> industry;     // prefix of the industry code ("P", "P83")
  std::optional<int64_t> leader_id;        // person assigned as 包抓领导 (currently valid)
  std::optional<int> year;                 // construction period overlaps the year
  std::optional<Money> investment_min;     // total investment ≥
  std::optional<Money> investment_max;     // total investment <
  std::optional<int64_t> parent_id;
  ProjectSortField sort = ProjectSortField::kId;
  bool descending = true;
  Page page;
};

class ProjectRepository {
 public:
  virtual ~ProjectRepository() = default;
  // Get ignores scope; services check access.
  virtual Result<Project> Get(Tx& tx, int64_t id) = 0;
  virtual Result<std::optional<int64_t>> FindIdByCode(Tx& tx, const std::string& code) = 0;
  virtual Result<PageOf<Project>> List(Tx& tx, const ProjectQuery& query,
                                       const ProjectScope& scope) = 0;
  // True when the project is within scope (cheap check for single-project access).
  virtual Result<bool> InScope(Tx& tx, int64_t project_id, const ProjectScope& scope) = 0;
  virtual Result<int64_t> Insert(Tx& tx, const Project& project) = 0;
  virtual Status Update(Tx& tx, const Project& project, int64_t expected_version) = 0;

  virtual Status InsertStageChange(Tx& tx, const StageChange& change) = 0;
  virtual Result<std::vector<StageChange>> ListStageChanges(Tx& tx, int64_t project_id) = 0;

  virtual Result<std::vector<Assignment>> ListAssignments(Tx& tx, int64_t project_id) = 0;
  virtual Result<Assignment> GetAssignment(Tx& tx, int64_t assignment_id) = 0;
  virtual Result<int64_t> InsertAssignment(Tx& tx, const Assignment& assignment) = 0;
  virtual Status UpdateAssignment(Tx& tx, const Assignment& assignment,
                                  int64_t expected_version) = 0;
  virtual Status DeleteAssignment(Tx& tx, int64_t assignment_id) = 0;
};

struct AuditQuery {
  std::optional<std::string> entity;
  std::optional<std::string> entity_id;
  std::optional<int64_t> user_id;
  std::optional<int64_t> since;  // ms
  std::optional<int64_t> until;  // ms, exclusive
  Page page;                     // newest first
};

class AuditRepository {
 public:
  virtual ~AuditRepository() = default;
  // Serialises appenders (PostgreSQL: transaction-scoped advisory lock) and returns the hash
  // of the newest entry, or nullopt for an empty log. Call before Append in the same Tx.
  virtual Result<std::optional<std::string>> LockTail(Tx& tx) = 0;
  // As LockTail, with the newest entry's id: {id, hash}, or nullopt for an empty log.
  virtual Result<std::optional<std::pair<int64_t, std::string>>> LockHead(Tx& tx) = 0;
  // The chain head without locking: entry count, newest id and hash ({0, 0, ""} when empty).
  virtual Result<AuditHead> ReadHead(Tx& tx) = 0;
  // Inserts the entry; event.id > 0 is stored as given (the keyed chain's ids are contiguous),
  // 0 lets the database draw one. Returns the id.
  virtual Result<int64_t> Append(Tx& tx, const AuditEvent& event) = 0;
  virtual Result<PageOf<AuditEvent>> List(Tx& tx, const AuditQuery& query) = 0;
  // Calls fn for every entry in id order, in batches; stops early when fn returns false.
  virtual Status Scan(Tx& tx, const std::function<bool(const AuditEvent&)>& fn) = 0;
};

// Everything storage provides, bundled for the composition root.
struct Repositories {
  TxRunner* tx = nullptr;
  RegionRepository* regions = nullptr;
  UnitRepository* units = nullptr;
  PersonRepository* people = nullptr;
  UserRepository* users = nullptr;
  SessionRepository* sessions = nullptr;
  ProjectRepository* projects = nullptr;
  AuditRepository* audit = nullptr;
  ProcedureRepository* procedures = nullptr;  // supervision
  MilestoneRepository* milestones = nullptr;
  ProblemRepository* problems = nullptr;
  MeetingRepository* meetings = nullptr;
  AliasRepository* aliases = nullptr;  // unit and person aliases
};

}  // namespace keyline
