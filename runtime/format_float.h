// Internal interface of format_float.cpp: Go's strconv float formatting.
#ifndef MGO_RUNTIME_FORMAT_FLOAT_H
#define MGO_RUNTIME_FORMAT_FLOAT_H

#include <string>

namespace mgo {

// strconv.AppendFloat(out, v, fmt, prec, bit_size) for fmt in "beEfgGxX";
// prec -1 selects the shortest representation that round-trips at
// bit_size (32 or 64) bits.
void append_float(std::string &out, double v, char fmt, int prec, int bit_size);

} // namespace mgo

#endif
