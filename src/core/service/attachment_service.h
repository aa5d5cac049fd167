// AttachmentService: the files attached to monthly reports and to procedures (手续批复文件),
// read and deleted through one place that knows each owner's access rules.
//
//   - Reading needs the owner's project to be visible to the caller (else kNotFound).
//   - A report's files are added and deleted through the report rules (ReportService: the
//     company or the office, while the report may change).
//   - A procedure's files are added and deleted by whoever may edit the project's procedures
//     (supervision_access.h MayEditProjectPlan).
// Every write is audited in its transaction.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "common/clock.h"
#include "common/result.h"
#include "core/model/reporting.h"
#include "core/model/role.h"
#include "core/ports/reporting_repositories.h"
#include "core/ports/repositories.h"
#include "core/service/audit_log.h"

namespace keyline {

class ReportService;

class AttachmentService {
 public:
  AttachmentService(const Repositories& repos, const ReportingRepositories& reporting,
                    ReportService& reports, AuditLog& audit, const Clock& clock)
      : repos_(repos), reporting_(reporting), reports_(reports), audit_(audit), clock_(clock) {}

  // The attachment and its bytes.
  Result<std::pair<Attachment, std::string>> Read(const Caller& caller, int64_t attachment_id);
  Status Delete(const Caller& caller, int64_t attachment_id);

  Result<Attachment> AddToProcedure(const Caller& caller, int64_t project_id, int64_t procedure_id,
                                    const std::string& filename, const std::string& bytes);
  Result<std::vector<Attachment>> ListForProcedure(const Caller& caller, int64_t project_id,
                                                   int64_t procedure_id);

 private:
  std::string Today() const;
  // The project the attachment's owner belongs to.
  Result<int64_t> OwnerProject(Tx& tx, const Attachment& meta);
  // The procedure when it belongs to the visible project; kNotFound otherwise.
  Status CheckProcedure(Tx& tx, const Caller& caller, int64_t project_id, int64_t procedure_id,
                        bool edit);

  Repositories repos_;
  ReportingRepositories reporting_;
  ReportService& reports_;
  AuditLog& audit_;
  const Clock& clock_;
};

}  // namespace keyline
