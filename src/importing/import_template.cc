// The import templates: their columns (import_template.h) and ImportService::Template, the
// rows of a monthly-figures template (import_service.h).
#include "importing/import_template.h"

#include <unordered_map>

#include "core/service/project_access.h"
#include "importing/import_service.h"

namespace keyline::importing {

std::vector<TemplateColumn> TemplateColumns(ImportKind kind, std::optional<int> period) {
  if (kind == ImportKind::kReports) {
    return {{"code", "项目代码", false, 28},
            {"name", "项目名称", false, 32},
            {"month_investment", "本月完成投资（万元）", true, 16},
            {"progress", "形象进度", false, 36},
            {"problems", "存在问题", false, 30}};
  }
  std::string plan = "年度计划投资（万元）";
  std::string ytd = "累计完成投资（万元）";
  if (period) {
    plan = std::to_string(*period / 100) + "年计划投资（万元）";
    ytd = "1-" + std::to_string(*period % 100) + "月完成投资（万元）";
  }
  return {{"name", "项目名称", false, 32},
          {"code", "项目代码", false, 28},
          {"owner", "建设单位", false, 24},
          {"owner_credit_code", "建设单位统一社会信用代码", false, 22},
          {"responsible_unit", "责任单位", false, 16},
          {"address", "建设地点", false, 16},
          {"scale_content", "建设内容及规模", false, 36},
          {"total_investment", "总投资（万元）", true, 14},
          {"planned_start", "计划开工时间", false, 13},
          {"planned_completion", "计划竣工时间", false, 13},
          {"actual_start", "实际开工时间", false, 13},
          {"actual_completion", "实际竣工时间", false, 13},
          {"stage", "项目阶段", false, 10},
          {"level", "项目级别", false, 10},
          {"industry", "所属行业", false, 14},
          {"nature", "建设性质", false, 10},
          {"approval_regime", "立项类型", false, 10},
          {"annual_plan", plan, true, 14},
          {"ytd_completed", ytd, true, 14},
          {"progress", "形象进度", false, 30},
          {"leader", "包抓领导", false, 12},
          {"longitude", "经度", false, 10},
          {"latitude", "纬度", false, 10}};
}

Result<ImportTemplate> ImportService::Template(const Caller& caller, ImportKind kind,
                                               std::optional<int> period) {
  KL_RETURN_IF_ERROR(CheckRole(caller, kind));
  ImportTemplate out;
  out.columns = TemplateColumns(kind, period);
  if (kind == ImportKind::kLedger) {
    out.title = "重点项目台账导入模板";
    return out;
  }
  if (!period) {
    return Status::InvalidArgument("查询参数 period 应为YYYYMM",
                                   "query parameter period must be YYYYMM",
                                   {{"period", "应为YYYYMM", "must be YYYYMM"}});
  }
  out.title = std::to_string(*period / 100) + "年" + std::to_string(*period % 100) +
              "月 重点项目月报导入模板";
  ProjectScope scope = ScopeFor(caller, projects_.Today());
  Status st = repos_.tx->Read([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(std::vector<ReportingRow> due,
                        report_rows_.Reporting(tx, *period, ProjectQuery{}, scope));
    KL_ASSIGN_OR_RETURN(std::vector<ProjectMatchKey> keys, imports_.ProjectKeys(tx));
    std::unordered_map<int64_t, std::string> codes;
    codes.reserve(keys.size());
    for (ProjectMatchKey& k : keys) {
      if (k.code) codes.emplace(k.id, std::move(*k.code));
    }
    out.rows.reserve(due.size());
    for (ReportingRow& row : due) {
      auto it = codes.find(row.project_id);
      out.rows.push_back({it == codes.end() ? "" : it->second, std::move(row.project_name)});
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

}  // namespace keyline::importing
