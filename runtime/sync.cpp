// sync.Mutex, RWMutex, WaitGroup, Once and Cond: ports of Go's sync package
// over the runtime's semaphores (sema.cpp), operating on the Go values'
// storage (mgo/abi.h), whose zero value is ready to use.
//
// Mutex (Go's mutex.go): state holds locked, woken and starving bits and the
// waiter count. Normal mode: woken waiters compete with arriving goroutines
// (which usually win: they are already running), a loser requeues at the
// front. A waiter that waited over 1 ms switches the mutex to starvation
// mode: Unlock hands ownership straight to the first waiter, newcomers
// queue at the back; it ends when the last waiter or one that waited less
// than 1 ms gets the lock. Arriving goroutines spin a little only when
// other Ps are running and this P has nothing else to run.
//
// The memory model: every state change is an acquire/release atomic on the
// storage, and a semaphore release happens before the acquire it wakes.
#include "race.h"
#include "sema.h"

#include <atomic>

namespace mgo::rt {
namespace {

constexpr int32_t kLocked = 1;
constexpr int32_t kWoken = 2;
constexpr int32_t kStarving = 4;
constexpr int kWaiterShift = 3;
constexpr int64_t kStarvationThresholdNs = 1000000;
constexpr int32_t kMaxReaders = 1 << 30;

std::atomic_ref<int32_t> state_of(MgoMutex *m) {
  return std::atomic_ref<int32_t>(m->state);
}

bool can_spin(int iter) {
  return iter < 4 && sched.gomaxprocs.load(std::memory_order_relaxed) > 1 &&
         running_ps() > 1 && local_runq_empty();
}

void do_spin() {
  for (int i = 0; i < 30; i++)
    __builtin_ia32_pause();
}

void lock_slow(MgoMutex *m) {
  auto state = state_of(m);
  int64_t wait_start = 0;
  bool starving = false, awoke = false;
  int iter = 0;
  int32_t old = state.load(std::memory_order_relaxed);
  for (;;) {
    if ((old & (kLocked | kStarving)) == kLocked && can_spin(iter)) {
      // Tell Unlock not to wake others while we spin.
      if (!awoke && !(old & kWoken) && (old >> kWaiterShift) != 0 &&
          state.compare_exchange_strong(old, old | kWoken))
        awoke = true;
      do_spin();
      iter++;
      old = state.load(std::memory_order_relaxed);
      continue;
    }
    int32_t nw = old;
    if (!(old & kStarving))
      nw |= kLocked; // a starving mutex is handed over: do not grab it
    if (old & (kLocked | kStarving))
      nw += 1 << kWaiterShift;
    if (starving && (old & kLocked))
      nw |= kStarving;
    if (awoke) {
      if (!(nw & kWoken))
        fatal("sync: inconsistent mutex state");
      nw &= ~kWoken;
    }
    if (!state.compare_exchange_strong(old, nw, std::memory_order_acq_rel))
      continue;
    if (!(old & (kLocked | kStarving)))
      break; // locked it
    bool lifo = wait_start != 0;
    if (!wait_start)
      wait_start = nanotime();
    semacquire(&m->sema, lifo, "semacquire");
    starving = starving || nanotime() - wait_start > kStarvationThresholdNs;
    old = state.load(std::memory_order_acquire);
    if (old & kStarving) {
      // Handed over: we own it; fix up the state for the others.
      if ((old & (kLocked | kWoken)) || (old >> kWaiterShift) == 0)
        fatal("sync: inconsistent mutex state");
      int32_t delta = kLocked - (1 << kWaiterShift);
      if (!starving || (old >> kWaiterShift) == 1)
        delta -= kStarving;
      state.fetch_add(delta, std::memory_order_acq_rel);
      break;
    }
    awoke = true;
    iter = 0;
  }
}

void unlock_slow(MgoMutex *m, int32_t nw) {
  if (!((nw + kLocked) & kLocked))
    fatal("sync: unlock of unlocked mutex");
  auto state = state_of(m);
  if (nw & kStarving) {
    semrelease(&m->sema, true);
    return;
  }
  int32_t old = nw;
  for (;;) {
    // Nobody to wake, or someone already woken or holding it.
    if ((old >> kWaiterShift) == 0 || (old & (kLocked | kWoken | kStarving)))
      return;
    nw = (old - (1 << kWaiterShift)) | kWoken;
    if (state.compare_exchange_strong(old, nw, std::memory_order_release)) {
      semrelease(&m->sema, false);
      return;
    }
  }
}

} // namespace
} // namespace mgo::rt

using namespace mgo::rt;

extern "C" {

MGO_USER_POINTER void mgo_mutex_lock(MgoMutex *m) {
  int32_t zero = 0;
  if (!state_of(m).compare_exchange_strong(zero, kLocked,
                                           std::memory_order_acquire))
    lock_slow(m);
  race_acquire(m);
}

MGO_USER_POINTER mgo_bool mgo_mutex_trylock(MgoMutex *m) {
  auto state = state_of(m);
  int32_t old = state.load(std::memory_order_relaxed);
  if (old & (kLocked | kStarving))
    return false;
  if (!state.compare_exchange_strong(old, old | kLocked,
                                     std::memory_order_acquire))
    return false;
  race_acquire(m);
  return true;
}

MGO_USER_POINTER void mgo_mutex_unlock(MgoMutex *m) {
  race_release(m);
  int32_t nw =
      state_of(m).fetch_sub(kLocked, std::memory_order_release) - kLocked;
  if (nw != 0)
    unlock_slow(m, nw);
}

// RWMutex (Go's rwmutex.go): readerCount goes negative by kMaxReaders while
// a writer holds or waits; readerWait counts the readers a writer waits for.
MGO_USER_POINTER void mgo_rwmutex_rlock(MgoRWMutex *rw) {
  if (std::atomic_ref<int32_t>(rw->reader_count).fetch_add(1) + 1 < 0)
    semacquire(&rw->reader_sem, false, "semacquire");
  race_acquire(&rw->reader_sem);
}

MGO_USER_POINTER void mgo_rwmutex_runlock(MgoRWMutex *rw) {
  race_release(&rw->writer_sem);
  int32_t r = std::atomic_ref<int32_t>(rw->reader_count).fetch_sub(1) - 1;
  if (r >= 0)
    return;
  if (r + 1 == 0 || r + 1 == -kMaxReaders)
    fatal("sync: RUnlock of unlocked RWMutex");
  if (std::atomic_ref<int32_t>(rw->reader_wait).fetch_sub(1) - 1 == 0)
    semrelease(&rw->writer_sem, false);
}

MGO_USER_POINTER void mgo_rwmutex_lock(MgoRWMutex *rw) {
  mgo_mutex_lock(&rw->w);
  int32_t r = std::atomic_ref<int32_t>(rw->reader_count).fetch_sub(kMaxReaders);
  if (r != 0 && std::atomic_ref<int32_t>(rw->reader_wait).fetch_add(r) + r != 0)
    semacquire(&rw->writer_sem, false, "semacquire");
  race_acquire(&rw->reader_sem);
  race_acquire(&rw->writer_sem);
}

MGO_USER_POINTER void mgo_rwmutex_unlock(MgoRWMutex *rw) {
  race_release(&rw->reader_sem);
  int32_t r =
      std::atomic_ref<int32_t>(rw->reader_count).fetch_add(kMaxReaders) +
      kMaxReaders;
  if (r >= kMaxReaders)
    fatal("sync: Unlock of unlocked RWMutex");
  for (int32_t i = 0; i < r; i++)
    semrelease(&rw->reader_sem, false);
  mgo_mutex_unlock(&rw->w);
}

// WaitGroup (Go 1.19's waitgroup.go).
MGO_USER_POINTER void mgo_waitgroup_add(MgoWaitGroup *wg, mgo_int delta) {
  if (delta < 0)
    race_release(wg); // Done happens before the Wait it lets return
  std::atomic_ref<uint64_t> statep(wg->state);
  uint64_t state =
      statep.fetch_add(uint64_t(delta) << 32) + (uint64_t(delta) << 32);
  int32_t v = int32_t(state >> 32);
  uint32_t w = uint32_t(state);
  if (v < 0)
    panic_msg("sync: negative WaitGroup counter");
  if (w != 0 && delta > 0 && v == int32_t(delta))
    panic_msg("sync: WaitGroup misuse: Add called concurrently with Wait");
  if (v > 0 || w == 0)
    return;
  // Counter is 0 with waiters: nobody else may touch the state now.
  if (statep.load() != state)
    panic_msg("sync: WaitGroup misuse: Add called concurrently with Wait");
  statep.store(0);
  for (; w != 0; w--)
    semrelease(&wg->sema, false);
}

MGO_USER_POINTER void mgo_waitgroup_done(MgoWaitGroup *wg) {
  mgo_waitgroup_add(wg, -1);
}

MGO_USER_POINTER void mgo_waitgroup_wait(MgoWaitGroup *wg) {
  std::atomic_ref<uint64_t> statep(wg->state);
  for (;;) {
    uint64_t state = statep.load();
    if ((state >> 32) == 0) {
      race_acquire(wg);
      return;
    }
    if (statep.compare_exchange_weak(state, state + 1)) {
      semacquire(&wg->sema, false, "semacquire");
      if (statep.load() != 0)
        panic_msg("sync: WaitGroup is reused before previous Wait has "
                  "returned");
      race_acquire(wg);
      return;
    }
  }
}

// Once: done is set after f returns, under the mutex, so a second Do waits
// for the first to finish.
MGO_USER_POINTER mgo_bool mgo_once_begin(MgoOnce *o) {
  if (std::atomic_ref<uint32_t>(o->done).load(std::memory_order_acquire)) {
    race_acquire(o); // the first Do's function happens before
    return false;
  }
  mgo_mutex_lock(&o->m);
  if (o->done) {
    mgo_mutex_unlock(&o->m);
    return false;
  }
  return true;
}

MGO_USER_POINTER void mgo_once_end(MgoOnce *o) {
  race_release(o);
  std::atomic_ref<uint32_t>(o->done).store(1, std::memory_order_release);
  mgo_mutex_unlock(&o->m);
}

} // extern "C"

// Cond (Go's notifyList): a waiter takes a ticket before unlocking L, so a
// Signal between its Unlock and its park is not lost; notify is the next
// ticket to wake. Waiters' sudogs are listed under the list's own lock.
namespace mgo::rt {
namespace {

Lock *cond_lock(MgoCond *c) { return reinterpret_cast<Lock *>(&c->lock); }

void unlock_cond(G *, void *l) { unlock(static_cast<Lock *>(l)); }

bool ticket_before(uint32_t a, uint32_t b) { return int32_t(a - b) < 0; }

} // namespace
} // namespace mgo::rt

extern "C" {

MGO_USER_POINTER mgo_int mgo_cond_add(MgoCond *c) {
  return std::atomic_ref<uint32_t>(c->wait).fetch_add(1);
}

void mgo_cond_wait_ticket(MgoCond *c, mgo_int ticket) {
  auto t = uint32_t(ticket);
  lock(cond_lock(c));
  if (ticket_before(t, std::atomic_ref<uint32_t>(c->notify).load())) {
    unlock(cond_lock(c));
    return;
  }
  Sudog s;
  s.g = getg();
  s.ticket = t;
  if (c->tail)
    static_cast<Sudog *>(c->tail)->next = &s;
  else
    c->head = &s;
  c->tail = &s;
  gopark(unlock_cond, cond_lock(c), "sync.Cond.Wait");
}

MGO_USER_POINTER void mgo_cond_wait(MgoCond *c, MgoMutex *l) {
  mgo_int t = mgo_cond_add(c);
  mgo_mutex_unlock(l);
  mgo_cond_wait_ticket(c, t);
  mgo_mutex_lock(l);
}

MGO_USER_POINTER void mgo_cond_signal(MgoCond *c) {
  std::atomic_ref<uint32_t> wait(c->wait), notify(c->notify);
  if (wait.load() == notify.load())
    return;
  lock(cond_lock(c));
  uint32_t t = notify.load();
  if (t == wait.load()) {
    unlock(cond_lock(c));
    return;
  }
  notify.store(t + 1);
  Sudog *p = nullptr;
  for (auto *s = static_cast<Sudog *>(c->head); s; p = s, s = s->next) {
    if (s->ticket != t)
      continue;
    Sudog *n = s->next;
    if (p)
      p->next = n;
    else
      c->head = n;
    if (!n)
      c->tail = p;
    unlock(cond_lock(c));
    s->next = nullptr;
    goready(s->g);
    return;
  }
  // Ticket t's waiter has not queued yet; it will see notify and not park.
  unlock(cond_lock(c));
}

MGO_USER_POINTER void mgo_cond_broadcast(MgoCond *c) {
  std::atomic_ref<uint32_t> wait(c->wait), notify(c->notify);
  if (wait.load() == notify.load())
    return;
  lock(cond_lock(c));
  auto *s = static_cast<Sudog *>(c->head);
  c->head = c->tail = nullptr;
  notify.store(wait.load());
  unlock(cond_lock(c));
  while (s) {
    Sudog *next = s->next;
    s->next = nullptr;
    goready(s->g);
    s = next;
  }
}

} // extern "C"
