#include "storage/repos/paged_list.h"

namespace keyline::storage {

void AndContains(SqlBuilder& b, sql::Dialect dialect, std::string_view first,
                 std::string_view second, std::string_view text) {
  std::string like =
      dialect == sql::Dialect::kPostgres ? " ILIKE ? ESCAPE '\\'" : " LIKE ? ESCAPE '\\'";
  std::string fragment = std::string(first) + like + " OR " + std::string(second) + like;
  std::string pattern = LikeContains(text);
  b.And(fragment, {TextValue(pattern), TextValue(pattern)});
}

}  // namespace keyline::storage
