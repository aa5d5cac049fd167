// ReferenceService: regions (GB/T 2260), units and people. Every authenticated caller reads;
// admin and supervisor write. Writes are validated and audited. People's phones and units'
// contacts are read on a need-to-know basis (contact_access.h): null for the others.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "common/clock.h"
#include "common/result.h"
#include "core/model/role.h"
#include "core/ports/repositories.h"
#include "core/service/audit_log.h"

namespace keyline {

using UnitPatch = std::function<Status(Unit&)>;
using PersonPatch = std::function<Status(Person&)>;
using RegionPatch = std::function<Status(Region&)>;

class ReferenceService {
 public:
  ReferenceService(const Repositories& repos, AuditLog& audit, const Clock& clock)
      : repos_(repos), audit_(audit), clock_(clock) {}

  Result<std::vector<Region>> ListRegions(const Caller& caller);
  Result<Region> GetRegion(const Caller& caller, const std::string& code);
  Result<Region> CreateRegion(const Caller& caller, Region region);
  // The same inside a transaction the caller runs (keyline setup: many rows, one transaction).
  Result<Region> CreateRegionInTx(Tx& tx, const Caller& caller, Region region);
  Result<Region> UpdateRegion(const Caller& caller, const std::string& code,
                              int64_t expected_version, const RegionPatch& patch);

  Result<PageOf<Unit>> ListUnits(const Caller& caller, const UnitQuery& query);
  Result<Unit> GetUnit(const Caller& caller, int64_t id);
  // Credit codes are checked strictly (GB 32100 check character); lenient=true (imports,
  // demo data) accepts a wrong check character and reports it in *warnings.
  Result<Unit> CreateUnit(const Caller& caller, Unit unit, bool lenient = false,
                          std::vector<std::string>* warnings = nullptr);
  Result<Unit> CreateUnitInTx(Tx& tx, const Caller& caller, Unit unit, bool lenient = false,
                              std::vector<std::string>* warnings = nullptr);
  Result<Unit> UpdateUnit(const Caller& caller, int64_t id, int64_t expected_version,
                          const UnitPatch& patch);

  Result<PageOf<Person>> ListPeople(const Caller& caller, const PersonQuery& query);
  Result<Person> GetPerson(const Caller& caller, int64_t id);
  Result<Person> CreatePerson(const Caller& caller, Person person);
  Result<Person> UpdatePerson(const Caller& caller, int64_t id, int64_t expected_version,
                              const PersonPatch& patch);

 private:
  std::string Today() const;  // "YYYY-MM-DD" (Beijing)
  Status ValidateRegion(Tx& tx, const Region& region);
  Status ValidateUnit(Tx& tx, Unit* unit, bool lenient, std::vector<std::string>* warnings);
  Status ValidatePerson(Tx& tx, const Person& person);

  Repositories repos_;
  AuditLog& audit_;
  const Clock& clock_;
};

}  // namespace keyline
