#include "api/project_input.h"

#include "api/api_context.h"
#include "common/date.h"

namespace keyline::api {
namespace {

// Sets an optional field when the key is present: a value, or nullopt for JSON null.
template <typename T>
void SetOptional(FieldReader& r, std::string_view key, std::optional<T> value,
                 std::optional<T>* field) {
  if (!r.Has(key)) return;
  if (value || r.IsNull(key)) *field = value;
}

std::optional<int64_t> ReadId(FieldReader& r, std::string_view key) {
  return r.Int(key, false, 1, INT64_MAX);
}

}  // namespace

Status ReadProject(const boost::json::object& body, bool creating, Project* p,
                   std::string* stage_reason, int64_t* version) {
  FieldReader r(body);
  r.Ignore({"id", "created_at", "updated_at", "warnings"});
  if (!creating) {
    auto v = r.Int("version", true, 1, INT64_MAX);
    if (v) *version = *v;
  } else {
    r.Ignore({"version"});
  }
  if (auto v = r.String("name", creating, 200)) p->name = *v;
  SetOptional(r, "code", r.String("code", false, 40), &p->code);
  SetOptional(r, "parent_id", ReadId(r, "parent_id"), &p->parent_id);
  if (auto v = r.Enum("level", ProjectLevelTable(), false)) p->level = *v;
  if (auto v = r.Enum("category", ProjectCategoryTable(), false)) p->category = *v;
  if (auto v = r.Enum("approval_regime", ApprovalRegimeTable(), false)) p->approval_regime = *v;
  if (auto v = r.Enum("nature", ConstructionNatureTable(), false)) p->nature = *v;
  SetOptional(r, "industry_code", r.String("industry_code", false, 8), &p->industry_code);
  SetOptional(r, "region_code", r.String("region_code", false, 12), &p->region_code);
  if (auto v = r.String("address", false, 500)) p->address = *v;
  SetOptional(r, "longitude", r.Double("longitude", false), &p->longitude);
  SetOptional(r, "latitude", r.Double("latitude", false), &p->latitude);
  SetOptional(r, "owner_unit_id", ReadId(r, "owner_unit_id"), &p->owner_unit_id);
  SetOptional(r, "responsible_unit_id", ReadId(r, "responsible_unit_id"), &p->responsible_unit_id);
  if (auto v = r.String("scale_content", false, 4000)) p->scale_content = *v;
  if (auto v = r.Amount("total_investment", creating)) p->total_investment = *v;
  if (r.Has("funding")) {
    const boost::json::array* lines = r.Array("funding", false);
    if (lines) {
      std::vector<FundingLine> funding;
      if (lines->size() > 20)
        r.AddError("funding", "资金来源过多（最多20项）", "too many lines (max 20)");
      for (size_t i = 0; i < lines->size() && i < 20; ++i) {
        if (!(*lines)[i].is_object()) {
          r.AddError("funding", "每一项应为对象", "each line must be an object");
          continue;
        }
        FieldReader line((*lines)[i].as_object());
        auto source = line.Enum("source", FundingSourceTable(), true);
        auto amount = line.Amount("amount", true);
        Status st = line.Finish();
        if (!st.ok()) {
          for (const auto& e : st.details()) {
            r.AddError("funding[" + std::to_string(i) + "]." + e.field, e.message_zh, e.message_en);
          }
          continue;
        }
        funding.push_back({*source, *amount});
      }
      p->funding = std::move(funding);
    } else if (r.IsNull("funding")) {
      p->funding.clear();
    }
  }
  SetOptional(r, "planned_start", r.Date("planned_start", false), &p->planned_start);
  SetOptional(r, "planned_completion", r.Date("planned_completion", false), &p->planned_completion);
  SetOptional(r, "actual_start", r.Date("actual_start", false), &p->actual_start);
  SetOptional(r, "actual_completion", r.Date("actual_completion", false), &p->actual_completion);
  if (auto v = r.Enum("stats_status", StatsStatusTable(), false)) p->stats_status = *v;
  SetOptional(r, "stats_date", r.Date("stats_date", false), &p->stats_date);
  if (auto v = r.Enum("measurement_method", MeasurementMethodTable(), false)) {
    p->measurement_method = *v;
  }
  if (creating) {
    if (auto v = r.Enum("stage", StageTable(), false)) p->stage = *v;
    if (auto v = r.String("stage_reason", false, 1000)) *stage_reason = *v;
  } else if (r.Has("stage")) {
    // Echoing the current stage back is harmless; a different one is rejected by the service.
    if (auto v = r.Enum("stage", StageTable(), false)) p->stage = *v;
  }
  return r.Finish();
}

Status ReadStageMove(const boost::json::object& body, StageMove* move) {
  FieldReader r(body);
  if (auto v = r.Enum("to", StageTable(), true)) move->to = *v;
  if (auto v = r.String("reason", false, 1000)) move->reason = *v;
  move->actual_start = r.Date("actual_start", false);
  move->actual_completion = r.Date("actual_completion", false);
  move->expected_version = r.Int("version", false, 1, INT64_MAX);
  return r.Finish();
}

Status ReadAssignment(const boost::json::object& body, bool creating, Assignment* a,
                      int64_t* version) {
  FieldReader r(body);
  r.Ignore({"id", "project_id", "created_at"});
  if (!creating) {
    if (auto v = r.Int("version", true, 1, INT64_MAX)) *version = *v;
  } else {
    r.Ignore({"version"});
  }
  if (auto v = r.Enum("role", AssignmentRoleTable(), creating)) a->role = *v;
  SetOptional(r, "person_id", ReadId(r, "person_id"), &a->person_id);
  SetOptional(r, "unit_id", ReadId(r, "unit_id"), &a->unit_id);
  SetOptional(r, "valid_from", r.Date("valid_from", false), &a->valid_from);
  SetOptional(r, "valid_to", r.Date("valid_to", false), &a->valid_to);
  if (auto v = r.String("note", false, 500)) a->note = *v;
  return r.Finish();
}

namespace {

Status BadQuery(const std::string& key, const std::string& zh, const std::string& en) {
  return Status::InvalidArgument("查询参数 " + key + " " + zh, "query parameter " + key + " " + en,
                                 {{key, zh, en}});
}

}  // namespace

Status ReadProjectQuery(const http::Request& request, ProjectQuery* q) {
  KL_RETURN_IF_ERROR(RejectUnknownQuery(
      request, {"q", "stage", "level", "category", "unit", "leader", "parent", "region", "industry",
                "year", "investment_min", "investment_max", "sort", "order", "limit", "offset"}));
  KL_RETURN_IF_ERROR(ReadPage(request, &q->page));
  for (const auto& [key, value] : request.query) {
    if (key == "q") {
      if (value.size() > 200) return BadQuery(key, "过长", "is too long");
      if (!value.empty()) q->text = value;
    } else if (key == "stage") {
      // Comma-separated and/or repeated.
      size_t start = 0;
      while (start <= value.size()) {
        size_t comma = value.find(',', start);
        std::string code =
            value.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        if (!code.empty()) {
          auto stage = ParseEnum(StageTable(), code);
          if (!stage)
            return BadQuery(key, "取值无效：" + code.substr(0, 32), "has an invalid value");
          q->stages.push_back(*stage);
        }
        if (comma == std::string::npos) break;
        start = comma + 1;
      }
    } else if (key == "level") {
      q->level = ParseEnum(ProjectLevelTable(), value);
      if (!q->level) return BadQuery(key, "取值无效", "has an invalid value");
    } else if (key == "category") {
      q->category = ParseEnum(ProjectCategoryTable(), value);
      if (!q->category) return BadQuery(key, "取值无效", "has an invalid value");
    } else if (key == "unit" || key == "leader" || key == "parent") {
      int64_t id = 0;
      if (!ParseInt64(value, &id) || id <= 0)
        return BadQuery(key, "应为正整数", "must be a positive id");
      (key == "unit" ? q->unit_id : key == "leader" ? q->leader_id : q->parent_id) = id;
    } else if (key == "region") {
      if (value.empty() || value.size() > 12 ||
          value.find_first_not_of("0123456789") != std::string::npos) {
        return BadQuery(key, "应为区划代码", "must be an area code");
      }
      q->region_code = value;
    } else if (key == "industry") {
      if (value.empty() || value.size() > 5 || value[0] < 'A' || value[0] > 'T' ||
          value.find_first_not_of("0123456789", 1) != std::string::npos) {
        return BadQuery(key, "应为行业代码或其前缀（如P或P83）",
                        "must be an industry code or prefix (e.g. P or P83)");
      }
      q->industry = value;
    } else if (key == "year") {
      int64_t y = 0;
      if (!ParseInt64(value, &y) || y < 1990 || y > 2100) {
        return BadQuery(key, "应为1990～2100的年份", "must be a year 1990..2100");
      }
      q->year = static_cast<int>(y);
    } else if (key == "investment_min" || key == "investment_max") {
      auto money = Money::ParseWan(value);
      if (!money.ok()) return BadQuery(key, "应为以万元计的金额", "must be an amount in 万元");
      (key == "investment_min" ? q->investment_min : q->investment_max) = *money;
    } else if (key == "sort") {
      static constexpr std::pair<std::string_view, ProjectSortField> kSorts[] = {
          {"id", ProjectSortField::kId},
          {"name", ProjectSortField::kName},
          {"total_investment", ProjectSortField::kTotalInvestment},
          {"planned_start", ProjectSortField::kPlannedStart},
          {"updated_at", ProjectSortField::kUpdatedAt},
          {"stage", ProjectSortField::kStage}};
      bool found = false;
      for (const auto& [name, field] : kSorts) {
        if (name == value) {
          q->sort = field;
          found = true;
        }
      }
      if (!found) {
        return BadQuery(key, "可选：id|name|total_investment|planned_start|updated_at|stage",
                        "must be one of id|name|total_investment|planned_start|updated_at|stage");
      }
    } else if (key == "order") {
      if (value != "asc" && value != "desc")
        return BadQuery(key, "应为asc或desc", "must be asc or desc");
      q->descending = value == "desc";
    }
  }
  return Status::Ok();
}

}  // namespace keyline::api
