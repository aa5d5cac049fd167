#include "engine/service/ranking_publisher.h"

#include "common/json_writer.h"
#include "core/service/engine_access.h"

namespace keyline::engine {
namespace {

bool ReadsPublished(Role role) { return ReadsPublishedRankings(role); }

}  // namespace

std::string RankingResultJson(const RankingResult& r) {
  JsonWriter w;
  w.BeginObject().Key("scheme").String(r.scheme.code).Key("scheme_name_zh");
  w.String(r.scheme.name_zh).Key("period").String(r.period.label);
  w.Key("previous_period").String(r.previous.label);
  // The list is the area's official one for every viewer; a scoped viewer gets its rows only.
  w.Key("rows_scope").String(r.whole_area ? "all" : "own");
  w.Key("scope_note_zh")
      .String(r.whole_area ? "全区统一排名" : "全区统一排名，仅显示本单位及所负责项目单位的行");
  w.Key("scope_note_en")
      .String(r.whole_area ? "the area's official ranking"
                           : "the area's official ranking; only your units' rows are shown");
  w.Key("groups").BeginArray();
  for (const auto& g : r.groups) {
    w.BeginObject().Key("code").String(g.code).Key("name_zh").String(g.name_zh);
    w.Key("units_ranked").Int(g.units_ranked);
    w.Key("rows").BeginArray();
    for (const auto& row : g.rows) {
      const RankedUnit& u = row.ranked;
      w.BeginObject().Key("unit_id").Int(u.unit_id).Key("unit_name").String(row.unit_name);
      w.Key("score").String(u.score_text).Key("components").BeginArray();
      for (const auto& c : u.components) {
        w.BeginObject().Key("indicator").String(c.indicator).Key("percent").String(c.percent);
        w.Key("points").String(c.points).EndObject();
      }
      w.EndArray().Key("ranked").Bool(u.ranked);
      w.Key("applicable_weight").Int(u.applicable_weight);
      w.Key("rank").OptInt(u.ranked ? std::optional<int64_t>(u.rank) : std::nullopt);
      w.Key("tied").Bool(u.tied);
      w.Key("previous_rank")
          .OptInt(u.previous_rank ? std::optional<int64_t>(*u.previous_rank) : std::nullopt);
      w.Key("change").OptInt(u.change ? std::optional<int64_t>(*u.change) : std::nullopt);
      w.Key("met_target").Bool(u.met_target).Key("list").String(u.list);
      w.Key("exempt").Bool(u.exempt).Key("exemption_reason").String(u.exemption_reason);
      w.EndObject();
    }
    w.EndArray().EndObject();
  }
  w.EndArray().EndObject();
  return w.Take();
}

Result<std::string> RankingPublisher::Subject(const std::string& scheme,
                                              const std::string& period) {
  KL_ASSIGN_OR_RETURN(RankingScheme s, rankings_.Get(scheme));
  KL_ASSIGN_OR_RETURN(RankingPeriod p, ParseRankingPeriod(period, s.period_kind));
  return s.code + ":" + p.label;
}

Result<Snapshot> RankingPublisher::Publish(const Caller& caller, const std::string& scheme,
                                           const std::string& period, const std::string& reason) {
  if (!MayConfigureEngine(caller.role)) {
    return Status::Forbidden("只有管理员和发改部门可以发布排名及红黑榜",
                             "only admin and supervisor (发改) may publish a ranking");
  }
  KL_ASSIGN_OR_RETURN(RankingResult r, rankings_.Rank(caller, scheme, period));
  std::string subject = r.scheme.code + ":" + r.period.label;
  Snapshot out;
  Status st = tx_.Write([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(out, snapshots_.PublishIn(tx, caller, SnapshotKind::kRanking, subject,
                                                  RankingResultJson(r), reason));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<std::optional<Snapshot>> RankingPublisher::Published(const Caller& caller,
                                                            const std::string& scheme,
                                                            const std::string& period,
                                                            std::optional<int64_t> version) {
  if (!ReadsPublished(caller.role)) {
    return Status::Forbidden("项目单位无权查看排名", "project companies cannot read rankings");
  }
  KL_ASSIGN_OR_RETURN(std::string subject, Subject(scheme, period));
  if (!version) return snapshots_.Latest(SnapshotKind::kRanking, subject);
  KL_ASSIGN_OR_RETURN(Snapshot s, snapshots_.Get(SnapshotKind::kRanking, subject, *version));
  return std::optional<Snapshot>(std::move(s));
}

Result<std::vector<Snapshot>> RankingPublisher::Versions(const Caller& caller,
                                                         const std::string& scheme,
                                                         const std::string& period) {
  if (!ReadsPublished(caller.role)) {
    return Status::Forbidden("项目单位无权查看排名", "project companies cannot read rankings");
  }
  KL_ASSIGN_OR_RETURN(std::string subject, Subject(scheme, period));
  return snapshots_.Versions(SnapshotKind::kRanking, subject);
}

}  // namespace keyline::engine
