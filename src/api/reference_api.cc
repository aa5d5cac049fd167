// /api/v1/regions, /api/v1/units, /api/v1/people: reference data.

#include "api/api_context.h"
#include "api/json_input.h"
#include "common/json_writer.h"
#include "core/model/json.h"
#include "core/service/naming_service.h"
#include "core/service/reference_service.h"

namespace keyline::api {
namespace {

template <typename T>
std::string PageJson(const PageOf<T>& page, const Page& p) {
  JsonWriter w;
  w.BeginObject();
  w.Key("items").BeginArray();
  for (const auto& item : page.items) WriteJson(w, item);
  w.EndArray();
  w.Key("total").Int(page.total);
  w.Key("limit").Int(p.limit);
  w.Key("offset").Int(p.offset);
  w.EndObject();
  return w.Take();
}

template <typename T>
void SetOptional(FieldReader& r, std::string_view key, std::optional<T> value,
                 std::optional<T>* field) {
  if (!r.Has(key)) return;
  if (value || r.IsNull(key)) *field = value;
}

// ---- regions ----

Status ReadRegion(const boost::json::object& body, bool creating, Region* region,
                  int64_t* version) {
  FieldReader r(body);
  if (creating) {
    if (auto v = r.String("code", true, 12)) region->code = *v;
    r.Ignore({"version"});
  } else {
    r.Ignore({"code"});
    if (auto v = r.Int("version", true, 1, INT64_MAX)) *version = *v;
  }
  if (auto v = r.String("name", creating, 100)) region->name = *v;
  SetOptional(r, "parent_code", r.String("parent_code", false, 12), &region->parent_code);
  return r.Finish();
}

// ---- units ----

Status ReadUnit(const boost::json::object& body, bool creating, Unit* unit, int64_t* version) {
  FieldReader r(body);
  r.Ignore({"id", "created_at", "updated_at"});
  if (creating) {
    r.Ignore({"version"});
  } else if (auto v = r.Int("version", true, 1, INT64_MAX)) {
    *version = *v;
  }
  if (auto v = r.String("name", creating, 200)) unit->name = *v;
  if (r.Has("kind")) {
    auto code = r.String("kind", creating, 32);
    if (code) {
      auto kind = ParseUnitKind(*code);
      if (!kind) {
        r.AddError("kind", "取值无效，可选：office|department|township|park|company|other",
                   "must be one of office|department|township|park|company|other");
      } else {
        unit->kind = *kind;
      }
    }
  } else if (creating) {
    r.AddError("kind", "必填", "is required");
  }
  SetOptional(r, "credit_code", r.String("credit_code", false, 18), &unit->credit_code);
  SetOptional(r, "region_code", r.String("region_code", false, 12), &unit->region_code);
  SetOptional(r, "parent_id", r.Int("parent_id", false, 1, INT64_MAX), &unit->parent_id);
  if (auto v = r.String("contact", false, 200)) unit->contact = *v;
  if (auto v = r.Bool("active", false)) unit->active = *v;
  return r.Finish();
}

// ---- people ----

Status ReadPerson(const boost::json::object& body, bool creating, Person* person,
                  int64_t* version) {
  FieldReader r(body);
  r.Ignore({"id", "created_at", "updated_at"});
  if (creating) {
    r.Ignore({"version"});
  } else if (auto v = r.Int("version", true, 1, INT64_MAX)) {
    *version = *v;
  }
  if (auto v = r.String("name", creating, 50)) person->name = *v;
  if (auto v = r.String("title", false, 100)) person->title = *v;
  SetOptional(r, "unit_id", r.Int("unit_id", false, 1, INT64_MAX), &person->unit_id);
  if (r.Has("kind")) {
    auto code = r.String("kind", false, 32);
    if (code) {
      auto kind = ParsePersonKind(*code);
      if (!kind) {
        r.AddError("kind", "取值无效，可选：leader|cadre|contact",
                   "must be one of leader|cadre|contact");
      } else {
        person->kind = *kind;
      }
    }
  }
  if (auto v = r.String("phone", false, 40)) person->phone = *v;
  if (auto v = r.Bool("active", false)) person->active = *v;
  return r.Finish();
}

// Generic create / patch plumbing for the three resources.
template <typename T, typename ReadFn, typename CreateFn>
Reply CreateFrom(http::Request& req, ReadFn read, CreateFn create) {
  KL_ASSIGN_OR_RETURN(auto body, ReadJsonBody(req));
  T entity;
  int64_t version = 0;
  KL_RETURN_IF_ERROR(read(body, true, &entity, &version));
  KL_ASSIGN_OR_RETURN(auto created, create(std::move(entity)));
  return JsonOk(ToJson(created), 201);
}

template <typename T, typename ReadFn, typename UpdateFn>
Reply PatchFrom(http::Request& req, ReadFn read, UpdateFn update) {
  KL_ASSIGN_OR_RETURN(auto body, ReadJsonBody(req));
  T scratch;
  int64_t version = 0;
  KL_RETURN_IF_ERROR(read(body, false, &scratch, &version));
  const boost::json::object& fields = body;
  KL_ASSIGN_OR_RETURN(auto updated, update(version, [&](T& entity) {
                        int64_t ignored = 0;
                        return read(fields, false, &entity, &ignored);
                      }));
  return JsonOk(ToJson(updated));
}

Result<std::string> PathCode(const http::Request& req) {
  auto it = req.path_params.find("code");
  if (it == req.path_params.end() || it->second.empty() || it->second.size() > 12 ||
      it->second.find_first_not_of("0123456789") != std::string::npos) {
    return Status::NotFound("区划不存在", "region not found");
  }
  return it->second;
}

}  // namespace

void RegisterReferenceRoutes(http::Router& router, ApiContext& ctx) {
  ReferenceService& ref = *ctx.reference;

  // Regions.
  Route(router, ctx, "GET", "/api/v1/regions",
        [&ref](ApiContext&, const Caller& c, http::Request& req) -> Reply {
          KL_RETURN_IF_ERROR(RejectUnknownQuery(req, {}));
          KL_ASSIGN_OR_RETURN(auto list, ref.ListRegions(c));
          JsonWriter w;
          w.BeginObject().Key("items").BeginArray();
          for (const auto& r : list) WriteJson(w, r);
          w.EndArray().Key("total").Int(static_cast<int64_t>(list.size())).EndObject();
          return JsonOk(w.Take());
        });
  Route(router, ctx, "GET", "/api/v1/regions/{code}",
        [&ref](ApiContext&, const Caller& c, http::Request& req) -> Reply {
          KL_ASSIGN_OR_RETURN(auto code, PathCode(req));
          KL_ASSIGN_OR_RETURN(auto region, ref.GetRegion(c, code));
          return JsonOk(ToJson(region));
        });
  Route(router, ctx, "POST", "/api/v1/regions",
        [&ref](ApiContext&, const Caller& c, http::Request& req) -> Reply {
          return CreateFrom<Region>(req, ReadRegion,
                                    [&](Region r) { return ref.CreateRegion(c, r); });
        });
  Route(router, ctx, "PATCH", "/api/v1/regions/{code}",
        [&ref](ApiContext&, const Caller& c, http::Request& req) -> Reply {
          KL_ASSIGN_OR_RETURN(auto code, PathCode(req));
          return PatchFrom<Region>(req, ReadRegion, [&](int64_t v, const RegionPatch& p) {
            return ref.UpdateRegion(c, code, v, p);
          });
        });

  // Units.
  Route(router, ctx, "GET", "/api/v1/units",
        [&ref](ApiContext& ctx, const Caller& c, http::Request& req) -> Reply {
          KL_RETURN_IF_ERROR(RejectUnknownQuery(req, {"kind", "q", "limit", "offset"}));
          UnitQuery q;
          KL_RETURN_IF_ERROR(ReadPage(req, &q.page));
          if (auto kind = req.Query("kind")) {
            q.kind = ParseUnitKind(*kind);
            if (!q.kind) {
              return Status::InvalidArgument("kind 取值无效", "invalid kind",
                                             {{"kind", "取值无效", "invalid"}});
            }
          }
          if (auto text = req.Query("q"); text && !text->empty()) q.text = text->substr(0, 100);
          KL_ASSIGN_OR_RETURN(auto page, ref.ListUnits(c, q));
          if (q.text && page.total == 0 && q.page.offset == 0 && ctx.naming) {
            // Nothing contains the text: the units it names as clerks write it (区住建局).
            KL_ASSIGN_OR_RETURN(auto named, ctx.naming->UnitsNamed(c, *q.text, q.kind));
            page.total = static_cast<int64_t>(named.size());
            page.items.clear();
            for (const Unit& u : named) {  // read again: contacts on a need-to-know basis
              KL_ASSIGN_OR_RETURN(auto unit, ref.GetUnit(c, u.id));
              page.items.push_back(std::move(unit));
            }
          }
          return JsonOk(PageJson(page, q.page));
        });
  Route(router, ctx, "GET", "/api/v1/units/{id}",
        [&ref](ApiContext&, const Caller& c, http::Request& req) -> Reply {
          KL_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
          KL_ASSIGN_OR_RETURN(auto unit, ref.GetUnit(c, id));
          return JsonOk(ToJson(unit));
        });
  Route(router, ctx, "POST", "/api/v1/units",
        [&ref](ApiContext&, const Caller& c, http::Request& req) -> Reply {
          return CreateFrom<Unit>(req, ReadUnit,
                                  [&](Unit u) { return ref.CreateUnit(c, std::move(u)); });
        });
  Route(router, ctx, "PATCH", "/api/v1/units/{id}",
        [&ref](ApiContext&, const Caller& c, http::Request& req) -> Reply {
          KL_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
          return PatchFrom<Unit>(req, ReadUnit, [&](int64_t v, const UnitPatch& p) {
            return ref.UpdateUnit(c, id, v, p);
          });
        });

  // People.
  Route(router, ctx, "GET", "/api/v1/people",
        [&ref](ApiContext&, const Caller& c, http::Request& req) -> Reply {
          KL_RETURN_IF_ERROR(RejectUnknownQuery(req, {"kind", "unit", "q", "limit", "offset"}));
          PersonQuery q;
          KL_RETURN_IF_ERROR(ReadPage(req, &q.page));
          if (auto kind = req.Query("kind")) {
            q.kind = ParsePersonKind(*kind);
            if (!q.kind) {
              return Status::InvalidArgument("kind 取值无效", "invalid kind",
                                             {{"kind", "取值无效", "invalid"}});
            }
          }
          if (auto unit = req.Query("unit")) {
            int64_t id = 0;
            if (!ParseInt64(*unit, &id) || id <= 0) {
              return Status::InvalidArgument("unit 应为正整数", "invalid unit",
                                             {{"unit", "应为正整数", "invalid"}});
            }
            q.unit_id = id;
          }
          if (auto text = req.Query("q"); text && !text->empty()) q.text = text->substr(0, 100);
          KL_ASSIGN_OR_RETURN(auto page, ref.ListPeople(c, q));
          return JsonOk(PageJson(page, q.page));
        });
  Route(router, ctx, "GET", "/api/v1/people/{id}",
        [&ref](ApiContext&, const Caller& c, http::Request& req) -> Reply {
          KL_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
          KL_ASSIGN_OR_RETURN(auto person, ref.GetPerson(c, id));
          return JsonOk(ToJson(person));
        });
  Route(router, ctx, "POST", "/api/v1/people",
        [&ref](ApiContext&, const Caller& c, http::Request& req) -> Reply {
          return CreateFrom<Person>(req, ReadPerson,
                                    [&](Person p) { return ref.CreatePerson(c, p); });
        });
  Route(router, ctx, "PATCH", "/api/v1/people/{id}",
        [&ref](ApiContext&, const Caller& c, http::Request& req) -> Reply {
          KL_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
          return PatchFrom<Person>(req, ReadPerson, [&](int64_t v, const PersonPatch& p) {
            return ref.UpdatePerson(c, id, v, p);
          });
        });
}

}  // namespace keyline::api
