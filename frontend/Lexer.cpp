// The scanner follows gc's (cmd/compile/internal/syntax/scanner.go) closely,
// so that malformed input is reported with gc's words at gc's positions.
#include "frontend/Lexer.h"
#include "frontend/Unicode.h"

#include <llvm/Support/Unicode.h>

#include <charconv>
#include <unordered_map>

namespace mgo {

static bool isASCIILetter(int32_t c) {
  return ('a' <= (c | 0x20) && (c | 0x20) <= 'z') || c == '_';
}
static bool isDecimal(int32_t c) { return '0' <= c && c <= '9'; }
static bool isHex(int32_t c) {
  return isDecimal(c) || ('a' <= (c | 0x20) && (c | 0x20) <= 'f');
}
static int32_t lower(int32_t c) { return c | 0x20; }

static std::string encodeUTF8(uint32_t c) {
  std::string s;
  if (c < 0x80) {
    s += char(c);
  } else if (c < 0x800) {
    s += char(0xC0 | (c >> 6));
    s += char(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    s += char(0xE0 | (c >> 12));
    s += char(0x80 | ((c >> 6) & 0x3F));
    s += char(0x80 | (c & 0x3F));
  } else {
    s += char(0xF0 | (c >> 18));
    s += char(0x80 | ((c >> 12) & 0x3F));
    s += char(0x80 | ((c >> 6) & 0x3F));
    s += char(0x80 | (c & 0x3F));
  }
  return s;
}

static bool isPrint(uint32_t c) {
  if (c < 0x80)
    return c >= 0x20 && c < 0x7F;
  if (c > 0x10FFFF || (c >= 0xD800 && c < 0xE000))
    return false;
  return llvm::sys::unicode::isPrintable(c);
}

// Go's %#U: U+0040 '@'.
static std::string formatU(uint32_t c) {
  char buf[16];
  snprintf(buf, sizeof buf, "U+%04X", c);
  std::string s = buf;
  if (isPrint(c))
    s += " '" + encodeUTF8(c) + "'";
  return s;
}

// Go's %q of a rune: 'a', '\n', '\x00'.
static std::string quoteRune(uint32_t c) {
  switch (c) {
  case '\a':
    return "'\\a'";
  case '\b':
    return "'\\b'";
  case '\f':
    return "'\\f'";
  case '\n':
    return "'\\n'";
  case '\r':
    return "'\\r'";
  case '\t':
    return "'\\t'";
  case '\v':
    return "'\\v'";
  case '\\':
    return "'\\\\'";
  case '\'':
    return "'\\''";
  }
  if (isPrint(c))
    return "'" + encodeUTF8(c) + "'";
  char buf[16];
  if (c < 0x80)
    snprintf(buf, sizeof buf, "'\\x%02x'", c);
  else if (c < 0x10000)
    snprintf(buf, sizeof buf, "'\\u%04x'", c);
  else
    snprintf(buf, sizeof buf, "'\\U%08x'", c);
  return buf;
}

static const char *baseName(int base) {
  switch (base) {
  case 2:
    return "binary";
  case 8:
    return "octal";
  case 10:
    return "decimal";
  default:
    return "hexadecimal";
  }
}

// Decodes one UTF-8 sequence as Go's utf8.DecodeRune does; -1 when invalid.
static int32_t decodeUTF8(const std::string &s, size_t pos, size_t *width) {
  unsigned char b0 = s[pos];
  int n = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC0 ? 2 : 0;
  if (n == 0 || b0 > 0xF4 || pos + n > s.size())
    return -1;
  uint32_t c = b0 & (0x7F >> n);
  for (int i = 1; i < n; i++) {
    unsigned char b = s[pos + i];
    if ((b & 0xC0) != 0x80)
      return -1;
    c = (c << 6) | (b & 0x3F);
  }
  static const uint32_t minOf[] = {0, 0, 0x80, 0x800, 0x10000};
  if (c < minOf[n] || c > 0x10FFFF || (c >= 0xD800 && c < 0xE000))
    return -1;
  *width = n;
  return c;
}

Lexer::Lexer(const SourceFile &file, DiagEngine &diags)
    : file_(file), diags_(diags) {
  nextch();
}

void Lexer::errorAt(size_t offset, const std::string &msg) {
  hadError_ = true;
  diags_.error(file_.locOf(offset), msg);
}

void Lexer::nextch() {
  const std::string &text = file_.text();
  for (;;) {
    chPos_ = pos_;
    if (pos_ >= text.size()) {
      ch_ = -1;
      return;
    }
    unsigned char b = text[pos_];
    if (b < 0x80) {
      pos_++;
      if (b == 0) {
        errorHere("invalid NUL character");
        continue;
      }
      ch_ = b;
      return;
    }
    size_t width = 1;
    int32_t c = decodeUTF8(text, pos_, &width);
    pos_ += width;
    if (c < 0) {
      errorHere("invalid UTF-8 encoding");
      continue;
    }
    if (c == 0xFEFF) {
      // A byte order mark is allowed only as the first character.
      if (chPos_ > 0)
        errorHere("invalid BOM in the middle of the file");
      continue;
    }
    ch_ = c;
    return;
  }
}

Token Lexer::make(Token::Kind k, size_t start) {
  Token t;
  t.kind = k;
  t.loc = file_.locOf(start);
  t.text = file_.text().substr(start, chPos_ - start);
  t.bad = bad_;
  bad_ = false;
  return t;
}

Token Lexer::next() {
  bool nlsemi = insertSemi_;
  insertSemi_ = false;
  for (;;) {
    size_t skipStart = chPos_;
    while (ch_ == ' ' || ch_ == '\t' || ch_ == '\r' || (ch_ == '\n' && !nlsemi))
      nextch();
    size_t start = chPos_;
    if (ch_ < 0) {
      if (nlsemi) {
        Token t = make(Token::SEMICOLON, start);
        t.text = "EOF";
        return t;
      }
      return make(Token::END_OF_FILE, start);
    }
    if (isASCIILetter(ch_) || (ch_ >= 0x80 && atIdentChar(true)))
      return identifier(start);
    if (ch_ == '\n') {
      nextch();
      Token t = make(Token::SEMICOLON, start);
      t.text = "\n";
      return t;
    }
    if (isDecimal(ch_)) {
      insertSemi_ = true;
      return number(start, false);
    }
    if (ch_ == '/') {
      nextch();
      if (ch_ == '/') {
        skipLineComment();
        std::string text = file_.text().substr(start, chPos_ - start);
        if (text.starts_with("//go:")) {
          // gc's scanner: the line is blank up to the comment if the blanks
          // skipped before it began a line or crossed a newline.
          bool blank = skipStart == 0 || file_.text()[skipStart - 1] == '\n' ||
                       file_.text().find('\n', skipStart) < start;
          std::string body = text.substr(2);
          if (body.ends_with('\r')) // a CRLF line's, as gc's commentText
            body.pop_back();
          directives_.push_back({file_.locOf(start + 2), body, blank});
        }
        // A //line directive counts only at the start of a line, and from
        // the next one.
        if (text.starts_with("//line ") &&
            (start == 0 || file_.text()[start - 1] == '\n')) {
          SrcLoc next = file_.locOf(start);
          next.line++;
          next.col = 1;
          lineDirective(std::string_view(text).substr(7), next);
        }
        continue;
      }
      if (ch_ == '*') {
        bool multiline = skipGeneralComment(start);
        std::string_view text =
            std::string_view(file_.text()).substr(start, chPos_ - start);
        if (text.starts_with("/*line ") && text.ends_with("*/"))
          lineDirective(text.substr(7, text.size() - 9), file_.locOf(chPos_));
        if (multiline && nlsemi) {
          Token t = make(Token::SEMICOLON, start);
          t.text = "\n";
          return t;
        }
        continue;
      }
      if (ch_ == '=') {
        nextch();
        return make(Token::QUO_ASSIGN, start);
      }
      return make(Token::QUO, start);
    }
    switch (ch_) {
    case '"':
      insertSemi_ = true;
      return stdString(start);
    case '`':
      insertSemi_ = true;
      return rawString(start);
    case '\'':
      insertSemi_ = true;
      return runeLit(start);
    case '.':
      nextch();
      if (isDecimal(ch_)) {
        insertSemi_ = true;
        return number(start, true);
      }
      if (ch_ == '.') {
        nextch();
        if (ch_ == '.') {
          nextch();
          return make(Token::ELLIPSIS, start);
        }
        pos_ = start + 1;
        nextch();
      }
      return make(Token::PERIOD, start);
    }
    Token t = operatorToken(start);
    if (t.kind != Token::ILLEGAL)
      return t;
    errorHere("invalid character " + formatU(ch_));
    nextch();
  }
}

bool Lexer::atIdentChar(bool first) {
  if (ch_ == '_' || (ch_ < 0x80 && isASCIILetter(ch_)) ||
      (ch_ >= 0x80 && isUnicodeLetter(ch_)))
    return true;
  if (isDecimal(ch_) || (ch_ >= 0x80 && isUnicodeDigit(ch_))) {
    if (first)
      errorHere("identifier cannot begin with digit " + formatU(ch_));
    return true;
  }
  if (ch_ >= 0x80) {
    errorHere("invalid character " + formatU(ch_) + " in identifier");
    return true;
  }
  return false;
}

static Token::Kind keywordKind(std::string_view s) {
  static const std::unordered_map<std::string_view, Token::Kind> keywords = {
      {"break", Token::BREAK},
      {"case", Token::CASE},
      {"chan", Token::CHAN},
      {"const", Token::CONST},
      {"continue", Token::CONTINUE},
      {"default", Token::DEFAULT},
      {"defer", Token::DEFER},
      {"else", Token::ELSE},
      {"fallthrough", Token::FALLTHROUGH},
      {"for", Token::FOR},
      {"func", Token::FUNC},
      {"go", Token::GO},
      {"goto", Token::GOTO},
      {"if", Token::IF},
      {"import", Token::IMPORT},
      {"interface", Token::INTERFACE},
      {"map", Token::MAP},
      {"package", Token::PACKAGE},
      {"range", Token::RANGE},
      {"return", Token::RETURN},
      {"select", Token::SELECT},
      {"struct", Token::STRUCT},
      {"switch", Token::SWITCH},
      {"type", Token::TYPE},
      {"var", Token::VAR},
  };
  auto it = keywords.find(s);
  return it == keywords.end() ? Token::IDENT : it->second;
}

Token Lexer::identifier(size_t start) {
  nextch();
  while (ch_ >= 0 && atIdentChar(false))
    nextch();
  Token t = make(Token::IDENT, start);
  t.kind = keywordKind(t.text);
  switch (t.kind) {
  case Token::IDENT:
  case Token::BREAK:
  case Token::CONTINUE:
  case Token::FALLTHROUGH:
  case Token::RETURN:
    insertSemi_ = true;
    break;
  default:
    break;
  }
  return t;
}

void Lexer::skipLineComment() {
  while (ch_ >= 0 && ch_ != '\n')
    nextch();
}

// As gc's parser (updateBase): "file:line" or "file:line:col", the file
// possibly empty; a comment without a colon is no directive. gc reports
// malformed numbers; they are ignored here.
void Lexer::lineDirective(std::string_view text, SrcLoc at) {
  auto trailingNumber = [](std::string_view s, size_t &colon, uint32_t &n) {
    colon = s.rfind(':');
    if (colon == std::string_view::npos)
      return false;
    std::string_view digits = s.substr(colon + 1);
    auto [end, ec] =
        std::from_chars(digits.data(), digits.data() + digits.size(), n);
    return ec == std::errc() && end == digits.data() + digits.size();
  };
  size_t colon;
  uint32_t line, col = 0, n;
  if (!trailingNumber(text, colon, line))
    return;
  text = text.substr(0, colon);
  if (trailingNumber(text, colon, n)) {
    col = line;
    line = n;
    text = text.substr(0, colon);
    if (col == 0)
      return;
  }
  if (line == 0)
    return;
  diags_.addLineDirective(at, std::string(text), line, col);
}

bool Lexer::skipGeneralComment(size_t start) {
  nextch();
  bool multiline = false;
  while (ch_ >= 0) {
    while (ch_ == '*') {
      nextch();
      if (ch_ == '/') {
        nextch();
        return multiline;
      }
    }
    if (ch_ == '\n')
      multiline = true;
    if (ch_ >= 0)
      nextch();
  }
  errorAt(start, "comment not terminated");
  return multiline;
}

// Returns bit 0 when a digit was seen and bit 1 when a '_' was; records in
// *invalid the offset of the first digit too large for base.
int Lexer::digits(int base, int *invalid, size_t start) {
  int digsep = 0;
  if (base <= 10) {
    int32_t max = '0' + base;
    while (isDecimal(ch_) || ch_ == '_') {
      int ds = 1;
      if (ch_ == '_')
        ds = 2;
      else if (ch_ >= max && invalid && *invalid < 0)
        *invalid = int(chPos_ - start);
      digsep |= ds;
      nextch();
    }
  } else {
    while (isHex(ch_) || ch_ == '_') {
      digsep |= ch_ == '_' ? 2 : 1;
      nextch();
    }
  }
  return digsep;
}

// The offset of the first '_' that does not separate two digits, or -1.
static int invalidSep(const std::string &x) {
  int32_t x1 = ' ';
  int32_t d = '.';
  size_t i = 0;
  if (x.size() >= 2 && x[0] == '0') {
    x1 = lower(x[1]);
    if (x1 == 'x' || x1 == 'o' || x1 == 'b') {
      d = '0';
      i = 2;
    }
  }
  for (; i < x.size(); i++) {
    int32_t p = d;
    d = x[i];
    if (d == '_') {
      if (p != '0')
        return i;
    } else if (isDecimal(d) || (x1 == 'x' && isHex(d))) {
      d = '0';
    } else {
      if (p == '_')
        return i - 1;
      d = '.';
    }
  }
  if (d == '_')
    return x.size() - 1;
  return -1;
}

Token Lexer::number(size_t start, bool seenPoint) {
  bool ok = true;
  Token::Kind kind = Token::INT;
  int base = 10;
  char prefix = 0;
  int digsep = 0;
  int invalid = -1;

  if (!seenPoint) {
    if (ch_ == '0') {
      nextch();
      switch (lower(ch_)) {
      case 'x':
        nextch();
        base = 16, prefix = 'x';
        break;
      case 'o':
        nextch();
        base = 8, prefix = 'o';
        break;
      case 'b':
        nextch();
        base = 2, prefix = 'b';
        break;
      default:
        base = 8, prefix = '0';
        digsep = 1; // the leading 0
      }
    }
    digsep |= digits(base, &invalid, start);
    if (ch_ == '.') {
      if (prefix == 'o' || prefix == 'b') {
        errorHere(std::string("invalid radix point in ") + baseName(base) +
                  " literal");
        ok = false;
      }
      nextch();
      seenPoint = true;
    }
  }
  if (seenPoint) {
    kind = Token::FLOAT;
    digsep |= digits(base, &invalid, start);
  }
  if ((digsep & 1) == 0 && ok) {
    errorHere(std::string(baseName(base)) + " literal has no digits");
    ok = false;
  }
  int32_t e = lower(ch_);
  if (e == 'e' || e == 'p') {
    if (ok && e == 'e' && prefix != 0 && prefix != '0') {
      errorHere(quoteRune(ch_) + " exponent requires decimal mantissa");
      ok = false;
    } else if (ok && e == 'p' && prefix != 'x') {
      errorHere(quoteRune(ch_) + " exponent requires hexadecimal mantissa");
      ok = false;
    }
    nextch();
    kind = Token::FLOAT;
    if (ch_ == '+' || ch_ == '-')
      nextch();
    digsep = digits(10, nullptr, start) | (digsep & 2);
    if ((digsep & 1) == 0 && ok) {
      errorHere("exponent has no digits");
      ok = false;
    }
  } else if (prefix == 'x' && kind == Token::FLOAT && ok) {
    errorHere("hexadecimal mantissa requires a 'p' exponent");
    ok = false;
  }
  if (ch_ == 'i') {
    kind = Token::IMAG;
    nextch();
  }
  Token t = make(kind, start);
  if (kind == Token::INT && invalid >= 0 && ok) {
    errorAt(start + invalid, "invalid digit " + quoteRune(t.text[invalid]) +
                                 " in " + baseName(base) + " literal");
    ok = false;
  }
  if ((digsep & 2) && ok) {
    int i = invalidSep(t.text);
    if (i >= 0) {
      errorAt(start + i, "'_' must separate successive digits");
      ok = false;
    }
  }
  t.bad = !ok;
  return t;
}

bool Lexer::escape(int32_t quote) {
  int n;
  uint32_t base, max;
  switch (ch_) {
  case 'a':
  case 'b':
  case 'f':
  case 'n':
  case 'r':
  case 't':
  case 'v':
  case '\\':
    nextch();
    return true;
  case '0':
  case '1':
  case '2':
  case '3':
  case '4':
  case '5':
  case '6':
  case '7':
    n = 3, base = 8, max = 255;
    break;
  case 'x':
    nextch();
    n = 2, base = 16, max = 255;
    break;
  case 'u':
    nextch();
    n = 4, base = 16, max = 0x10FFFF;
    break;
  case 'U':
    nextch();
    n = 8, base = 16, max = 0x10FFFF;
    break;
  default:
    if (ch_ == quote) {
      nextch();
      return true;
    }
    if (ch_ < 0)
      return true; // the caller reports the unterminated literal
    errorHere("unknown escape");
    return false;
  }
  uint32_t x = 0;
  for (int i = n; i > 0; i--) {
    if (ch_ < 0)
      return true;
    uint32_t d = base;
    if (isDecimal(ch_))
      d = ch_ - '0';
    else if ('a' <= lower(ch_) && lower(ch_) <= 'f')
      d = lower(ch_) - 'a' + 10;
    if (d >= base) {
      errorHere("invalid character " + quoteRune(ch_) + " in " +
                baseName(base) + " escape");
      return false;
    }
    x = x * base + d;
    nextch();
  }
  if (x > max && base == 8) {
    errorHere("octal escape value " + std::to_string(x) + " > 255");
    return false;
  }
  if (x > max || (0xD800 <= x && x < 0xE000)) {
    errorHere("escape is invalid Unicode code point " + formatU(x));
    return false;
  }
  return true;
}

Token Lexer::runeLit(size_t start) {
  bool ok = true;
  nextch();
  for (int n = 0;; n++) {
    if (ch_ == '\'') {
      if (ok && n == 0) {
        errorHere("empty rune literal or unescaped '");
        ok = false;
      } else if (ok && n != 1) {
        errorAt(start, "more than one character in rune literal");
        ok = false;
      }
      nextch();
      break;
    }
    if (ch_ == '\\') {
      nextch();
      if (!escape('\''))
        ok = false;
      continue;
    }
    if (ch_ == '\n') {
      if (ok)
        errorHere("newline in rune literal");
      ok = false;
      break;
    }
    if (ch_ < 0) {
      if (ok)
        errorAt(start, "rune literal not terminated");
      ok = false;
      break;
    }
    nextch();
  }
  bad_ = !ok;
  return make(Token::CHAR, start);
}

Token Lexer::stdString(size_t start) {
  bool ok = true;
  nextch();
  for (;;) {
    if (ch_ == '"') {
      nextch();
      break;
    }
    if (ch_ == '\\') {
      nextch();
      if (!escape('"'))
        ok = false;
      continue;
    }
    if (ch_ == '\n') {
      errorHere("newline in string");
      ok = false;
      break;
    }
    if (ch_ < 0) {
      errorAt(start, "string not terminated");
      ok = false;
      break;
    }
    nextch();
  }
  bad_ = !ok;
  return make(Token::STRING, start);
}

// Carriage returns are dropped from raw strings (Go spec), here once for all.
Token Lexer::rawString(size_t start) {
  bool ok = true;
  nextch();
  for (;;) {
    if (ch_ == '`') {
      nextch();
      break;
    }
    if (ch_ < 0) {
      errorAt(start, "string not terminated");
      ok = false;
      break;
    }
    nextch();
  }
  bad_ = !ok;
  Token t = make(Token::STRING, start);
  std::erase(t.text, '\r');
  return t;
}

// Operators and punctuation; ILLEGAL (nothing consumed) for anything else.
Token Lexer::operatorToken(size_t start) {
  using K = Token::Kind;
  // After an operator's characters: the operator, or its op= form.
  auto opAssign = [&](K plain, K assign) {
    if (ch_ == '=') {
      nextch();
      return make(assign, start);
    }
    return make(plain, start);
  };
  int32_t c = ch_;
  switch (c) {
  case '(':
    nextch();
    return make(Token::LPAREN, start);
  case '[':
    nextch();
    return make(Token::LBRACK, start);
  case '{':
    nextch();
    return make(Token::LBRACE, start);
  case ',':
    nextch();
    return make(Token::COMMA, start);
  case ';':
    nextch();
    return make(Token::SEMICOLON, start);
  case '~':
    nextch();
    return make(Token::TILDE, start);
  case ')':
  case ']':
  case '}':
    nextch();
    insertSemi_ = true;
    return make(c == ')'   ? Token::RPAREN
                : c == ']' ? Token::RBRACK
                           : Token::RBRACE,
                start);
  case ':':
    nextch();
    return opAssign(Token::COLON, Token::DEFINE);
  case '+':
  case '-':
    nextch();
    if (ch_ == c) {
      nextch();
      insertSemi_ = true;
      return make(c == '+' ? Token::INC : Token::DEC, start);
    }
    return c == '+' ? opAssign(Token::ADD, Token::ADD_ASSIGN)
                    : opAssign(Token::SUB, Token::SUB_ASSIGN);
  case '*':
    nextch();
    return opAssign(Token::MUL, Token::MUL_ASSIGN);
  case '%':
    nextch();
    return opAssign(Token::REM, Token::REM_ASSIGN);
  case '^':
    nextch();
    return opAssign(Token::XOR, Token::XOR_ASSIGN);
  case '=':
    nextch();
    return opAssign(Token::ASSIGN, Token::EQL);
  case '!':
    nextch();
    return opAssign(Token::NOT, Token::NEQ);
  case '&':
    nextch();
    if (ch_ == '&') {
      nextch();
      return make(Token::LAND, start);
    }
    if (ch_ == '^') {
      nextch();
      return opAssign(Token::AND_NOT, Token::AND_NOT_ASSIGN);
    }
    return opAssign(Token::AND, Token::AND_ASSIGN);
  case '|':
    nextch();
    if (ch_ == '|') {
      nextch();
      return make(Token::LOR, start);
    }
    return opAssign(Token::OR, Token::OR_ASSIGN);
  case '<':
    nextch();
    if (ch_ == '-') {
      nextch();
      return make(Token::ARROW, start);
    }
    if (ch_ == '<') {
      nextch();
      return opAssign(Token::SHL, Token::SHL_ASSIGN);
    }
    return opAssign(Token::LSS, Token::LEQ);
  case '>':
    nextch();
    if (ch_ == '>') {
      nextch();
      return opAssign(Token::SHR, Token::SHR_ASSIGN);
    }
    return opAssign(Token::GTR, Token::GEQ);
  }
  return make(Token::ILLEGAL, start);
}

} // namespace mgo
