// Internal queries on type descriptors (MgoType) shared by fmt, maps and
// panics: the runtime's small substitute for Go's reflect.
#ifndef MGO_RUNTIME_TYPES_H
#define MGO_RUNTIME_TYPES_H

#include "mgo/abi.h"

#include <string_view>

namespace mgo {

inline std::string_view view(MgoString s) {
  return {reinterpret_cast<const char *>(s.ptr), size_t(s.len)};
}

// True for the predeclared types (int, string, ...): Go prints values of
// named types derived from them differently in panics.
bool is_predeclared(const MgoType *t);
// Whether values of t may contain pointers the collector must see.
bool has_pointers(const MgoType *t);
// Whether == is defined on t (slices, maps and funcs, and aggregates holding
// them, are not). Interfaces are comparable; their dynamic values may not be.
bool is_comparable(const MgoType *t);

// The interface value at p, whose static type is the interface iface, as
// (dynamic type, data): reads through the itab of a non-empty interface.
MgoAny load_any(const MgoType *iface, const void *p);
// Go's == on two values of type t; panics "comparing uncomparable type" when
// an interface inside holds a slice, map or func (runtime/iface.cpp).
bool values_equal(const MgoType *t, const void *a, const void *b);

// If t's method set has a method named name of type func() string, calls it
// on the value at data, stores the result in *out and returns true.
bool call_string_method(const MgoType *t, void *data, std::string_view name,
                        MgoString *out);

} // namespace mgo

#endif
