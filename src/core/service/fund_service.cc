#include "core/service/fund_service.h"

#include <map>

#include "common/date.h"
#include "core/funds/deadlines.h"
#include "core/funds/fund_chain.h"
#include "core/model/funds_json.h"
#include "core/model/json.h"
#include "core/service/funds_access.h"
#include "core/service/project_access.h"
#include "core/service/supervision_access.h"

namespace keyline {
namespace {

Status Field(const char* field, const std::string& zh, const std::string& en) {
  return Status::InvalidArgument(zh, en, {{field, zh, en}});
}

Status RequireWriter(const Caller& caller) {
  if (MayWriteFunds(caller.role)) return Status::Ok();
  return Status::Forbidden("当前角色无权登记资金", "this role may not record funds");
}

}  // namespace

std::string FundService::Today() const { return BeijingToday(clock_.NowMs()); }

Status FundService::LoadEvents(Tx& tx, std::vector<FundLine>* lines) {
  std::vector<int64_t> ids;
  for (const FundLine& l : *lines) ids.push_back(l.id);
  KL_ASSIGN_OR_RETURN(std::vector<FundEvent> events, funds_.funds->EventsOfLines(tx, ids));
  std::map<int64_t, FundLine*> by_id;
  for (FundLine& l : *lines) by_id[l.id] = &l;
  for (FundEvent& e : events) {
    auto it = by_id.find(e.line_id);
    if (it != by_id.end()) it->second->events.push_back(std::move(e));
  }
  for (FundLine& l : *lines) l.totals = SumEvents(l.events);
  return Status::Ok();
}

Result<std::vector<FundLine>> FundService::Lines(const Caller& caller, int64_t project_id) {
  std::vector<FundLine> out;
  KL_RETURN_IF_ERROR(repos_.tx->Read([&](Tx& tx) -> Status {
    KL_RETURN_IF_ERROR(
        LoadVisibleProject(*repos_.projects, tx, caller, project_id, Today()).status());
    KL_ASSIGN_OR_RETURN(out, funds_.funds->LinesOfProject(tx, project_id));
    return LoadEvents(tx, &out);
  }));
  return out;
}

Result<FundLine> FundService::CreateLine(const Caller& caller, int64_t project_id,
                                         FundLineInput in) {
  if (in.year < 2000 || in.year > 2100) {
    return Field("year", "年度须在 2000–2100 之间", "the year must be 2000..2100");
  }
  FundLine line;
  KL_RETURN_IF_ERROR(repos_.tx->Write([&](Tx& tx) -> Status {
    KL_RETURN_IF_ERROR(
        LoadVisibleProject(*repos_.projects, tx, caller, project_id, Today()).status());
    KL_RETURN_IF_ERROR(RequireWriter(caller));
    KL_ASSIGN_OR_RETURN(std::vector<FundLine> existing,
                        funds_.funds->LinesOfProject(tx, project_id));
    for (const FundLine& l : existing) {
      if (l.source == in.source && l.year == in.year) {
        return Status::Conflict("该项目本年度已有此来源的资金条目",
                                "the project already has a line for this source and year");
      }
    }
    int64_t now = clock_.NowMs();
    line.project_id = project_id;
    line.source = in.source;
    line.year = in.year;
    line.note = std::move(in.note);
    line.version = 1;
    line.created_at = now;
    line.updated_at = now;
    KL_ASSIGN_OR_RETURN(line.id, funds_.funds->InsertLine(tx, line));
    return audit_.Record(tx, caller, "create", "fund_line", std::to_string(line.id), "",
                         ToJson(line));
  }));
  return line;
}

Result<FundLine> FundService::AddEvent(const Caller& caller, int64_t line_id, FundEventInput in) {
  std::string today = Today();
  if (in.date > today) {
    return Field("date", "日期不能晚于今天", "the date cannot be in the future");
  }
  if (in.stage == FundStage::kIssued &&
      in.doc_no.find_first_not_of(" \t\r\n") == std::string::npos) {
    return Field("doc_no", "资金下达须填写文号或批次", "an issue (下达) needs its document number");
  }
  FundLine line;
  KL_RETURN_IF_ERROR(repos_.tx->Write([&](Tx& tx) -> Status {
    auto found = funds_.funds->GetLine(tx, line_id);
    if (!found.ok()) return found.status();
    line = std::move(*found);
    KL_RETURN_IF_ERROR(
        LoadVisibleProject(*repos_.projects, tx, caller, line.project_id, today).status());
    KL_RETURN_IF_ERROR(RequireWriter(caller));
    if (line.version != in.expected_version) {
      return Status::Conflict("资金条目已被他人修改，请刷新后重试",
                              "the funding line was changed by someone else; reload and retry");
    }
    std::vector<FundLine> one{line};
    KL_RETURN_IF_ERROR(LoadEvents(tx, &one));
    FundLine before = one[0];
    KL_ASSIGN_OR_RETURN(FundTotals totals, AddToChain(before.totals, in.stage, in.amount));
    int64_t now = clock_.NowMs();
    FundEvent event;
    event.line_id = line_id;
    event.stage = in.stage;
    event.amount = in.amount;
    event.date = in.date;
    event.doc_no = std::move(in.doc_no);
    event.note = std::move(in.note);
    event.created_by = caller.user_id;
    event.created_by_name = caller.Name();
    event.created_at = now;
    KL_ASSIGN_OR_RETURN(event.id, funds_.funds->InsertEvent(tx, event));
    KL_RETURN_IF_ERROR(funds_.funds->TouchLine(tx, line_id, in.expected_version, now));
    line = before;
    line.version += 1;
    line.updated_at = now;
    line.totals = totals;
    line.events.push_back(event);
    if (line.source == FundingSource::kCentralBudget && event.stage == FundStage::kIssued) {
      KL_ASSIGN_OR_RETURN(Date received, Date::Parse(event.date));
      for (const auto& [kind, due] : CentralBudgetDueDates(received, calendar_)) {
        FundDueItem item;
        item.event_id = event.id;
        item.line_id = line_id;
        item.project_id = line.project_id;
        item.kind = kind;
        item.received_on = event.date;
        item.doc_no = event.doc_no;
        item.due_on = due.ToString();
        KL_RETURN_IF_ERROR(funds_.funds->InsertDueItem(tx, item).status());
      }
    }
    return audit_.Record(tx, caller, "add_event", "fund_line", std::to_string(line_id),
                         ToJson(before), ToJson(line));
  }));
  return line;
}

Result<std::vector<FundDueItem>> FundService::DueItems(const Caller& caller,
                                                       std::optional<int64_t> project_id,
                                                       bool open_only) {
  std::string today = Today();
  std::vector<FundDueItem> out;
  KL_RETURN_IF_ERROR(repos_.tx->Read([&](Tx& tx) -> Status {
    if (project_id) {
      KL_RETURN_IF_ERROR(
          LoadVisibleProject(*repos_.projects, tx, caller, *project_id, today).status());
    }
    KL_ASSIGN_OR_RETURN(
        out, funds_.funds->ListDueItems(tx, ScopeFor(caller, today), project_id, open_only));
    return Status::Ok();
  }));
  for (FundDueItem& item : out) MarkDue(&item, today);
  return out;
}

Result<FundDueItem> FundService::CompleteDueItem(const Caller& caller, int64_t id,
                                                 const std::string& done_on,
                                                 int64_t expected_version) {
  std::string today = Today();
  if (done_on > today) {
    return Field("done_on", "完成日期不能晚于今天", "done_on cannot be in the future");
  }
  FundDueItem item;
  KL_RETURN_IF_ERROR(repos_.tx->Write([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(item, funds_.funds->GetDueItem(tx, id));
    if (!LoadVisibleProject(*repos_.projects, tx, caller, item.project_id, today).ok()) {
      return Status::NotFound("督办事项不存在或无权查看", "due item not found");
    }
    KL_RETURN_IF_ERROR(RequireWriter(caller));
    if (item.version != expected_version) {
      return Status::Conflict("督办事项已被他人修改，请刷新后重试",
                              "the due item was changed by someone else; reload and retry");
    }
    if (item.done_on) return Status::Conflict("该事项已办结", "this item is already done");
    if (done_on < item.received_on) {
      return Field("done_on", "完成日期不能早于下达日期", "done_on cannot precede the issue date");
    }
    FundDueItem before = item;
    item.done_on = done_on;
    item.done_by = caller.user_id;
    KL_RETURN_IF_ERROR(funds_.funds->UpdateDueItem(tx, item, expected_version));
    item.version += 1;
    return audit_.Record(tx, caller, "complete", "fund_due_item", std::to_string(id),
                         ToJson(before), ToJson(item));
  }));
  MarkDue(&item, today);
  return item;
}

Result<FundRateTable> FundService::Rates(const Caller& caller, FundRateGroup group,
                                         std::optional<int> year) {
  std::vector<FundRateInput> inputs;
  KL_RETURN_IF_ERROR(repos_.tx->Read([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(inputs, funds_.funds->RateInputs(tx, ScopeFor(caller, Today()), year));
    return Status::Ok();
  }));
  FundRateTable out;
  out.rows = FundRates(inputs, group);
  // The total: every line in one group.
  for (FundRateInput& in : inputs) in.year = 0;
  std::vector<FundRateRow> all = FundRates(inputs, FundRateGroup::kYear);
  if (!all.empty()) out.total = std::move(all[0]);
  out.total.key = "total";
  out.total.name = "合计";
  FillRates(&out.total);
  return out;
}

}  // namespace keyline
