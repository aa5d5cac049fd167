// Storage of import sessions (ledger and monthly-figure imports) and the bulk reads an
// import needs. An import session keeps the parsed sheet, the column mapping and the status,
// so that a dry run can be confirmed on any node and after a restart.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/money.h"
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

// The year's figures of one project as stored, for a ledger import of year Y up to month M
// (importing/ledger_figures.h).
struct StoredFigures {
  std::optional<Money> planned;  // the current annual plan of Y (any status)
  bool plan_confirmed = false;
  // Counted reports (submitted or approved) of months 1..M, the import report of M excluded.
  Money reported;
  bool company_report_at_month = false;  // a report of the company for month M exists
  std::optional<int64_t> balance_id;     // the import report (origin "import") of month M
  Money balance;
  std::string balance_progress;
  std::optional<int64_t> leader_id;  // the current (open-ended) 包抓领导
};

class ImportRepository {
 public:
  virtual ~ImportRepository() = default;
  // The session's table text is lent to the statement (not copied) and is back in place when
  // Insert returns.
  virtual Result<int64_t> Insert(Tx& tx, ImportSession& session) = 0;
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
  // (credit code, unit id) of every unit that has a code.
  virtual Result<std::vector<std::pair<std::string, int64_t>>> UnitCreditCodes(Tx& tx) = 0;
  // Every project with a plan of `year`, a report of months 1..month of `year` or a leader.
  virtual Result<std::vector<std::pair<int64_t, StoredFigures>>> YearFigures(Tx& tx, int year,
                                                                             int month) = 0;
};

}  // namespace keyline
