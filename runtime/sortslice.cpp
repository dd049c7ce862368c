// sort.Slice's element access (stdlib/sort): mini-Go has no reflection, so
// the runtime reads the slice's element size from its type descriptor.
#include "panic.h"

#include <cstring>
#include <string>

namespace {

const char *const kKindNames[] = {
    "invalid", "bool",    "int",           "int8",      "int16",      "int32",
    "int64",   "uint",    "uint8",         "uint16",    "uint32",     "uint64",
    "uintptr", "float32", "float64",       "complex64", "complex128", "array",
    "chan",    "func",    "interface",     "map",       "ptr",        "slice",
    "string",  "struct",  "unsafe.Pointer"};

// The slice held by *x; like Go's reflect.Swapper, anything else panics.
MgoSlice *slice_of(const MgoAny *x) {
  if (x->type == nullptr || x->type->kind != MGO_SLICE) {
    mgo_int kind = x->type ? x->type->kind : 0;
    mgo::panic_plain(std::string("reflect: call of Swapper on ") +
                     kKindNames[kind] + " Value");
  }
  return static_cast<MgoSlice *>(x->data);
}

} // namespace

mgo_int mgo_sort_sliceLen(const MgoAny *x) { return slice_of(x)->len; }

void mgo_sort_sliceSwap(const MgoAny *x, mgo_int i, mgo_int j) {
  MgoSlice *s = slice_of(x);
  if (uint64_t(i) >= uint64_t(s->len) || uint64_t(j) >= uint64_t(s->len))
    mgo::panic_plain("reflect: slice index out of range");
  size_t size = size_t(x->type->elem->size);
  auto *base = static_cast<unsigned char *>(s->ptr);
  unsigned char *a = base + size_t(i) * size, *b = base + size_t(j) * size;
  unsigned char tmp[256];
  // Swap through a small buffer, chunk by chunk, for elements of any size.
  for (size_t off = 0; off < size; off += sizeof tmp) {
    size_t n = size - off < sizeof tmp ? size - off : sizeof tmp;
    std::memcpy(tmp, a + off, n);
    std::memcpy(a + off, b + off, n);
    std::memcpy(b + off, tmp, n);
  }
}
