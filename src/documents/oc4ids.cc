#include "documents/oc4ids.h"

#include <cstdio>

#include "common/date.h"
#include "common/json_writer.h"

namespace keyline::documents {
namespace {

// projectSector codes for GB/T 4754-2017 divisions (2 digits after the section letter).
std::vector<std::string> Sectors(const Project& p) {
  if (!p.industry_code || p.industry_code->empty()) return {};
  const std::string& c = *p.industry_code;
  char section = c[0];
  int division = c.size() >= 3 ? std::atoi(c.substr(1, 2).c_str()) : -1;
  switch (section) {
    case 'G':  // 交通运输、仓储和邮政业
      if (division == 53) return {"transport", "transport.rail"};
      if (division == 54) return {"transport", "transport.road"};
      if (division == 55) return {"transport", "transport.water"};
      if (division == 56) return {"transport", "transport.air"};
      return {"transport"};
    case 'D':  // 电力、热力、燃气及水生产和供应业
      if (division == 46) return {"water"};
      return {"energy"};
    case 'I':
      return {"communications"};
    case 'P':
      return {"education"};
    case 'Q':
      return {"health"};
    case 'N':  // 水利、环境和公共设施管理业
      if (division == 76) return {"water"};
      if (division == 77) return {"waste"};
      return {};
    case 'R':
      return {"cultureSportsAndRecreation"};
    case 'S':
      return {"government"};
    default:
      return {};
  }
}

std::string_view TypeOf(ConstructionNature n) {
  switch (n) {
    case ConstructionNature::kNew:
    case ConstructionNature::kExpansion:
    case ConstructionNature::kRelocation:
    case ConstructionNature::kLivingFacilities:
      return "construction";
    case ConstructionNature::kRenovation:
    case ConstructionNature::kRestoration:
      return "rehabilitation";
    case ConstructionNature::kPurchase:
      return "";
  }
  return "";
}

void Value(JsonWriter& w, Money m) {
  w.BeginObject();
  // Yuan with cents: an exact decimal of at most 2 places.
  char buf[48];
  std::snprintf(buf, sizeof buf, "%s%lld.%02lld", m.cents < 0 ? "-" : "",
                static_cast<long long>((m.cents < 0 ? -m.cents : m.cents) / 100),
                static_cast<long long>((m.cents < 0 ? -m.cents : m.cents) % 100));
  w.Key("amount").Raw(buf);
  w.Key("currency").String("CNY");
  w.EndObject();
}

std::string PartyId(int64_t unit_id) { return "unit-" + std::to_string(unit_id); }

void Party(JsonWriter& w, const Unit& u, std::initializer_list<std::string_view> roles) {
  w.BeginObject();
  w.Key("id").String(PartyId(u.id));
  w.Key("name").String(u.name);
  if (u.credit_code) {
    w.Key("identifier").BeginObject();
    w.Key("scheme").String("CN-SAIC");
    w.Key("id").String(*u.credit_code);
    w.Key("legalName").String(u.name);
    w.EndObject();
  }
  w.Key("roles").BeginArray();
  for (std::string_view r : roles) w.String(r);
  w.EndArray();
  w.EndObject();
}

void WriteProject(JsonWriter& w, const Project& p, const NameBook& names, const Oc4idsOptions& o) {
  w.BeginObject();
  w.Key("id").String(Oc4idsId(p, o.id_prefix));
  if (p.updated_at > 0) w.Key("updated").String(Oc4idsTimestamp(p.updated_at));
  w.Key("title").String(p.name);
  if (!p.scale_content.empty()) w.Key("description").String(p.scale_content);
  w.Key("status").String(Oc4idsStatus(p));
  if (std::string_view t = TypeOf(p.nature); !t.empty()) w.Key("type").String(t);
  if (auto sectors = Sectors(p); !sectors.empty()) {
    w.Key("sector").BeginArray();
    for (const std::string& s : sectors) w.String(s);
    w.EndArray();
  }
  w.Key("additionalClassifications").BeginArray();
  if (p.industry_code) {
    w.BeginObject();
    w.Key("scheme").String("GB/T 4754-2017");
    w.Key("id").String(*p.industry_code);
    w.EndObject();
  }
  w.BeginObject();
  w.Key("scheme").String("keyline-project-category");
  w.Key("id").String(EnumCode(ProjectCategoryTable(), p.category));
  w.Key("description").String(EnumZh(ProjectCategoryTable(), p.category));
  w.EndObject();
  w.EndArray();
  if (p.region_code || !p.address.empty() || (p.longitude && p.latitude)) {
    w.Key("locations").BeginArray().BeginObject();
    w.Key("id").String("1");
    if (!p.address.empty()) w.Key("description").String(p.address);
    if (p.longitude && p.latitude) {
      w.Key("geometry").BeginObject();
      w.Key("type").String("Point");
      w.Key("coordinates").BeginArray().Double(*p.longitude).Double(*p.latitude).EndArray();
      w.EndObject();
    }
    if (p.region_code) {
      w.Key("gazetteer").BeginObject();
      w.Key("scheme").String("GB/T 2260");
      w.Key("identifiers").BeginArray().String(*p.region_code).EndArray();
      w.EndObject();
    }
    w.Key("address").BeginObject();
    if (!p.address.empty()) w.Key("streetAddress").String(p.address);
    if (p.region_code) w.Key("region").String(names.RegionName(p.region_code));
    w.Key("countryName").String("中国");
    w.EndObject();
    w.EndObject().EndArray();
  }
  w.Key("budget").BeginObject();
  w.Key("amount");
  Value(w, p.total_investment);
  if (!p.funding.empty()) {
    w.Key("budgetBreakdown").BeginArray();
    int n = 0;
    for (const FundingLine& f : p.funding) {
      w.BeginObject();
      w.Key("id").String(std::to_string(++n));
      w.Key("description").String(EnumZh(FundingSourceTable(), f.source));
      w.Key("amount");
      Value(w, f.amount);
      w.EndObject();
    }
    w.EndArray();
  }
  w.EndObject();
  const Unit* owner = names.FindUnit(p.owner_unit_id);
  const Unit* responsible = names.FindUnit(p.responsible_unit_id);
  if (owner || responsible) {
    w.Key("parties").BeginArray();
    if (owner && responsible && owner->id == responsible->id) {
      Party(w, *owner, {"publicAuthority", "administrativeEntity"});
    } else {
      if (owner) Party(w, *owner, {"publicAuthority"});
      if (responsible) Party(w, *responsible, {"administrativeEntity"});
    }
    w.EndArray();
    if (owner) {
      w.Key("publicAuthority").BeginObject();
      w.Key("id").String(PartyId(owner->id));
      w.Key("name").String(owner->name);
      w.EndObject();
    }
  }
  if (p.planned_start || p.planned_completion) {
    w.Key("period").BeginObject();
    if (p.planned_start) w.Key("startDate").String(Oc4idsDateTime(*p.planned_start));
    if (p.planned_completion) w.Key("endDate").String(Oc4idsDateTime(*p.planned_completion));
    w.EndObject();
  }
  bool finished = p.stage == Stage::kCompleted || p.stage == Stage::kProduction;
  if (finished && p.actual_completion) {
    w.Key("completion").BeginObject();
    w.Key("endDate").String(Oc4idsDateTime(*p.actual_completion));
    w.Key("finalValue");
    Value(w, p.total_investment);
    w.EndObject();
  }
  w.EndObject();
}

}  // namespace

std::string_view Oc4idsStatus(const Project& p) {
  switch (p.stage) {
    case Stage::kConceived:
    case Stage::kReserve:
      return "identification";
    case Stage::kPreliminary:
      return "preparation";
    case Stage::kConstruction:
      return "implementation";
    case Stage::kCompleted:
      return "completion";
    case Stage::kProduction:
      return "completed";
    case Stage::kWithdrawn:
      return "cancelled";
    case Stage::kSuspended:
      return p.actual_start ? "implementation" : "preparation";
  }
  return "identification";
}

std::string Oc4idsId(const Project& p, const std::string& prefix) {
  if (p.code && !p.code->empty()) return prefix + *p.code;
  return prefix + "KL-" + std::to_string(p.id);
}

std::string Oc4idsDateTime(const std::string& iso_date) {
  if (iso_date.empty()) return "";
  return iso_date + "T00:00:00+08:00";
}

std::string Oc4idsTimestamp(int64_t unix_ms) {
  int64_t beijing_s = unix_ms / 1000 + 8 * 3600;
  int64_t days = beijing_s >= 0 ? beijing_s / 86400 : (beijing_s - 86399) / 86400;
  int64_t sod = beijing_s - days * 86400;
  char buf[40];
  std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02d+08:00", Date::FromDays(days).ToString().c_str(),
                static_cast<int>(sod / 3600), static_cast<int>(sod / 60 % 60),
                static_cast<int>(sod % 60));
  return buf;
}

std::string Oc4idsPackage(const std::vector<Project>& projects, const NameBook& names,
                          const Oc4idsOptions& o) {
  JsonWriter w;
  w.Reserve(1024 + 1500 * projects.size());
  w.BeginObject();
  w.Key("uri").String(o.uri);
  w.Key("publishedDate").String(o.published_date);
  w.Key("publisher").BeginObject();
  w.Key("name").String(o.publisher.empty() ? "Keyline" : o.publisher);
  w.EndObject();
  w.Key("version").String("0.9");
  w.Key("projects").BeginArray();
  for (const Project& p : projects) WriteProject(w, p, names, o);
  w.EndArray();
  w.EndObject();
  return w.Take();
}

}  // namespace keyline::documents
