#include "core/codes/region_book.h"

#include <algorithm>

#include "core/codes/area_code.h"

namespace keyline::codes {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

Status LineError(size_t line, const std::string& zh, const std::string& en) {
  return Status::InvalidArgument("区划数据第 " + std::to_string(line) + " 行：" + zh,
                                 "region data line " + std::to_string(line) + ": " + en);
}

}  // namespace

Result<RegionBook> RegionBook::ParseCsv(std::string_view csv) {
  RegionBook book;
  std::vector<size_t> line_of;  // entry index → line number, for the parent check
  size_t line_no = 0;
  while (!csv.empty()) {
    size_t nl = csv.find('\n');
    std::string_view line = Trim(csv.substr(0, nl));
    csv = nl == std::string_view::npos ? std::string_view() : csv.substr(nl + 1);
    ++line_no;
    if (line.empty() || line.front() == '#' || line == "code,name,parent_code") continue;
    size_t c1 = line.find(',');
    size_t c2 = c1 == std::string_view::npos ? c1 : line.find(',', c1 + 1);
    if (c2 == std::string_view::npos || line.find(',', c2 + 1) != std::string_view::npos) {
      return LineError(line_no, "应为“代码,名称,上级代码”", "expected code,name,parent_code");
    }
    RegionEntry entry{std::string(Trim(line.substr(0, c1))),
                      std::string(Trim(line.substr(c1 + 1, c2 - c1 - 1))),
                      std::string(Trim(line.substr(c2 + 1)))};
    CodeCheck check = CheckRegionCode(entry.code);
    if (!check.ok()) {
      return LineError(line_no, "区划代码" + entry.code + check.message_zh,
                       "region code " + entry.code + ": " + check.message_en);
    }
    if (entry.name.empty()) return LineError(line_no, "名称为空", "the name is empty");
    if (entry.parent_code == entry.code) {
      return LineError(line_no, "上级代码不能是自身", "a region cannot be its own parent");
    }
    if (!book.by_code_.emplace(entry.code, book.entries_.size()).second) {
      return LineError(line_no, "区划代码重复：" + entry.code, "code listed twice: " + entry.code);
    }
    book.entries_.push_back(std::move(entry));
    line_of.push_back(line_no);
  }
  for (size_t i = 0; i < book.entries_.size(); ++i) {
    const RegionEntry& e = book.entries_[i];
    if (e.parent_code.empty()) continue;
    if (book.by_code_.count(e.parent_code) == 0) {
      return LineError(line_of[i], "上级区划不存在：" + e.parent_code,
                       "unknown parent " + e.parent_code);
    }
    book.children_[e.parent_code].push_back(i);
  }
  for (auto& [parent, children] : book.children_) {
    std::sort(children.begin(), children.end(),
              [&](size_t a, size_t b) { return book.entries_[a].code < book.entries_[b].code; });
  }
  // A cycle (a → b → a) would make Chain loop: every chain must reach a province.
  for (const RegionEntry& e : book.entries_) {
    const RegionEntry* at = &e;
    for (size_t steps = 0; !at->parent_code.empty(); ++steps) {
      if (steps > 8) {
        return Status::InvalidArgument("区划数据中 " + e.code + " 的上级关系成环",
                                       "region data: the parents of " + e.code + " form a cycle");
      }
      at = &book.entries_[book.by_code_.at(at->parent_code)];
    }
  }
  return book;
}

const RegionEntry* RegionBook::Find(std::string_view code) const {
  auto it = by_code_.find(std::string(code));
  return it == by_code_.end() ? nullptr : &entries_[it->second];
}

std::vector<const RegionEntry*> RegionBook::Chain(std::string_view code) const {
  std::vector<const RegionEntry*> chain;
  for (const RegionEntry* at = Find(code); at != nullptr;
       at = at->parent_code.empty() ? nullptr : Find(at->parent_code)) {
    chain.push_back(at);
  }
  std::reverse(chain.begin(), chain.end());
  return chain;
}

std::vector<const RegionEntry*> RegionBook::Children(std::string_view code) const {
  std::vector<const RegionEntry*> out;
  auto it = children_.find(std::string(code));
  if (it == children_.end()) return out;
  for (size_t i : it->second) out.push_back(&entries_[i]);
  return out;
}

std::vector<const RegionEntry*> RegionBook::FindByName(std::string_view text, size_t limit,
                                                       bool counties_and_above) const {
  std::vector<const RegionEntry*> out;
  if (text.empty()) return out;
  for (const RegionEntry& e : entries_) {
    if (counties_and_above && e.code.size() != 6) continue;
    if (e.name.find(text) != std::string::npos) out.push_back(&e);
  }
  std::sort(out.begin(), out.end(),
            [](const RegionEntry* a, const RegionEntry* b) { return a->code < b->code; });
  if (out.size() > limit) out.resize(limit);
  return out;
}

std::vector<const RegionEntry*> RegionBook::Descendants(std::string_view code) const {
  std::vector<const RegionEntry*> out;
  for (const RegionEntry* child : Children(code)) {
    out.push_back(child);
    std::vector<const RegionEntry*> below = Descendants(child->code);
    out.insert(out.end(), below.begin(), below.end());
  }
  return out;
}

}  // namespace keyline::codes
