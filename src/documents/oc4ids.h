// OC4IDS (Open Contracting for Infrastructure Data Standard 0.9) project package of ledger
// projects. The mapping (docs/architecture.md, part "documents") in short:
//   id        prefix + 项目代码 (or prefix + "KL-" + Keyline id when the project has no code)
//   title / description   项目名称 / 建设规模及内容
//   status    谋划,储备 → identification; 前期 → preparation; 在建 → implementation;
//             竣工 → completion; 投产 → completed; 退出 → cancelled; 停缓建 → implementation
//             when it had started, else preparation
//   type      建设性质: 新建/扩建/迁建/单纯建造生活设施 → construction; 改建/恢复 → rehabilitation
//   sector    from the GB/T 4754 industry code (projectSector codelist), the code itself and the
//             project category in additionalClassifications
//   locations gazetteer GB/T 2260 region code, address, Point geometry when coordinates exist
//   budget    总投资 in CNY (yuan), budgetBreakdown from the 资金拼盘
//   parties   项目业主 (roles publicAuthority) and 责任单位 (administrativeEntity), with the
//             统一社会信用代码 as identifier when known
//   period    计划开工 – 计划竣工; completion: 实际竣工 and the final value when 竣工/投产
#pragma once

#include <string>
#include <vector>

#include "core/model/project.h"
#include "documents/name_book.h"

namespace keyline::documents {

struct Oc4idsOptions {
  std::string id_prefix = "oc4ids-keyline-";
  std::string uri;             // the package URI (a request URL or a urn:)
  std::string published_date;  // RFC 3339, e.g. "2026-03-16T10:00:00+08:00"
  std::string publisher;       // the publishing unit's name
};

// OC4IDS project status code of a stage (closed codelist projectStatus).
std::string_view Oc4idsStatus(const Project& project);
// The project's OC4IDS id.
std::string Oc4idsId(const Project& project, const std::string& prefix);
// "YYYY-MM-DD" → "YYYY-MM-DDT00:00:00+08:00" (date-time format); "" for an empty text.
std::string Oc4idsDateTime(const std::string& iso_date);
// A millisecond timestamp as RFC 3339 in Beijing time.
std::string Oc4idsTimestamp(int64_t unix_ms);

// The package JSON. projects must not be empty (the schema requires at least one).
std::string Oc4idsPackage(const std::vector<Project>& projects, const NameBook& names,
                          const Oc4idsOptions& options);

}  // namespace keyline::documents
