// Helpers for runtime tests: type descriptors for the predeclared types and
// boxing of C++ values into interface values (MgoAny), as codegen would emit.
#ifndef MGO_TEST_RUNTIME_TEST_VALUES_H
#define MGO_TEST_RUNTIME_TEST_VALUES_H

#include "mgo/abi.h"

#include <complex>
#include <cstring>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace mgotest {

inline MgoString S(std::string_view s) {
  return {reinterpret_cast<const uint8_t *>(s.data()), mgo_int(s.size())};
}

inline std::string str(MgoString s) {
  return {reinterpret_cast<const char *>(s.ptr), size_t(s.len)};
}

inline MgoType basic(MgoKind kind, mgo_int size, const char *name) {
  return MgoType{kind,
                 size,
                 size == 0 ? 1 : (size > 8 ? 8 : size),
                 {reinterpret_cast<const uint8_t *>(name),
                  mgo_int(std::char_traits<char>::length(name))},
                 nullptr,
                 nullptr,
                 0,
                 nullptr,
                 0,
                 nullptr,
                 0};
}

inline const MgoType kBool = basic(MGO_BOOL, 1, "bool");
inline const MgoType kInt = basic(MGO_INT, 8, "int");
inline const MgoType kInt8 = basic(MGO_INT8, 1, "int8");
inline const MgoType kInt16 = basic(MGO_INT16, 2, "int16");
inline const MgoType kInt32 = basic(MGO_INT32, 4, "int32");
inline const MgoType kInt64 = basic(MGO_INT64, 8, "int64");
inline const MgoType kUint = basic(MGO_UINT, 8, "uint");
inline const MgoType kUint8 = basic(MGO_UINT8, 1, "uint8");
inline const MgoType kUint16 = basic(MGO_UINT16, 2, "uint16");
inline const MgoType kUint32 = basic(MGO_UINT32, 4, "uint32");
inline const MgoType kUint64 = basic(MGO_UINT64, 8, "uint64");
inline const MgoType kUintptr = basic(MGO_UINTPTR, 8, "uintptr");
inline const MgoType kFloat32 = basic(MGO_FLOAT32, 4, "float32");
inline const MgoType kFloat64 = basic(MGO_FLOAT64, 8, "float64");
inline const MgoType kComplex64 = basic(MGO_COMPLEX64, 8, "complex64");
inline const MgoType kComplex128 = basic(MGO_COMPLEX128, 16, "complex128");
inline const MgoType kString = basic(MGO_STRING, 16, "string");
inline const MgoType kAny = basic(MGO_INTERFACE, 16, "interface {}");

// A composite type descriptor; elem/key/fields filled in by the caller.
inline MgoType composite(MgoKind kind, mgo_int size, mgo_int align,
                         const char *name) {
  MgoType t = basic(kind, size, name);
  t.align = align;
  return t;
}

// Boxes v as an interface value of type t; the copy lives in GC memory, as
// the copies compiled code makes do.
template <typename T> MgoAny box(const MgoType *t, const T &v) {
  void *p = mgo_alloc(sizeof(T));
  std::memcpy(p, &v, sizeof(T));
  return {t, p};
}

inline MgoAny Nil() { return {nullptr, nullptr}; }
inline MgoAny Bool(bool v) { return box(&kBool, v); }
inline MgoAny Int(int64_t v) { return box(&kInt, v); }
inline MgoAny Int8(int8_t v) { return box(&kInt8, v); }
inline MgoAny Int16(int16_t v) { return box(&kInt16, v); }
inline MgoAny Int32(int32_t v) { return box(&kInt32, v); }
inline MgoAny Int64(int64_t v) { return box(&kInt64, v); }
inline MgoAny Uint(uint64_t v) { return box(&kUint, v); }
inline MgoAny Uint8(uint8_t v) { return box(&kUint8, v); }
inline MgoAny Uint16(uint16_t v) { return box(&kUint16, v); }
inline MgoAny Uint32(uint32_t v) { return box(&kUint32, v); }
inline MgoAny Uint64(uint64_t v) { return box(&kUint64, v); }
inline MgoAny Uintptr(uint64_t v) { return box(&kUintptr, v); }
inline MgoAny F32(float v) { return box(&kFloat32, v); }
inline MgoAny F64(double v) { return box(&kFloat64, v); }
inline MgoAny C64(float re, float im) {
  return box(&kComplex64, std::complex<float>(re, im));
}
inline MgoAny C128(double re, double im) {
  return box(&kComplex128, std::complex<double>(re, im));
}
inline MgoAny Str(std::string_view s) {
  return box(&kString,
             mgo_string_from_bytes(reinterpret_cast<const uint8_t *>(s.data()),
                                   mgo_int(s.size())));
}
// Literals may contain NUL bytes, so take their length from the array.
template <size_t N> MgoAny Str(const char (&s)[N]) {
  return Str(std::string_view(s, N - 1));
}

inline std::string sprintf(std::string_view format,
                           std::vector<MgoAny> args = {}) {
  return str(mgo_fmt_sprintf(reinterpret_cast<const uint8_t *>(format.data()),
                             mgo_int(format.size()), args.data(),
                             mgo_int(args.size())));
}

inline std::string sprint(std::vector<MgoAny> args) {
  return str(mgo_fmt_sprint(args.data(), mgo_int(args.size())));
}

inline std::string sprintln(std::vector<MgoAny> args) {
  return str(mgo_fmt_sprintln(args.data(), mgo_int(args.size())));
}

} // namespace mgotest

#endif
