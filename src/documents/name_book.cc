#include "documents/name_book.h"

namespace keyline::documents {

const Unit* NameBook::FindUnit(const std::optional<int64_t>& id) const {
  if (!id) return nullptr;
  auto it = units.find(*id);
  return it == units.end() ? nullptr : &it->second;
}

std::string NameBook::UnitName(const std::optional<int64_t>& id) const {
  const Unit* u = FindUnit(id);
  return u ? u->name : std::string();
}

std::string NameBook::RegionName(const std::optional<std::string>& code) const {
  if (!code) return "";
  auto it = regions.find(*code);
  return it == regions.end() ? *code : it->second;
}

Result<NameBook> LoadNames(Tx& tx, const Repositories& repos, const std::vector<Project>& projects,
                           const std::vector<int64_t>& extra_units) {
  NameBook book;
  auto add_unit = [&](std::optional<int64_t> id) -> Status {
    if (!id || book.units.count(*id)) return Status::Ok();
    auto unit = repos.units->Get(tx, *id);
    if (unit.ok()) {
      book.units.emplace(*id, std::move(*unit));
    } else if (unit.status().code() != ErrorCode::kNotFound) {
      return unit.status();
    }
    return Status::Ok();
  };
  for (const Project& p : projects) {
    KL_RETURN_IF_ERROR(add_unit(p.owner_unit_id));
    KL_RETURN_IF_ERROR(add_unit(p.responsible_unit_id));
    if (p.region_code && !book.regions.count(*p.region_code)) {
      auto region = repos.regions->Get(tx, *p.region_code);
      if (region.ok()) {
        book.regions.emplace(*p.region_code, region->name);
      } else if (region.status().code() != ErrorCode::kNotFound) {
        return region.status();
      }
    }
  }
  for (int64_t id : extra_units) KL_RETURN_IF_ERROR(add_unit(id));
  return book;
}

}  // namespace keyline::documents
