#include "xlsx/parts.h"

#include <charconv>
#include <map>

#include "xlsx/string_item.h"
#include "xlsx/text_format.h"

namespace keyline::xlsx {
namespace {

bool IsTrue(const char* v) {
  return v != nullptr && (std::string_view(v) == "1" || std::string_view(v) == "true");
}

bool ParseInt(const char* v, int64_t& out) {
  if (v == nullptr) return false;
  std::string_view s(v);
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size();
}

class RelsParser : public XmlStream {
 public:
  RelsParser(std::string part, std::string_view base_dir)
      : XmlStream(std::move(part)), base_dir_(base_dir) {}
  std::vector<Relationship> rels;

 protected:
  void OnStart(std::string_view name, const char** attrs) override {
    if (name != "Relationship") return;
    const char* id = FindAttr(attrs, "Id");
    const char* type = FindAttr(attrs, "Type");
    const char* target = FindAttr(attrs, "Target");
    const char* mode = FindAttr(attrs, "TargetMode");
    if (id == nullptr || type == nullptr || target == nullptr) return;
    if (mode != nullptr && std::string_view(mode) == "External") return;
    Result<std::string> resolved = ResolveTarget(base_dir_, target);
    if (!resolved.ok()) {
      // Only parts we read matter; a bad target elsewhere (a hyperlink) is harmless, so it
      // is kept unresolved and refused only when used.
      rels.push_back({id, type, std::string("\x01") + target});
      return;
    }
    rels.push_back({id, type, std::move(resolved).value()});
  }
  void OnEnd(std::string_view) override {}

 private:
  std::string base_dir_;
};

class WorkbookParser : public XmlStream {
 public:
  using XmlStream::XmlStream;
  WorkbookPart out;
  bool saw_root = false;

 protected:
  void OnStart(std::string_view name, const char** attrs) override {
    if (!saw_root) {
      saw_root = true;
      if (name != "workbook") {
        Fail(NotXlsx(part() + " 不是工作簿", part() + " is not a workbook"));
      }
      return;
    }
    if (name == "workbookPr") {
      out.date1904 = IsTrue(FindAttr(attrs, "date1904"));
    } else if (name == "sheet") {
      const char* sheet_name = FindAttr(attrs, "name");
      const char* id = FindAttr(attrs, "id");
      const char* state = FindAttr(attrs, "state");
      if (sheet_name == nullptr || id == nullptr) {
        Fail(NotXlsx("工作表缺少 name 或 r:id", "a <sheet> lacks name or r:id"));
        return;
      }
      if (out.sheets.size() >= 10000) {
        Fail(TooLarge("工作表超过 10000 个", "more than 10000 sheets"));
        return;
      }
      bool hidden = state != nullptr && std::string_view(state) != "visible";
      out.sheets.push_back({SheetInfo{sheet_name, hidden}, id});
    }
  }
  void OnEnd(std::string_view) override {}
};

class StylesParser : public XmlStream {
 public:
  using XmlStream::XmlStream;
  std::map<int64_t, bool> custom;  // numFmtId → is a date
  std::vector<int64_t> xf_formats;

 protected:
  void OnStart(std::string_view name, const char** attrs) override {
    if (name == "numFmt") {
      int64_t id = 0;
      const char* code = FindAttr(attrs, "formatCode");
      if (ParseInt(FindAttr(attrs, "numFmtId"), id) && code != nullptr) {
        custom[id] = IsDateFormatCode(code);
      }
    } else if (name == "cellXfs") {
      in_cell_xfs_ = true;
    } else if (name == "xf" && in_cell_xfs_) {
      int64_t id = 0;
      if (!ParseInt(FindAttr(attrs, "numFmtId"), id)) id = 0;
      xf_formats.push_back(id);
    }
  }
  void OnEnd(std::string_view name) override {
    if (name == "cellXfs") in_cell_xfs_ = false;
  }

 private:
  bool in_cell_xfs_ = false;
};

class SharedStringsParser : public XmlStream {
 public:
  SharedStringsParser(std::string part, const Limits& limits)
      : XmlStream(std::move(part)), limits_(limits) {}
  std::vector<std::string> strings;

 protected:
  void OnStart(std::string_view name, const char** attrs) override {
    if (name == "si") {
      item_.Clear();
      in_si_ = true;
    } else if (in_si_) {
      item_.Start(name, attrs);
    }
  }
  void OnText(std::string_view text) override {
    if (in_si_ && !item_.Text(text, limits_.max_cell_chars * 4 + 64)) Fail(TooLong());
  }
  void OnEnd(std::string_view name) override {
    if (!in_si_) return;
    if (name != "si") return item_.End(name);
    in_si_ = false;
    if (Utf8Length(item_.text()) > limits_.max_cell_chars) return Fail(TooLong());
    bytes_ += item_.text().size() + sizeof(std::string);
    if (bytes_ > limits_.max_shared_strings_bytes) {
      return Fail(TooLarge(
          "共享字符串表超过 " + std::to_string(limits_.max_shared_strings_bytes >> 20) + " MB",
          "the shared-string table exceeds " +
              std::to_string(limits_.max_shared_strings_bytes >> 20) + " MB"));
    }
    strings.push_back(std::move(item_.text()));
    item_.Clear();
  }

 private:
  Status TooLong() const {
    return TooLarge(
        "共享字符串超过 " + std::to_string(limits_.max_cell_chars) + " 个字符",
        "a shared string is longer than " + std::to_string(limits_.max_cell_chars) + " characters");
  }

  const Limits& limits_;
  StringItem item_;
  bool in_si_ = false;
  uint64_t bytes_ = 0;
};

}  // namespace

Status ParsePart(ZipArchive& zip, const std::string& name, XmlStream& xml) {
  Status read = zip.Read(name, [&](std::string_view chunk) {
    KL_RETURN_IF_ERROR(xml.Feed(chunk, false));
    // Nothing more wanted: stop inflating (the sentinel is dropped below).
    return xml.finished() ? Status::Internal("finished") : Status::Ok();
  });
  if (xml.finished()) return Status::Ok();
  KL_RETURN_IF_ERROR(read);
  return xml.Feed({}, true);
}

bool TypeIs(std::string_view type, std::string_view suffix) {
  return type.size() > suffix.size() && type.ends_with(suffix) &&
         type[type.size() - suffix.size() - 1] == '/';
}

Result<std::string> ResolveTarget(std::string_view base_dir, std::string_view target) {
  auto refuse = [&] {
    std::string t(target.substr(0, 200));
    return NotXlsx("关系目标路径非法：" + t, "illegal relationship target: " + t);
  };
  if (target.empty() || target.find('\\') != std::string_view::npos ||
      target.find('\0') != std::string_view::npos || target.find('%') != std::string_view::npos ||
      target.find(':') != std::string_view::npos) {
    return refuse();
  }
  std::string joined = target.front() == '/' ? std::string(target.substr(1))
                                             : std::string(base_dir) + std::string(target);
  std::vector<std::string_view> parts;
  std::string_view rest(joined);
  while (!rest.empty()) {
    size_t slash = rest.find('/');
    std::string_view seg = rest.substr(0, slash);
    rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);
    if (seg.empty() || seg == ".") continue;
    if (seg == "..") {
      if (parts.empty()) return refuse();
      parts.pop_back();
      continue;
    }
    parts.push_back(seg);
  }
  if (parts.empty()) return refuse();
  std::string out;
  for (std::string_view seg : parts) {
    if (!out.empty()) out += '/';
    out += seg;
  }
  return out;
}

Result<std::vector<Relationship>> ReadRelationships(ZipArchive& zip, const std::string& rels_part,
                                                    std::string_view base_dir) {
  if (!zip.Has(rels_part)) return std::vector<Relationship>{};
  RelsParser parser(rels_part, base_dir);
  KL_RETURN_IF_ERROR(ParsePart(zip, rels_part, parser));
  return std::move(parser.rels);
}

Result<WorkbookPart> ReadWorkbook(ZipArchive& zip, const std::string& part) {
  WorkbookParser parser(part);
  KL_RETURN_IF_ERROR(ParsePart(zip, part, parser));
  if (!parser.saw_root) return NotXlsx(part + " 为空", part + " is empty");
  if (parser.out.sheets.empty()) return NotXlsx("工作簿中没有工作表", "the workbook has no sheets");
  return std::move(parser.out);
}

Result<std::vector<bool>> ReadDateStyles(ZipArchive& zip, const std::string& part) {
  StylesParser parser(part);
  KL_RETURN_IF_ERROR(ParsePart(zip, part, parser));
  std::vector<bool> is_date;
  is_date.reserve(parser.xf_formats.size());
  for (int64_t id : parser.xf_formats) {
    auto it = parser.custom.find(id);
    is_date.push_back(it != parser.custom.end() ? it->second
                                                : IsBuiltinDateFormat(static_cast<int>(id)));
  }
  return is_date;
}

Result<std::vector<std::string>> ReadSharedStrings(ZipArchive& zip, const std::string& part,
                                                   const Limits& limits) {
  SharedStringsParser parser(part, limits);
  KL_RETURN_IF_ERROR(ParsePart(zip, part, parser));
  return std::move(parser.strings);
}

}  // namespace keyline::xlsx
