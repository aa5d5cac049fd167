#include "core/naming/region_prefixes.h"

#include <algorithm>
#include <map>

#include "core/naming/name_key.h"

namespace keyline::naming {
namespace {

constexpr std::string_view kBranch = "分局";
constexpr std::string_view kLevelPrefixes[] = {"区", "县", "市", "省"};

bool StartsWith(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && text.substr(0, prefix.size()) == prefix;
}

// A reading must keep at least two characters of name.
bool LongEnough(std::string_view rest) { return CodePoints(rest).size() >= 2; }

RegionLevel LevelOfPrefix(std::string_view prefix) {
  if (prefix == "区" || prefix == "县") return RegionLevel::kCounty;
  if (prefix == "市") return RegionLevel::kCity;
  return RegionLevel::kProvince;
}

}  // namespace

RegionLevel LevelOfRegionCode(std::string_view code) {
  if (code.size() > 6) return RegionLevel::kTownship;
  if (code.size() != 6) return RegionLevel::kUnknown;
  if (code.substr(2) == "0000") return RegionLevel::kProvince;
  if (code.substr(4) == "00") return RegionLevel::kCity;
  return RegionLevel::kCounty;
}

RegionPrefixes::RegionPrefixes(const std::vector<Region>& regions) {
  std::map<std::string, std::vector<std::string>> codes_by_form;
  for (const Region& r : regions) {
    regions_[r.code] = {r.name, r.parent_code.value_or("")};
    if (r.code.size() != 6) continue;
    std::string folded = FoldName(r.name);
    if (folded.empty()) continue;
    codes_by_form[folded].push_back(r.code);
    // The short form: 西安市 → 西安, 雁塔区 → 雁塔 (two characters or more remain).
    std::vector<std::string> cps = CodePoints(folded);
    static constexpr std::string_view kSuffixes[] = {"省", "市", "区", "县"};
    if (cps.size() >= 3 &&
        std::find(std::begin(kSuffixes), std::end(kSuffixes), cps.back()) != std::end(kSuffixes)) {
      codes_by_form[folded.substr(0, folded.size() - cps.back().size())].push_back(r.code);
    }
  }
  for (auto& [text, codes] : codes_by_form) forms_.push_back({text, std::move(codes)});
  std::stable_sort(forms_.begin(), forms_.end(),
                   [](const Form& a, const Form& b) { return a.text.size() > b.text.size(); });
  for (size_t i = 0; i < forms_.size(); ++i) {
    forms_by_first_[CodePoints(forms_[i].text).front()].push_back(i);
  }
}

const RegionPrefixes::Form* RegionPrefixes::PrefixOf(const std::string& text) const {
  if (text.empty()) return nullptr;
  auto it = forms_by_first_.find(CodePoints(text).front());
  if (it == forms_by_first_.end()) return nullptr;
  for (size_t i : it->second) {
    const Form& f = forms_[i];
    if (StartsWith(text, f.text) && LongEnough(std::string_view(text).substr(f.text.size()))) {
      return &f;
    }
  }
  return nullptr;
}

// 西安市生态环境局雁塔分局: the region name just before 分局 (not at the start).
const RegionPrefixes::Form* RegionPrefixes::BeforeBranch(const std::string& text,
                                                         size_t* pos) const {
  size_t branch = text.find(kBranch);
  if (branch == std::string::npos) return nullptr;
  for (const Form& f : forms_) {
    if (branch > f.text.size() &&
        text.compare(branch - f.text.size(), f.text.size(), f.text) == 0) {
      *pos = branch - f.text.size();
      return &f;
    }
  }
  return nullptr;
}

std::vector<NameReading> RegionPrefixes::Readings(
    const std::string& folded,
    const std::function<std::string(std::string_view)>& canonical) const {
  std::vector<NameReading> out;
  std::string text = folded;
  std::vector<std::string> named;
  out.push_back({canonical(text), {}, RegionLevel::kUnknown});
  for (int step = 0; step < 6; ++step) {
    if (const Form* f = PrefixOf(text)) {
      text.erase(0, f->text.size());
      named = f->codes;
    } else {
      size_t pos = 0;
      const Form* b = BeforeBranch(text, &pos);
      if (!b) break;
      text.erase(pos, b->text.size());
      named = b->codes;
    }
    out.push_back({canonical(text), named, RegionLevel::kUnknown});
  }
  for (std::string_view prefix : kLevelPrefixes) {
    std::string_view rest = std::string_view(text).substr(std::min(prefix.size(), text.size()));
    if (StartsWith(text, prefix) && LongEnough(rest)) {
      out.push_back({canonical(rest), named, LevelOfPrefix(prefix)});
      break;
    }
  }
  return out;
}

bool RegionPrefixes::IsWithin(const std::string& code, const std::string& ancestor) const {
  std::string current = code;
  for (int depth = 0; depth < 8; ++depth) {
    auto it = regions_.find(current);
    if (it == regions_.end() || it->second.second.empty()) return false;
    current = it->second.second;
    if (current == ancestor) return true;
  }
  return false;
}

std::string RegionPrefixes::NameOf(const std::string& code) const {
  auto it = regions_.find(code);
  return it == regions_.end() ? "" : it->second.first;
}

}  // namespace keyline::naming
