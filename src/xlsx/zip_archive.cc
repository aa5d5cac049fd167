#include "xlsx/zip_archive.h"

#include <algorithm>
#include <vector>

namespace keyline::xlsx {
namespace {

constexpr size_t kChunk = 64 * 1024;
constexpr uint64_t kRatioExemptBytes = 1 << 20;

std::string Num(uint64_t n) { return std::to_string(n); }

// The entry count of the last end-of-central-directory record ("PK\5\6"; 0xFFFF means zip64
// and is taken as is: no .xlsx has that many parts), or -1 when there is none.
int64_t DeclaredEntries(std::string_view bytes) {
  if (bytes.size() < 22) return -1;
  size_t lowest = bytes.size() > 22 + 65535 ? bytes.size() - 22 - 65535 : 0;
  for (size_t i = bytes.size() - 22 + 1; i-- > lowest;) {
    if (bytes.compare(i, 4, std::string_view("PK\x05\x06", 4)) == 0) {
      auto u16 = [&](size_t at) {
        return static_cast<int64_t>(static_cast<unsigned char>(bytes[at]) |
                                    (static_cast<unsigned char>(bytes[at + 1]) << 8));
      };
      return std::max(u16(i + 8), u16(i + 10));
    }
  }
  return -1;
}

}  // namespace

Status NotXlsx(std::string_view zh, std::string_view en) {
  return Status::InvalidArgument("不是有效的 xlsx 文件：" + std::string(zh),
                                 "not a valid .xlsx file: " + std::string(en));
}

Status TooLarge(std::string_view zh, std::string_view en) {
  return Status(ErrorCode::kTooLarge, "xlsx 文件超出限制：" + std::string(zh),
                "the .xlsx file exceeds a limit: " + std::string(en));
}

Result<std::unique_ptr<ZipArchive>> ZipArchive::Open(std::string bytes, const Limits& limits) {
  if (bytes.size() > limits.max_file_bytes) {
    return TooLarge("文件大小超过 " + Num(limits.max_file_bytes >> 20) + " MB",
                    "the file is larger than " + Num(limits.max_file_bytes >> 20) + " MB");
  }
  std::string_view head(bytes.data(), std::min<size_t>(bytes.size(), 8));
  if (head.starts_with("\xD0\xCF\x11\xE0")) {
    return NotXlsx("这是旧版 Excel（.xls）或加密的工作簿，请在 Excel/WPS 中另存为 .xlsx 后再导入",
                   "this is a legacy Excel (.xls) or an encrypted workbook; save it as .xlsx "
                   "in Excel or WPS and import that");
  }
  if (head.starts_with("%PDF")) {
    return NotXlsx("这是 PDF 文件", "this is a PDF file");
  }
  if (!head.starts_with("PK")) {
    return NotXlsx("不是 zip 格式", "not a zip container");
  }
  if (DeclaredEntries(bytes) > static_cast<int64_t>(kMaxEntries)) {
    return TooLarge("zip 中的文件超过 " + Num(kMaxEntries) + " 个",
                    "the zip has more than " + Num(kMaxEntries) + " entries");
  }
  std::unique_ptr<ZipArchive> archive(new ZipArchive(std::move(bytes), limits));
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source =
      zip_source_buffer_create(archive->bytes_.data(), archive->bytes_.size(), 0, &error);
  if (source == nullptr) {
    zip_error_fini(&error);
    return Status::Internal("zip_source_buffer_create failed");
  }
  archive->zip_ = zip_open_from_source(source, ZIP_RDONLY, &error);
  if (archive->zip_ == nullptr) {
    std::string detail = zip_error_strerror(&error);
    zip_source_free(source);
    zip_error_fini(&error);
    return NotXlsx("zip 结构损坏（" + detail + "）", "broken zip container (" + detail + ")");
  }
  zip_error_fini(&error);
  if (zip_get_num_entries(archive->zip_, 0) > static_cast<zip_int64_t>(kMaxEntries)) {
    return TooLarge("zip 中的文件超过 " + Num(kMaxEntries) + " 个",
                    "the zip has more than " + Num(kMaxEntries) + " entries");
  }
  return archive;
}

ZipArchive::~ZipArchive() {
  if (zip_ != nullptr) zip_discard(zip_);
}

bool ZipArchive::Has(std::string_view name) const {
  return zip_name_locate(zip_, std::string(name).c_str(), ZIP_FL_NOCASE) >= 0;
}

Status ZipArchive::Read(std::string_view name,
                        const std::function<Status(std::string_view)>& sink) {
  std::string part(name);
  zip_int64_t index = zip_name_locate(zip_, part.c_str(), ZIP_FL_NOCASE);
  if (index < 0) return NotXlsx("缺少部件 " + part, "missing part " + part);
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat_index(zip_, index, 0, &st) != 0) {
    return NotXlsx("无法读取部件 " + part, "cannot stat part " + part);
  }
  uint64_t compressed = (st.valid & ZIP_STAT_COMP_SIZE) ? st.comp_size : 0;
  bool count_total = counted_.insert(index).second;
  zip_file_t* file = zip_fopen_index(zip_, index, 0);
  if (file == nullptr) {
    std::string detail = zip_strerror(zip_);
    return NotXlsx("无法打开部件 " + part + "（" + detail + "）",
                   "cannot open part " + part + " (" + detail + ")");
  }
  std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> closer(file, zip_fclose);
  std::vector<char> buf(kChunk);
  uint64_t inflated = 0;
  for (;;) {
    zip_int64_t n = zip_fread(file, buf.data(), buf.size());
    if (n < 0) {
      std::string detail = zip_file_strerror(file);
      return NotXlsx("部件 " + part + " 解压失败（" + detail + "）",
                     "part " + part + " cannot be inflated (" + detail + ")");
    }
    if (n == 0) break;
    inflated += static_cast<uint64_t>(n);
    if (inflated > limits_.max_entry_uncompressed) {
      return TooLarge(
          "部件 " + part + " 解压后超过 " + Num(limits_.max_entry_uncompressed >> 20) + " MB",
          "part " + part + " inflates to more than " + Num(limits_.max_entry_uncompressed >> 20) +
              " MB");
    }
    if (inflated > kRatioExemptBytes &&
        inflated > uint64_t{limits_.max_compression_ratio} * std::max<uint64_t>(compressed, 1)) {
      return TooLarge("部件 " + part + " 压缩比超过 " + Num(limits_.max_compression_ratio) +
                          "（疑似 zip 炸弹）",
                      "part " + part + " has a compression ratio above " +
                          Num(limits_.max_compression_ratio) + " (a zip bomb?)");
    }
    if (count_total) {
      total_inflated_ += static_cast<uint64_t>(n);
      if (total_inflated_ > limits_.max_total_uncompressed) {
        return TooLarge("解压后总大小超过 " + Num(limits_.max_total_uncompressed >> 20) + " MB",
                        "the parts inflate to more than " +
                            Num(limits_.max_total_uncompressed >> 20) + " MB in total");
      }
    }
    KL_RETURN_IF_ERROR(sink(std::string_view(buf.data(), static_cast<size_t>(n))));
  }
  return Status::Ok();
}

}  // namespace keyline::xlsx
