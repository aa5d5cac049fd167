#include "xlsx/string_item.h"

#include "xlsx/text_format.h"
#include "xlsx/xml_stream.h"

namespace keyline::xlsx {

void StringItem::Clear() {
  text_.clear();
  raw_.clear();
  in_t_ = false;
  phonetic_depth_ = 0;
}

void StringItem::Start(std::string_view name, const char** attrs) {
  if (name == "rPh") {
    ++phonetic_depth_;
  } else if (name == "t" && phonetic_depth_ == 0) {
    in_t_ = true;
    raw_.clear();
    const char* space = FindAttr(attrs, "space");
    preserve_ = space != nullptr && std::string_view(space) == "preserve";
  }
}

bool StringItem::Text(std::string_view text, size_t max_bytes) {
  if (!in_t_) return true;
  if (text_.size() + raw_.size() + text.size() > max_bytes) return false;
  raw_.append(text);
  return true;
}

void StringItem::End(std::string_view name) {
  if (name == "t" && in_t_) {
    in_t_ = false;
    text_ += CellText(raw_, preserve_);
  } else if (name == "rPh" && phonetic_depth_ > 0) {
    --phonetic_depth_;
  }
}

}  // namespace keyline::xlsx
