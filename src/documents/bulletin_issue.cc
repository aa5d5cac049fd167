#include "documents/bulletin_issue.h"

#include "common/base64.h"
#include "common/json_writer.h"
#include "common/status.h"
#include "core/service/reporting_access.h"
#include "documents/bulletin_document.h"
#include "documents/bulletin_render.h"

namespace keyline::documents {
namespace {

Status ForbiddenToIssue() {
  return Status::Forbidden("只有管理员和发改部门可以印发月度通报",
                           "only admin and supervisor (发改) may issue the bulletin");
}

Status ForbiddenToRead() {
  return Status::Forbidden("印发的月度通报为全区通报，仅管理员、发改部门和领导可查看",
                           "the issued bulletin covers the whole area; admin, supervisor and "
                           "leader read it");
}

void WriteTable(JsonWriter& w, const DocTable& t) {
  w.BeginObject().Key("caption").String(t.caption).Key("columns").BeginArray();
  for (const SheetColumn& c : t.sheet.columns) w.String(c.header);
  w.EndArray().Key("rows").BeginArray();
  for (const auto& row : t.sheet.rows) {
    w.BeginArray();
    for (size_t i = 0; i < row.size(); ++i) {
      ColumnKind kind = i < t.sheet.columns.size() ? t.sheet.columns[i].kind : ColumnKind::kText;
      w.String(CellText(row[i], kind));
    }
    w.EndArray();
  }
  w.EndArray().EndObject();
}

}  // namespace

std::string BulletinPayload(const BulletinData& data, const BulletinDocument& doc,
                            const std::string& html, const std::string& pdf_sha256,
                            const std::string& xlsx_sha256) {
  JsonWriter w;
  w.BeginObject().Key("period").Int(data.period).Key("scope").String(data.scope);
  w.Key("title").String(doc.title).Key("issue_line").String(doc.issue_line);
  w.Key("date_line").String(doc.date_line).Key("as_of").String(data.as_of);
  w.Key("sections").BeginArray();
  for (const DocSection& s : doc.sections) {
    w.BeginObject().Key("heading").String(s.heading).Key("paragraphs").BeginArray();
    for (const std::string& p : s.paragraphs) w.String(p);
    w.EndArray().Key("tables").BeginArray();
    for (const DocTable& t : s.tables) WriteTable(w, t);
    w.EndArray().EndObject();
  }
  w.EndArray();
  w.Key("html").String(html);
  w.Key("pdf_sha256").String(pdf_sha256).Key("xlsx_sha256").String(xlsx_sha256);
  w.EndObject();
  return w.Take();
}

std::string BulletinFilePayload(const std::string& format, const std::string& bytes) {
  JsonWriter w;
  w.BeginObject().Key("format").String(format).Key("base64").String(Base64Encode(bytes));
  w.EndObject();
  return w.Take();
}

bool BulletinIssuer::ReadsIssued(Role role) { return ReadsIssuedBulletins(role); }

Result<Snapshot> BulletinIssuer::Issue(const Caller& caller, int period,
                                       const std::string& reason) {
  if (!MayIssueBulletin(caller.role)) return ForbiddenToIssue();
  KL_RETURN_IF_ERROR(bulletins_.CheckPeriod(period));
  KL_ASSIGN_OR_RETURN(BulletinData data, bulletins_.Build(caller, period));
  BulletinDocument doc = LayOutBulletin(data);
  std::string html = RenderBulletinHtml(doc);
  std::string subject = Subject(period);
  Snapshot out;
  Status st = tx_.Write([&](Tx& tx) -> Status {
    // The lambda may run again on a retry: every form is made afresh from `doc` and the head.
    BulletinDocument issued = doc;
    std::string issued_html = html;
    if (audit_) {
      KL_ASSIGN_OR_RETURN(AuditHead head, audit_->ReadHead(tx));
      issued.footer = AuditHeadLine(head);
      size_t body = issued_html.rfind("</body>");
      if (body != std::string::npos) issued_html.insert(body, AuditHeadFooter(head) + "\n");
    }
    // The PDF and the .xlsx carry the same head line as the HTML (rendered here, inside the
    // transaction that read the head).
    KL_ASSIGN_OR_RETURN(std::string pdf, RenderBulletinPdf(issued));
    KL_ASSIGN_OR_RETURN(std::string xlsx, RenderBulletinXlsx(issued));
    KL_ASSIGN_OR_RETURN(Snapshot pdf_snap,
                        snapshots_.PublishIn(tx, caller, SnapshotKind::kBulletinPdf, subject,
                                             BulletinFilePayload("pdf", pdf), reason));
    KL_ASSIGN_OR_RETURN(Snapshot xlsx_snap,
                        snapshots_.PublishIn(tx, caller, SnapshotKind::kBulletinXlsx, subject,
                                             BulletinFilePayload("xlsx", xlsx), reason));
    KL_ASSIGN_OR_RETURN(
        out,
        snapshots_.PublishIn(
            tx, caller, SnapshotKind::kBulletin, subject,
            BulletinPayload(data, doc, issued_html, pdf_snap.sha256, xlsx_snap.sha256), reason));
    if (pdf_snap.version != out.version || xlsx_snap.version != out.version) {
      return Status::Internal("bulletin file snapshots out of step with the bulletin's versions");
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

std::string BulletinIssuer::AuditHeadLine(const AuditHead& head) {
  std::string n = std::to_string(head.last_id);
  std::string count = std::to_string(head.count);
  return "审计链：截至第 " + n + " 条（共 " + count + " 条），末条哈希 " + head.hash +
         " / audit chain head: entry " + n + " of " + count + ", hash " + head.hash;
}

std::string BulletinIssuer::AuditHeadFooter(const AuditHead& head) {
  // Digits, hex and fixed text only: nothing to escape.
  return "<p class=\"audit-head\" style=\"font-size:9pt;color:#666\">" + AuditHeadLine(head) +
         "</p>";
}

Result<Snapshot> BulletinIssuer::FormatSnapshot(const Snapshot& issued, const std::string& format) {
  if (format == "html") return issued;
  SnapshotKind kind = format == "pdf" ? SnapshotKind::kBulletinPdf : SnapshotKind::kBulletinXlsx;
  auto file = snapshots_.Get(kind, issued.subject, issued.version);
  if (!file.ok()) {
    // A missing file of an issued version was deleted around Keyline.
    return file.status().code() == ErrorCode::kNotFound ? SnapshotService::Tampered(issued)
                                                        : file.status();
  }
  if (issued.payload.find("\"" + format + "_sha256\":\"" + file->sha256 + "\"") ==
      std::string::npos) {
    return SnapshotService::Tampered(*file);
  }
  return file;
}

Result<std::optional<Snapshot>> BulletinIssuer::Issued(const Caller& caller, int period,
                                                       std::optional<int64_t> version) {
  if (!ReadsIssued(caller.role)) return ForbiddenToRead();
  KL_RETURN_IF_ERROR(bulletins_.CheckPeriod(period));
  if (!version) return snapshots_.Latest(SnapshotKind::kBulletin, Subject(period));
  KL_ASSIGN_OR_RETURN(Snapshot s,
                      snapshots_.Get(SnapshotKind::kBulletin, Subject(period), *version));
  return std::optional<Snapshot>(std::move(s));
}

Result<std::vector<Snapshot>> BulletinIssuer::Versions(const Caller& caller, int period) {
  if (!ReadsIssued(caller.role)) return ForbiddenToRead();
  KL_RETURN_IF_ERROR(bulletins_.CheckPeriod(period));
  return snapshots_.Versions(SnapshotKind::kBulletin, Subject(period));
}

}  // namespace keyline::documents
