#include "core/model/funds_json.h"

#include <cmath>

namespace keyline {
namespace {

void Rate(JsonWriter& w, const char* key, const std::optional<double>& v) {
  w.Key(key);
  if (v) {
    w.Double(std::round(*v * 1e6) / 1e6);
  } else {
    w.Null();
  }
}

}  // namespace

std::string QuantityText(int64_t micros) { return Money{micros}.ToWanString(); }

void WriteJson(JsonWriter& w, const FundTotals& t) {
  w.BeginObject();
  w.Key("applied").String(t.applied.ToWanString());
  w.Key("issued").String(t.issued.ToWanString());
  w.Key("arrived").String(t.arrived.ToWanString());
  w.Key("paid").String(t.paid.ToWanString());
  w.EndObject();
}

void WriteJson(JsonWriter& w, const FundEvent& e) {
  w.BeginObject();
  w.Key("id").Int(e.id);
  w.Key("line_id").Int(e.line_id);
  w.Key("stage").String(EnumCode(FundStageTable(), e.stage));
  w.Key("amount").String(e.amount.ToWanString());
  w.Key("date").String(e.date);
  w.Key("doc_no").String(e.doc_no);
  w.Key("note").String(e.note);
  w.Key("created_by").Int(e.created_by);
  w.Key("created_by_name").String(e.created_by_name);
  w.Key("created_at").Int(e.created_at);
  w.EndObject();
}

void WriteJson(JsonWriter& w, const FundLine& l) {
  w.BeginObject();
  w.Key("id").Int(l.id);
  w.Key("project_id").Int(l.project_id);
  w.Key("source").String(EnumCode(FundingSourceTable(), l.source));
  w.Key("year").Int(l.year);
  w.Key("note").String(l.note);
  w.Key("version").Int(l.version);
  w.Key("created_at").Int(l.created_at);
  w.Key("updated_at").Int(l.updated_at);
  w.Key("totals");
  WriteJson(w, l.totals);
  w.Key("events").BeginArray();
  for (const FundEvent& e : l.events) WriteJson(w, e);
  w.EndArray();
  w.EndObject();
}

void WriteJson(JsonWriter& w, const FundDueItem& d) {
  w.BeginObject();
  w.Key("id").Int(d.id);
  w.Key("event_id").Int(d.event_id);
  w.Key("line_id").Int(d.line_id);
  w.Key("project_id").Int(d.project_id);
  w.Key("project_name").String(d.project_name);
  w.Key("kind").String(EnumCode(FundDueKindTable(), d.kind));
  w.Key("received_on").String(d.received_on);
  w.Key("doc_no").String(d.doc_no);
  w.Key("due_on").String(d.due_on);
  w.Key("done_on").OptString(d.done_on);
  w.Key("done_by").OptInt(d.done_by);
  w.Key("version").Int(d.version);
  w.Key("overdue").Bool(d.overdue);
  w.Key("late").Bool(d.late);
  w.EndObject();
}

void WriteJson(JsonWriter& w, const FundRateRow& r) {
  w.BeginObject();
  w.Key("key").String(r.key);
  w.Key("name").String(r.name);
  w.Key("lines").Int(r.lines);
  w.Key("totals");
  WriteJson(w, r.totals);
  Rate(w, "issue_rate", r.issue_rate);
  Rate(w, "arrival_rate", r.arrival_rate);
  Rate(w, "payment_rate", r.payment_rate);
  w.EndObject();
}

void WriteJson(JsonWriter& w, const KeyListChange& c) {
  w.BeginObject();
  w.Key("id").Int(c.id);
  w.Key("year").Int(c.year);
  w.Key("level").String(EnumCode(KeyListLevelTable(), c.level));
  w.Key("project_id").Int(c.project_id);
  w.Key("project_name").String(c.project_name);
  w.Key("action").String(EnumCode(KeyListActionTable(), c.action));
  w.Key("effective_on").String(c.effective_on);
  w.Key("reason").String(c.reason);
  w.Key("status").String(EnumCode(ChangeStatusTable(), c.status));
  w.Key("proposed_by").Int(c.proposed_by);
  w.Key("proposed_by_name").String(c.proposed_by_name);
  w.Key("proposed_at").Int(c.proposed_at);
  w.Key("decided_by").OptInt(c.decided_by);
  w.Key("decided_by_name").String(c.decided_by_name);
  w.Key("decided_at").OptInt(c.decided_at);
  w.Key("decision_note").String(c.decision_note);
  w.EndObject();
}

void WriteJson(JsonWriter& w, const KeyListMember& m) {
  w.BeginObject();
  w.Key("project_id").Int(m.project_id);
  w.Key("project_name").String(m.project_name);
  w.Key("added_on").String(m.added_on);
  w.Key("reason").String(m.reason);
  w.Key("change_id").Int(m.change_id);
  w.EndObject();
}

void WriteJson(JsonWriter& w, const FactorDemand& f) {
  w.BeginObject();
  w.Key("id").Int(f.id);
  w.Key("project_id").Int(f.project_id);
  w.Key("project_name").String(f.project_name);
  w.Key("kind").String(EnumCode(FactorKindTable(), f.kind));
  w.Key("unit").String(FactorUnit(f.kind));
  w.Key("demanded").String(QuantityText(f.demanded));
  w.Key("guaranteed").String(QuantityText(f.guaranteed));
  w.Key("due_on").OptString(f.due_on);
  w.Key("guaranteed_on").OptString(f.guaranteed_on);
  w.Key("note").String(f.note);
  w.Key("version").Int(f.version);
  w.Key("updated_by").Int(f.updated_by);
  w.Key("updated_at").Int(f.updated_at);
  w.Key("overdue").Bool(f.overdue);
  w.EndObject();
}

}  // namespace keyline
