#include "storage/repos/json_columns.h"

#include <cstdint>

#include "common/json_writer.h"
#include "common/utf8.h"
#include "core/model/supervision_json.h"

namespace keyline::storage {
namespace {

Status Malformed(std::string_view what) {
  return Status::Internal("malformed stored JSON in " + std::string(what));
}

// A reader for the narrow JSON subset these columns hold: arrays of strings, and arrays of
// flat objects with string and integer members.
class Reader {
 public:
  explicit Reader(std::string_view text) : s_(text) {}

  void SkipSpace() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\n' || s_[i_] == '\t' || s_[i_] == '\r'))
      ++i_;
  }
  bool Consume(char c) {
    SkipSpace();
    if (i_ < s_.size() && s_[i_] == c) {
      ++i_;
      return true;
    }
    return false;
  }
  bool Peek(char c) {
    SkipSpace();
    return i_ < s_.size() && s_[i_] == c;
  }
  bool AtEnd() {
    SkipSpace();
    return i_ == s_.size();
  }

  bool ReadString(std::string* out) {
    out->clear();
    if (!Consume('"')) return false;
    while (i_ < s_.size()) {
      char c = s_[i_++];
      if (c == '"') return true;
      if (c != '\\') {
        out->push_back(c);
        continue;
      }
      if (i_ >= s_.size()) return false;
      char e = s_[i_++];
      switch (e) {
        case '"':
          out->push_back('"');
          break;
        case '\\':
          out->push_back('\\');
          break;
        case '/':
          out->push_back('/');
          break;
        case 'b':
          out->push_back('\b');
          break;
        case 'f':
          out->push_back('\f');
          break;
        case 'n':
          out->push_back('\n');
          break;
        case 'r':
          out->push_back('\r');
          break;
        case 't':
          out->push_back('\t');
          break;
        case 'u': {
          uint32_t cp = 0;
          if (!ReadHex4(&cp)) return false;
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            uint32_t low = 0;
            if (i_ + 2 > s_.size() || s_[i_] != '\\' || s_[i_ + 1] != 'u') return false;
            i_ += 2;
            if (!ReadHex4(&low) || low < 0xDC00 || low > 0xDFFF) return false;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          }
          AppendUtf8(cp, out);
          break;
        }
        default:
          return false;
      }
    }
    return false;
  }

  // The literal null.
  bool ConsumeNull() {
    SkipSpace();
    if (s_.substr(i_, 4) != "null") return false;
    i_ += 4;
    return true;
  }

  bool ReadInt(int64_t* out) {
    SkipSpace();
    bool negative = false;
    if (i_ < s_.size() && s_[i_] == '-') {
      negative = true;
      ++i_;
    }
    size_t start = i_;
    int64_t v = 0;
    while (i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9') {
      if (v > (INT64_MAX - 9) / 10) return false;
      v = v * 10 + (s_[i_] - '0');
      ++i_;
    }
    if (i_ == start) return false;
    *out = negative ? -v : v;
    return true;
  }

 private:
  bool ReadHex4(uint32_t* out) {
    if (i_ + 4 > s_.size()) return false;
    uint32_t v = 0;
    for (int k = 0; k < 4; ++k) {
      char c = s_[i_++];
      v <<= 4;
      if (c >= '0' && c <= '9')
        v |= c - '0';
      else if (c >= 'a' && c <= 'f')
        v |= c - 'a' + 10;
      else if (c >= 'A' && c <= 'F')
        v |= c - 'A' + 10;
      else
        return false;
    }
    *out = v;
    return true;
  }

  std::string_view s_;
  size_t i_ = 0;
};

}  // namespace

std::string EncodeFunding(const std::vector<FundingLine>& funding) {
  JsonWriter w;
  w.BeginArray();
  for (const FundingLine& line : funding) {
    w.BeginObject();
    w.Key("source").String(EnumCode(FundingSourceTable(), line.source));
    w.Key("cents").Int(line.amount.cents);
    w.EndObject();
  }
  w.EndArray();
  return w.Take();
}

Result<std::vector<FundingLine>> DecodeFunding(std::string_view json) {
  std::vector<FundingLine> out;
  if (json.empty()) return out;
  Reader r(json);
  if (!r.Consume('[')) return Malformed("projects.funding");
  if (r.Consume(']'))
    return r.AtEnd() ? Result<std::vector<FundingLine>>(out) : Malformed("projects.funding");
  do {
    if (!r.Consume('{')) return Malformed("projects.funding");
    FundingLine line;
    bool has_source = false;
    bool has_cents = false;
    if (!r.Peek('}')) {
      do {
        std::string key;
        if (!r.ReadString(&key) || !r.Consume(':')) return Malformed("projects.funding");
        if (key == "source") {
          std::string code;
          if (!r.ReadString(&code)) return Malformed("projects.funding");
          auto source = ParseEnum(FundingSourceTable(), code);
          if (!source) return Malformed("projects.funding (source)");
          line.source = *source;
          has_source = true;
        } else if (key == "cents") {
          if (!r.ReadInt(&line.amount.cents)) return Malformed("projects.funding");
          has_cents = true;
        } else {
          return Malformed("projects.funding (member)");
        }
      } while (r.Consume(','));
    }
    if (!r.Consume('}') || !has_source || !has_cents) return Malformed("projects.funding");
    out.push_back(line);
  } while (r.Consume(','));
  if (!r.Consume(']') || !r.AtEnd()) return Malformed("projects.funding");
  return out;
}

std::string EncodeStrings(const std::vector<std::string>& items) {
  JsonWriter w;
  w.BeginArray();
  for (const std::string& s : items) w.String(s);
  w.EndArray();
  return w.Take();
}

Result<std::vector<std::string>> DecodeStrings(std::string_view json) {
  std::vector<std::string> out;
  if (json.empty()) return out;
  Reader r(json);
  if (!r.Consume('[')) return Malformed("projects.warnings");
  if (r.Consume(']'))
    return r.AtEnd() ? Result<std::vector<std::string>>(out) : Malformed("projects.warnings");
  do {
    std::string item;
    if (!r.ReadString(&item)) return Malformed("projects.warnings");
    out.push_back(std::move(item));
  } while (r.Consume(','));
  if (!r.Consume(']') || !r.AtEnd()) return Malformed("projects.warnings");
  return out;
}

std::string EncodeAgenda(const std::optional<std::vector<AgendaItem>>& agenda) {
  if (!agenda) return "";
  JsonWriter w;
  WriteAgendaJson(w, *agenda);
  return w.Take();
}

namespace {

// One member of an agenda item; false when the value does not fit the member.
bool ReadAgendaMember(Reader& r, const std::string& key, AgendaItem* item) {
  std::string text;
  if (key == "kind") {
    if (!r.ReadString(&text)) return false;
    auto kind = ParseEnum(AgendaKindTable(), text);
    if (kind) item->kind = *kind;
    return kind.has_value();
  }
  if (key == "leader_person_id") {
    if (r.ConsumeNull()) return true;
    int64_t id = 0;
    if (!r.ReadInt(&id)) return false;
    item->leader_person_id = id;
    return true;
  }
  struct IntMember {
    const char* key;
    int64_t* out;
  };
  for (const IntMember& m :
       {IntMember{"source_id", &item->source_id}, IntMember{"project_id", &item->project_id},
        IntMember{"days_overdue", &item->days_overdue}}) {
    if (key == m.key) return r.ReadInt(m.out);
  }
  struct TextMember {
    const char* key;
    std::string* out;
  };
  for (const TextMember& m :
       {TextMember{"source", &text}, TextMember{"project_name", &item->project_name},
        TextMember{"title", &item->title}, TextMember{"units", &item->units},
        TextMember{"leader", &item->leader}, TextMember{"authority", &item->authority},
        TextMember{"due", &item->due}}) {
    if (key == m.key) return r.ReadString(m.out);
  }
  return false;
}

}  // namespace

Result<std::optional<std::vector<AgendaItem>>> DecodeAgenda(std::string_view json) {
  using Out = std::optional<std::vector<AgendaItem>>;
  if (json.empty()) return Out();
  constexpr const char* kWhat = "dispatch_meetings.agenda";
  std::vector<AgendaItem> items;
  Reader r(json);
  if (!r.Consume('[')) return Malformed(kWhat);
  if (r.Consume(']')) return r.AtEnd() ? Result<Out>(Out(items)) : Malformed(kWhat);
  do {
    if (!r.Consume('{')) return Malformed(kWhat);
    AgendaItem item;
    if (!r.Peek('}')) {
      do {
        std::string key;
        if (!r.ReadString(&key) || !r.Consume(':') || !ReadAgendaMember(r, key, &item)) {
          return Malformed(kWhat);
        }
      } while (r.Consume(','));
    }
    if (!r.Consume('}')) return Malformed(kWhat);
    items.push_back(std::move(item));
  } while (r.Consume(','));
  if (!r.Consume(']') || !r.AtEnd()) return Malformed(kWhat);
  return Out(std::move(items));
}

}  // namespace keyline::storage
