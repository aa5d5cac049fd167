// ReportService: monthly reports (月报) — fill, submit, review, unlock — and their attachments.
//
// Lifecycle: draft → submitted → approved, or → returned (with a comment) → submitted again.
//   - The reporter (项目单位) fills the reports of the projects its company owns; admin and
//     supervisor may fill any report on a company's behalf. Saving and submitting are possible
//     from the window's opening day; a first submission after the due day is marked late;
//     after the lock day the report is read-only.
//   - The responsible department (a department whose unit relates to the project), the
//     supervisor and admin approve or return submitted reports.
//   - An approved or locked report changes again only after a supervisor's audited unlock,
//     which returns it to the reporter until its next submission.
// Every write carries the version the caller read (0 for a report not yet created): a stale
// version is kConflict, so of two concurrent submissions exactly one wins.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/clock.h"
#include "common/result.h"
#include "core/model/reporting.h"
#include "core/model/role.h"
#include "core/ports/reporting_repositories.h"
#include "core/ports/repositories.h"
#include "core/reporting/report_checks.h"
#include "core/service/audit_log.h"
#include "core/service/reporting_settings.h"

namespace keyline {

// The fields a reporter edits; absent fields keep their value.
struct ReportInput {
  std::optional<Money> completed_investment;
  std::optional<std::string> progress_text;
  std::optional<int> progress_percent;
  std::optional<int> workers;
  std::optional<std::string> main_works;
  std::optional<std::string> next_plan;
  std::optional<std::string> problems;
  std::optional<std::vector<std::string>> confirmed_warnings;
};

struct ReportView {
  MonthlyReport report;  // id 0 when the report does not exist yet (an empty draft)
  ReportWindow window;
  bool editable = false;  // the caller may save or submit now
  std::vector<Attachment> attachments;
};

struct SubmitResult {
  MonthlyReport report;
  std::vector<ReportWarning> warnings;  // the confirmed warnings it carries
};

class ReportService {
 public:
  ReportService(const Repositories& repos, const ReportingRepositories& reporting,
                ReportingSettings& settings, AuditLog& audit, const Clock& clock)
      : repos_(repos), reporting_(reporting), settings_(settings), audit_(audit), clock_(clock) {}

  Result<ReportView> Get(const Caller& caller, int64_t project_id, int period);
  Result<std::vector<MonthlyReport>> ListForProject(const Caller& caller, int64_t project_id);
  // Reports visible to the caller (a department's review queue: statuses = {submitted}).
  Result<PageOf<ReportListItem>> List(const Caller& caller, const ReportQuery& query);

  Result<MonthlyReport> Save(const Caller& caller, int64_t project_id, int period,
                             int64_t expected_version, const ReportInput& input);
  // Saves input and submits. Errors of the checks: kInvalidArgument with the fields;
  // unconfirmed warnings: kConflict whose details carry each warning's code as the field.
  Result<SubmitResult> Submit(const Caller& caller, int64_t project_id, int period,
                              int64_t expected_version, const ReportInput& input);
  // Submit inside a transaction the caller runs (bulk imports). Same checks, same audit.
  Result<SubmitResult> SubmitInTx(Tx& tx, const Caller& caller, int64_t project_id, int period,
                                  int64_t expected_version, const ReportInput& input);
  Result<MonthlyReport> Approve(const Caller& caller, int64_t project_id, int period,
                                int64_t expected_version, const std::string& comment);
  Result<MonthlyReport> Return(const Caller& caller, int64_t project_id, int period,
                               int64_t expected_version, const std::string& comment);
  Result<MonthlyReport> Unlock(const Caller& caller, int64_t project_id, int period,
                               const std::string& reason);
  // The submit warnings the stored report raises today (the same checks as Submit, confirmed
  // or not); empty when the report does not exist. kNotFound outside the caller's scope.
  Result<std::vector<ReportWarning>> Warnings(const Caller& caller, int64_t project_id, int period);

  // Attachments (core/reporting/attachment_rules.h: type by content, ≤ 10 MiB, SHA-256),
  // while the report may be changed. Uploading to a report not yet created creates its draft.
  Result<Attachment> AddAttachment(const Caller& caller, int64_t project_id, int period,
                                   const std::string& filename, const std::string& bytes);
  // Deletes a report's attachment inside tx (AttachmentService routes deletions here): the
  // caller must be able to fill the report and the report must still be changeable.
  Status DeleteAttachmentIn(Tx& tx, const Caller& caller, const Attachment& meta);

  std::string Today() const;

 private:
  enum class Access { kRead, kFill, kReview };
  // The visible project, checking that the caller's role may act on its reports.
  Result<Project> LoadProject(Tx& tx, const Caller& caller, int64_t project_id, Access access);
  // kConflict unless the window lets the report be changed today.
  Status CheckWritable(const MonthlyReport& report, const ReportWindow& window) const;
  Result<ReportCheckContext> CheckContext(Tx& tx, const Project& project, int period);
  // Loads (or starts) the report, checks version and window, applies input.
  Status PrepareEdit(Tx& tx, const Caller& caller, int64_t project_id, int period,
                     int64_t expected_version, const ReportInput& input, const ReportWindow& w,
                     MonthlyReport* before, MonthlyReport* after, bool* exists);
  Status Persist(Tx& tx, const Caller& caller, const char* action, bool exists,
                 const MonthlyReport& before, MonthlyReport* after);
  Result<MonthlyReport> Review(const Caller& caller, int64_t project_id, int period,
                               int64_t expected_version, const std::string& comment, bool approve);

  Repositories repos_;
  ReportingRepositories reporting_;
  ReportingSettings& settings_;
  AuditLog& audit_;
  const Clock& clock_;
};

}  // namespace keyline
