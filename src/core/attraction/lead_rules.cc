#include "core/attraction/lead_rules.h"

#include <vector>

#include "common/date.h"
#include "core/codes/credit_code.h"
#include "core/codes/industry_code.h"

namespace keyline {
namespace {

bool Blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

void Upper(std::string* s) {
  for (char& c : *s) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
}

}  // namespace

Status InvalidFields(std::vector<FieldError> errors) {
  if (errors.empty()) return Status::Ok();
  FieldError first = errors.front();
  return Status::InvalidArgument(first.message_zh, first.message_en, std::move(errors));
}

int LeadStageRank(LeadStage stage) {
  switch (stage) {
    case LeadStage::kLead:
      return 0;
    case LeadStage::kNegotiating:
      return 1;
    case LeadStage::kSigned:
      return 2;
    case LeadStage::kRegistered:
      return 3;
    case LeadStage::kLanded:
      return 4;
    case LeadStage::kDropped:
      return -1;
  }
  return -1;
}

Status ValidateLead(Lead* lead) {
  std::vector<FieldError> errors;
  if (Blank(lead->company)) {
    errors.push_back({"company", "企业名称不能为空", "company is required"});
  }
  if (lead->intended_investment.cents < 0 || lead->intended_investment > kMaxAttractionAmount) {
    errors.push_back({"intended_investment", "意向投资额应在 0 至 1 万亿元之间",
                      "intended_investment must be between 0 and 10^8 万元"});
  }
  if (lead->credit_code) {
    Upper(&*lead->credit_code);
    codes::CodeCheck check = codes::CheckCreditCode(*lead->credit_code, false);
    if (check.level == codes::CodeCheck::Level::kError) {
      errors.push_back({"credit_code", "统一社会信用代码" + check.message_zh,
                        "credit code: " + check.message_en});
    } else if (check.level == codes::CodeCheck::Level::kWarning) {
      lead->warnings.push_back("统一社会信用代码" + check.message_zh);
    }
  }
  if (lead->industry_code) {
    if (!lead->industry_code->empty()) Upper(&(*lead->industry_code));
    codes::CodeCheck check = codes::CheckIndustryCode(*lead->industry_code);
    if (check.level == codes::CodeCheck::Level::kError) {
      errors.push_back(
          {"industry_code", "行业代码" + check.message_zh, "industry code: " + check.message_en});
    } else if (check.level == codes::CodeCheck::Level::kWarning) {
      lead->warnings.push_back("行业代码" + check.message_zh);
    }
  }
  if (lead->next_step_date && !Date::Parse(*lead->next_step_date).ok()) {
    errors.push_back({"next_step_date", "日期格式应为 YYYY-MM-DD", "expected YYYY-MM-DD"});
  }
  if (lead->responsible_unit_id <= 0) {
    errors.push_back(
        {"responsible_unit_id", "责任单位不能为空", "responsible_unit_id is required"});
  }
  return InvalidFields(std::move(errors));
}

Status ValidateContract(const Contract& c) {
  std::vector<FieldError> errors;
  if (Blank(c.contract_no)) {
    errors.push_back({"contract_no", "合同编号不能为空", "contract_no is required"});
  }
  if (!Date::Parse(c.signed_on).ok()) {
    errors.push_back(
        {"signed_on", "签约日期格式应为 YYYY-MM-DD", "signed_on: expected YYYY-MM-DD"});
  }
  if (c.amount.cents <= 0 || c.amount > kMaxAttractionAmount) {
    errors.push_back({"amount", "合同金额应大于 0 且不超过 1 万亿元",
                      "amount must be positive and at most 10^8 万元"});
  }
  if (c.funds_in_place.cents < 0 || c.funds_in_place > kMaxAttractionAmount) {
    errors.push_back({"funds_in_place", "到位资金应在 0 至 1 万亿元之间",
                      "funds_in_place must be between 0 and 10^8 万元"});
  }
  return InvalidFields(std::move(errors));
}

Status CheckLeadMove(LeadStage from, LeadStage to, bool has_contract, const std::string& reason) {
  if (from == to) return Status::Conflict("线索已处于该阶段", "the lead is already in that stage");
  int from_rank = LeadStageRank(from);
  int to_rank = LeadStageRank(to);
  if (to_rank >= LeadStageRank(LeadStage::kSigned) && !has_contract) {
    return Status::Conflict("须先登记签约合同", "register the signed contract first");
  }
  if (has_contract && to_rank >= 0 && to_rank < LeadStageRank(LeadStage::kSigned)) {
    return Status::Conflict("已签约的线索不能退回签约前的阶段",
                            "a signed lead cannot go back before 签约");
  }
  bool needs_reason =
      to == LeadStage::kDropped || from == LeadStage::kDropped || to_rank < from_rank;
  if (needs_reason && Blank(reason)) {
    return Status::InvalidArgument("请填写原因", "a reason is required",
                                   {{"reason", "请填写原因", "a reason is required"}});
  }
  return Status::Ok();
}

}  // namespace keyline
