// Go's strconv quoting rules. Which runes print as themselves and which are
// escaped depends on Unicode printability, so the tables are Go's own
// (isprint_tables.h) and the search mirrors strconv.IsPrint.
#include "quote.h"
#include "isprint_tables.h"
#include "strings.h"

#include <algorithm>
#include <iterator>

namespace {

constexpr char kLowerHex[] = "0123456789abcdef";

// Whether x lies in one of the inclusive [lo, hi] pairs of ranges.
template <typename R> bool in_ranges(const R &ranges, uint32_t x) {
  auto i = std::lower_bound(std::begin(ranges), std::end(ranges), x) -
           std::begin(ranges);
  auto n = std::end(ranges) - std::begin(ranges);
  return i < n && ranges[i & ~1] <= x && x <= ranges[i | 1];
}

template <typename E> bool excepted(const E &exceptions, uint32_t x) {
  return std::binary_search(std::begin(exceptions), std::end(exceptions), x);
}

void append_escaped_rune(std::string &out, int32_t r, char quote,
                         bool ascii_only) {
  if (r == quote || r == '\\') {
    out += '\\';
    out += char(r);
    return;
  }
  if (ascii_only ? (r < 0x80 && mgo::is_print(r)) : mgo::is_print(r)) {
    mgo::append_rune(out, r);
    return;
  }
  switch (r) {
  case '\a':
    out += "\\a";
    return;
  case '\b':
    out += "\\b";
    return;
  case '\f':
    out += "\\f";
    return;
  case '\n':
    out += "\\n";
    return;
  case '\r':
    out += "\\r";
    return;
  case '\t':
    out += "\\t";
    return;
  case '\v':
    out += "\\v";
    return;
  }
  if (r < ' ' || r == 0x7F) {
    out += "\\x";
    out += kLowerHex[(r >> 4) & 0xF];
    out += kLowerHex[r & 0xF];
    return;
  }
  if (!mgo::valid_rune(r))
    r = mgo::kRuneError;
  int digits = r < 0x10000 ? 4 : 8;
  out += r < 0x10000 ? "\\u" : "\\U";
  for (int s = (digits - 1) * 4; s >= 0; s -= 4)
    out += kLowerHex[(r >> s) & 0xF];
}

} // namespace

bool mgo::is_print(int32_t r) {
  using namespace mgo::isprint;
  if (r <= 0xFF) {
    if (0x20 <= r && r <= 0x7E)
      return true;
    if (0xA1 <= r && r <= 0xFF)
      return r != 0xAD;
    return false;
  }
  if (r < 0x10000)
    return in_ranges(kPrint16, uint32_t(r)) && !excepted(kNotPrint16, r);
  if (!in_ranges(kPrint32, uint32_t(r)))
    return false;
  // kNotPrint32 holds 16-bit offsets from 0x10000, so only that plane has
  // exceptions.
  return r >= 0x20000 || !excepted(kNotPrint32, uint32_t(r - 0x10000));
}

void mgo::append_quote(std::string &out, std::string_view s, bool ascii_only) {
  out += '"';
  for (size_t i = 0, width; i < s.size(); i += width) {
    int32_t r = decode_rune(s, i, &width);
    if (width == 1 && r == kRuneError) {
      out += "\\x";
      out += kLowerHex[uint8_t(s[i]) >> 4];
      out += kLowerHex[uint8_t(s[i]) & 0xF];
      continue;
    }
    append_escaped_rune(out, r, '"', ascii_only);
  }
  out += '"';
}

void mgo::append_quote_rune(std::string &out, int32_t r, bool ascii_only) {
  if (!valid_rune(r))
    r = kRuneError;
  out += '\'';
  append_escaped_rune(out, r, '\'', ascii_only);
  out += '\'';
}

bool mgo::can_backquote(std::string_view s) {
  for (size_t i = 0, width; i < s.size(); i += width) {
    int32_t r = decode_rune(s, i, &width);
    if (width > 1) {
      if (r == 0xFEFF)
        return false;
      continue;
    }
    if (r == kRuneError)
      return false;
    if ((r < ' ' && r != '\t') || r == '`' || r == 0x7F)
      return false;
  }
  return true;
}
