// ReportingSettings: the reporting calendar (the window rule and per-period overrides) and
// the submit validation rules, stored in the database and cached for a few seconds.
//
// Everyone reads the settings; admin and supervisor change them (audited). Changes made on
// this node are seen at once; other nodes sharing a PostgreSQL see them within kCacheMs.
// Thread-safe.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

#include "common/clock.h"
#include "common/result.h"
#include "core/calendar/working_calendar.h"
#include "core/model/reporting.h"
#include "core/model/role.h"
#include "core/ports/reporting_repositories.h"
#include "core/service/audit_log.h"

namespace keyline {

class ReportingSettings {
 public:
  static constexpr int64_t kCacheMs = 5000;

  ReportingSettings(TxRunner& tx, ReportingSettingsRepository& repo, AuditLog& audit,
                    const WorkingCalendar& calendar, const Clock& clock)
      : tx_(tx), repo_(repo), audit_(audit), calendar_(calendar), clock_(clock) {}

  Result<ReportWindowRule> Rule();
  Result<ReportRules> Rules();
  // The window of a period: its override, or the rule applied on the working-day calendar.
  Result<ReportWindow> Window(int period);
  // The same, read inside the caller's transaction: use these from within TxRunner::Read or
  // Write, never the forms above (they take a second connection from the pool).
  Result<ReportWindow> Window(Tx& tx, int period);
  Result<ReportRules> Rules(Tx& tx);
  // The twelve windows of a year.
  Result<std::vector<ReportWindow>> Year(int year);

  Status PutRule(const Caller& caller, const ReportWindowRule& rule);
  Status PutRules(const Caller& caller, const ReportRules& rules);
  Status PutWindow(const Caller& caller, const ReportWindow& window);
  Status DeleteWindow(const Caller& caller, int period);

  const WorkingCalendar& calendar() const { return calendar_; }

 private:
  struct Snapshot {
    int64_t loaded_at = 0;
    ReportWindowRule rule;
    ReportRules rules;
    std::map<int, ReportWindow> windows;  // overrides of the cached range
  };
  // The cached snapshot (shared, never copied), reloaded when older than kCacheMs.
  // in_tx: the caller's transaction, or nullptr to read in a transaction of its own.
  Result<std::shared_ptr<const Snapshot>> Load(Tx* in_tx);
  Result<ReportWindow> WindowIn(Tx* tx, int period);
  void Invalidate();
  Status RequireAdmin(const Caller& caller) const;

  TxRunner& tx_;
  ReportingSettingsRepository& repo_;
  AuditLog& audit_;
  const WorkingCalendar& calendar_;
  const Clock& clock_;
  std::mutex mu_;
  std::shared_ptr<const Snapshot> cache_;
};

// The stored text forms ("open_day=25;due_working_day=5;lock_working_day=10"), exposed for
// tests. Parse* fills the fields it finds and keeps defaults for the others.
std::string EncodeRule(const ReportWindowRule& rule);
std::string EncodeRules(const ReportRules& rules);
ReportWindowRule DecodeRule(const std::string& text);
ReportRules DecodeRules(const std::string& text);

}  // namespace keyline
