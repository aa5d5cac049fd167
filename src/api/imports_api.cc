// /api/v1/imports: ledger and monthly-figure imports from .xlsx. Upload → dry run; mapping
// corrections; confirm in one transaction.
#include <malloc.h>

#include <functional>
#include <optional>

#include "api/api_context.h"
#include "api/import_gate.h"
#include "api/json_input.h"
#include "common/json_writer.h"
#include "documents/office_workbook.h"
#include "importing/import_service.h"

namespace keyline::api {
namespace {

constexpr std::string_view kXlsxType =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
constexpr size_t kMaxImportBytes = 64u << 20;
constexpr size_t kMaxRowsShown = importing::ImportService::kViewRows;
// Retry-After of the 429 when the imports at once (ImportGate) are all taken: a large dry
// run takes tens of seconds.
constexpr int kRetryAfterSeconds = 10;

int ActionOrder(importing::RowAction a) {
  switch (a) {
    case importing::RowAction::kError:
      return 0;
    case importing::RowAction::kCreate:
    case importing::RowAction::kUpdate:
      return 1;
    case importing::RowAction::kSkip:
      return 2;
    case importing::RowAction::kUnchanged:
      return 3;
  }
  return 4;
}

// The values the dry run could not match by itself, each once (value_resolver.h).
void WriteUnresolved(JsonWriter& w, const std::vector<importing::UnresolvedValue>& list) {
  w.Key("unresolved").BeginArray();
  for (const importing::UnresolvedValue& u : list) {
    w.BeginObject().Key("field").String(u.field);
    w.Key("field_zh").String(importing::ValueFieldLabel(u.field));
    w.Key("kind").String(importing::ValueKindCode(u.kind)).Key("value").String(u.value);
    w.Key("status").String(naming::MatchOutcomeCode(u.outcome)).Key("blocking").Bool(u.blocking);
    w.Key("rows").BeginArray();
    for (int64_t row : u.rows) w.Int(row);
    w.EndArray().Key("candidates").BeginArray();
    for (const auto& c : u.candidates) {
      w.BeginObject().Key("id").Int(c.id).Key("name").String(c.name);
      w.Key("detail").String(c.detail).Key("score").Double(c.score).EndObject();
    }
    w.EndArray().Key("mapping");
    if (!u.mapping) {
      w.Null();
    } else if (u.mapping->target_id) {
      w.BeginObject().Key(u.kind == importing::ValueKind::kUnit ? "unit_id" : "person_id");
      w.Int(*u.mapping->target_id).EndObject();
    } else {
      w.BeginObject().Key("create").BeginObject().Key("name").String(u.mapping->create_name);
      w.Key("kind").String(u.mapping->create_kind).EndObject().EndObject();
    }
    w.EndObject();
  }
  w.EndArray();
}

}  // namespace

std::string ImportViewJson(const importing::ImportView& v) {
  JsonWriter w;
  const ImportSession& s = v.session;
  w.BeginObject();
  w.Key("id").Int(s.id);
  w.Key("kind").String(importing::ImportKindCode(v.kind));
  w.Key("status").String(v.status);
  w.Key("file_name").String(s.file_name);
  w.Key("sheet").Int(s.sheet);
  w.Key("period").OptInt(s.period);
  w.Key("sheets").BeginArray();
  for (const auto& n : v.sheet_names) w.String(n);
  w.EndArray();
  w.Key("header_rows").BeginArray().Int(v.table.header_first).Int(v.table.header_last).EndArray();
  w.Key("data_rows").Int(static_cast<int64_t>(v.table.rows.size()));
  w.Key("columns").BeginArray();
  for (size_t i = 0; i < v.table.columns.size(); ++i) {
    const auto& c = v.table.columns[i];
    w.BeginObject().Key("index").Int(c.index).Key("letter").String(c.letter);
    w.Key("header").String(c.header);
    w.Key("field").OptString(i < v.mapping.fields.size() ? v.mapping.fields[i] : std::nullopt);
    std::string source = i < v.mapping.sources.size() ? v.mapping.sources[i] : "";
    w.Key("suggestion_source")
        .OptString(source.empty() ? std::nullopt : std::optional<std::string>(source));
    w.EndObject();
  }
  w.EndArray();
  w.Key("fields").BeginArray();
  for (const auto& f : importing::FieldsOf(v.kind)) {
    w.BeginObject().Key("code").String(f.code).Key("name_zh").String(f.name_zh);
    w.Key("name_en").String(f.name_en).Key("required").Bool(f.required).EndObject();
  }
  w.EndArray();
  const auto& sum = v.plan.summary;
  w.Key("summary").BeginObject();
  w.Key("create").Int(sum.create).Key("update").Int(sum.update);
  w.Key("unchanged").Int(sum.unchanged).Key("skipped").Int(sum.skipped);
  w.Key("errors").Int(sum.errors).EndObject();
  w.Key("new_owners").BeginArray();
  for (const auto& o : v.plan.new_owners) w.String(o);
  w.EndArray();
  w.Key("new_leaders").BeginArray();
  for (const auto& o : v.plan.new_leaders) w.String(o);
  w.EndArray();
  // The period of the year's figures (annual plan of `year`, year to date up to `month`).
  w.Key("figures_year").OptInt(v.plan.year ? std::optional<int64_t>(*v.plan.year) : std::nullopt);
  w.Key("figures_month")
      .OptInt(v.plan.month ? std::optional<int64_t>(*v.plan.month) : std::nullopt);
  WriteUnresolved(w, v.plan.unresolved);
  std::vector<const importing::PlanRow*> rows;
  rows.reserve(v.plan.rows.size());
  for (const auto& r : v.plan.rows) rows.push_back(&r);
  std::stable_sort(rows.begin(), rows.end(), [](const auto* a, const auto* b) {
    return ActionOrder(a->action) < ActionOrder(b->action);
  });
  w.Key("rows").BeginArray();
  for (size_t i = 0; i < rows.size() && i < kMaxRowsShown; ++i) {
    const importing::PlanRow& r = *rows[i];
    w.BeginObject().Key("row").Int(r.row);
    w.Key("action").String(importing::RowActionCode(r.action));
    w.Key("project_id").OptInt(r.project_id);
    w.Key("project_code").String(r.project_code).Key("name").String(r.name);
    w.Key("reasons").BeginArray();
    for (const auto& reason : r.reasons) {
      w.BeginObject().Key("zh").String(reason.zh).Key("en").String(reason.en).EndObject();
    }
    w.EndArray().Key("warnings").BeginArray();
    for (const auto& warning : r.warnings) {
      w.BeginObject().Key("zh").String(warning.zh).Key("en").String(warning.en).EndObject();
    }
    w.EndArray().Key("changes").BeginArray();
    for (const auto& c : r.changes) {
      w.BeginObject().Key("field").String(c.field).Key("old").String(c.old_value);
      w.Key("new").String(c.new_value).EndObject();
    }
    w.EndArray().EndObject();
  }
  w.EndArray();
  // The dry run keeps a bounded number of rows (ImportService::kViewRows); the summary
  // counts them all.
  int64_t all_rows = sum.create + sum.update + sum.unchanged + sum.skipped + sum.errors;
  w.Key("rows_truncated")
      .Bool(rows.size() > kMaxRowsShown ||
            all_rows > static_cast<int64_t>(std::min(rows.size(), kMaxRowsShown)));
  w.Key("created_at").Int(s.created_at).Key("expires_at").Int(s.expires_at);
  w.EndObject();
  return w.Take();
}

namespace {

Reply Upload(ApiContext& ctx, const Caller& caller, http::Request& req,
             importing::ImportKind kind) {
  KL_RETURN_IF_ERROR(RejectUnknownQuery(req, {"sheet", "filename", "period", "year"}));
  std::string_view type = req.Header("content-type");
  type = type.substr(0, type.find(';'));
  while (!type.empty() && type.back() == ' ') type.remove_suffix(1);
  if (type != kXlsxType) {
    return Status(ErrorCode::kUnsupportedMedia,
                  "请上传 .xlsx 文件（Content-Type: " + std::string(kXlsxType) + "）",
                  "upload an .xlsx file (Content-Type: " + std::string(kXlsxType) + ")");
  }
  KL_ASSIGN_OR_RETURN(auto sheet, QueryInt(req, "sheet", 0, 1000, false));
  std::optional<int> period;
  if (kind == importing::ImportKind::kReports) {
    std::string text = req.Query("period").value_or("");
    auto p = Period::Parse(text);
    if (!p.ok()) {
      return Status::InvalidArgument("查询参数 period 应为YYYYMM",
                                     "query parameter period must be YYYYMM",
                                     {{"period", "应为YYYYMM", "must be YYYYMM"}});
    }
    period = p->value;
  } else if (req.Query("period")) {  // the ledger's figures: YYYYMM, or the year alone
    auto p = Period::Parse(*req.Query("period"));
    if (!p.ok()) {
      return Status::InvalidArgument("查询参数 period 应为YYYYMM",
                                     "query parameter period must be YYYYMM",
                                     {{"period", "应为YYYYMM", "must be YYYYMM"}});
    }
    period = p->value;
  } else if (req.Query("year")) {
    KL_ASSIGN_OR_RETURN(auto y, QueryInt(req, "year", 2000, 2100, false));
    if (y) period = static_cast<int>(*y);
  }
  if (req.body.empty()) {
    return Status::InvalidArgument("上传的文件为空", "the uploaded file is empty");
  }
  KL_ASSIGN_OR_RETURN(auto view,
                      ctx.imports->Upload(caller, kind, req.Query("filename").value_or(""),
                                          std::move(req.body), sheet.value_or(0), period));
  return JsonOk(ImportViewJson(view), 201);
}

Reply GetImport(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
  KL_ASSIGN_OR_RETURN(auto view, ctx.imports->Get(caller, id));
  return JsonOk(ImportViewJson(view));
}

Reply PutMapping(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
  KL_ASSIGN_OR_RETURN(auto body, ReadJsonBody(req));
  FieldReader r(body);
  const boost::json::array* columns = r.Array("columns", true);
  std::vector<importing::MappingChange> changes;
  if (columns) {
    if (columns->size() > 16384) r.AddError("columns", "列过多", "too many columns");
    for (size_t i = 0; i < columns->size() && i < 16384; ++i) {
      if (!(*columns)[i].is_object()) {
        r.AddError("columns", "每一项应为对象", "each entry must be an object");
        continue;
      }
      FieldReader c((*columns)[i].as_object());
      auto index = c.Int("index", true, 0, 16383);
      auto field = c.String("field", false, 40);
      Status st = c.Finish();
      if (!st.ok()) {
        for (const auto& e : st.details()) {
          r.AddError("columns[" + std::to_string(i) + "]." + e.field, e.message_zh, e.message_en);
        }
        continue;
      }
      changes.push_back({*index, field});
    }
  }
  KL_RETURN_IF_ERROR(r.Finish());
  KL_ASSIGN_OR_RETURN(auto view, ctx.imports->SetMapping(caller, id, changes));
  return JsonOk(ImportViewJson(view));
}

// PUT /imports/{id}/values {"values": [{field, value, unit_id | person_id | create}]}: the
// whole set of value mappings (an empty list clears them).
Reply PutValues(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
  KL_ASSIGN_OR_RETURN(auto body, ReadJsonBody(req));
  FieldReader r(body);
  const boost::json::array* values = r.Array("values", true);
  std::vector<importing::ValueMapping> mappings;
  constexpr size_t kMaxValues = 5000;
  if (values && values->size() > kMaxValues) r.AddError("values", "条目过多", "too many entries");
  for (size_t i = 0; values && i < values->size() && i < kMaxValues; ++i) {
    std::string at = "values[" + std::to_string(i) + "]";
    if (!(*values)[i].is_object()) {
      r.AddError(at, "每一项应为对象", "each entry must be an object");
      continue;
    }
    const boost::json::object& entry = (*values)[i].as_object();
    FieldReader e(entry);
    importing::ValueMapping m;
    m.field = e.String("field", true, 40).value_or("");
    m.value = e.String("value", true, 200).value_or("");
    std::optional<int64_t> unit_id = e.Int("unit_id", false, 1, INT64_MAX);
    std::optional<int64_t> person_id = e.Int("person_id", false, 1, INT64_MAX);
    e.Ignore({"create"});
    int targets = unit_id.has_value() + person_id.has_value() + entry.contains("create");
    if (targets != 1) {
      e.AddError("unit_id", "请给出 unit_id、person_id 或 create 之一",
                 "give exactly one of unit_id, person_id, create");
    }
    if (const boost::json::value* create = entry.if_contains("create")) {
      if (!create->is_object()) {
        e.AddError("create", "应为对象 {name, kind}", "must be an object {name, kind}");
      } else {
        FieldReader c(create->as_object());
        m.create_name = c.String("name", true, 200).value_or("");
        m.create_kind = c.String("kind", false, 20).value_or("");
        Status cst = c.Finish();
        for (const auto& fe : cst.details()) {
          e.AddError("create." + fe.field, fe.message_zh, fe.message_en);
        }
      }
    }
    auto kind = importing::ValueKindOf(m.field);
    if (kind == importing::ValueKind::kUnit && person_id) {
      e.AddError("person_id", "单位字段应给出 unit_id", "a unit field takes unit_id");
    }
    if (kind == importing::ValueKind::kPerson && unit_id) {
      e.AddError("unit_id", "人员字段应给出 person_id", "a person field takes person_id");
    }
    m.target_id = unit_id ? unit_id : person_id;
    Status st = e.Finish();
    if (!st.ok()) {
      for (const auto& fe : st.details()) {
        r.AddError(at + "." + fe.field, fe.message_zh, fe.message_en);
      }
      continue;
    }
    mappings.push_back(std::move(m));
  }
  KL_RETURN_IF_ERROR(r.Finish());
  KL_ASSIGN_OR_RETURN(auto view, ctx.imports->SetValues(caller, id, std::move(mappings)));
  return JsonOk(ImportViewJson(view));
}

Reply Confirm(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
  bool skip_errors = false;
  if (!req.body.empty()) {
    KL_ASSIGN_OR_RETURN(auto body, ReadJsonBody(req));
    FieldReader r(body);
    skip_errors = r.Bool("skip_errors", false).value_or(false);
    KL_RETURN_IF_ERROR(r.Finish());
  }
  KL_ASSIGN_OR_RETURN(auto result, ctx.imports->Confirm(caller, id, skip_errors));
  return JsonOk(importing::ConfirmResultJson(result));
}

// GET /imports/templates/{ledger|reports}?period=YYYYMM: the .xlsx to fill (下载模板).
Reply GetTemplate(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_RETURN_IF_ERROR(RejectUnknownQuery(req, {"period"}));
  auto found = req.path_params.find("kind");
  std::string kind_text = found == req.path_params.end() ? "" : found->second;
  importing::ImportKind kind = importing::ImportKind::kLedger;
  if (kind_text == "reports") {
    kind = importing::ImportKind::kReports;
  } else if (kind_text != "ledger") {
    return Status::NotFound("没有这种导入模板（ledger 或 reports）",
                            "no such import template (ledger or reports)");
  }
  std::optional<int> period;
  if (auto text = req.Query("period")) {
    auto p = Period::Parse(*text);
    if (!p.ok()) {
      return Status::InvalidArgument("查询参数 period 应为YYYYMM",
                                     "query parameter period must be YYYYMM",
                                     {{"period", "应为YYYYMM", "must be YYYYMM"}});
    }
    period = p->value;
  }
  KL_ASSIGN_OR_RETURN(auto tpl, ctx.imports->Template(caller, kind, period));
  documents::OfficeSheet sheet;
  sheet.name = kind == importing::ImportKind::kLedger ? "台账" : "月报";
  sheet.title = tpl.title;
  for (const importing::TemplateColumn& c : tpl.columns) {
    documents::SheetColumn col;
    col.header = c.header;
    col.kind = c.amount ? documents::ColumnKind::kWan : documents::ColumnKind::kText;
    col.width = c.width;
    sheet.columns.push_back(std::move(col));
  }
  for (auto& row : tpl.rows) {
    std::vector<documents::SheetCell> cells;
    for (std::string& text : row) cells.emplace_back(std::move(text));
    sheet.rows.push_back(std::move(cells));
  }
  KL_ASSIGN_OR_RETURN(auto bytes, documents::WriteWorkbook({sheet}));
  http::Response res;
  res.content_type = std::string(kXlsxType);
  res.headers.emplace_back("X-Content-Type-Options", "nosniff");
  res.headers.emplace_back("Cache-Control", "no-store");
  std::string file = kind == importing::ImportKind::kLedger
                         ? "ledger-template.xlsx"
                         : "reports-template-" + std::to_string(*period) + ".xlsx";
  res.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + file + "\"");
  res.body = std::move(bytes);
  return res;
}

// Runs an import request in one of the gate's slots (import_gate.h): 429 with Retry-After
// when all are taken. When the last import of the moment ends, the freed heap goes back to
// the system (malloc_trim), so that the RSS of a large dry run does not stay.
Reply Gated(ApiContext& ctx, http::Request& req, const std::function<Reply()>& handler) {
  std::optional<ImportGate::Slot> slot =
      ctx.import_gate ? ctx.import_gate->TryEnter() : std::nullopt;
  if (ctx.import_gate && !slot) {
    // The envelope built here, not by Route: its Retry-After is the gate's, not the generic 1.
    http::Response busy =
        Error(req, Status(ErrorCode::kRateLimited, "导入任务过多，请稍后重试",
                          "too many imports are running; please try again later"));
    for (auto& [name, value] : busy.headers) {
      if (name == "Retry-After") value = std::to_string(kRetryAfterSeconds);
    }
    return busy;
  }
  Reply reply = handler();
  slot.reset();
  if (!ctx.import_gate || ctx.import_gate->active() == 0) malloc_trim(0);
  return reply;
}

}  // namespace

void RegisterImportRoutes(http::Router& router, ApiContext& ctx) {
  auto gated = [](Reply (*fn)(ApiContext&, const Caller&, http::Request&)) -> ApiHandler {
    return [fn](ApiContext& ctx, const Caller& c, http::Request& r) {
      return Gated(ctx, r, [&] { return fn(ctx, c, r); });
    };
  };
  auto upload = [](importing::ImportKind kind) -> ApiHandler {
    return [kind](ApiContext& ctx, const Caller& c, http::Request& r) {
      return Gated(ctx, r, [&] { return Upload(ctx, c, r, kind); });
    };
  };
  Route(router, ctx, "POST", "/api/v1/imports/ledger", upload(importing::ImportKind::kLedger),
        http::RouteOptions{kMaxImportBytes});
  Route(router, ctx, "POST", "/api/v1/imports/reports", upload(importing::ImportKind::kReports),
        http::RouteOptions{kMaxImportBytes});
  Route(router, ctx, "GET", "/api/v1/imports/{id}", gated(GetImport));
  // A template is small and built from the database alone: not an import, not gated.
  Route(router, ctx, "GET", "/api/v1/imports/templates/{kind}", GetTemplate);
  Route(router, ctx, "PUT", "/api/v1/imports/{id}/mapping", gated(PutMapping),
        http::RouteOptions{4 << 20});
  Route(router, ctx, "PUT", "/api/v1/imports/{id}/values", gated(PutValues),
        http::RouteOptions{4 << 20});
  Route(router, ctx, "POST", "/api/v1/imports/{id}/confirm", gated(Confirm));
}

}  // namespace keyline::api
