// Internal interface of print.cpp: the runtime's own value formats, which
// panic messages share with the print/println builtins.
#ifndef MGO_RUNTIME_PRINT_H
#define MGO_RUNTIME_PRINT_H

#include <string>

namespace mgo {

// Go's runtime float format: "+1.500000e+000", "NaN", "+Inf".
void append_print_float(std::string &out, double v);
// "0x" followed by lower-case hex digits, as print shows pointers.
void append_print_hex(std::string &out, uint64_t v);

} // namespace mgo

#endif
