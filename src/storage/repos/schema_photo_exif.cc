// Schema for where and when a site photo was taken: migration 21.
//   - attachments.taken_at / latitude / longitude: read from a JPEG's EXIF when it is stored
//     (core/reporting/exif.h); NULL for other files and for photos without EXIF.
#include "storage/repos/migrations.h"

namespace keyline {
namespace {

constexpr std::string_view kPhotoExifSchemaV21 = R"sql(
ALTER TABLE attachments ADD COLUMN taken_at TEXT;
ALTER TABLE attachments ADD COLUMN latitude {real};
ALTER TABLE attachments ADD COLUMN longitude {real};
)sql";

}  // namespace

Migration PhotoExifMigration() {
  return {21, "photo EXIF on attachments: taken_at, latitude, longitude",
          ExpandSchema(kPhotoExifSchemaV21, sql::Dialect::kSqlite),
          ExpandSchema(kPhotoExifSchemaV21, sql::Dialect::kPostgres)};
}

}  // namespace keyline
