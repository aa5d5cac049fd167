#include "core/service/attachment_service.h"

#include "common/date.h"
#include "core/model/json.h"
#include "core/model/reporting_json.h"
#include "core/ports/supervision_repositories.h"
#include "core/reporting/attachment_rules.h"
#include "core/service/project_access.h"
#include "core/service/report_service.h"
#include "core/service/supervision_access.h"

namespace keyline {
namespace {

Status NotFoundAttachment() {
  return Status::NotFound("附件不存在或无权查看", "attachment not found");
}

}  // namespace

std::string AttachmentService::Today() const {
  return Date::FromUnixMsBeijing(clock_.NowMs()).ToString();
}

Result<int64_t> AttachmentService::OwnerProject(Tx& tx, const Attachment& meta) {
  switch (meta.owner_kind) {
    case AttachmentOwner::kReport: {
      KL_ASSIGN_OR_RETURN(MonthlyReport report, reporting_.reports->Get(tx, meta.owner_id));
      return report.project_id;
    }
    case AttachmentOwner::kProcedure: {
      KL_ASSIGN_OR_RETURN(ProjectProcedure procedure, repos_.procedures->Get(tx, meta.owner_id));
      return procedure.project_id;
    }
  }
  return Status::Internal("unknown attachment owner");
}

Status AttachmentService::CheckProcedure(Tx& tx, const Caller& caller, int64_t project_id,
                                         int64_t procedure_id, bool edit) {
  KL_ASSIGN_OR_RETURN(Project project,
                      LoadVisibleProject(*repos_.projects, tx, caller, project_id, Today()));
  auto procedure = repos_.procedures->Get(tx, procedure_id);
  if (!procedure.ok() || procedure->project_id != project_id) {
    return Status::NotFound("手续不存在", "procedure not found");
  }
  if (edit && !MayEditProjectPlan(caller, project)) {
    return SupervisionForbidden("上传或删除手续附件", "add or delete procedure files");
  }
  return Status::Ok();
}

Result<std::pair<Attachment, std::string>> AttachmentService::Read(const Caller& caller,
                                                                   int64_t attachment_id) {
  std::pair<Attachment, std::string> out;
  Status st = repos_.tx->Read([&](Tx& tx) -> Status {
    auto meta = reporting_.attachments->Get(tx, attachment_id);
    if (!meta.ok()) return NotFoundAttachment();
    KL_ASSIGN_OR_RETURN(int64_t project_id, OwnerProject(tx, *meta));
    if (!LoadVisibleProject(*repos_.projects, tx, caller, project_id, Today()).ok()) {
      return NotFoundAttachment();
    }
    out.first = std::move(*meta);
    KL_ASSIGN_OR_RETURN(out.second, reporting_.attachments->ReadBytes(tx, out.first.sha256));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Status AttachmentService::Delete(const Caller& caller, int64_t attachment_id) {
  return repos_.tx->Write([&](Tx& tx) -> Status {
    auto meta = reporting_.attachments->Get(tx, attachment_id);
    if (!meta.ok()) return NotFoundAttachment();
    if (meta->owner_kind == AttachmentOwner::kReport) {
      return reports_.DeleteAttachmentIn(tx, caller, *meta);
    }
    KL_ASSIGN_OR_RETURN(int64_t project_id, OwnerProject(tx, *meta));
    Status allowed = CheckProcedure(tx, caller, project_id, meta->owner_id, /*edit=*/true);
    if (allowed.code() == ErrorCode::kNotFound) return NotFoundAttachment();
    KL_RETURN_IF_ERROR(allowed);
    KL_RETURN_IF_ERROR(reporting_.attachments->Delete(tx, attachment_id));
    return audit_.Record(tx, caller, "delete", "attachment", std::to_string(attachment_id),
                         ToJson(*meta), "");
  });
}

Result<Attachment> AttachmentService::AddToProcedure(const Caller& caller, int64_t project_id,
                                                     int64_t procedure_id,
                                                     const std::string& filename,
                                                     const std::string& bytes) {
  KL_ASSIGN_OR_RETURN(std::string type, AcceptAttachment(filename, bytes));
  Attachment meta;
  Status st = repos_.tx->Write([&](Tx& tx) -> Status {
    KL_RETURN_IF_ERROR(CheckProcedure(tx, caller, project_id, procedure_id, /*edit=*/true));
    KL_ASSIGN_OR_RETURN(
        std::vector<Attachment> existing,
        reporting_.attachments->ListFor(tx, AttachmentOwner::kProcedure, procedure_id));
    KL_RETURN_IF_ERROR(CheckAttachmentCount(existing.size()));
    meta = DescribeAttachment(AttachmentOwner::kProcedure, procedure_id, filename, type, bytes,
                              caller.user_id, clock_.NowMs());
    KL_ASSIGN_OR_RETURN(meta.id, reporting_.attachments->Insert(tx, meta, bytes));
    return audit_.Record(tx, caller, "create", "attachment", std::to_string(meta.id), "",
                         ToJson(meta));
  });
  if (!st.ok()) return st;
  return meta;
}

Result<std::vector<Attachment>> AttachmentService::ListForProcedure(const Caller& caller,
                                                                    int64_t project_id,
                                                                    int64_t procedure_id) {
  std::vector<Attachment> out;
  Status st = repos_.tx->Read([&](Tx& tx) -> Status {
    KL_RETURN_IF_ERROR(CheckProcedure(tx, caller, project_id, procedure_id, /*edit=*/false));
    KL_ASSIGN_OR_RETURN(
        out, reporting_.attachments->ListFor(tx, AttachmentOwner::kProcedure, procedure_id));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

}  // namespace keyline
