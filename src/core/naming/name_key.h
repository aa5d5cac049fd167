// The key names are compared on: full-width/half-width and spaces folded, punctuation dropped.
// Used for matching only; names are always stored and shown as written.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace keyline::naming {

// Full-width ASCII (U+FF01..U+FF5E) to ASCII, ASCII letters to lower case, every space
// (ASCII, U+3000, NBSP) and punctuation (ASCII and CJK: （）【】《》「」“”‘’、，。：；·—…)
// removed. "西安市 雁塔区（教育局）" → "西安市雁塔区教育局".
std::string FoldName(std::string_view text);

// The code points of a UTF-8 text, each as its own string (invalid bytes as themselves).
std::vector<std::string> CodePoints(std::string_view text);

// How alike two folded names are, 0..1: the Dice coefficient of their code-point bigrams
// (code points for texts of one character).
double NameSimilarity(std::string_view a, std::string_view b);

}  // namespace keyline::naming
