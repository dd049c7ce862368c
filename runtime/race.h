// The race detector's happens-before edges (docs/runtime.md, Race detector).
//
// Under MGO_RACE the runtime is not instrumented: ThreadSanitizer sees only
// the program's accesses, and learns the Go memory model's edges from these
// calls, made where gc's runtime makes its raceacquire/racerelease. Each
// names a synchronisation address; a release there happens before every
// later acquire of it, in whichever goroutine (TSan fiber) runs them. In any
// other build they are empty and vanish.
#ifndef MGO_RUNTIME_RACE_H
#define MGO_RUNTIME_RACE_H

#include <cstdint>

#if MGO_RACE
#include <sanitizer/tsan_interface.h>
#endif

namespace mgo::rt {

struct G;

#if MGO_RACE
inline void race_acquire(const void *addr) {
  __tsan_acquire(const_cast<void *>(addr));
}
inline void race_release(const void *addr) {
  __tsan_release(const_cast<void *>(addr));
}
// Both: an operation that synchronises in both directions with the previous
// and the next one on addr (a buffered channel's slot, an atomic add).
inline void race_acquire_release(const void *addr) {
  race_acquire(addr);
  race_release(addr);
}
// A goroutine's own synchronisation address: it releases there before it
// parks on a channel and acquires there when it runs again; a peer that
// completes the operation with it acquires there before the copy and
// releases there after it. Either side thus happens before the other's
// completion, as for a direct handoff Go's memory model says.
const void *race_gaddr(G *g);
inline void race_acquire_g(G *g) { race_acquire(race_gaddr(g)); }
inline void race_release_g(G *g) { race_release(race_gaddr(g)); }
// A new goroutine's TSan fiber, created by the goroutine running the go
// statement at gopc (which TSan takes as the creation's edge and stack), and
// its end.
void race_go_start(G *g, uintptr_t gopc);
void race_go_end(G *g);
// A goroutine stack segment about to be reused: TSan forgets its accesses.
void race_stack_free(uintptr_t lo, uintptr_t hi);
// The program's exit status once its races are counted: 66 after any, as
// gc's (after printing "Found N data race(s)").
int race_fini(int code);
#else
inline int race_fini(int code) { return code; }
inline void race_acquire(const void *) {}
inline void race_release(const void *) {}
inline void race_acquire_release(const void *) {}
inline void race_acquire_g(G *) {}
inline void race_release_g(G *) {}
#endif

} // namespace mgo::rt

#endif
