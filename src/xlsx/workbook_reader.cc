#include "xlsx/workbook_reader.h"

#include <sys/stat.h>

#include <fstream>
#include <iterator>

#include "xlsx/parts.h"
#include "xlsx/sheet_reader.h"
#include "xlsx/zip_archive.h"

namespace keyline::xlsx {
namespace {

// "xl/workbook.xml" → "xl/", "xl/_rels/workbook.xml.rels"
std::string DirOf(const std::string& part) {
  size_t slash = part.rfind('/');
  return slash == std::string::npos ? "" : part.substr(0, slash + 1);
}
std::string RelsOf(const std::string& part) {
  size_t slash = part.rfind('/');
  std::string file = slash == std::string::npos ? part : part.substr(slash + 1);
  return DirOf(part) + "_rels/" + file + ".rels";
}

// A relationship's target is usable when it resolved (see RelsParser) and names an entry.
Result<std::string> UsableTarget(const ZipArchive& zip, const Relationship& rel) {
  if (rel.target.starts_with('\x01')) return ResolveTarget("", rel.target.substr(1)).status();
  if (!zip.Has(rel.target)) return NotXlsx("缺少部件 " + rel.target, "missing part " + rel.target);
  return rel.target;
}

class Reader final : public WorkbookReader {
 public:
  const std::vector<SheetInfo>& sheets() const override { return sheets_; }
  bool date1904() const override { return date1904_; }

  Status ReadSheet(size_t index, SheetLayout& layout,
                   const std::function<Status(const Row&)>& on_row) override {
    layout = SheetLayout{};
    if (index >= sheet_parts_.size()) {
      return Status::InvalidArgument("工作表序号超出范围", "sheet index out of range");
    }
    SheetContext context{&shared_strings_, &date_styles_, date1904_, &limits_};
    return ReadSheetPart(*zip_, sheet_parts_[index], context, layout, on_row);
  }

  Status Open(std::string bytes, const Limits& limits) {
    limits_ = limits;
    KL_ASSIGN_OR_RETURN(zip_, ZipArchive::Open(std::move(bytes), limits_));
    // The main part is named by the package relationships; "xl/workbook.xml" by convention.
    std::string workbook = "xl/workbook.xml";
    KL_ASSIGN_OR_RETURN(std::vector<Relationship> package_rels,
                        ReadRelationships(*zip_, "_rels/.rels", ""));
    for (const Relationship& rel : package_rels) {
      if (TypeIs(rel.type, "officeDocument")) {
        KL_ASSIGN_OR_RETURN(workbook, UsableTarget(*zip_, rel));
        break;
      }
    }
    if (!zip_->Has(workbook)) {
      return NotXlsx("找不到工作簿部件（可能是 Word/PowerPoint 文件或其他 zip 文件）",
                     "no workbook part (a Word or PowerPoint file, or another zip?)");
    }
    KL_ASSIGN_OR_RETURN(WorkbookPart wb, ReadWorkbook(*zip_, workbook));
    date1904_ = wb.date1904;
    KL_ASSIGN_OR_RETURN(std::vector<Relationship> rels,
                        ReadRelationships(*zip_, RelsOf(workbook), DirOf(workbook)));
    for (const WorkbookPart::Sheet& sheet : wb.sheets) {
      const Relationship* found = nullptr;
      for (const Relationship& rel : rels) {
        if (rel.id == sheet.rel_id) found = &rel;
      }
      if (found == nullptr) {
        return NotXlsx("工作表“" + sheet.info.name + "”缺少关系 " + sheet.rel_id,
                       "sheet \"" + sheet.info.name + "\" has no relationship " + sheet.rel_id);
      }
      KL_ASSIGN_OR_RETURN(std::string target, UsableTarget(*zip_, *found));
      sheets_.push_back(sheet.info);
      sheet_parts_.push_back(std::move(target));
    }
    for (const Relationship& rel : rels) {
      if (TypeIs(rel.type, "styles") && date_styles_.empty()) {
        KL_ASSIGN_OR_RETURN(std::string target, UsableTarget(*zip_, rel));
        KL_ASSIGN_OR_RETURN(date_styles_, ReadDateStyles(*zip_, target));
      } else if (TypeIs(rel.type, "sharedStrings") && shared_strings_.empty()) {
        KL_ASSIGN_OR_RETURN(std::string target, UsableTarget(*zip_, rel));
        KL_ASSIGN_OR_RETURN(shared_strings_, ReadSharedStrings(*zip_, target, limits_));
      }
    }
    return Status::Ok();
  }

 private:
  Limits limits_;
  std::unique_ptr<ZipArchive> zip_;
  std::vector<SheetInfo> sheets_;
  std::vector<std::string> sheet_parts_;
  bool date1904_ = false;
  std::vector<bool> date_styles_;
  std::vector<std::string> shared_strings_;
};

}  // namespace

Result<std::unique_ptr<WorkbookReader>> WorkbookReader::OpenBytes(std::string bytes,
                                                                  Limits limits) {
  auto reader = std::make_unique<Reader>();
  KL_RETURN_IF_ERROR(reader->Open(std::move(bytes), limits));
  return std::unique_ptr<WorkbookReader>(std::move(reader));
}

Result<std::unique_ptr<WorkbookReader>> WorkbookReader::OpenFile(const std::string& path,
                                                                 Limits limits) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) {
    return Status::NotFound("找不到文件 " + path, "no such file " + path);
  }
  if (static_cast<uint64_t>(st.st_size) > limits.max_file_bytes) {
    return TooLarge(
        "文件大小超过 " + std::to_string(limits.max_file_bytes >> 20) + " MB",
        "the file is larger than " + std::to_string(limits.max_file_bytes >> 20) + " MB");
  }
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!in.good() && !in.eof()) return Status::Internal("cannot read " + path);
  return OpenBytes(std::move(bytes), limits);
}

}  // namespace keyline::xlsx
