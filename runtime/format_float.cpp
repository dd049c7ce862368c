// Float formatting with the output of Go's strconv.FormatFloat.
//
// std::to_chars supplies the digits (shortest round-trip digits, or
// correctly rounded to a requested count), which equal what Go's Ryu and
// big-decimal paths compute; the layout rules (fmtE, fmtF and %g's choice
// between them, fmtB, fmtX) are transcribed from Go's strconv/ftoa.go.
#include "format_float.h"

#include <algorithm>
#include <bit>
#include <charconv>
#include <cmath>
#include <cstdint>

namespace {

// Go's decimalSlice: the value is 0.d[0]d[1]...d[nd-1] * 10^dp, with no
// trailing zeros; zero has nd == 0.
struct Digits {
  std::string d;
  int nd = 0;
  int dp = 0;
};

// Parses to_chars' scientific output "d.ddde±xx" (sign already removed).
void parse_scientific(const char *p, const char *end, Digits *digs) {
  digs->d.clear();
  for (; p < end && *p != 'e'; p++)
    if (*p != '.')
      digs->d += *p;
  digs->nd = int(digs->d.size());
  int exp = 0;
  std::from_chars(p + 1 + (p[1] == '+'), end, exp);
  while (digs->nd > 0 && digs->d[digs->nd - 1] == '0')
    digs->nd--;
  digs->dp = digs->nd == 0 ? 0 : exp + 1;
}

// Digits of |v|: shortest at bit_size bits if ndigits < 0, else rounded to
// ndigits significant digits.
void get_digits(double v, int bit_size, int ndigits, Digits *digs) {
  std::string buf(std::max(ndigits, 0) + 32, '\0');
  char *first = buf.data(), *last = first + buf.size();
  std::to_chars_result r;
  if (ndigits < 0 && bit_size == 32)
    r = std::to_chars(first, last, std::abs(float(v)),
                      std::chars_format::scientific);
  else if (ndigits < 0)
    r = std::to_chars(first, last, std::abs(v), std::chars_format::scientific);
  else
    r = std::to_chars(first, last, std::abs(v), std::chars_format::scientific,
                      ndigits - 1);
  parse_scientific(first, r.ptr, digs);
}

void fmt_e(std::string &out, bool neg, const Digits &d, int prec, char fmt) {
  if (neg)
    out += '-';
  out += d.nd != 0 ? d.d[0] : '0';
  if (prec > 0) {
    out += '.';
    int i = 1;
    int m = std::min(d.nd, prec + 1);
    if (i < m) {
      out.append(d.d, i, m - i);
      i = m;
    }
    for (; i <= prec; i++)
      out += '0';
  }
  out += fmt;
  int exp = d.nd == 0 ? 0 : d.dp - 1;
  out += exp < 0 ? '-' : '+';
  exp = std::abs(exp);
  if (exp >= 100)
    out += char('0' + exp / 100);
  out += char('0' + exp / 10 % 10);
  out += char('0' + exp % 10);
}

void fmt_f(std::string &out, bool neg, const Digits &d, int prec) {
  if (neg)
    out += '-';
  if (d.dp > 0) {
    int m = std::min(d.nd, d.dp);
    out.append(d.d, 0, m);
    out.append(d.dp - m, '0');
  } else {
    out += '0';
  }
  if (prec > 0) {
    out += '.';
    for (int i = 1; i <= prec; i++) {
      int j = d.dp + i - 1;
      out += 0 <= j && j < d.nd ? d.d[j] : '0';
    }
  }
}

// Go's formatDigits for 'e', 'E', 'g', 'G' and shortest 'f'.
void format_digits(std::string &out, bool shortest, bool neg, const Digits &d,
                   int prec, char fmt) {
  switch (fmt) {
  case 'e':
  case 'E':
    fmt_e(out, neg, d, prec, fmt);
    return;
  case 'f':
    fmt_f(out, neg, d, prec);
    return;
  default: {
    int eprec = prec;
    if (eprec > d.nd && d.nd >= d.dp)
      eprec = d.nd;
    // Shortest %g switches to %e from exponent 6 up, whatever the digits.
    if (shortest)
      eprec = 6;
    int exp = d.dp - 1;
    if (exp < -4 || exp >= eprec) {
      prec = std::min(prec, d.nd);
      fmt_e(out, neg, d, prec - 1, char(fmt + 'e' - 'g'));
      return;
    }
    if (prec > d.dp)
      prec = d.nd;
    fmt_f(out, neg, d, std::max(prec - d.dp, 0));
  }
  }
}

struct Bits {
  bool neg;
  uint64_t mant;
  int exp; // unbiased, of the mantissa's leading bit
  int mantbits;
};

void fmt_b(std::string &out, const Bits &b) {
  if (b.neg)
    out += '-';
  out += std::to_string(b.mant);
  out += 'p';
  int exp = b.exp - b.mantbits;
  if (exp >= 0)
    out += '+';
  out += std::to_string(exp);
}

void fmt_x(std::string &out, int prec, char fmt, Bits b) {
  uint64_t mant = b.mant;
  int exp = mant == 0 ? 0 : b.exp;
  mant <<= 60 - b.mantbits;
  for (; mant != 0 && (mant & (uint64_t(1) << 60)) == 0; exp--)
    mant <<= 1;
  if (prec >= 0 && prec < 15) {
    unsigned shift = unsigned(prec * 4);
    uint64_t extra = (mant << shift) & ((uint64_t(1) << 60) - 1);
    mant >>= 60 - shift;
    if ((extra | (mant & 1)) > (uint64_t(1) << 59))
      mant++;
    mant <<= 60 - shift;
    if (mant & (uint64_t(1) << 61)) {
      mant >>= 1;
      exp++;
    }
  }
  const char *hex = fmt == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
  if (b.neg)
    out += '-';
  out += '0';
  out += fmt;
  out += char('0' + ((mant >> 60) & 1));
  mant <<= 4;
  if ((prec < 0 && mant != 0) || prec > 0) {
    out += '.';
    for (int i = 0; prec < 0 ? mant != 0 : i < prec; i++, mant <<= 4)
      out += hex[(mant >> 60) & 15];
  }
  out += fmt == 'X' ? 'P' : 'p';
  out += exp < 0 ? '-' : '+';
  exp = std::abs(exp);
  if (exp >= 1000)
    out += char('0' + exp / 1000);
  if (exp >= 100)
    out += char('0' + exp / 100 % 10);
  out += char('0' + exp / 10 % 10);
  out += char('0' + exp % 10);
}

Bits decompose(double v, int bit_size) {
  uint64_t bits;
  int mantbits, expbits, bias;
  if (bit_size == 32) {
    bits = std::bit_cast<uint32_t>(float(v));
    mantbits = 23, expbits = 8, bias = -127;
  } else {
    bits = std::bit_cast<uint64_t>(v);
    mantbits = 52, expbits = 11, bias = -1023;
  }
  Bits b{bits >> (expbits + mantbits) != 0,
         bits & ((uint64_t(1) << mantbits) - 1),
         int(bits >> mantbits) & ((1 << expbits) - 1), mantbits};
  if (b.exp == 0)
    b.exp++;
  else
    b.mant |= uint64_t(1) << mantbits;
  b.exp += bias;
  return b;
}

} // namespace

void mgo::append_float(std::string &out, double v, char fmt, int prec,
                       int bit_size) {
  if (v != v) {
    out += "NaN";
    return;
  }
  if (v == __builtin_inf() || v == -__builtin_inf()) {
    out += v > 0 ? "+Inf" : "-Inf";
    return;
  }
  bool neg = std::signbit(v);
  if (fmt == 'b' || fmt == 'x' || fmt == 'X') {
    Bits b = decompose(v, bit_size);
    if (fmt == 'b')
      fmt_b(out, b);
    else
      fmt_x(out, prec, fmt, b);
    return;
  }
  if (fmt == 'f' && prec >= 0) {
    // Up to 309 integer digits, the point, the precision and a sign.
    std::string buf(size_t(prec) + 320, '\0');
    auto r = std::to_chars(buf.data(), buf.data() + buf.size(), v,
                           std::chars_format::fixed, prec);
    out.append(buf.data(), r.ptr);
    return;
  }
  Digits digs;
  bool shortest = prec < 0;
  if (shortest) {
    get_digits(v, bit_size, -1, &digs);
    if (fmt == 'e' || fmt == 'E')
      prec = std::max(digs.nd - 1, 0);
    else if (fmt == 'f')
      prec = std::max(digs.nd - digs.dp, 0);
    else
      prec = digs.nd;
  } else {
    if ((fmt == 'g' || fmt == 'G') && prec == 0)
      prec = 1;
    get_digits(v, bit_size, fmt == 'e' || fmt == 'E' ? prec + 1 : prec, &digs);
  }
  format_digits(out, shortest, neg, digs, prec, fmt);
}
