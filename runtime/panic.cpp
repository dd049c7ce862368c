// Panics. Until recover exists (issue 4) every panic is fatal: it flushes
// standard output, prints Go's message to stderr, a blank line and the
// "goroutine N [running]:" header, and exits with status 2 as Go does.
//
// The first line must match Go 1.19 byte for byte: run-time errors carry the
// "runtime error: " prefix, the runtime's plain errors (nil map assignment)
// do not, and panic(v) formats v with Go's printpanicval rules.
#include "panic.h"
#include "print.h"
#include "types.h"

#include <complex>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <unistd.h>

extern "C" __attribute__((weak)) mgo_int mgo_current_goroutine_id(void) {
  return 1;
}

namespace {

[[noreturn]] void die(const std::string &message) {
  mgo::flush_stdout();
  std::string out = "panic: " + message + "\n\ngoroutine " +
                    std::to_string(mgo_current_goroutine_id()) +
                    " [running]:\n";
  std::fwrite(out.data(), 1, out.size(), stderr);
  std::fflush(stderr);
  _exit(2);
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

// Go's printpanicval: predeclared types print bare, named basic types as
// T(v) (strings quoted), anything else as (T) address.
std::string panic_value_text(const MgoAny *v) {
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

} // namespace

void mgo::panic_runtime_error(std::string_view msg) {
  die("runtime error: " + std::string(msg));
}

void mgo::panic_plain(std::string_view msg) { die(std::string(msg)); }

extern "C" void mgo_panic_index(mgo_int index, mgo_int length) {
  // Go omits the length for a negative index (boundsNegErrorFmt).
  if (index < 0)
    mgo::panic_runtime_error("index out of range [" + bound(index) + "]");
  mgo::panic_runtime_error("index out of range [" + bound(index) +
                           "] with length " + bound(length));
}

extern "C" void mgo_panic_slice_hi(mgo_int hi, mgo_int bnd, mgo_bool is_cap) {
  if (hi < 0)
    mgo::panic_runtime_error("slice bounds out of range [:" + bound(hi) + "]");
  mgo::panic_runtime_error("slice bounds out of range [:" + bound(hi) +
                           "] with " + (is_cap ? "capacity " : "length ") +
                           bound(bnd));
}

extern "C" void mgo_panic_slice_lo_hi(mgo_int lo, mgo_int hi) {
  if (lo < 0)
    mgo::panic_runtime_error("slice bounds out of range [" + bound(lo) + ":]");
  mgo::panic_runtime_error("slice bounds out of range [" + bound(lo) + ":" +
                           bound(hi) + "]");
}

extern "C" void mgo_panic_slice3_max(mgo_int max, mgo_int cap) {
  if (max < 0)
    mgo::panic_runtime_error("slice bounds out of range [::" + bound(max) +
                             "]");
  mgo::panic_runtime_error("slice bounds out of range [::" + bound(max) +
                           "] with capacity " + bound(cap));
}

extern "C" void mgo_panic_slice3_hi_max(mgo_int hi, mgo_int max) {
  if (hi < 0)
    mgo::panic_runtime_error("slice bounds out of range [:" + bound(hi) + ":]");
  mgo::panic_runtime_error("slice bounds out of range [:" + bound(hi) + ":" +
                           bound(max) + "]");
}

extern "C" void mgo_panic_slice3_lo_hi(mgo_int lo, mgo_int hi) {
  if (lo < 0)
    mgo::panic_runtime_error("slice bounds out of range [" + bound(lo) + "::]");
  mgo::panic_runtime_error("slice bounds out of range [" + bound(lo) + ":" +
                           bound(hi) + ":]");
}

extern "C" void mgo_panic_divide(void) {
  mgo::panic_runtime_error("integer divide by zero");
}

// Go reports nil dereferences from its SIGSEGV handler, hence the signal line.
extern "C" void mgo_panic_nil_deref(void) {
  mgo::panic_runtime_error(
      "invalid memory address or nil pointer dereference\n"
      "[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x0]");
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

extern "C" void mgo_panic(const MgoAny *value) { die(panic_value_text(value)); }
