// Unicode character classes the lexer needs for identifiers.
#ifndef MGO_FRONTEND_UNICODE_H
#define MGO_FRONTEND_UNICODE_H

#include <cstdint>

namespace mgo {

// Go's unicode.IsLetter and unicode.IsDigit for code points >= 0x80.
bool isUnicodeLetter(uint32_t c);
bool isUnicodeDigit(uint32_t c);

} // namespace mgo

#endif
