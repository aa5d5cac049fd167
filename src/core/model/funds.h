// Funds (资金), key lists (重点项目名单) and factor guarantees (要素保障): their entities.
//
// Money is exact (cents); quantities of factors are fixed-point micro-units (6 decimals, the
// same text form as 万元 amounts); dates are "YYYY-MM-DD"; timestamps ms since the epoch.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "common/enum_table.h"
#include "common/money.h"
#include "core/model/project.h"

namespace keyline {

// ---- Funding lines ----

// The stages of a funding line, in order. Each stage's total may never exceed the total of
// the stage before it: issued ≤ applied, arrived ≤ issued, paid ≤ arrived.
enum class FundStage { kApplied, kIssued, kArrived, kPaid };  // 申请 / 下达 / 到位 / 支付
std::span<const EnumEntry<FundStage>> FundStageTable();

// One event of a line: an application, a 下达 batch (with its 文号), an arrival, a payment.
struct FundEvent {
  int64_t id = 0;
  int64_t line_id = 0;
  FundStage stage = FundStage::kApplied;
  Money amount;
  std::string date;    // the day it happened (the 下达 document's date for kIssued)
  std::string doc_no;  // 文号 or batch number; required for kIssued
  std::string note;
  int64_t created_by = 0;
  std::string created_by_name;
  int64_t created_at = 0;
};

struct FundTotals {
  Money applied;
  Money issued;
  Money arrived;
  Money paid;
};

// A project's money from one source for one year (项目 × 资金来源 × 年度).
struct FundLine {
  int64_t id = 0;
  int64_t project_id = 0;
  FundingSource source = FundingSource::kOther;
  int year = 0;
  std::string note;
  int64_t version = 0;  // +1 on every event added; optimistic lock
  int64_t created_at = 0;
  int64_t updated_at = 0;
  FundTotals totals;              // derived from events
  std::vector<FundEvent> events;  // oldest first (filled by FundService::List)
};

// 中央预算内投资 deadlines (NDRC 2017): forward a received plan to the next level within 10
// working days, break it down to projects within 20 working days of receipt.
enum class FundDueKind { kForward, kBreakdown };  // 转发 / 分解
std::span<const EnumEntry<FundDueKind>> FundDueKindTable();

struct FundDueItem {
  int64_t id = 0;
  int64_t event_id = 0;
  int64_t line_id = 0;
  int64_t project_id = 0;
  std::string project_name;  // filled by lists
  FundDueKind kind = FundDueKind::kForward;
  std::string received_on;  // the 下达 date
  std::string doc_no;
  std::string due_on;
  std::optional<std::string> done_on;
  std::optional<int64_t> done_by;
  int64_t version = 0;
  // Derived against today: not done and today > due_on, or done after due_on (late).
  bool overdue = false;
  bool late = false;
};

// One row of a rate table: the sums of the lines in a group and the three rates.
struct FundRateRow {
  std::string key;   // source code, unit id or year
  std::string name;  // 来源名称, unit name or the year
  int64_t lines = 0;
  FundTotals totals;
  std::optional<double> issue_rate;    // issued ÷ applied
  std::optional<double> arrival_rate;  // arrived ÷ issued
  std::optional<double> payment_rate;  // paid ÷ arrived
};

// ---- Key lists (重点项目名单, 优进劣退) ----

enum class KeyListAction { kAdd, kRemove };                  // 调入 / 调出
enum class ChangeStatus { kPending, kApproved, kRejected };  // 待审核 / 已批准 / 已驳回
std::span<const EnumEntry<KeyListAction>> KeyListActionTable();
std::span<const EnumEntry<ChangeStatus>> ChangeStatusTable();
// The list levels: provincial, city, district (ProjectLevel without kNone).
std::span<const EnumEntry<ProjectLevel>> KeyListLevelTable();

// A proposed or decided change of a list: a project enters or leaves the (year, level) list on
// effective_on. Only approved changes count.
struct KeyListChange {
  int64_t id = 0;
  int year = 0;
  ProjectLevel level = ProjectLevel::kDistrict;
  int64_t project_id = 0;
  std::string project_name;  // filled by lists
  KeyListAction action = KeyListAction::kAdd;
  std::string effective_on;
  std::string reason;
  ChangeStatus status = ChangeStatus::kPending;
  int64_t proposed_by = 0;
  std::string proposed_by_name;
  int64_t proposed_at = 0;
  std::optional<int64_t> decided_by;
  std::string decided_by_name;
  std::optional<int64_t> decided_at;
  std::string decision_note;
};

// A project on a list as of a date.
struct KeyListMember {
  int64_t project_id = 0;
  std::string project_name;
  std::string added_on;
  std::string reason;
  int64_t change_id = 0;
};

// ---- Factor guarantees (要素保障) ----

enum class FactorKind { kLand, kEnergy, kEnvironment, kWater, kPower };
std::span<const EnumEntry<FactorKind>> FactorKindTable();
// The unit each kind is counted in: 亩, 吨标准煤, 吨/年, 万立方米/年, 万千瓦时/年.
std::string_view FactorUnit(FactorKind kind);

// Quantities are micro-units (1 亩 = 1,000,000), parsed and printed like 万元 amounts.
struct FactorDemand {
  int64_t id = 0;
  int64_t project_id = 0;
  std::string project_name;  // filled by lists
  FactorKind kind = FactorKind::kLand;
  int64_t demanded = 0;
  int64_t guaranteed = 0;
  std::optional<std::string> due_on;         // guarantee needed by
  std::optional<std::string> guaranteed_on;  // fully guaranteed on
  std::string note;
  int64_t version = 0;
  int64_t updated_by = 0;
  int64_t updated_at = 0;
  bool overdue = false;  // derived: guaranteed < demanded and today > due_on
};

}  // namespace keyline
