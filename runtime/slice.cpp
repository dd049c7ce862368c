// Slice allocation. make and append must reproduce Go 1.19's capacities
// exactly because programs print cap(): growslice's growth policy (double
// below 256 elements, then a smooth transition towards 1.25x) is followed by
// rounding the byte size up to Go's malloc size class (mgo::roundupsize),
// and the capacity is whatever fits in that rounded block.
#include "alloc.h"
#include "panic.h"

#include <cstring>

namespace {

// Bytes for n elements of size elem_size, or false if that overflows or
// exceeds Go's maximum allocation.
bool byte_size(mgo_int elem_size, mgo_int n, uint64_t *bytes) {
  *bytes = 0;
  if (n < 0)
    return false;
  unsigned __int128 b = (unsigned __int128)uint64_t(elem_size) * uint64_t(n);
  *bytes = uint64_t(b);
  return b <= mgo::kMaxAlloc;
}

mgo_int next_capacity(mgo_int old_cap, mgo_int needed) {
  mgo_int doublecap = old_cap + old_cap;
  if (needed > doublecap)
    return needed;
  constexpr mgo_int threshold = 256;
  if (old_cap < threshold)
    return doublecap;
  mgo_int newcap = old_cap;
  while (0 < newcap && newcap < needed)
    newcap += (newcap + 3 * threshold) / 4;
  return newcap <= 0 ? needed : newcap;
}

} // namespace

extern "C" void mgo_makeslice(MgoSlice *out, mgo_int elem_size, mgo_int len,
                              mgo_int cap, mgo_bool has_pointers) {
  uint64_t bytes;
  if (!byte_size(elem_size, cap, &bytes) || len < 0 || len > cap) {
    // Go blames len when len alone is already impossible.
    if (!byte_size(elem_size, len, &bytes))
      mgo_panic_makeslice_len();
    mgo_panic_makeslice_cap();
  }
  void *p =
      bytes == 0 ? mgo::zero_base() : mgo::alloc(mgo_int(bytes), has_pointers);
  *out = {p, len, cap};
}

extern "C" void mgo_growslice(MgoSlice *s, mgo_int elem_size, mgo_int new_len,
                              mgo_bool has_pointers) {
  // Codegen's len + added wrapped around: Go's check covers zero-size
  // elements too.
  if (new_len < 0)
    mgo::panic_runtime_error("growslice: cap out of range");
  if (new_len <= s->cap)
    return;
  if (elem_size == 0) {
    *s = {mgo::zero_base(), s->len, new_len};
    return;
  }
  mgo_int newcap = next_capacity(s->cap, new_len);
  uint64_t bytes;
  if (!byte_size(elem_size, newcap, &bytes))
    mgo::panic_runtime_error("growslice: cap out of range");
  uint64_t capmem = mgo::roundupsize(bytes);
  if (capmem > mgo::kMaxAlloc)
    mgo::panic_runtime_error("growslice: cap out of range");
  void *p = mgo::alloc(mgo_int(capmem), has_pointers);
  if (s->len > 0)
    std::memcpy(p, s->ptr, size_t(s->len) * size_t(elem_size));
  *s = {p, s->len, mgo_int(capmem / uint64_t(elem_size))};
}
