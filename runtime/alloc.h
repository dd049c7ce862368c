// Internal interface of alloc.cpp.
#ifndef MGO_RUNTIME_ALLOC_H
#define MGO_RUNTIME_ALLOC_H

#include "mgo/abi.h"

namespace mgo {

// The largest allocation Go allows on linux/amd64 (runtime.maxAlloc).
inline constexpr uint64_t kMaxAlloc = uint64_t(1) << 48;

// The block size Go's allocator hands out for a request of size bytes
// (runtime.roundupsize): capacities derived from it match Go's.
uint64_t roundupsize(uint64_t size);

// Initialises the collector; called once by mgo_start before any goroutine.
void gc_init();

// Counts one allocation of the calling thread for runtime.MemStats.Mallocs
// (mstats.cpp).
void count_malloc();

// Installs the collection event hook behind runtime.ReadMemStats' pause
// times and object counts.
void mstats_init();

// Has the collector leave due finalizers to the runtime (finalizer.cpp).
void finalizer_init();

// Starts the finalizer goroutine if a collection left finalizers due and
// none runs. Called where compiled code allocates or collects, on a
// goroutine holding no runtime lock.
void start_due_finalizers();

// The address of every zero-sized object, as Go's runtime.zerobase: non-nil,
// so empty slices made from it do not compare equal to nil.
void *zero_base();

// Allocates size bytes, scanned by the collector only if has_pointers.
inline void *alloc(mgo_int size, bool has_pointers) {
  return has_pointers ? mgo_alloc(size) : mgo_alloc_noscan(size);
}

} // namespace mgo

#endif
