// Internal string helpers: UTF-8 coding shared by string conversions, range
// loops and fmt, and copying C++ text into collected Go strings.
#ifndef MGO_RUNTIME_STRINGS_H
#define MGO_RUNTIME_STRINGS_H

#include "mgo/abi.h"

#include <string>
#include <string_view>

namespace mgo {

inline constexpr mgo_rune kRuneError = 0xFFFD;
inline constexpr mgo_rune kMaxRune = 0x10FFFF;

// A Go string holding a copy of s in collected memory.
MgoString make_string(std::string_view s);
// Appends the UTF-8 encoding of r (U+FFFD if r is not a valid code point).
void append_rune(std::string &out, int64_t r);
// Go's utf8.DecodeRune on s[pos:]: invalid input yields U+FFFD, width 1.
mgo_rune decode_rune(std::string_view s, size_t pos, size_t *width);
bool valid_rune(int64_t r);

} // namespace mgo

#endif
