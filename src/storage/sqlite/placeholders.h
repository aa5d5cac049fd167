// Rewrites PostgreSQL-style $n placeholders to SQLite's ?n, leaving string literals, quoted
// identifiers and comments untouched. "$1 || '$2'" -> "?1 || '$2'".
#pragma once

#include <string>
#include <string_view>

namespace keyline::sqlite {

std::string RewritePlaceholders(std::string_view sql);

}  // namespace keyline::sqlite
