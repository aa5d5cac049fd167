// /api/v1/meetings (调度会): the meeting record, its proposed agenda, decisions and minutes.
#include "api/api_context.h"
#include "api/json_input.h"
#include "api/supervision_input.h"
#include "common/date.h"
#include "core/model/supervision_json.h"
#include "core/service/meeting_service.h"
#include "core/service/supervision_access.h"

namespace keyline::api {
namespace {

// An array of positive ids into *out (when the key is present).
void ReadIds(FieldReader& r, const char* key, std::vector<int64_t>* out) {
  const boost::json::array* ids = r.Array(key, false);
  if (!ids) {
    if (r.Has(key)) out->clear();  // null
    return;
  }
  out->clear();
  for (const auto& v : *ids) {
    if (!v.is_int64() || v.as_int64() < 1 || out->size() > 100) {
      r.AddError(key, "应为不超过100个编号的数组", "must be an array of at most 100 ids");
      return;
    }
    out->push_back(v.as_int64());
  }
}

// The meeting fields present in body into *m. create: title and held_on are required and
// status is not accepted; otherwise version is required.
Status ReadMeeting(const boost::json::object& body, bool create, DispatchMeeting* m,
                   int64_t* version) {
  FieldReader r(body);
  if (!create) {
    if (auto v = r.Int("version", true, 1, INT64_MAX)) *version = *v;
    if (auto s = r.Enum("status", MeetingStatusTable(), false)) m->status = *s;
  }
  if (auto v = r.String("title", create, 200)) m->title = *v;
  if (auto v = r.Date("held_on", create)) m->held_on = *v;
  if (auto v = r.String("location", false, 200)) m->location = *v;
  if (auto v = r.String("notes", false, 4000)) m->notes = *v;
  if (r.Has("chair_person_id")) m->chair_person_id = r.Int("chair_person_id", false, 1, INT64_MAX);
  ReadIds(r, "attendee_person_ids", &m->attendee_person_ids);
  ReadIds(r, "attendee_unit_ids", &m->attendee_unit_ids);
  r.Ignore({"id", "minutes_issued", "decisions", "created_by", "created_at", "updated_at"});
  if (create) r.Ignore({"version"});
  return r.Finish();
}

std::string MeetingJson(const DispatchMeeting& m) { return ToJson(m); }

Reply ListMeetings(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_RETURN_IF_ERROR(RejectUnknownQuery(req, {"from", "to", "status", "limit", "offset"}));
  MeetingQuery q;
  KL_RETURN_IF_ERROR(ReadPage(req, &q.page));
  for (const char* key : {"from", "to"}) {
    auto value = req.Query(key);
    if (!value) continue;
    if (!Date::Parse(*value).ok()) {
      return Status::InvalidArgument(std::string(key) + " 应为YYYY-MM-DD日期",
                                     std::string(key) + " must be YYYY-MM-DD",
                                     {{key, "YYYY-MM-DD", "YYYY-MM-DD"}});
    }
    (std::string_view(key) == "from" ? q.from : q.to) = *value;
  }
  if (auto s = req.Query("status")) {
    q.status = ParseEnum(MeetingStatusTable(), *s);
    if (!q.status) {
      return Status::InvalidArgument("status 取值无效", "invalid status",
                                     {{"status", "可选：" + EnumCodes(MeetingStatusTable()),
                                       "one of " + EnumCodes(MeetingStatusTable())}});
    }
  }
  KL_ASSIGN_OR_RETURN(auto page, ctx.meetings->List(caller, q));
  return JsonOk(
      PagedJson(page, q.page, [](JsonWriter& w, const DispatchMeeting& m) { WriteJson(w, m); }));
}

Reply CreateMeeting(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto body, ReadJsonBody(req));
  DispatchMeeting m;
  int64_t ignored = 0;
  KL_RETURN_IF_ERROR(ReadMeeting(body, true, &m, &ignored));
  KL_ASSIGN_OR_RETURN(auto created, ctx.meetings->Create(caller, std::move(m)));
  http::Response res = JsonOk(MeetingJson(created), 201);
  res.headers.emplace_back("Location", "/api/v1/meetings/" + std::to_string(created.id));
  return res;
}

Reply GetMeeting(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
  KL_ASSIGN_OR_RETURN(auto m, ctx.meetings->Get(caller, id));
  return JsonOk(MeetingJson(m));
}

// A write to a meeting's agenda or minutes: they are the system's (proposed from the data,
// rendered from the record) and, once the meeting is held or its minutes issued, frozen
// snapshots. kConflict for a held meeting, kInvalidArgument for a planned one; the scope and
// role checks come first (kNotFound, kForbidden).
Status RejectAgendaWrite(ApiContext& ctx, const Caller& caller, int64_t id, bool minutes) {
  KL_ASSIGN_OR_RETURN(DispatchMeeting m, ctx.meetings->Get(caller, id));
  if (!MayManageSupervision(caller.role)) {
    return SupervisionForbidden("修改调度会", "change meetings");
  }
  if (m.status == MeetingStatus::kMinutesIssued) {
    return Status::Conflict("会议纪要已印发并固化为快照，不能修改；如需更正请另行印发说明",
                            "the minutes were issued and frozen in a snapshot; they cannot change");
  }
  if (m.status == MeetingStatus::kHeld) {
    return Status::Conflict(
        minutes ? "会议纪要在印发时生成，不能直接修改" : "会议已召开，议程已固化为快照，不能修改",
        minutes ? "the minutes are rendered when they are issued"
                : "the meeting was held; its agenda is a frozen snapshot and "
                  "cannot change");
  }
  return Status::InvalidArgument(
      minutes ? "会议纪要在印发时由会议记录生成，不能直接填写"
              : "议程由系统按会议日期生成，召开时固化，不能直接填写",
      minutes ? "the minutes are rendered from the record when issued"
              : "the agenda is proposed from the data and frozen when the meeting is held",
      {{minutes ? "minutes" : "agenda", "不能直接填写", "cannot be written"}});
}

Reply PutAgenda(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
  return RejectAgendaWrite(ctx, caller, id, false);
}

Reply PutMinutes(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
  return RejectAgendaWrite(ctx, caller, id, true);
}

Reply PatchMeeting(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
  KL_ASSIGN_OR_RETURN(auto body, ReadJsonBody(req));
  if (body.contains("agenda") || body.contains("minutes")) {
    return RejectAgendaWrite(ctx, caller, id, !body.contains("agenda"));
  }
  DispatchMeeting scratch;
  int64_t version = 0;
  KL_RETURN_IF_ERROR(ReadMeeting(body, false, &scratch, &version));
  const boost::json::object& fields = body;
  KL_ASSIGN_OR_RETURN(auto updated,
                      ctx.meetings->Update(caller, id, version, [&](DispatchMeeting& m) {
                        int64_t unused = 0;
                        return ReadMeeting(fields, false, &m, &unused);
                      }));
  return JsonOk(MeetingJson(updated));
}

Reply GetAgenda(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
  KL_ASSIGN_OR_RETURN(auto m, ctx.meetings->Get(caller, id));
  KL_ASSIGN_OR_RETURN(auto agenda, ctx.meetings->Agenda(caller, id));
  JsonWriter w;
  w.BeginObject();
  w.Key("date").String(m.held_on);
  w.Key("recorded").Bool(agenda.recorded);  // false: proposed now for the meeting date
  w.Key("snapshot");                        // the frozen version (held meetings), or null
  if (agenda.snapshot) {
    w.Raw(SnapshotInfoJson(*agenda.snapshot));
  } else {
    w.Null();
  }
  w.Key("items");
  WriteAgendaJson(w, agenda.items);
  // Need to know: items of projects outside the caller's scope are left out and
  // counted; null when nothing is left out.
  w.Key("others");
  if (agenda.other_items > 0) {
    w.BeginObject().Key("projects").Int(agenda.other_projects);
    w.Key("items").Int(agenda.other_items);
    w.Key("label_zh").String("其他单位项目 " + std::to_string(agenda.other_projects) + " 个");
    w.Key("label_en").String(std::to_string(agenda.other_projects) + " projects of other units");
    w.EndObject();
  } else {
    w.Null();
  }
  w.EndObject();
  return JsonOk(w.Take());
}

Reply AddDecision(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
  KL_ASSIGN_OR_RETURN(auto body, ReadJsonBody(req));
  FieldReader r(body);
  DecisionInput in;
  auto kind = r.Enum("kind", DecisionKindTable(), true);
  auto text = r.String("text", true, 500);
  in.project_id = r.Int("project_id", false, 1, INT64_MAX);
  in.owner_unit_id = r.Int("owner_unit_id", false, 1, INT64_MAX);
  in.owner_person_id = r.Int("owner_person_id", false, 1, INT64_MAX);
  in.due = r.Date("due", false);
  auto category = r.Enum("category", ProblemCategoryTable(), false);
  auto severity = r.Enum("severity", ProblemSeverityTable(), false);
  KL_RETURN_IF_ERROR(r.Finish());
  in.kind = *kind;
  in.text = *text;
  in.category = category.value_or(ProblemCategory::kOther);
  in.severity = severity.value_or(ProblemSeverity::kOrdinary);
  KL_ASSIGN_OR_RETURN(auto d, ctx.meetings->AddDecision(caller, id, in));
  return JsonOk(ToJson(d), 201);
}

Reply Minutes(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
  KL_ASSIGN_OR_RETURN(auto text, ctx.meetings->Minutes(caller, id));
  http::Response res;
  res.status = 200;
  res.content_type = "text/plain; charset=utf-8";
  res.headers.emplace_back("X-Content-Type-Options", "nosniff");
  res.headers.emplace_back("Content-Disposition", "attachment; filename=\"meeting-" +
                                                      std::to_string(id) + "-minutes.txt\"");
  res.body = std::move(text);
  return res;
}

}  // namespace

void RegisterMeetingRoutes(http::Router& router, ApiContext& ctx) {
  http::RouteOptions small;
  small.max_body_bytes = 64 * 1024;
  Route(router, ctx, "GET", "/api/v1/meetings", ListMeetings);
  Route(router, ctx, "POST", "/api/v1/meetings", CreateMeeting, small);
  Route(router, ctx, "GET", "/api/v1/meetings/{id}", GetMeeting);
  Route(router, ctx, "PATCH", "/api/v1/meetings/{id}", PatchMeeting, small);
  Route(router, ctx, "GET", "/api/v1/meetings/{id}/agenda", GetAgenda);
  Route(router, ctx, "POST", "/api/v1/meetings/{id}/decisions", AddDecision, small);
  Route(router, ctx, "GET", "/api/v1/meetings/{id}/minutes.txt", Minutes);
  Route(router, ctx, "PUT", "/api/v1/meetings/{id}/agenda", PutAgenda, small);
  Route(router, ctx, "PUT", "/api/v1/meetings/{id}/minutes", PutMinutes, small);
}

}  // namespace keyline::api
