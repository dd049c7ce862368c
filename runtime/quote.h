// Internal interface of quote.cpp: Go's strconv quoting, used by %q.
#ifndef MGO_RUNTIME_QUOTE_H
#define MGO_RUNTIME_QUOTE_H

#include <cstdint>
#include <string>
#include <string_view>

namespace mgo {

// strconv.IsPrint.
bool is_print(int32_t r);
// strconv.Quote, or strconv.QuoteToASCII if ascii_only.
void append_quote(std::string &out, std::string_view s, bool ascii_only);
// strconv.QuoteRune, or strconv.QuoteRuneToASCII if ascii_only.
void append_quote_rune(std::string &out, int32_t r, bool ascii_only);
// strconv.CanBackquote.
bool can_backquote(std::string_view s);

} // namespace mgo

#endif
