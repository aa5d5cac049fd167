#include "core/naming/name_key.h"

#include <algorithm>
#include <cstdint>

#include "common/utf8.h"

namespace keyline::naming {
namespace {

// Decodes one code point at text[*i] and advances *i (common/utf8.h). An invalid byte decodes
// as itself (its byte value), so folding keeps a trace of it.
uint32_t NextCodePoint(std::string_view text, size_t* i) {
  unsigned char first = static_cast<unsigned char>(text[*i]);
  uint32_t cp = DecodeUtf8(text, i);
  return cp == kInvalidCodePoint ? first : cp;
}

bool IsDropped(uint32_t cp) {
  if (cp < 0x80) {
    bool alnum = (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    return !alnum;  // spaces, controls and ASCII punctuation
  }
  if (cp == 0xA0 || cp == 0x3000 || cp == 0xB7 || cp == 0x30FB) return true;  // NBSP, 　, ·
  if (cp >= 0x2000 && cp <= 0x206F) return true;  // general punctuation: — … “ ” ‘ ’
  if (cp >= 0x3001 && cp <= 0x3003) return true;  // 、。〃
  if (cp >= 0x3008 && cp <= 0x3011) return true;  // 〈〉《》「」『』【】
  if (cp >= 0x3014 && cp <= 0x301F) return true;  // 〔〕 …
  return false;
}

}  // namespace

std::string FoldName(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    uint32_t cp = NextCodePoint(text, &i);
    if (cp >= 0xFF01 && cp <= 0xFF5E) cp -= 0xFEE0;  // full-width ASCII
    if (IsDropped(cp)) continue;
    if (cp >= 'A' && cp <= 'Z') cp += 'a' - 'A';
    AppendUtf8(cp, &out);
  }
  return out;
}

std::vector<std::string> CodePoints(std::string_view text) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < text.size()) {
    size_t start = i;
    NextCodePoint(text, &i);
    out.emplace_back(text.substr(start, i - start));
  }
  return out;
}

double NameSimilarity(std::string_view a, std::string_view b) {
  std::vector<std::string> ca = CodePoints(a), cb = CodePoints(b);
  if (ca.empty() || cb.empty()) return 0;
  auto grams = [](const std::vector<std::string>& cps) {
    std::vector<std::string> g;
    if (cps.size() == 1) return std::vector<std::string>{cps[0]};
    for (size_t i = 0; i + 1 < cps.size(); ++i) g.push_back(cps[i] + cps[i + 1]);
    std::sort(g.begin(), g.end());
    return g;
  };
  std::vector<std::string> ga = grams(ca), gb = grams(cb);
  std::vector<std::string> common;
  std::set_intersection(ga.begin(), ga.end(), gb.begin(), gb.end(), std::back_inserter(common));
  return 2.0 * static_cast<double>(common.size()) / static_cast<double>(ga.size() + gb.size());
}

}  // namespace keyline::naming
