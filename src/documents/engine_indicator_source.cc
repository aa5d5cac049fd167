#include "documents/engine_indicator_source.h"

#include <charconv>
#include <map>

#include "engine/evaluate.h"
#include "engine/rational.h"

namespace keyline::documents {

Result<RatesTable> EngineIndicatorSource::FiveRates(const Caller&, const BulletinScope& scope) {
  KL_ASSIGN_OR_RETURN(auto all, catalogue_.List());
  std::vector<std::shared_ptr<const engine::CompiledIndicator>> set;
  for (auto& indicator : all) {
    if (indicator->def.code.rfind(prefix_, 0) == 0) set.push_back(indicator);
  }
  RatesTable table;
  if (set.empty()) {
    table.note = "暂无数据（未定义指标）";
    return table;
  }
  engine::EvalOptions options;
  options.period = scope.period;
  options.grouping.by = engine::GroupBy::kUnit;
  options.drilldown = false;
  // unit key → one rate per indicator
  std::map<std::string, std::vector<std::optional<double>>> rows;
  {
    KL_ASSIGN_OR_RETURN(engine::FactsView view, facts_.Read());
    for (size_t i = 0; i < set.size(); ++i) {
      table.columns.push_back(set[i]->def.name_zh);
      table.decimals.push_back(set[i]->def.decimals);
      KL_ASSIGN_OR_RETURN(std::vector<engine::IndicatorValue> values,
                          engine::EvaluateIndicator(view.facts(), *set[i], options));
      for (const engine::IndicatorValue& v : values) {
        auto& row = rows[v.key];
        row.resize(set.size());
        if (v.rate) row[i] = engine::ToDouble(*v.rate);
      }
    }
  }
  std::string own = scope.unit_id ? std::to_string(*scope.unit_id) : "";
  KL_RETURN_IF_ERROR(repos_.tx->Read([&](Tx& tx) -> Status {
    for (auto& [key, rates] : rows) {
      if (!own.empty() && key != own) continue;
      rates.resize(set.size());
      RatesTable::Row row;
      row.rates = rates;
      if (key == "none") {
        row.unit = "未明确责任单位";
      } else {
        int64_t id = 0;
        std::from_chars(key.data(), key.data() + key.size(), id);
        auto unit = repos_.units->Get(tx, id);
        row.unit = unit.ok() ? unit->name : "单位" + key;
      }
      table.rows.push_back(std::move(row));
    }
    return Status::Ok();
  }));
  table.available = true;
  if (table.rows.empty()) table.note = "暂无数据";
  return table;
}

}  // namespace keyline::documents
