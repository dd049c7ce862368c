// Semaphores for sync (Go's sema.go, simplified): goroutines wait for a
// uint32 at some address to become positive, parked in one of kSemTabSize
// buckets chosen by the address.
//
// Invariants (under root->lock): the root's list holds exactly the parked
// waiters of its addresses, oldest first per address (or newest first when
// queued LIFO, for a mutex waiter that already waited once); nwait counts
// them plus waiters about to park, so a releaser that sees nwait == 0 after
// incrementing the count knows nobody can miss it (waiters increment nwait
// before their last check of the count).
#include "sema.h"

namespace mgo::rt {
namespace {

constexpr size_t kSemTabSize = 251;

// One cache line each: roots are locked by unrelated goroutines.
struct alignas(64) SemaRoot {
  Lock lock;
  Sudog *head = nullptr;
  Sudog *tail = nullptr;
  std::atomic<uint32_t> nwait{0};
};

SemaRoot semtable[kSemTabSize];

SemaRoot *root_of(const void *addr) {
  return &semtable[(reinterpret_cast<uintptr_t>(addr) >> 3) % kSemTabSize];
}

bool cansemacquire(std::atomic_ref<uint32_t> v) {
  uint32_t n = v.load(std::memory_order_acquire);
  while (n > 0)
    if (v.compare_exchange_weak(n, n - 1, std::memory_order_acq_rel))
      return true;
  return false;
}

void queue(SemaRoot *r, Sudog *s, bool lifo) {
  if (lifo) {
    s->next = r->head;
    s->prev = nullptr;
    if (r->head)
      r->head->prev = s;
    else
      r->tail = s;
    r->head = s;
  } else {
    s->next = nullptr;
    s->prev = r->tail;
    if (r->tail)
      r->tail->next = s;
    else
      r->head = s;
    r->tail = s;
  }
}

Sudog *dequeue(SemaRoot *r, const void *addr) {
  for (Sudog *s = r->head; s; s = s->next) {
    if (s->addr != addr)
      continue;
    if (s->prev)
      s->prev->next = s->next;
    else
      r->head = s->next;
    if (s->next)
      s->next->prev = s->prev;
    else
      r->tail = s->prev;
    s->next = s->prev = nullptr;
    return s;
  }
  return nullptr;
}

void unlock_root(G *, void *r) { unlock(&static_cast<SemaRoot *>(r)->lock); }

} // namespace

void semacquire(uint32_t *addr, bool lifo, const char *reason) {
  std::atomic_ref<uint32_t> v(*addr);
  if (cansemacquire(v))
    return;
  SemaRoot *r = root_of(addr);
  Sudog s;
  s.g = getg();
  s.addr = addr;
  for (;;) {
    lock(&r->lock);
    r->nwait.fetch_add(1, std::memory_order_seq_cst);
    if (cansemacquire(v)) {
      r->nwait.fetch_sub(1, std::memory_order_seq_cst);
      unlock(&r->lock);
      return;
    }
    s.ticket = 0;
    queue(r, &s, lifo);
    gopark(unlock_root, r, reason);
    // A handoff (ticket 1) already took the count for us.
    if (s.ticket != 0 || cansemacquire(v))
      return;
  }
}

void semrelease(uint32_t *addr, bool handoff) {
  std::atomic_ref<uint32_t> v(*addr);
  SemaRoot *r = root_of(addr);
  v.fetch_add(1, std::memory_order_seq_cst);
  if (r->nwait.load(std::memory_order_seq_cst) == 0)
    return;
  lock(&r->lock);
  if (r->nwait.load(std::memory_order_relaxed) == 0) {
    unlock(&r->lock);
    return;
  }
  Sudog *s = dequeue(r, addr);
  if (s)
    r->nwait.fetch_sub(1, std::memory_order_seq_cst);
  unlock(&r->lock);
  if (!s)
    return;
  // Starving mutex: give the count straight to the waiter and let it run on
  // this P right away, so no newcomer can barge in.
  bool handed = handoff && cansemacquire(v);
  s->ticket = handed ? 1 : 0;
  goready(s->g);
  if (handed)
    goyield();
}

} // namespace mgo::rt
