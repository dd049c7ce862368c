// The parts of package strconv (stdlib/strconv) that call into the runtime:
// float formatting shares fmt's Go-exact formatter, and ParseFloat's final
// decimal-to-binary step uses the C library's correctly rounded strtod and
// strtof (strconv has already checked the syntax, so the text is a plain
// decimal or hexadecimal literal without underscores).
#include "format_float.h"
#include "strings.h"

#include <cstdlib>
#include <string>

MgoString mgo_strconv_formatFloat(mgo_f64 f, mgo_int fmt, mgo_int prec,
                                  mgo_int bit_size) {
  std::string out;
  if (bit_size == 32)
    f = double(float(f)); // Go formats the float32 the argument rounds to
  bool special = f != f || f == __builtin_inf() || f == -__builtin_inf();
  std::string_view verbs = "beEfgGxX";
  if (!special && verbs.find(char(fmt)) == std::string_view::npos) {
    // Go's formatter writes an unknown verb as %verb.
    out += '%';
    out += char(fmt);
  } else {
    mgo::append_float(out, f, char(fmt), int(prec), int(bit_size));
  }
  return mgo::make_string(out);
}

mgo_f64 mgo_strconv_parseFloatBits(MgoString s, mgo_int bit_size) {
  std::string text(reinterpret_cast<const char *>(s.ptr), size_t(s.len));
  if (bit_size == 32)
    return std::strtof(text.c_str(), nullptr);
  return std::strtod(text.c_str(), nullptr);
}
