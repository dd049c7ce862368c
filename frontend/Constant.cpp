#include "frontend/Constant.h"

#include <llvm/ADT/APSInt.h>
#include <llvm/ADT/SmallString.h>
#include <llvm/Support/Error.h>

#include <cmath>
#include <cstdio>

using llvm::APFloat;
using llvm::APInt;

namespace mgo {

namespace {

const llvm::fltSemantics &quad() { return APFloat::IEEEquad(); }

// Intermediate results wider than this are an overflow even for the checker,
// which reports anything beyond 512 bits itself.
constexpr unsigned MaxSignificantBits = ConstValue::IntBits - 2;

bool tooBig(const APInt &v) {
  return v.getSignificantBits() > MaxSignificantBits;
}

std::string stripUnderscores(const std::string &s) {
  std::string out;
  for (char c : s)
    if (c != '_')
      out += c;
  return out;
}

void appendUtf8(std::string &out, uint32_t r) {
  if (r < 0x80) {
    out += char(r);
  } else if (r < 0x800) {
    out += char(0xC0 | (r >> 6));
    out += char(0x80 | (r & 0x3F));
  } else if (r < 0x10000) {
    out += char(0xE0 | (r >> 12));
    out += char(0x80 | ((r >> 6) & 0x3F));
    out += char(0x80 | (r & 0x3F));
  } else {
    out += char(0xF0 | (r >> 18));
    out += char(0x80 | ((r >> 12) & 0x3F));
    out += char(0x80 | ((r >> 6) & 0x3F));
    out += char(0x80 | (r & 0x3F));
  }
}

// Decodes one UTF-8 sequence at s[i]; invalid bytes decode as U+FFFD.
uint32_t decodeUtf8(const std::string &s, size_t &i) {
  unsigned char c = s[i];
  int n = c < 0x80         ? 0
          : (c >> 5) == 6  ? 1
          : (c >> 4) == 14 ? 2
          : (c >> 3) == 30 ? 3
                           : -1;
  if (n < 0 || i + n >= s.size() + (n == 0 ? 1 : 0)) {
    i++;
    return n == 0 ? c : 0xFFFD;
  }
  uint32_t r = n == 0   ? c
               : n == 1 ? (c & 0x1F)
               : n == 2 ? (c & 0x0F)
                        : (c & 0x07);
  for (int k = 1; k <= n; k++) {
    if (i + k >= s.size() ||
        (static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) {
      i++;
      return 0xFFFD;
    }
    r = (r << 6) | (s[i + k] & 0x3F);
  }
  i += n + 1;
  return r;
}

int hexDigit(char c) {
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

// Decodes the escape at body[i] (just after the backslash). Sets *isByte for
// \x and octal escapes, which denote bytes rather than code points.
bool decodeEscape(const std::string &body, size_t &i, char quote, uint32_t *out,
                  bool *isByte) {
  *isByte = false;
  if (i >= body.size())
    return false;
  char c = body[i++];
  switch (c) {
  case 'a':
    *out = 7;
    return true;
  case 'b':
    *out = 8;
    return true;
  case 'f':
    *out = 12;
    return true;
  case 'n':
    *out = 10;
    return true;
  case 'r':
    *out = 13;
    return true;
  case 't':
    *out = 9;
    return true;
  case 'v':
    *out = 11;
    return true;
  case '\\':
    *out = '\\';
    return true;
  default:
    break;
  }
  if (c == quote) {
    *out = uint32_t(c);
    return true;
  }
  int digits = 0, base = 16;
  if (c >= '0' && c <= '7') {
    digits = 3;
    base = 8;
    i--;
    *isByte = true;
  } else if (c == 'x') {
    digits = 2;
    *isByte = true;
  } else if (c == 'u') {
    digits = 4;
  } else if (c == 'U') {
    digits = 8;
  } else {
    return false;
  }
  uint32_t v = 0;
  for (int k = 0; k < digits; k++) {
    if (i >= body.size())
      return false;
    int d = hexDigit(body[i++]);
    if (d < 0 || d >= base)
      return false;
    v = v * base + d;
  }
  if (base == 8 && v > 255)
    return false;
  if (!*isByte && (v > 0x10FFFF || (v >= 0xD800 && v < 0xE000)))
    return false;
  *out = v;
  return true;
}

std::optional<ConstValue> parseInt(const std::string &raw, std::string *error) {
  std::string s = stripUnderscores(raw);
  unsigned radix = 10;
  size_t start = 0;
  if (s.size() > 1 && s[0] == '0') {
    char p = s[1] | 0x20;
    if (p == 'x' || p == 'b' || p == 'o') {
      radix = p == 'x' ? 16 : p == 'b' ? 2 : 8;
      start = 2;
    } else {
      radix = 8;
      start = 1;
    }
  }
  APInt v(ConstValue::IntBits, 0);
  APInt r(ConstValue::IntBits, radix);
  for (size_t i = start; i < s.size(); i++) {
    int d = hexDigit(s[i]);
    if (d < 0 || unsigned(d) >= radix) {
      *error = "invalid digit in integer literal " + raw;
      return std::nullopt;
    }
    v = v * r + APInt(ConstValue::IntBits, d);
    if (tooBig(v)) {
      *error = "integer literal too large";
      return std::nullopt;
    }
  }
  return ConstValue::makeInt(v);
}

std::optional<ConstValue> parseFloat(const std::string &raw,
                                     std::string *error) {
  APFloat f(quad());
  auto status =
      f.convertFromString(stripUnderscores(raw), APFloat::rmNearestTiesToEven);
  if (!status) {
    llvm::consumeError(status.takeError());
    *error = "malformed floating-point constant " + raw;
    return std::nullopt;
  }
  return ConstValue::makeFloat(f);
}

// An imaginary literal is its body followed by 'i'. A body in the integer
// syntax with a 0b, 0o or 0x prefix is an integer; any other body is decimal
// floating point, so 077i is 77i (Go keeps it so for compatibility).
std::optional<ConstValue> parseImag(const std::string &raw,
                                    std::string *error) {
  std::string body = raw.substr(0, raw.size() - 1);
  std::string s = stripUnderscores(body);
  std::optional<ConstValue> im;
  bool prefixed =
      s.size() > 1 && s[0] == '0' &&
      ((s[1] | 0x20) == 'x' || (s[1] | 0x20) == 'b' || (s[1] | 0x20) == 'o');
  bool hexFloat = prefixed && (s[1] | 0x20) == 'x' &&
                  s.find_first_of(".pP") != std::string::npos;
  if (prefixed && !hexFloat)
    im = parseInt(body, error);
  else
    im = parseFloat(body, error);
  if (!im)
    return std::nullopt;
  return ConstValue::makeComplex(ConstValue::makeInt(0), *im);
}

std::optional<ConstValue> parseChar(const std::string &raw,
                                    std::string *error) {
  std::string body = raw.size() >= 2 ? raw.substr(1, raw.size() - 2) : "";
  size_t i = 0;
  uint32_t r = 0;
  bool isByte = false;
  if (body.empty()) {
    *error = "empty rune literal or unescaped ' in rune literal";
    return std::nullopt;
  }
  if (body[0] == '\\') {
    i = 1;
    if (!decodeEscape(body, i, '\'', &r, &isByte)) {
      *error = "invalid escape in rune literal";
      return std::nullopt;
    }
  } else {
    r = decodeUtf8(body, i);
  }
  if (i != body.size()) {
    *error = "more than one character in rune literal";
    return std::nullopt;
  }
  return ConstValue::makeInt(int64_t(r));
}

std::optional<ConstValue> parseString(const std::string &raw,
                                      std::string *error) {
  std::string body = raw.size() >= 2 ? raw.substr(1, raw.size() - 2) : "";
  std::string out;
  if (raw[0] == '`') {
    for (char c : body)
      if (c != '\r')
        out += c;
    return ConstValue::makeString(out);
  }
  for (size_t i = 0; i < body.size();) {
    if (body[i] != '\\') {
      out += body[i++];
      continue;
    }
    i++;
    uint32_t r = 0;
    bool isByte = false;
    if (!decodeEscape(body, i, '"', &r, &isByte)) {
      *error = "invalid escape in string literal";
      return std::nullopt;
    }
    if (isByte)
      out += char(r);
    else
      appendUtf8(out, r);
  }
  return ConstValue::makeString(out);
}

APFloat toQuad(const ConstValue &v) {
  return v.isFloat() || v.isComplex() ? v.floatValue()
                                      : v.toFloat().floatValue();
}

bool quadEqual(const APFloat &a, const APFloat &b) {
  return a.compare(b) == APFloat::cmpEqual;
}

// Complex values are only compared for equality: 0 when equal, 1 otherwise.
int compareValues(const ConstValue &x, const ConstValue &y) {
  if (x.isComplex() || y.isComplex()) {
    ConstValue a = x.toComplex(), b = y.toComplex();
    return quadEqual(a.realPart().floatValue(), b.realPart().floatValue()) &&
                   quadEqual(a.imagPart().floatValue(),
                             b.imagPart().floatValue())
               ? 0
               : 1;
  }
  if (x.isInt() && y.isInt())
    return x.intValue().slt(y.intValue()) ? -1
           : x.intValue() == y.intValue() ? 0
                                          : 1;
  if (x.isString())
    return x.stringValue().compare(y.stringValue());
  if (x.isBool())
    return int(x.boolValue()) - int(y.boolValue());
  switch (toQuad(x).compare(toQuad(y))) {
  case APFloat::cmpLessThan:
    return -1;
  case APFloat::cmpEqual:
    return 0;
  default:
    return 1;
  }
}

std::optional<ConstValue> intBinary(Token::Kind op, const APInt &a,
                                    const APInt &b, std::string *error) {
  bool overflow = false;
  APInt r;
  switch (op) {
  case Token::ADD:
    r = a.sadd_ov(b, overflow);
    break;
  case Token::SUB:
    r = a.ssub_ov(b, overflow);
    break;
  case Token::MUL:
    r = a.smul_ov(b, overflow);
    break;
  case Token::QUO:
  case Token::REM:
    if (b.isZero()) {
      *error = "division by zero";
      return std::nullopt;
    }
    r = op == Token::QUO ? a.sdiv(b) : a.srem(b);
    break;
  case Token::AND:
    r = a & b;
    break;
  case Token::OR:
    r = a | b;
    break;
  case Token::XOR:
    r = a ^ b;
    break;
  case Token::AND_NOT:
    r = a & ~b;
    break;
  default:
    *error = "invalid operation";
    return std::nullopt;
  }
  if (overflow || tooBig(r)) {
    *error = "overflow";
    return std::nullopt;
  }
  return ConstValue::makeInt(r);
}

APFloat quadOp(Token::Kind op, APFloat a, const APFloat &b) {
  switch (op) {
  case Token::ADD:
    a.add(b, APFloat::rmNearestTiesToEven);
    break;
  case Token::SUB:
    a.subtract(b, APFloat::rmNearestTiesToEven);
    break;
  case Token::MUL:
    a.multiply(b, APFloat::rmNearestTiesToEven);
    break;
  default:
    a.divide(b, APFloat::rmNearestTiesToEven);
    break;
  }
  return a;
}

std::optional<ConstValue> floatBinary(Token::Kind op, const APFloat &a,
                                      const APFloat &b, std::string *error) {
  if (op != Token::ADD && op != Token::SUB && op != Token::MUL &&
      op != Token::QUO) {
    *error = "invalid operation";
    return std::nullopt;
  }
  if (op == Token::QUO && b.isZero()) {
    *error = "division by zero";
    return std::nullopt;
  }
  APFloat r = quadOp(op, a, b);
  if (r.isInfinity() || r.isNaN()) {
    *error = "overflow";
    return std::nullopt;
  }
  return ConstValue::makeFloat(r);
}

// (a+bi) op (c+di) with the textbook formulas: constants are finite, so none
// of the run-time division's care for infinities applies.
std::optional<ConstValue> complexBinary(Token::Kind op, const ConstValue &x,
                                        const ConstValue &y,
                                        std::string *error) {
  APFloat a = x.realPart().floatValue(), b = x.imagPart().floatValue();
  APFloat c = y.realPart().floatValue(), d = y.imagPart().floatValue();
  APFloat re(quad()), im(quad());
  switch (op) {
  case Token::ADD:
  case Token::SUB:
    re = quadOp(op, a, c);
    im = quadOp(op, b, d);
    break;
  case Token::MUL:
    re = quadOp(Token::SUB, quadOp(Token::MUL, a, c), quadOp(Token::MUL, b, d));
    im = quadOp(Token::ADD, quadOp(Token::MUL, a, d), quadOp(Token::MUL, b, c));
    break;
  case Token::QUO: {
    if (c.isZero() && d.isZero()) {
      *error = "division by zero";
      return std::nullopt;
    }
    APFloat s =
        quadOp(Token::ADD, quadOp(Token::MUL, c, c), quadOp(Token::MUL, d, d));
    re = quadOp(
        Token::QUO,
        quadOp(Token::ADD, quadOp(Token::MUL, a, c), quadOp(Token::MUL, b, d)),
        s);
    im = quadOp(
        Token::QUO,
        quadOp(Token::SUB, quadOp(Token::MUL, b, c), quadOp(Token::MUL, a, d)),
        s);
    break;
  }
  default:
    *error = "invalid operation";
    return std::nullopt;
  }
  if (!re.isFinite() || !im.isFinite()) {
    *error = "overflow";
    return std::nullopt;
  }
  return ConstValue::makeComplex(ConstValue::makeFloat(re),
                                 ConstValue::makeFloat(im));
}

} // namespace

ConstValue ConstValue::makeBool(bool b) {
  ConstValue v;
  v.kind_ = Bool;
  v.b_ = b;
  return v;
}

ConstValue ConstValue::makeString(std::string s) {
  ConstValue v;
  v.kind_ = String;
  v.s_ = std::move(s);
  return v;
}

ConstValue ConstValue::makeInt(const APInt &i) {
  ConstValue v;
  v.kind_ = Int;
  v.i_ = i.getBitWidth() == IntBits ? i : i.sextOrTrunc(IntBits);
  return v;
}

ConstValue ConstValue::makeInt(int64_t i) {
  return makeInt(APInt(IntBits, uint64_t(i), true));
}

ConstValue ConstValue::makeUint(uint64_t i) {
  return makeInt(APInt(IntBits, i, false));
}

ConstValue ConstValue::makeFloat(const APFloat &f) {
  ConstValue v;
  v.kind_ = Float;
  v.f_ = f;
  bool lost = false;
  v.f_.convert(quad(), APFloat::rmNearestTiesToEven, &lost);
  if (v.f_.isNegZero())
    v.f_ = APFloat::getZero(quad());
  return v;
}

ConstValue ConstValue::makeFloat(double d) { return makeFloat(APFloat(d)); }

ConstValue ConstValue::makeComplex(const ConstValue &re, const ConstValue &im) {
  ConstValue v;
  v.kind_ = Complex;
  v.f_ = toQuad(re);
  v.im_ = toQuad(im);
  return v;
}

std::optional<ConstValue> ConstValue::fromLiteral(Token::Kind tok,
                                                  const std::string &raw,
                                                  std::string *error) {
  switch (tok) {
  case Token::INT:
    return parseInt(raw, error);
  case Token::FLOAT:
    return parseFloat(raw, error);
  case Token::IMAG:
    return parseImag(raw, error);
  case Token::CHAR:
    return parseChar(raw, error);
  case Token::STRING:
    return parseString(raw, error);
  default:
    *error = "unsupported literal " + raw;
    return std::nullopt;
  }
}

std::optional<ConstValue> ConstValue::toInt() const {
  if (kind_ == Int)
    return *this;
  if (kind_ == Complex)
    return hasZeroImag() ? toFloat().toInt() : std::nullopt;
  if (kind_ != Float)
    return std::nullopt;
  // As go/constant's ToInt: a float within a few bits' rounding of an integer
  // is that integer, the rounding being earlier operations' (0.0005 * 1e9,
  // whose 0.0005 a binary float cannot hold, is 500000).
  APFloat n = f_;
  n.roundToIntegral(APFloat::rmNearestTiesToEven);
  if (n.compare(f_) != APFloat::cmpEqual) {
    if (n.isZero())
      return std::nullopt;
    const int delta = 4;
    APFloat slack =
        scalbn(APFloat::getOne(quad()),
               ilogb(n) - int(APFloat::semanticsPrecision(quad())) + delta + 1,
               APFloat::rmNearestTiesToEven);
    APFloat diff = f_ - n;
    diff.clearSign();
    if (diff.compare(slack) != APFloat::cmpLessThan)
      return std::nullopt;
  }
  llvm::APSInt r(IntBits, false);
  bool exact = false;
  auto status = n.convertToInteger(r, APFloat::rmTowardZero, &exact);
  if (status != APFloat::opOK || !exact)
    return std::nullopt;
  return makeInt(r);
}

ConstValue ConstValue::toFloat() const {
  if (kind_ == Float)
    return *this;
  if (kind_ == Complex)
    return makeFloat(f_);
  APFloat f(quad());
  f.convertFromAPInt(i_, true, APFloat::rmNearestTiesToEven);
  return makeFloat(f);
}

ConstValue ConstValue::toComplex() const {
  return kind_ == Complex ? *this : makeComplex(*this, makeInt(0));
}

ConstValue ConstValue::realPart() const { return toFloat(); }

ConstValue ConstValue::imagPart() const {
  return kind_ == Complex ? makeFloat(im_) : makeFloat(0.0);
}

bool ConstValue::hasZeroImag() const {
  return kind_ != Complex || im_.isZero();
}

bool ConstValue::fitsInt(unsigned bits, bool isSigned) const {
  auto iv = toInt();
  if (!iv)
    return false;
  const APInt &v = iv->i_;
  if (isSigned)
    return v.getSignificantBits() <= bits;
  return !v.isNegative() && v.getActiveBits() <= bits;
}

bool ConstValue::roundToFloat(bool isFloat32, ConstValue *out) const {
  APFloat f = toQuad(*this);
  bool lost = false;
  f.convert(isFloat32 ? APFloat::IEEEsingle() : APFloat::IEEEdouble(),
            APFloat::rmNearestTiesToEven, &lost);
  if (f.isInfinity())
    return false;
  *out = makeFloat(f);
  return true;
}

APInt ConstValue::toAPInt(unsigned bits) const {
  if (kind_ == Bool)
    return APInt(bits, b_ ? 1 : 0);
  auto iv = toInt();
  return iv ? iv->i_.trunc(bits) : APInt(bits, 0);
}

double ConstValue::toDouble() const {
  APFloat f = toQuad(*this);
  bool lost = false;
  f.convert(APFloat::IEEEdouble(), APFloat::rmNearestTiesToEven, &lost);
  return f.convertToDouble();
}

float ConstValue::toFloat32() const {
  APFloat f = toQuad(*this);
  bool lost = false;
  f.convert(APFloat::IEEEsingle(), APFloat::rmNearestTiesToEven, &lost);
  return f.convertToFloat();
}

std::optional<ConstValue> ConstValue::binaryOp(Token::Kind op,
                                               const ConstValue &x,
                                               const ConstValue &y,
                                               std::string *error) {
  if (op == Token::EQL || op == Token::NEQ || op == Token::LSS ||
      op == Token::LEQ || op == Token::GTR || op == Token::GEQ)
    return makeBool(compare(op, x, y));
  if (x.isBool() && y.isBool()) {
    if (op == Token::LAND)
      return makeBool(x.b_ && y.b_);
    if (op == Token::LOR)
      return makeBool(x.b_ || y.b_);
  }
  if (x.isString() && y.isString() && op == Token::ADD)
    return makeString(x.s_ + y.s_);
  if ((x.isComplex() && y.isNumeric()) || (y.isComplex() && x.isNumeric()))
    return complexBinary(op, x, y, error);
  if (x.isInt() && y.isInt())
    return intBinary(op, x.i_, y.i_, error);
  if ((x.isInt() || x.isFloat()) && (y.isInt() || y.isFloat()))
    return floatBinary(op, toQuad(x), toQuad(y), error);
  *error = "invalid operation";
  return std::nullopt;
}

std::optional<ConstValue>
ConstValue::unaryOp(Token::Kind op, const ConstValue &x, unsigned typeBits,
                    bool typeIsUnsigned, std::string *error) {
  switch (op) {
  case Token::ADD:
    if (x.isNumeric())
      return x;
    break;
  case Token::SUB:
    if (x.isInt())
      return makeInt(-x.i_);
    if (x.isFloat())
      return makeFloat(-x.f_);
    if (x.isComplex())
      return makeComplex(makeFloat(-x.f_), makeFloat(-x.im_));
    break;
  case Token::NOT:
    if (x.isBool())
      return makeBool(!x.b_);
    break;
  case Token::XOR:
    if (!x.isInt())
      break;
    if (typeIsUnsigned && typeBits > 0)
      return makeInt((x.i_ ^ APInt::getLowBitsSet(IntBits, typeBits)));
    return makeInt(~x.i_);
  default:
    break;
  }
  *error = "invalid operation";
  return std::nullopt;
}

std::optional<ConstValue> ConstValue::shift(Token::Kind op, const ConstValue &x,
                                            uint64_t count,
                                            std::string *error) {
  auto iv = x.toInt();
  if (!iv) {
    *error = "truncated";
    return std::nullopt;
  }
  const APInt &v = iv->i_;
  if (op == Token::SHR)
    return makeInt(v.ashr(unsigned(std::min<uint64_t>(count, IntBits - 1))));
  if (v.isZero())
    return *iv;
  if (count >= IntBits || v.getSignificantBits() + count > MaxSignificantBits) {
    *error = "overflow";
    return std::nullopt;
  }
  return makeInt(v.shl(unsigned(count)));
}

bool ConstValue::compare(Token::Kind op, const ConstValue &x,
                         const ConstValue &y) {
  int c = compareValues(x, y);
  switch (op) {
  case Token::EQL:
    return c == 0;
  case Token::NEQ:
    return c != 0;
  case Token::LSS:
    return c < 0;
  case Token::LEQ:
    return c <= 0;
  case Token::GTR:
    return c > 0;
  case Token::GEQ:
    return c >= 0;
  default:
    return false;
  }
}

std::string quoteGo(const std::string &s) {
  std::string out = "\"";
  for (size_t i = 0; i < s.size();) {
    size_t start = i;
    uint32_t r = decodeUtf8(s, i);
    bool invalid = r == 0xFFFD && !(i - start == 3 &&
                                    s.compare(start, 3, "\xEF\xBF\xBD") == 0);
    char buf[16];
    if (invalid) {
      snprintf(buf, sizeof buf, "\\x%02x",
               static_cast<unsigned char>(s[start]));
      out += buf;
      i = start + 1;
    } else if (r == '"' || r == '\\') {
      out += '\\';
      out += char(r);
    } else if (r == '\n') {
      out += "\\n";
    } else if (r == '\t') {
      out += "\\t";
    } else if (r == '\r') {
      out += "\\r";
    } else if (r < 0x20 || r == 0x7F) {
      snprintf(buf, sizeof buf, "\\x%02x", r);
      out += buf;
    } else {
      out.append(s, start, i - start);
    }
  }
  return out + "\"";
}

std::string ConstValue::toString() const {
  switch (kind_) {
  case Bool:
    return b_ ? "true" : "false";
  case String: {
    // go/constant shortens long strings in messages.
    std::string q = quoteGo(s_);
    if (q.size() > 72)
      q = q.substr(0, 72 - 3) + "...";
    return q;
  }
  case Int: {
    llvm::SmallString<64> buf;
    i_.toString(buf, 10, true);
    return std::string(buf);
  }
  case Complex:
    // go/constant's spelling: (1 + 2i), (0 + -1.5i).
    return "(" + realPart().toString() + " + " + imagPart().toString() + "i)";
  case Float: {
    char buf[64];
    double d = toDouble();
    if (std::isinf(d) || (d == 0 && !f_.isZero())) {
      llvm::SmallString<64> s;
      f_.toString(s, 6);
      return std::string(s);
    }
    snprintf(buf, sizeof buf, "%.6g", d);
    return buf;
  }
  }
  return "";
}

} // namespace mgo
