// Package reflect's runtime part (stdlib/reflect declares these without a
// body): what mini-Go code cannot do by itself with unsafe, namely allocate
// by descriptor so the collector scans exactly the values holding pointers,
// and reach the runtime's maps, channels and itabs.
#include "alloc.h"
#include "types.h"

#include <cstring>

// The linker's bounds of the section (weak: a program without reflect, or
// the runtime's unit tests, has none).
extern "C" {
extern const MgoType *const __start_mgo_typelinks[] __attribute__((weak));
extern const MgoType *const __stop_mgo_typelinks[] __attribute__((weak));
}

mgo_ptr mgo_reflect_unsafe_New(const MgoType *t) {
  if (t->size == 0)
    return mgo::zero_base();
  return mgo::alloc(t->size, mgo::has_pointers(t));
}

mgo_ptr mgo_reflect_unsafe_NewArray(const MgoType *elem, mgo_int n) {
  if (elem->size == 0 || n == 0)
    return mgo::zero_base();
  return mgo::alloc(elem->size * n, mgo::has_pointers(elem));
}

void mgo_reflect_typedmemmove(const MgoType *t, mgo_ptr dst, mgo_ptr src) {
  if (t->size > 0 && dst != src)
    std::memmove(dst, src, size_t(t->size));
}

mgo_ptr mgo_reflect_itab(const MgoType *inter, const MgoType *t) {
  return mgo_itab_find(inter, t);
}

mgo_ptr mgo_reflect_mapaccess(const MgoType *t, mgo_ptr m, mgo_ptr key) {
  return mgo_map_access(t, m, key);
}

mgo_ptr mgo_reflect_mapassign(const MgoType *t, mgo_ptr m, mgo_ptr key) {
  return mgo_map_assign(t, m, key);
}

void mgo_reflect_mapdelete(const MgoType *t, mgo_ptr m, mgo_ptr key) {
  mgo_map_delete(t, m, key);
}

mgo_int mgo_reflect_maplen(mgo_ptr m) { return mgo_map_len(m); }

mgo_ptr mgo_reflect_makemap(const MgoType *t, mgo_int hint) {
  return mgo_map_make(t, hint);
}

void mgo_reflect_mapiterinit(const MgoType *t, mgo_ptr m, MgoMapIter *it) {
  mgo_map_iter_init(t, m, it);
}

mgo_bool mgo_reflect_mapiternext(MgoMapIter *it) {
  return mgo_map_iter_next(it);
}

mgo_int mgo_reflect_chanlen(mgo_ptr c) { return mgo_chan_len(c); }

mgo_int mgo_reflect_chancap(mgo_ptr c) { return mgo_chan_cap(c); }

mgo_int mgo_reflect_chanrecv(mgo_ptr c, mgo_bool nb, mgo_ptr elem) {
  if (nb)
    return mgo_chan_try_recv(c, elem);
  return mgo_chan_recv(c, elem) ? 1 : 0;
}

mgo_bool mgo_reflect_chansend(mgo_ptr c, mgo_ptr elem, mgo_bool nb) {
  if (nb)
    return mgo_chan_try_send(c, elem);
  mgo_chan_send(c, elem);
  return true;
}

void mgo_reflect_chanclose(mgo_ptr c) { mgo_chan_close(c); }

mgo_ptr mgo_reflect_typelinks(mgo_int *n) {
  *n = __stop_mgo_typelinks - __start_mgo_typelinks;
  return const_cast<const MgoType **>(__start_mgo_typelinks);
}
