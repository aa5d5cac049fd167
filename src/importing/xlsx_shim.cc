// TEMPORARY: the pure helpers of xlsx/workbook_reader.h until branch `xlsx` (which owns them)
// is merged; this file is deleted by that merge. Same contract as the header.
#include <cmath>

#include "xlsx/workbook_reader.h"

namespace keyline::xlsx {

std::optional<Date> SerialToDate(double serial, bool date1904) {
  if (!std::isfinite(serial) || serial < 0) return std::nullopt;
  int64_t days = static_cast<int64_t>(std::floor(serial));
  int64_t epoch;  // days since 1970-01-01 of serial 0
  if (date1904) {
    epoch = Date{1904, 1, 1}.ToDays();
  } else {
    if (days == 60 || days < 1) return std::nullopt;
    if (days > 60) --days;
    epoch = Date{1899, 12, 31}.ToDays();
  }
  Date d = Date::FromDays(epoch + days);
  if (d.year < 1900 || d.year > 9999) return std::nullopt;
  return d;
}

std::optional<int> ColumnIndex(std::string_view letters) {
  if (letters.empty() || letters.size() > 3) return std::nullopt;
  int v = 0;
  for (char c : letters) {
    if (c < 'A' || c > 'Z') return std::nullopt;
    v = v * 26 + (c - 'A' + 1);
  }
  return v - 1;
}

std::string ColumnLetters(int index) {
  std::string out;
  for (int n = index + 1; n > 0; n = (n - 1) / 26) out.insert(out.begin(), 'A' + (n - 1) % 26);
  return out;
}

}  // namespace keyline::xlsx

namespace keyline::xlsx {

// Until the reader lands: every workbook is refused with a clear message.
Result<std::unique_ptr<WorkbookReader>> WorkbookReader::OpenBytes(std::string, Limits) {
  return Status::Unavailable("xlsx 读取器尚未接入", "the xlsx reader is not built in yet");
}
Result<std::unique_ptr<WorkbookReader>> WorkbookReader::OpenFile(const std::string&, Limits) {
  return Status::Unavailable("xlsx 读取器尚未接入", "the xlsx reader is not built in yet");
}

}  // namespace keyline::xlsx
