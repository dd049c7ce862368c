// sync/atomic, for the operations codegen does not inline as LLVM atomics.
// All sequentially consistent, as Go's; 32-bit forms take and return the
// low 32 bits (sign-extended), matching int32 and uint32 storage. A nil
// address is a nil dereference panic (MGO_USER_POINTER).
#include "mgo/abi.h"
#include "sched.h"

#include <atomic>

namespace {
template <class T> std::atomic_ref<T> at(mgo_ptr p) {
  return std::atomic_ref<T>(*static_cast<T *>(p));
}
} // namespace

extern "C" {

MGO_USER_POINTER mgo_int mgo_atomic_add32(mgo_ptr addr, mgo_int delta) {
  return at<int32_t>(addr).fetch_add(int32_t(delta)) + int32_t(delta);
}
MGO_USER_POINTER mgo_int mgo_atomic_add64(mgo_ptr addr, mgo_int delta) {
  return at<int64_t>(addr).fetch_add(delta) + delta;
}
MGO_USER_POINTER mgo_int mgo_atomic_load32(mgo_ptr addr) {
  return at<int32_t>(addr).load();
}
MGO_USER_POINTER mgo_int mgo_atomic_load64(mgo_ptr addr) {
  return at<int64_t>(addr).load();
}
MGO_USER_POINTER void mgo_atomic_store32(mgo_ptr addr, mgo_int v) {
  at<int32_t>(addr).store(int32_t(v));
}
MGO_USER_POINTER void mgo_atomic_store64(mgo_ptr addr, mgo_int v) {
  at<int64_t>(addr).store(v);
}
MGO_USER_POINTER mgo_int mgo_atomic_swap32(mgo_ptr addr, mgo_int v) {
  return at<int32_t>(addr).exchange(int32_t(v));
}
MGO_USER_POINTER mgo_int mgo_atomic_swap64(mgo_ptr addr, mgo_int v) {
  return at<int64_t>(addr).exchange(v);
}
MGO_USER_POINTER mgo_bool mgo_atomic_cas32(mgo_ptr addr, mgo_int old,
                                           mgo_int new_) {
  int32_t expected = int32_t(old);
  return at<int32_t>(addr).compare_exchange_strong(expected, int32_t(new_));
}
MGO_USER_POINTER mgo_bool mgo_atomic_cas64(mgo_ptr addr, mgo_int old,
                                           mgo_int new_) {
  return at<int64_t>(addr).compare_exchange_strong(old, new_);
}

} // extern "C"
