#include "core/model/snapshot.h"

#include "common/sha256.h"

namespace keyline {
namespace {

constexpr EnumEntry<SnapshotKind> kKinds[] = {
    {SnapshotKind::kBulletin, "bulletin", "月度通报"},
    {SnapshotKind::kMeetingAgenda, "meeting_agenda", "调度会议程"},
    {SnapshotKind::kMeetingMinutes, "meeting_minutes", "会议纪要"},
    {SnapshotKind::kRanking, "ranking", "排名及红黑榜"},
    {SnapshotKind::kBulletinPdf, "bulletin_pdf", "月度通报（PDF）"},
    {SnapshotKind::kBulletinXlsx, "bulletin_xlsx", "月度通报（Excel）"},
};

void AppendField(std::string* out, std::string_view value) {
  *out += std::to_string(value.size());
  out->push_back(':');
  out->append(value);
  out->push_back('\n');
}

}  // namespace

std::span<const EnumEntry<SnapshotKind>> SnapshotKindTable() { return kKinds; }

std::string SnapshotHash(const Snapshot& s) {
  std::string canonical;
  canonical.reserve(128 + s.payload.size());
  AppendField(&canonical, EnumCode(SnapshotKindTable(), s.kind));
  AppendField(&canonical, s.subject);
  AppendField(&canonical, std::to_string(s.version));
  AppendField(&canonical, s.reason);
  AppendField(&canonical, std::to_string(s.created_by));
  AppendField(&canonical, s.created_by_name);
  AppendField(&canonical, std::to_string(s.created_at));
  AppendField(&canonical, s.payload);
  return Sha256Hex(canonical);
}

}  // namespace keyline
