// IndicatorService: indicator definitions as data. Everyone signed in reads them;
// admin and supervisor (发改) create, change and delete them, audited (entity "indicator") in the
// same transaction. A definition is compiled before it is stored, so a parse error is a 400
// naming the field ("numerator" / "denominator") with the byte position in the message, and a
// stored definition always compiles.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/clock.h"
#include "common/result.h"
#include "core/model/role.h"
#include "core/ports/engine_repositories.h"
#include "core/service/audit_log.h"

namespace keyline::engine {

class IndicatorService {
 public:
  IndicatorService(TxRunner& tx, IndicatorRepository& repo, AuditLog& audit, const Clock& clock)
      : tx_(tx), repo_(repo), audit_(audit), clock_(clock) {}

  Result<std::vector<IndicatorRecord>> List(const Caller& caller);
  Result<IndicatorRecord> Get(const Caller& caller, const std::string& code);
  // 201-style create: kConflict for an existing code; kInvalidArgument with field details.
  Result<IndicatorRecord> Create(const Caller& caller, IndicatorRecord in);
  // Replaces the definition of `code` (in.code is ignored); builtin stays as it was.
  Result<IndicatorRecord> Update(const Caller& caller, const std::string& code, IndicatorRecord in);
  Status Delete(const Caller& caller, const std::string& code);
  // The syntax and dimension check of the editor: OK or kInvalidArgument with the field.
  static Status Check(const std::string& numerator, const std::string& denominator);

  // Seeds the shipped Fengxi and Shaanxi sets into an empty table (at start).
  Status EnsureBuiltins();

 private:
  static Status Validate(const IndicatorRecord& in);
  TxRunner& tx_;
  IndicatorRepository& repo_;
  AuditLog& audit_;
  const Clock& clock_;
};

}  // namespace keyline::engine
