// Panic values and messages. Run-time errors are runtime.Error values made
// here (descriptors with Error and RuntimeError methods, as Go's
// boundsError, errorString and plainError); unwind.cpp raises them like any
// other panic, so deferred calls run and recover() sees them.
//
// An unrecovered panic's first line must match Go 1.19 byte for byte:
// run-time errors carry the "runtime error: " prefix, the runtime's plain
// errors (nil map assignment) do not, and panic(v) formats v with Go's
// printpanicval rules.
#include "panic.h"
#include "alloc.h"
#include "print.h"
#include "types.h"

#include <complex>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

extern "C" __attribute__((weak)) mgo_int mgo_current_goroutine_id(void) {
  return 1;
}

namespace {

MgoString lit(std::string_view s) {
  return {reinterpret_cast<const uint8_t *>(s.data()), mgo_int(s.size())};
}

// The value of a run-time error is its whole Error() text.
MgoString error_text(void *data) { return *static_cast<MgoString *>(data); }
// A *TypeAssertionError's box holds a pointer to its text.
MgoString pointed_error_text(void *data) {
  return **static_cast<MgoString **>(data);
}
void runtime_error_marker(void *) {}

const MgoType kFuncString = {MGO_FUNC, 8,       8, lit("func() string"),
                             nullptr,  nullptr, 0, nullptr,
                             0,        nullptr, 0};
const MgoType kFuncVoid = {
    MGO_FUNC, 8, 8, lit("func()"), nullptr, nullptr, 0, nullptr, 0, nullptr, 0};
const MgoMethod kErrorMethods[] = {
    {lit("Error"), &kFuncString, reinterpret_cast<void *>(&error_text)},
    {lit("RuntimeError"), &kFuncVoid,
     reinterpret_cast<void *>(&runtime_error_marker)}};

const MgoMethod kPointerErrorMethods[] = {
    {lit("Error"), &kFuncString, reinterpret_cast<void *>(&pointed_error_text)},
    {lit("RuntimeError"), &kFuncVoid,
     reinterpret_cast<void *>(&runtime_error_marker)}};

MgoType error_type(std::string_view name) {
  return {MGO_STRING, 16,      8, lit(name),     nullptr, nullptr,
          0,          nullptr, 2, kErrorMethods, 0};
}

const MgoType kBoundsError = error_type("runtime.boundsError");
const MgoType kErrorString = error_type("runtime.errorString");
const MgoType kPlainError = error_type("runtime.plainError");
// Go's is a pointer to a struct of type descriptors; ours points to the
// text, which is all its methods need (docs/language.md).
const MgoType kTypeAssertionError = {MGO_POINTER,
                                     8,
                                     8,
                                     lit("*runtime.TypeAssertionError"),
                                     nullptr,
                                     nullptr,
                                     0,
                                     nullptr,
                                     2,
                                     kPointerErrorMethods,
                                     0};

MgoString copy_text(std::string_view text) {
  auto *bytes = static_cast<uint8_t *>(mgo_alloc_noscan(mgo_int(text.size())));
  std::memcpy(bytes, text.data(), text.size());
  return MgoString{bytes, mgo_int(text.size())};
}

[[noreturn]] void raise_error(const MgoType *type, std::string_view text,
                              bool nilDeref = false) {
  auto *cell = static_cast<MgoString *>(mgo_alloc(sizeof(MgoString)));
  *cell = copy_text(text);
  mgo::raise_panic(MgoAny{type, cell}, nilDeref);
}

[[noreturn]] void panic_bounds(const std::string &msg) {
  raise_error(&kBoundsError, "runtime error: " + msg);
}

std::string bound(mgo_int v) { return std::to_string(v); }

template <typename T> T load(const void *p) {
  return *static_cast<const T *>(p);
}

// The value part of printpanicval for the basic kinds; false otherwise.
bool append_basic(std::string &out, const MgoType *t, const void *p) {
  switch (t->kind) {
  case MGO_BOOL:
    out += load<bool>(p) ? "true" : "false";
    return true;
  case MGO_INT:
  case MGO_INT64:
    out += std::to_string(load<int64_t>(p));
    return true;
  case MGO_INT8:
    out += std::to_string(load<int8_t>(p));
    return true;
  case MGO_INT16:
    out += std::to_string(load<int16_t>(p));
    return true;
  case MGO_INT32:
    out += std::to_string(load<int32_t>(p));
    return true;
  case MGO_UINT:
  case MGO_UINT64:
  case MGO_UINTPTR:
    out += std::to_string(load<uint64_t>(p));
    return true;
  case MGO_UINT8:
    out += std::to_string(load<uint8_t>(p));
    return true;
  case MGO_UINT16:
    out += std::to_string(load<uint16_t>(p));
    return true;
  case MGO_UINT32:
    out += std::to_string(load<uint32_t>(p));
    return true;
  case MGO_FLOAT32:
    mgo::append_print_float(out, load<float>(p));
    return true;
  case MGO_FLOAT64:
    mgo::append_print_float(out, load<double>(p));
    return true;
  case MGO_COMPLEX64:
  case MGO_COMPLEX128: {
    std::complex<double> c =
        t->kind == MGO_COMPLEX64
            ? std::complex<double>(load<std::complex<float>>(p))
            : load<std::complex<double>>(p);
    out += '(';
    mgo::append_print_float(out, c.real());
    mgo::append_print_float(out, c.imag());
    out += "i)";
    return true;
  }
  case MGO_STRING:
    out += mgo::view(load<MgoString>(p));
    return true;
  default:
    return false;
  }
}

} // namespace

// Go's printpanicval: predeclared types print bare, named basic types as
// T(v) (strings quoted), anything else as (T) address.
std::string mgo::panic_value_text(const MgoAny *v) {
  const MgoType *t = v->type;
  if (t == nullptr)
    return "nil";
  MgoString text;
  if (mgo::call_string_method(t, v->data, "Error", &text) ||
      mgo::call_string_method(t, v->data, "String", &text))
    return std::string(mgo::view(text));
  std::string out;
  if (mgo::is_predeclared(t) && append_basic(out, t, v->data))
    return out;
  std::string name(mgo::view(t->name));
  if (t->kind == MGO_STRING)
    return name + "(\"" + std::string(mgo::view(load<MgoString>(v->data))) +
           "\")";
  if (append_basic(out, t, v->data))
    return name + "(" + out + ")";
  out = "(" + name + ") ";
  mgo::append_print_hex(out, reinterpret_cast<uintptr_t>(v->data));
  return out;
}

void mgo::panic_runtime_error(std::string_view msg) {
  raise_error(&kErrorString, "runtime error: " + std::string(msg));
}

void mgo::panic_plain(std::string_view msg) { raise_error(&kPlainError, msg); }

void mgo::panic_type_assertion(std::string_view msg) {
  auto *text = static_cast<MgoString *>(mgo_alloc(sizeof(MgoString)));
  *text = copy_text(msg);
  auto *box = static_cast<MgoString **>(mgo_alloc(sizeof(MgoString *)));
  *box = text;
  mgo::raise_panic(MgoAny{&kTypeAssertionError, box});
}

namespace {

// A failed bounds check as gc's boundsError prints it: fmt names the failed
// bound %x and what it was checked against %y; for a negative x (of a signed
// type) neg_fmt, which omits y. x of an unsigned type prints unsigned.
[[noreturn]] void fail_bounds(std::string_view fmt, std::string_view neg_fmt,
                              mgo_int x, mgo_bool x_unsigned, mgo_int y) {
  std::string_view f = !x_unsigned && x < 0 ? neg_fmt : fmt;
  std::string msg;
  for (size_t i = 0; i < f.size(); ++i) {
    if (f[i] != '%' || i + 1 == f.size()) {
      msg += f[i];
      continue;
    }
    ++i;
    msg += f[i] == 'x' && x_unsigned ? std::to_string(static_cast<uint64_t>(x))
                                     : bound(f[i] == 'x' ? x : y);
  }
  panic_bounds(msg);
}

} // namespace

extern "C" void mgo_panic_index(mgo_int index, mgo_int length,
                                mgo_bool x_unsigned) {
  fail_bounds("index out of range [%x] with length %y",
              "index out of range [%x]", index, x_unsigned, length);
}

extern "C" void mgo_panic_slice_hi(mgo_int hi, mgo_int bnd, mgo_bool is_cap,
                                   mgo_bool x_unsigned) {
  fail_bounds(is_cap ? "slice bounds out of range [:%x] with capacity %y"
                     : "slice bounds out of range [:%x] with length %y",
              "slice bounds out of range [:%x]", hi, x_unsigned, bnd);
}

extern "C" void mgo_panic_slice_lo_hi(mgo_int lo, mgo_int hi,
                                      mgo_bool x_unsigned) {
  fail_bounds("slice bounds out of range [%x:%y]",
              "slice bounds out of range [%x:]", lo, x_unsigned, hi);
}

extern "C" void mgo_panic_slice3_max(mgo_int max, mgo_int bnd, mgo_bool is_cap,
                                     mgo_bool x_unsigned) {
  fail_bounds(is_cap ? "slice bounds out of range [::%x] with capacity %y"
                     : "slice bounds out of range [::%x] with length %y",
              "slice bounds out of range [::%x]", max, x_unsigned, bnd);
}

extern "C" void mgo_panic_slice3_hi_max(mgo_int hi, mgo_int max,
                                        mgo_bool x_unsigned) {
  fail_bounds("slice bounds out of range [:%x:%y]",
              "slice bounds out of range [:%x:]", hi, x_unsigned, max);
}

extern "C" void mgo_panic_slice3_lo_hi(mgo_int lo, mgo_int hi,
                                       mgo_bool x_unsigned) {
  fail_bounds("slice bounds out of range [%x:%y:]",
              "slice bounds out of range [%x::]", lo, x_unsigned, hi);
}

extern "C" void mgo_panic_slice_convert(mgo_int len, mgo_int n) {
  panic_bounds("cannot convert slice with length " + bound(len) +
               " to pointer to array with length " + bound(n));
}

extern "C" void mgo_panic_unsafe_slice(mgo_bool nil) {
  mgo::panic_runtime_error(nil ? "unsafe.Slice: ptr is nil and len is not zero"
                               : "unsafe.Slice: len out of range");
}

extern "C" void mgo_panic_divide(void) {
  mgo::panic_runtime_error("integer divide by zero");
}

extern "C" void mgo_math_bits_divideByZero(void) { mgo_panic_divide(); }

extern "C" void mgo_math_bits_overflow(void) {
  mgo::panic_runtime_error("integer overflow");
}

// Go reports nil dereferences from its SIGSEGV handler, hence the signal
// line when nothing recovers them.
extern "C" void mgo_panic_nil_deref(void) {
  raise_error(&kErrorString,
              "runtime error: invalid memory address or nil pointer "
              "dereference",
              true);
}

extern "C" void mgo_panic_nil_map(void) {
  mgo::panic_plain("assignment to entry in nil map");
}

extern "C" void mgo_panic_negative_shift(void) {
  mgo::panic_runtime_error("negative shift amount");
}

extern "C" void mgo_panic_makeslice_len(void) {
  mgo::panic_runtime_error("makeslice: len out of range");
}

extern "C" void mgo_panic_makeslice_cap(void) {
  mgo::panic_runtime_error("makeslice: cap out of range");
}

extern "C" void mgo_panic(const MgoAny *value) { mgo::raise_panic(*value); }
