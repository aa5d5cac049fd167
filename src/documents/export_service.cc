#include "documents/export_service.h"

#include "common/date.h"
#include "documents/ledger_sheet.h"
#include "documents/name_book.h"
#include "documents/office_workbook.h"

namespace keyline::documents {

std::string DateZh(const std::string& iso) {
  auto d = Date::Parse(iso);
  if (!d.ok()) return "";
  return std::to_string(d->year) + "年" + std::to_string(d->month) + "月" + std::to_string(d->day) +
         "日";
}

std::string ExportService::TodayZh() const { return DateZh(projects_.Today()); }

std::string ExportService::UnitNameOf(const Caller& caller) {
  if (caller.unit_id <= 0) return "";
  std::string name;
  Status st = repos_.tx->Read([&](Tx& tx) -> Status {
    auto unit = repos_.units->Get(tx, caller.unit_id);
    if (unit.ok()) name = unit->name;
    return Status::Ok();
  });
  (void)st;
  return name;
}

Result<std::vector<Project>> ExportService::AllProjects(const Caller& caller, ProjectQuery query) {
  std::vector<Project> all;
  query.page.limit = 500;
  query.page.offset = 0;
  for (;;) {
    KL_ASSIGN_OR_RETURN(PageOf<Project> page, projects_.List(caller, query));
    if (page.total > kMaxExportRows) {
      return Status::InvalidArgument(
          "符合条件的项目超过" + std::to_string(kMaxExportRows) + "个，请缩小筛选范围",
          "more than " + std::to_string(kMaxExportRows) + " projects match; narrow the filter");
    }
    size_t got = page.items.size();
    for (Project& p : page.items) all.push_back(std::move(p));
    query.page.offset += static_cast<int64_t>(got);
    if (got == 0 || query.page.offset >= page.total) break;
  }
  return all;
}

Result<std::string> ExportService::LedgerXlsx(const Caller& caller, const ProjectQuery& query) {
  KL_ASSIGN_OR_RETURN(std::vector<Project> projects, AllProjects(caller, query));
  NameBook names;
  KL_RETURN_IF_ERROR(repos_.tx->Read([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(names, LoadNames(tx, repos_, projects));
    return Status::Ok();
  }));
  std::string unit = UnitNameOf(caller);
  std::string subtitle = (unit.empty() ? std::string() : "导出单位：" + unit + "　") + "截至：" +
                         TodayZh() + "　共" + std::to_string(projects.size()) +
                         "个项目　金额单位：万元";
  return WriteWorkbook({LedgerSheet(projects, names, subtitle)});
}

Result<std::string> ExportService::Oc4ids(const Caller& caller, const std::vector<int64_t>& ids,
                                          Oc4idsOptions options) {
  std::vector<Project> projects;
  if (ids.empty()) {
    ProjectQuery query;
    query.sort = ProjectSortField::kId;
    query.descending = false;
    KL_ASSIGN_OR_RETURN(projects, AllProjects(caller, query));
  } else {
    for (int64_t id : ids) {
      KL_ASSIGN_OR_RETURN(Project p, projects_.Get(caller, id));
      projects.push_back(std::move(p));
    }
  }
  if (projects.empty()) {
    return Status::NotFound("没有可导出的项目", "no visible project to export");
  }
  NameBook names;
  KL_RETURN_IF_ERROR(repos_.tx->Read([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(names, LoadNames(tx, repos_, projects));
    return Status::Ok();
  }));
  if (options.published_date.empty()) options.published_date = Oc4idsTimestamp(clock_.NowMs());
  if (options.publisher.empty()) options.publisher = UnitNameOf(caller);
  if (options.uri.empty()) options.uri = "urn:keyline:oc4ids:" + options.published_date;
  return Oc4idsPackage(projects, names, options);
}

}  // namespace keyline::documents
