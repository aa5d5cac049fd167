// /api/v1/key-lists/{year}/{level} and /api/v1/key-list-changes: the yearly key lists
// (重点项目名单), the list as of a date, proposed changes and their approval.
#include <charconv>

#include "api/api_context.h"
#include "api/json_input.h"
#include "api/supervision_input.h"
#include "common/date.h"
#include "common/json_writer.h"
#include "core/model/funds_json.h"
#include "core/model/json.h"
#include "core/service/key_list_service.h"

namespace keyline::api {
namespace {

struct ListKey {
  int year = 0;
  ProjectLevel level = ProjectLevel::kDistrict;
};

// {year} (2000..2100) and {level} (provincial|city|district) of the path; kNotFound otherwise.
Result<ListKey> PathListKey(const http::Request& req) {
  ListKey key;
  auto y = req.path_params.find("year");
  auto l = req.path_params.find("level");
  if (y != req.path_params.end() && l != req.path_params.end() && y->second.size() == 4) {
    const std::string& s = y->second;
    auto r = std::from_chars(s.data(), s.data() + s.size(), key.year);
    auto level = ParseEnum(KeyListLevelTable(), l->second);
    if (r.ec == std::errc() && r.ptr == s.data() + s.size() && key.year >= 2000 &&
        key.year <= 2100 && level) {
      key.level = *level;
      return key;
    }
  }
  return Status::NotFound("名单不存在（年度 2000–2100，级别 provincial|city|district）",
                          "no such list (year 2000..2100, level provincial|city|district)");
}

Reply GetList(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto key, PathListKey(req));
  KL_RETURN_IF_ERROR(RejectUnknownQuery(req, {"as_of"}));
  std::optional<std::string> as_of = req.Query("as_of");
  if (as_of && !Date::Parse(*as_of).ok()) {
    return Status::InvalidArgument("as_of 应为 YYYY-MM-DD 的有效日期",
                                   "as_of must be a valid date YYYY-MM-DD",
                                   {{"as_of", "应为有效日期", "a valid date"}});
  }
  KL_ASSIGN_OR_RETURN(auto view, ctx.key_lists->List(caller, key.year, key.level, as_of));
  JsonWriter w;
  w.BeginObject();
  w.Key("year").Int(key.year);
  w.Key("level").String(EnumCode(KeyListLevelTable(), key.level));
  w.Key("as_of").String(view.as_of);
  w.Key("total").Int(static_cast<int64_t>(view.members.size()));
  w.Key("items").BeginArray();
  for (const KeyListMember& m : view.members) WriteJson(w, m);
  w.EndArray().EndObject();
  return JsonOk(w.Take());
}

Reply ListChanges(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto key, PathListKey(req));
  KL_RETURN_IF_ERROR(RejectUnknownQuery(req, {"status"}));
  std::optional<ChangeStatus> status;
  if (auto text = req.Query("status")) {
    status = ParseEnum(ChangeStatusTable(), *text);
    if (!status) {
      std::string codes = EnumCodes(ChangeStatusTable());
      return Status::InvalidArgument("status 取值无效，可选：" + codes,
                                     "status must be one of " + codes,
                                     {{"status", "可选：" + codes, "one of " + codes}});
    }
  }
  KL_ASSIGN_OR_RETURN(auto changes, ctx.key_lists->Changes(caller, key.year, key.level, status));
  return JsonOk(ItemsJson(changes, [](JsonWriter& w, const auto& x) { WriteJson(w, x); }));
}

Reply Propose(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto key, PathListKey(req));
  KL_ASSIGN_OR_RETURN(auto body, ReadJsonBody(req));
  FieldReader f(body);
  KeyListProposal p;
  p.action = f.Enum("action", KeyListActionTable(), true).value_or(KeyListAction::kAdd);
  p.effective_on = f.Date("effective_on", true).value_or("");
  p.reason = f.String("reason", true, 1000).value_or("");
  if (const boost::json::array* ids = f.Array("project_ids", true)) {
    if (ids->empty() || ids->size() > 500) {
      f.AddError("project_ids", "须给出 1–500 个项目", "give 1..500 projects");
    }
    for (const boost::json::value& v : *ids) {
      if (!v.is_int64() || v.as_int64() <= 0) {
        f.AddError("project_ids", "应为项目编号（正整数）的数组",
                   "must be an array of project ids (positive integers)");
        break;
      }
      p.project_ids.push_back(v.as_int64());
    }
  }
  KL_RETURN_IF_ERROR(f.Finish());
  KL_ASSIGN_OR_RETURN(auto changes,
                      ctx.key_lists->Propose(caller, key.year, key.level, std::move(p)));
  return JsonOk(ItemsJson(changes, [](JsonWriter& w, const auto& x) { WriteJson(w, x); }), 201);
}

Reply DecideChange(ApiContext& ctx, const Caller& caller, http::Request& req, bool approve) {
  KL_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
  KL_ASSIGN_OR_RETURN(auto body, ReadJsonBody(req));
  FieldReader f(body);
  std::string note = f.String("note", false, 1000).value_or("");
  KL_RETURN_IF_ERROR(f.Finish());
  KL_ASSIGN_OR_RETURN(auto change, ctx.key_lists->Decide(caller, id, approve, std::move(note)));
  return JsonOk(ToJson(change));
}

Reply Approve(ApiContext& ctx, const Caller& caller, http::Request& req) {
  return DecideChange(ctx, caller, req, true);
}
Reply Reject(ApiContext& ctx, const Caller& caller, http::Request& req) {
  return DecideChange(ctx, caller, req, false);
}

}  // namespace

void RegisterKeyListRoutes(http::Router& router, ApiContext& ctx) {
  Route(router, ctx, "GET", "/api/v1/key-lists/{year}/{level}", GetList);
  Route(router, ctx, "GET", "/api/v1/key-lists/{year}/{level}/changes", ListChanges);
  Route(router, ctx, "POST", "/api/v1/key-lists/{year}/{level}/changes", Propose,
        {.max_body_bytes = 64 * 1024});
  Route(router, ctx, "POST", "/api/v1/key-list-changes/{id}/approve", Approve,
        {.max_body_bytes = 64 * 1024});
  Route(router, ctx, "POST", "/api/v1/key-list-changes/{id}/reject", Reject,
        {.max_body_bytes = 64 * 1024});
}

}  // namespace keyline::api
