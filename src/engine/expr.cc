#include "engine/expr.h"

#include <optional>
#include <string>

#include "engine/expr_catalogue.h"
#include "engine/expr_lexer.h"

namespace keyline::engine {
namespace {

class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text), lexer_(text) {}

  ParseResult Run() {
    if (text_.size() > kMaxExpressionBytes) {
      return Fail(
          0, "表达式过长（最多 " + std::to_string(kMaxExpressionBytes) + " 字节）",
          "expression too long (at most " + std::to_string(kMaxExpressionBytes) + " bytes)");
    }
    Expression e;
    e.text = std::string(text_);
    if (!Next()) return Error();
    if (tok_.kind == Tok::kEnd) return Fail(0, "表达式为空", "empty expression");
    e.root = ParseExpr(0);
    if (!e.root) return Error();
    if (tok_.kind != Tok::kEnd) {
      return Fail(tok_.pos, "多余的内容：" + std::string(tok_.text),
                  "unexpected '" + std::string(tok_.text) + "'");
    }
    e.dim = e.root->dim;
    Collect(e.root.get(), &e.aggregates);
    return ParseResult(std::move(e));
  }

 private:
  static void Collect(const Node* n, std::vector<const Node*>* out) {
    if (!n) return;
    if (n->kind == Node::Kind::kAggregate) out->push_back(n);
    Collect(n->lhs.get(), out);
    Collect(n->rhs.get(), out);
  }

  ParseResult Fail(int pos, std::string zh, std::string en) {
    SetError(pos, std::move(zh), std::move(en));
    return Error();
  }
  ParseResult Error() { return ParseResult(error_); }
  void SetError(int pos, std::string zh, std::string en) {
    if (failed_) return;  // keep the first error
    failed_ = true;
    error_ = ExprError{pos, std::move(zh), std::move(en)};
  }
  std::nullptr_t Err(int pos, std::string zh, std::string en) {
    SetError(pos, std::move(zh), std::move(en));
    return nullptr;
  }

  bool Next() {
    if (!lexer_.Next()) {
      const ExprError& e = lexer_.error();
      SetError(e.position, e.message_zh, e.message_en);
      return false;
    }
    tok_ = lexer_.token();
    return true;
  }

  bool IsPunct(std::string_view p) const { return tok_.kind == Tok::kPunct && tok_.text == p; }
  bool IsWord(std::string_view w) const { return tok_.kind == Tok::kIdent && tok_.text == w; }
  bool Expect(std::string_view p) {
    if (!IsPunct(p)) {
      SetError(tok_.pos, "此处应为 “" + std::string(p) + "”，实为 “" + std::string(tok_.text) + "”",
               "expected '" + std::string(p) + "', found '" + std::string(tok_.text) + "'");
      return false;
    }
    return Next();
  }
  bool ExpectWord(std::string_view w) {
    if (!IsWord(w)) {
      SetError(tok_.pos, "此处应为 " + std::string(w), "expected '" + std::string(w) + "'");
      return false;
    }
    return Next();
  }
  bool Deeper(int depth) {
    if (depth > kMaxExpressionDepth) {
      SetError(tok_.pos, "嵌套过深（最多 " + std::to_string(kMaxExpressionDepth) + " 层）",
               "nesting too deep (at most " + std::to_string(kMaxExpressionDepth) + " levels)");
      return false;
    }
    return true;
  }

  // ---- arithmetic ----
  std::unique_ptr<Node> Binary(Node::Kind kind, int pos, std::unique_ptr<Node> l,
                               std::unique_ptr<Node> r) {
    auto n = std::make_unique<Node>();
    n->kind = kind;
    n->position = pos;
    Dim a = l->dim, b = r->dim;
    switch (kind) {
      case Node::Kind::kAdd:
      case Node::Kind::kSub:
        if (a != b) {
          return Err(pos, "金额与数量不能相加减", "cannot add or subtract money and a count");
        }
        n->dim = a;
        break;
      case Node::Kind::kMul:
        if (a == Dim::kMoney && b == Dim::kMoney) {
          return Err(pos, "金额不能相乘", "cannot multiply money by money");
        }
        n->dim = (a == Dim::kMoney || b == Dim::kMoney) ? Dim::kMoney : Dim::kScalar;
        break;
      default:  // kDiv
        if (a == Dim::kScalar && b == Dim::kMoney) {
          return Err(pos, "数量不能除以金额", "cannot divide a count by money");
        }
        n->dim = (a == Dim::kMoney && b == Dim::kScalar) ? Dim::kMoney : Dim::kScalar;
        break;
    }
    n->lhs = std::move(l);
    n->rhs = std::move(r);
    return n;
  }

  std::unique_ptr<Node> ParseExpr(int depth) {
    if (!Deeper(depth)) return nullptr;
    auto left = ParseTerm(depth);
    while (left && (IsPunct("+") || IsPunct("-"))) {
      auto kind = IsPunct("+") ? Node::Kind::kAdd : Node::Kind::kSub;
      int pos = tok_.pos;
      if (!Next()) return nullptr;
      auto right = ParseTerm(depth);
      if (!right) return nullptr;
      left = Binary(kind, pos, std::move(left), std::move(right));
    }
    return left;
  }

  std::unique_ptr<Node> ParseTerm(int depth) {
    if (!Deeper(depth)) return nullptr;
    auto left = ParseFactor(depth);
    while (left && (IsPunct("*") || IsPunct("/"))) {
      auto kind = IsPunct("*") ? Node::Kind::kMul : Node::Kind::kDiv;
      int pos = tok_.pos;
      if (!Next()) return nullptr;
      auto right = ParseFactor(depth);
      if (!right) return nullptr;
      left = Binary(kind, pos, std::move(left), std::move(right));
    }
    return left;
  }

  std::unique_ptr<Node> ParseFactor(int depth) {
    if (!Deeper(depth)) return nullptr;
    int pos = tok_.pos;
    if (tok_.kind == Tok::kNumber || tok_.kind == Tok::kMoney) {
      auto n = std::make_unique<Node>();
      n->kind = Node::Kind::kNumber;
      n->position = pos;
      n->number = tok_.number;
      n->dim = tok_.kind == Tok::kMoney ? Dim::kMoney : Dim::kScalar;
      if (!Next()) return nullptr;
      return n;
    }
    if (IsPunct("(")) {
      if (!Next()) return nullptr;
      auto inner = ParseExpr(depth + 1);
      if (!inner || !Expect(")")) return nullptr;
      return inner;
    }
    if (IsPunct("-")) {
      if (!Next()) return nullptr;
      auto inner = ParseFactor(depth + 1);
      if (!inner) return nullptr;
      auto n = std::make_unique<Node>();
      n->kind = Node::Kind::kNeg;
      n->position = pos;
      n->dim = inner->dim;
      n->lhs = std::move(inner);
      return n;
    }
    if (IsWord("area")) {
      if (!Next() || !Expect("(")) return nullptr;
      if (!IsWord("count") && !IsWord("sum")) {
        return Err(tok_.pos, "area(...) 内应为 count(...) 或 sum(...)",
                   "area(...) takes count(...) or sum(...)");
      }
      auto n = ParseAggregate(depth + 1);
      if (!n || !Expect(")")) return nullptr;
      n->agg.whole_area = true;
      return n;
    }
    if (IsWord("count") || IsWord("sum")) return ParseAggregate(depth + 1);
    if (tok_.kind == Tok::kIdent) {
      return Err(pos, "未知的度量：" + std::string(tok_.text) + "（可用 count、sum、area）",
                 "unknown measure '" + std::string(tok_.text) + "' (use count, sum or area)");
    }
    return Err(pos, "此处应为数字、度量或括号，实为 “" + std::string(tok_.text) + "”",
               "expected a number, a measure or '(', found '" + std::string(tok_.text) + "'");
  }

  std::unique_ptr<Node> ParseAggregate(int depth) {
    if (!Deeper(depth)) return nullptr;
    int pos = tok_.pos;
    if (++aggregates_ > kMaxAggregates) {
      return Err(pos, "度量过多（最多 " + std::to_string(kMaxAggregates) + " 个）",
                 "too many measures (at most " + std::to_string(kMaxAggregates) + ")");
    }
    auto n = std::make_unique<Node>();
    n->kind = Node::Kind::kAggregate;
    n->position = pos;
    n->agg.is_count = IsWord("count");
    if (!Next() || !Expect("(")) return nullptr;
    int src_pos = tok_.pos;
    std::optional<Source> src;
    if (tok_.kind == Tok::kIdent) src = FindSource(tok_.text);
    if (!src) {
      return Err(src_pos,
                 "未知的数据来源：" + std::string(tok_.text) +
                     "（可用 projects、plans、reports、procedures、problems、leads）",
                 "unknown source '" + std::string(tok_.text) +
                     "' (projects|plans|reports|procedures|problems|leads)");
    }
    n->agg.source = *src;
    if (!Next()) return nullptr;
    if (IsPunct(".")) {
      if (n->agg.is_count) {
        return Err(tok_.pos, "count(...) 不取字段，只计行数", "count(...) takes no field");
      }
      if (!Next()) return nullptr;
      int fpos = tok_.pos;
      const FieldInfo* f = tok_.kind == Tok::kIdent ? FindField(*src, tok_.text) : nullptr;
      if (!f) {
        return Err(fpos,
                   "未知的字段：" + std::string(tok_.text) + "（可用 " + FieldNames(*src) + "）",
                   "unknown field '" + std::string(tok_.text) + "' (" + FieldNames(*src) + ")");
      }
      if (f->type != ValueType::kMoney) {
        return Err(fpos, "sum 只能对金额字段求和：" + std::string(f->name),
                   "sum needs a money field, not '" + std::string(f->name) + "'");
      }
      n->agg.field = f->field;
      n->dim = Dim::kMoney;
      if (!Next()) return nullptr;
    } else if (!n->agg.is_count) {
      return Err(tok_.pos, "sum 需要字段，如 sum(reports.completed_investment)",
                 "sum needs a field, e.g. sum(reports.completed_investment)");
    }
    if (IsWord("where")) {
      if (!Next()) return nullptr;
      n->agg.where = ParseOr(depth + 1, *src);
      if (!n->agg.where) return nullptr;
    }
    if (!Expect(")")) return nullptr;
    return n;
  }

  // ---- conditions ----
  std::unique_ptr<Cond> Combine(Cond::Kind kind, std::unique_ptr<Cond> left,
                                std::unique_ptr<Cond> right) {
    if (left->kind == kind) {
      left->children.push_back(std::move(right));
      return left;
    }
    auto c = std::make_unique<Cond>();
    c->kind = kind;
    c->children.push_back(std::move(left));
    c->children.push_back(std::move(right));
    return c;
  }

  std::unique_ptr<Cond> ParseOr(int depth, Source src) {
    if (!Deeper(depth)) return nullptr;
    auto left = ParseAnd(depth, src);
    while (left && IsWord("or")) {
      if (!Next()) return nullptr;
      auto right = ParseAnd(depth, src);
      if (!right) return nullptr;
      left = Combine(Cond::Kind::kOr, std::move(left), std::move(right));
    }
    return left;
  }

  std::unique_ptr<Cond> ParseAnd(int depth, Source src) {
    if (!Deeper(depth)) return nullptr;
    auto left = ParseNot(depth, src);
    while (left && IsWord("and")) {
      if (!Next()) return nullptr;
      auto right = ParseNot(depth, src);
      if (!right) return nullptr;
      left = Combine(Cond::Kind::kAnd, std::move(left), std::move(right));
    }
    return left;
  }

  std::unique_ptr<Cond> ParseNot(int depth, Source src) {
    if (!Deeper(depth)) return nullptr;
    if (IsWord("not")) {
      if (!Next()) return nullptr;
      auto inner = ParseNot(depth + 1, src);
      if (!inner) return nullptr;
      auto c = std::make_unique<Cond>();
      c->kind = Cond::Kind::kNot;
      c->children.push_back(std::move(inner));
      return c;
    }
    if (IsPunct("(")) {
      if (!Next()) return nullptr;
      auto inner = ParseOr(depth + 1, src);
      if (!inner || !Expect(")")) return nullptr;
      return inner;
    }
    return ParsePredicate(src);
  }

  std::unique_ptr<Cond> ParsePredicate(Source src) {
    int pos = tok_.pos;
    if (tok_.kind != Tok::kIdent) {
      return Err(pos, "此处应为字段名，实为 “" + std::string(tok_.text) + "”",
                 "expected a field, found '" + std::string(tok_.text) + "'");
    }
    auto c = std::make_unique<Cond>();
    Predicate& p = c->pred;
    Source field_src = src;
    if (IsWord("project") && src != Source::kProjects) {
      if (!Next() || !Expect(".")) return nullptr;
      field_src = Source::kProjects;
      p.via_project = true;
      pos = tok_.pos;
    }
    const FieldInfo* f = tok_.kind == Tok::kIdent ? FindField(field_src, tok_.text) : nullptr;
    if (!f) {
      std::string names = FieldNames(field_src);
      if (field_src != Source::kProjects) names += "|project.<field>";
      return Err(pos, "未知的字段：" + std::string(tok_.text) + "（可用 " + names + "）",
                 "unknown field '" + std::string(tok_.text) + "' (" + names + ")");
    }
    p.field = f->field;
    p.type = f->type;
    if (!Next()) return nullptr;
    int op_pos = tok_.pos;
    static constexpr struct {
      std::string_view p;
      CmpOp op;
    } kCmp[] = {{"=", CmpOp::kEq},  {"!=", CmpOp::kNe}, {"<", CmpOp::kLt},
                {"<=", CmpOp::kLe}, {">", CmpOp::kGt},  {">=", CmpOp::kGe}};
    for (const auto& k : kCmp) {
      if (IsPunct(k.p)) {
        p.op = k.op;
        bool ordered = k.op != CmpOp::kEq && k.op != CmpOp::kNe;
        if (ordered &&
            (IsEnum(p.type) || p.type == ValueType::kCode || p.type == ValueType::kUnit)) {
          return Err(op_pos, "该字段只能用 =、!=、in 比较", "this field only takes =, != and in");
        }
        if (!Next() || !ParseValue(p)) return nullptr;
        return c;
      }
    }
    if (IsWord("not") || IsWord("in")) {
      p.op = IsWord("not") ? CmpOp::kNotIn : CmpOp::kIn;
      if (!Next()) return nullptr;
      if (p.op == CmpOp::kNotIn && !ExpectWord("in")) return nullptr;
      if (!Expect("(")) return nullptr;
      while (true) {
        if (static_cast<int>(p.operands.size()) >= kMaxListValues) {
          return Err(tok_.pos, "列表过长（最多 " + std::to_string(kMaxListValues) + " 项）",
                     "list too long (at most " + std::to_string(kMaxListValues) + " values)");
        }
        if (!ParseValue(p)) return nullptr;
        if (IsPunct(",")) {
          if (!Next()) return nullptr;
          continue;
        }
        break;
      }
      if (!Expect(")")) return nullptr;
      return c;
    }
    if (IsWord("between")) {
      if (IsEnum(p.type) || p.type == ValueType::kCode || p.type == ValueType::kUnit) {
        return Err(op_pos, "该字段不能用 between", "this field does not take between");
      }
      p.op = CmpOp::kBetween;
      if (!Next() || !ParseValue(p) || !ExpectWord("and") || !ParseValue(p)) return nullptr;
      return c;
    }
    if (IsWord("is")) {
      if (!Next()) return nullptr;
      p.op = CmpOp::kIsNull;
      if (IsWord("not")) {
        p.op = CmpOp::kIsNotNull;
        if (!Next()) return nullptr;
      }
      if (!ExpectWord("null")) return nullptr;
      if (p.type != ValueType::kDate && p.type != ValueType::kCode && p.type != ValueType::kUnit) {
        return Err(op_pos, "该字段不会为空", "this field is never null");
      }
      return c;
    }
    if (IsWord("starts_with")) {
      if (p.type != ValueType::kCode) {
        return Err(op_pos, "starts_with 只用于地区和行业代码",
                   "starts_with is for region and industry codes only");
      }
      p.op = CmpOp::kStartsWith;
      if (!Next() || !ParseValue(p)) return nullptr;
      return c;
    }
    return Err(op_pos, "此处应为比较运算（= != < <= > >= in between is starts_with）",
               "expected a comparison (= != < <= > >= in between is starts_with)");
  }

  // Parses one value of the predicate's field type and appends it.
  bool ParseValue(Predicate& p) {
    int pos = tok_.pos;
    Operand o;
    std::string what(tok_.text);
    auto bad = [&](std::string zh, std::string en) {
      SetError(pos, std::move(zh), std::move(en));
      return false;
    };
    switch (p.type) {
      case ValueType::kDate:
      case ValueType::kPeriod: {
        if (tok_.kind == Tok::kIdent) {
          auto var = FindTimeVar(tok_.text);
          if (var) {
            o.kind = Operand::Kind::kTimeVar;
            o.value = static_cast<int64_t>(*var);
          } else {
            return bad(
                "未知的时间变量：" + what +
                    "（可用 "
                    "period、period_start、period_end、quarter_start、year_start、year_end）",
                "unknown time variable '" + what +
                    "' (period|period_start|period_end|quarter_start|year_start|year_end)");
          }
        } else if (p.type == ValueType::kDate && tok_.kind == Tok::kDate) {
          o.value = tok_.date;
        } else if (p.type == ValueType::kPeriod && tok_.kind == Tok::kNumber &&
                   tok_.number.den == 1 && tok_.number.num >= 190001 && tok_.number.num <= 219912 &&
                   tok_.number.num % 100 >= 1 && tok_.number.num % 100 <= 12) {
          o.value = static_cast<int64_t>(tok_.number.num);
        } else {
          return bad(p.type == ValueType::kDate ? "此处应为日期（YYYY-MM-DD）或时间变量"
                                                : "此处应为期别（YYYYMM）或时间变量",
                     p.type == ValueType::kDate ? "expected a date (YYYY-MM-DD) or a time variable"
                                                : "expected a period (YYYYMM) or a time variable");
        }
        break;
      }
      case ValueType::kMoney:
        if (tok_.kind != Tok::kMoney) {
          return bad("金额需要单位（元、万、亿），如 500万",
                     "an amount needs a unit (元, 万 or 亿), e.g. 500万");
        }
        if (tok_.number.den != 1) {
          return bad("金额最小单位为分", "an amount must be a whole number of cents");
        }
        o.value = static_cast<int64_t>(tok_.number.num);
        break;
      case ValueType::kInt:
      case ValueType::kUnit:
        if (tok_.kind != Tok::kNumber || tok_.number.den != 1) {
          return bad("此处应为整数", "expected an integer");
        }
        o.value = static_cast<int64_t>(tok_.number.num);
        break;
      case ValueType::kCode:
        if (tok_.kind != Tok::kText) {
          return bad("代码需用单引号括起，如 '610104'", "a code is quoted, e.g. '610104'");
        }
        o.kind = Operand::Kind::kText;
        o.text = what;
        break;
      default: {  // enums
        std::string allowed;
        std::optional<int64_t> v;
        if (tok_.kind == Tok::kIdent) v = ParseEnumCode(p.type, tok_.text, &allowed);
        if (!v) {
          ParseEnumCode(p.type, "", &allowed);
          return bad("未知的取值：" + what + "（可用 " + allowed + "）",
                     "unknown value '" + what + "' (" + allowed + ")");
        }
        o.value = *v;
        break;
      }
    }
    p.operands.push_back(std::move(o));
    return Next();
  }

  std::string_view text_;
  Lexer lexer_;
  Token tok_;
  int aggregates_ = 0;
  bool failed_ = false;
  ExprError error_;
};

}  // namespace

Status ExprError::ToStatus(std::string_view field) const {
  std::string zh = "位置 " + std::to_string(position) + "：" + message_zh;
  std::string en = "at " + std::to_string(position) + ": " + message_en;
  return Status::InvalidArgument(zh, en, {FieldError{std::string(field), zh, en}});
}

ParseResult ParseExpression(std::string_view text) { return Parser(text).Run(); }

}  // namespace keyline::engine
