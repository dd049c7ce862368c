// Runtime locks and notes on Linux futexes.
//
// Lock is Drepper's three-state mutex (0 free, 1 held, 2 held with possible
// sleepers), preceded by a short spin because its critical sections (channel
// operations, run queue transfers) last nanoseconds while putting a thread to
// sleep and waking it costs tens of microseconds on this machine.
//
// Note is a one-shot event for parking an M: the sleeper waits while the key
// is 0, the waker stores 1 and wakes it. Both use acquire/release atomics, so
// they order memory for ThreadSanitizer as well as for the hardware.
#include "sched.h"

#include <cerrno>
#include <climits>
#include <linux/futex.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace mgo::rt {
namespace {

void futex_wait(std::atomic<uint32_t> *addr, uint32_t val, int64_t ns) {
  timespec ts;
  timespec *tsp = nullptr;
  if (ns >= 0) {
    ts.tv_sec = ns / 1000000000;
    ts.tv_nsec = ns % 1000000000;
    tsp = &ts;
  }
  // EINTR (the collector's stop signal) and EAGAIN just return: every caller
  // re-checks its condition in a loop.
  syscall(SYS_futex, reinterpret_cast<uint32_t *>(addr), FUTEX_WAIT_PRIVATE,
          val, tsp, nullptr, 0);
}

void futex_wake(std::atomic<uint32_t> *addr, int n) {
  syscall(SYS_futex, reinterpret_cast<uint32_t *>(addr), FUTEX_WAKE_PRIVATE, n,
          nullptr, nullptr, 0);
}

constexpr int kLockSpin = 100;

} // namespace

void lock(Lock *l) {
  uint32_t v = 0;
  if (l->key.compare_exchange_strong(v, 1, std::memory_order_acquire))
    return;
  for (int i = 0; i < kLockSpin; i++) {
    v = 0;
    if (l->key.load(std::memory_order_relaxed) == 0 &&
        l->key.compare_exchange_weak(v, 1, std::memory_order_acquire))
      return;
    cpu_relax();
  }
  // Mark the lock contended before sleeping, so the holder's unlock wakes us.
  while (l->key.exchange(2, std::memory_order_acquire) != 0)
    futex_wait(&l->key, 2, -1);
}

void unlock(Lock *l) {
  if (l->key.exchange(0, std::memory_order_release) == 2)
    futex_wake(&l->key, 1);
}

void noteclear(Note *n) { n->key.store(0, std::memory_order_relaxed); }

void notewakeup(Note *n) {
  n->key.store(1, std::memory_order_release);
  futex_wake(&n->key, 1);
}

void notesleep(Note *n) {
  while (n->key.load(std::memory_order_acquire) == 0)
    futex_wait(&n->key, 0, -1);
}

bool notetsleep(Note *n, int64_t ns) {
  int64_t deadline = nanotime() + ns;
  while (n->key.load(std::memory_order_acquire) == 0) {
    int64_t left = deadline - nanotime();
    if (left <= 0)
      return false;
    futex_wait(&n->key, 0, left);
  }
  return true;
}

} // namespace mgo::rt
