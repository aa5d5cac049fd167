// The text of a PDF as pdftotext reads it, for tests that look for a sentence in a rendered file.
#pragma once

#include <optional>
#include <string>

namespace keyline::testing {

// The PDF's text with spaces, line breaks and page breaks removed (pdftotext breaks lines and
// spaces out CJK text), or nullopt when pdftotext is not installed. An unreadable PDF gives "".
std::optional<std::string> PdfTextWithoutSpaces(const std::string& pdf_bytes);

}  // namespace keyline::testing
