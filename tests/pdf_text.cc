#include "pdf_text.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "testing/test_env.h"

namespace keyline::testing {

std::optional<std::string> PdfTextWithoutSpaces(const std::string& pdf_bytes) {
  if (std::system("command -v pdftotext >/dev/null") != 0) return std::nullopt;
  TempDir dir;
  std::ofstream(dir.path() + "/b.pdf", std::ios::binary) << pdf_bytes;
  std::string command = "pdftotext " + dir.path() + "/b.pdf " + dir.path() + "/b.txt";
  if (std::system(command.c_str()) != 0) return std::string();
  std::ifstream in(dir.path() + "/b.txt");
  std::stringstream text;
  text << in.rdbuf();
  std::string flat;
  for (char ch : text.str()) {
    if (ch != ' ' && ch != '\n' && ch != '\f') flat += ch;
  }
  return flat;
}

}  // namespace keyline::testing
