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

http::Response GetList(ApiContext& ctx, const Caller& caller, http::Request& req) {
  auto key = PathListKey(req);
  if (!key.ok()) return Error(req, key.status());
  KL_RETURN_IF_ERROR_RESPONSE(req, RejectUnknownQuery(req, {"as_of"}));
  std::optional<std::string> as_of = req.Query("as_of");
  if (as_of && !Date::Parse(*as_of).ok()) {
    return Error(req, Status::InvalidArgument("as_of 应为 YYYY-MM-DD 的有效日期",
                                              "as_of must be a valid date YYYY-MM-DD",
                                              {{"as_of", "应为有效日期", "a valid date"}}));
  }
  auto view = ctx.key_lists->List(caller, key->year, key->level, as_of);
  if (!view.ok()) return Error(req, view.status());
  JsonWriter w;
  w.BeginObject();
  w.Key("year").Int(key->year);
  w.Key("level").String(EnumCode(KeyListLevelTable(), key->level));
  w.Key("as_of").String(view->as_of);
  w.Key("total").Int(static_cast<int64_t>(view->members.size()));
  w.Key("items").BeginArray();
  for (const KeyListMember& m : view->members) WriteJson(w, m);
  w.EndArray().EndObject();
  return JsonOk(w.Take());
}

http::Response ListChanges(ApiContext& ctx, const Caller& caller, http::Request& req) {
  auto key = PathListKey(req);
  if (!key.ok()) return Error(req, key.status());
  KL_RETURN_IF_ERROR_RESPONSE(req, RejectUnknownQuery(req, {"status"}));
  std::optional<ChangeStatus> status;
  if (auto text = req.Query("status")) {
    status = ParseEnum(ChangeStatusTable(), *text);
    if (!status) {
      std::string codes = EnumCodes(ChangeStatusTable());
      return Error(req, Status::InvalidArgument("status 取值无效，可选：" + codes,
                                                "status must be one of " + codes,
                                                {{"status", "可选：" + codes, "one of " + codes}}));
    }
  }
  auto changes = ctx.key_lists->Changes(caller, key->year, key->level, status);
  if (!changes.ok()) return Error(req, changes.status());
  return JsonOk(ItemsJson(*changes, [](JsonWriter& w, const auto& x) { WriteJson(w, x); }));
}

http::Response Propose(ApiContext& ctx, const Caller& caller, http::Request& req) {
  auto key = PathListKey(req);
  if (!key.ok()) return Error(req, key.status());
  auto body = ReadJsonBody(req);
  if (!body.ok()) return Error(req, body.status());
  FieldReader f(*body);
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
  KL_RETURN_IF_ERROR_RESPONSE(req, f.Finish());
  auto changes = ctx.key_lists->Propose(caller, key->year, key->level, std::move(p));
  if (!changes.ok()) return Error(req, changes.status());
  return JsonOk(ItemsJson(*changes, [](JsonWriter& w, const auto& x) { WriteJson(w, x); }), 201);
}

http::Response DecideChange(ApiContext& ctx, const Caller& caller, http::Request& req,
                            bool approve) {
  auto id = PathId(req, "id");
  if (!id.ok()) return Error(req, id.status());
  auto body = ReadJsonBody(req);
  if (!body.ok()) return Error(req, body.status());
  FieldReader f(*body);
  std::string note = f.String("note", false, 1000).value_or("");
  KL_RETURN_IF_ERROR_RESPONSE(req, f.Finish());
  auto change = ctx.key_lists->Decide(caller, *id, approve, std::move(note));
  if (!change.ok()) return Error(req, change.status());
  return JsonOk(ToJson(*change));
}

http::Response Approve(ApiContext& ctx, const Caller& caller, http::Request& req) {
  return DecideChange(ctx, caller, req, true);
}
http::Response Reject(ApiContext& ctx, const Caller& caller, http::Request& req) {
  return DecideChange(ctx, caller, req, false);
}

}  // namespace

void RegisterKeyListRoutes(http::Router& router, ApiContext& ctx) {
  auto bind = [&ctx](http::Response (*fn)(ApiContext&, const Caller&, http::Request&)) {
    return Protected(ctx, [&ctx, fn](const Caller& c, http::Request& r) { return fn(ctx, c, r); });
  };
  router.Add("GET", "/api/v1/key-lists/{year}/{level}", bind(GetList));
  router.Add("GET", "/api/v1/key-lists/{year}/{level}/changes", bind(ListChanges));
  router.Add("POST", "/api/v1/key-lists/{year}/{level}/changes", bind(Propose),
             {.max_body_bytes = 64 * 1024});
  router.Add("POST", "/api/v1/key-list-changes/{id}/approve", bind(Approve),
             {.max_body_bytes = 64 * 1024});
  router.Add("POST", "/api/v1/key-list-changes/{id}/reject", bind(Reject),
             {.max_body_bytes = 64 * 1024});
}

}  // namespace keyline::api
