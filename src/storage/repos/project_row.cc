#include "storage/repos/project_row.h"

#include "storage/repos/json_columns.h"
#include "storage/repos/repo_util.h"

namespace keyline::storage {

Result<Project> ReadProject(sql::ResultSet& rs, size_t row) {
  Project p;
  size_t c = 0;
  p.id = rs.GetInt(row, c++);
  p.version = rs.GetInt(row, c++);
  p.name = rs.TakeText(row, c++);
  p.code = rs.TakeOptText(row, c++);
  p.parent_id = rs.GetOptInt(row, c++);
  KL_ASSIGN_OR_RETURN(p.level,
                      StoredEnum(ProjectLevelTable(), rs.GetText(row, c++), "projects.level"));
  KL_ASSIGN_OR_RETURN(
      p.category, StoredEnum(ProjectCategoryTable(), rs.GetText(row, c++), "projects.category"));
  KL_ASSIGN_OR_RETURN(p.approval_regime, StoredEnum(ApprovalRegimeTable(), rs.GetText(row, c++),
                                                    "projects.approval_regime"));
  KL_ASSIGN_OR_RETURN(
      p.nature, StoredEnum(ConstructionNatureTable(), rs.GetText(row, c++), "projects.nature"));
  p.industry_code = rs.TakeOptText(row, c++);
  p.region_code = rs.TakeOptText(row, c++);
  p.address = rs.TakeText(row, c++);
  p.longitude = rs.GetOptDouble(row, c++);
  p.latitude = rs.GetOptDouble(row, c++);
  p.owner_unit_id = rs.GetOptInt(row, c++);
  p.responsible_unit_id = rs.GetOptInt(row, c++);
  p.scale_content = rs.TakeText(row, c++);
  p.total_investment = Money{rs.GetInt(row, c++)};
  KL_ASSIGN_OR_RETURN(p.funding, DecodeFunding(rs.GetText(row, c++)));
  p.planned_start = rs.TakeOptText(row, c++);
  p.planned_completion = rs.TakeOptText(row, c++);
  p.actual_start = rs.TakeOptText(row, c++);
  p.actual_completion = rs.TakeOptText(row, c++);
  KL_ASSIGN_OR_RETURN(p.stats_status, StoredEnum(StatsStatusTable(), rs.GetText(row, c++),
                                                 "projects.stats_status"));
  p.stats_date = rs.TakeOptText(row, c++);
  KL_ASSIGN_OR_RETURN(
      p.measurement_method,
      StoredEnum(MeasurementMethodTable(), rs.GetText(row, c++), "projects.measurement_method"));
  KL_ASSIGN_OR_RETURN(p.stage, StoredEnum(StageTable(), rs.GetText(row, c++), "projects.stage"));
  KL_ASSIGN_OR_RETURN(p.warnings, DecodeStrings(rs.GetText(row, c++)));
  p.created_at = rs.GetInt(row, c++);
  p.updated_at = rs.GetInt(row, c++);
  p.owner_credit_code = rs.TakeOptText(row, c++);
  return p;
}

std::vector<sql::Value> ProjectValues(const Project& p) {
  return {
      TextValue(p.name),
      sql::Opt(p.code),
      sql::Opt(p.parent_id),
      TextValue(EnumCode(ProjectLevelTable(), p.level)),
      TextValue(EnumCode(ProjectCategoryTable(), p.category)),
      TextValue(EnumCode(ApprovalRegimeTable(), p.approval_regime)),
      TextValue(EnumCode(ConstructionNatureTable(), p.nature)),
      sql::Opt(p.industry_code),
      sql::Opt(p.region_code),
      TextValue(p.address),
      sql::Opt(p.longitude),
      sql::Opt(p.latitude),
      sql::Opt(p.owner_unit_id),
      sql::Opt(p.responsible_unit_id),
      TextValue(p.scale_content),
      IntValue(p.total_investment.cents),
      TextValue(EncodeFunding(p.funding)),
      sql::Opt(p.planned_start),
      sql::Opt(p.planned_completion),
      sql::Opt(p.actual_start),
      sql::Opt(p.actual_completion),
      TextValue(EnumCode(StatsStatusTable(), p.stats_status)),
      sql::Opt(p.stats_date),
      TextValue(EnumCode(MeasurementMethodTable(), p.measurement_method)),
      TextValue(EnumCode(StageTable(), p.stage)),
      TextValue(EncodeStrings(p.warnings)),
      sql::Opt(p.owner_credit_code),
  };
}

}  // namespace keyline::storage
