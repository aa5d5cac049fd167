// Storage of import sessions (issue 7: ledger and monthly-figure imports) and the bulk reads an
// import needs. An import session keeps the parsed sheet, the column mapping and the status,
// so that a dry run can be confirmed on any node and after a restart.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "core/model/reference.h"
#include "core/ports/tx.h"

namespace keyline {

struct ImportSession {
  int64_t id = 0;
  std::string kind;    // "ledger" | "reports"
  std::string status;  // "dry_run" | "done"
  int64_t creator_id = 0;
  std::string file_name;
  int64_t sheet = 0;              // 0-based
  std::optional<int64_t> period;  // YYYYMM (reports)
  std::string sheets;             // encoded list of sheet names (importing/table_codec.h)
  std::string table;              // encoded parsed table
  std::string mapping;            // encoded column mapping
  std::string value_mappings;     // encoded value mappings (importing/value_resolver.h)
  std::string result;             // JSON of the confirmation ("" until done)
  int64_t created_at = 0;
  int64_t expires_at = 0;
  std::optional<int64_t> confirmed_at;
};

// The keys an import matches rows on, read in one query each.
struct ProjectMatchKey {
  int64_t id = 0;
  std::string name;
  std::optional<std::string> code;
  std::optional<int64_t> owner_unit_id;
  std::optional<int64_t> responsible_unit_id;
};

struct UnitNameKey {
  int64_t id = 0;
  std::string name;
  UnitKind kind = UnitKind::kOther;
};

class ImportRepository {
 public:
  virtual ~ImportRepository() = default;
  virtual Result<int64_t> Insert(Tx& tx, const ImportSession& session) = 0;
  virtual Result<ImportSession> Get(Tx& tx, int64_t id) = 0;  // kNotFound
  virtual Status UpdateMapping(Tx& tx, int64_t id, const std::string& mapping) = 0;
  // The user's value mappings (migration 11); kConflict when no longer a dry run.
  virtual Status UpdateValueMappings(Tx& tx, int64_t id, const std::string& value_mappings) = 0;
  // dry_run → done; kConflict when the session is no longer a dry run.
  virtual Status MarkDone(Tx& tx, int64_t id, const std::string& result, int64_t at) = 0;
  // Removes sessions that expired before `now`; returns how many.
  virtual Result<int64_t> DeleteExpired(Tx& tx, int64_t now) = 0;

  virtual Result<std::vector<ProjectMatchKey>> ProjectKeys(Tx& tx) = 0;
  virtual Result<std::vector<UnitNameKey>> UnitKeys(Tx& tx) = 0;
};

}  // namespace keyline
