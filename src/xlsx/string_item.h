// StringItem: the text of one string item, a shared string (<si>) or an inline string (<is>):
// its <t> and the <t> of its rich-text runs (<r>) joined, phonetic runs (<rPh>) left out,
// xml:space and _xHHHH_ applied to each <t> (see CellText). Fed the SAX events that occur
// inside the item.
#pragma once

#include <string>
#include <string_view>

namespace keyline::xlsx {

class StringItem {
 public:
  void Clear();
  void Start(std::string_view name, const char** attrs);
  // Appends character data; false (and nothing appended) when the raw text of the item would
  // exceed max_bytes.
  bool Text(std::string_view text, size_t max_bytes);
  void End(std::string_view name);
  std::string& text() { return text_; }

 private:
  std::string text_, raw_;
  bool in_t_ = false, preserve_ = false;
  int phonetic_depth_ = 0;
};

}  // namespace keyline::xlsx
