// Run queues: where runnable Gs wait for an M with a P.
//
// Invariants:
// - A P's local queue is a ring of kRunqSize slots, written at the tail by
//   its owner only and taken from the head by the owner or by thieves with a
//   CAS (runqhead/runqtail are acquire/release atomics), exactly as Go's
//   runq. A full queue moves half of itself to the global queue, so a put
//   never blocks.
// - runnext holds the G the owner readied last; it runs before the queue
//   (a handoff: send, then block on receive). It is taken by a CAS, and a
//   thief takes it only after it has sat there for kRunnextGraceNs while its
//   P did not schedule, so a handoff in progress stays on one P.
// - The global queue is a list under sched.lock; runqsize may be read
//   without the lock as a hint. A P takes a fair share of it at a time.
#include "sched.h"

namespace mgo::rt {

namespace {

// How long a runnext G must linger before a thief takes it: a few
// microseconds, beside the ~30 us a cross-CPU wake-up would cost.
constexpr int64_t kRunnextGraceNs = 3000;

} // namespace

// --- the global run queue (sched.lock held) ---------------------------------

void globrunqputbatch(G *head, G *tail, int32_t n) {
  tail->schedlink = nullptr;
  if (sched.runqtail)
    sched.runqtail->schedlink = head;
  else
    sched.runqhead = head;
  sched.runqtail = tail;
  sched.runqsize.fetch_add(n, std::memory_order_relaxed);
}

void globrunqput(G *g) { globrunqputbatch(g, g, 1); }

G *globrunqpop() {
  G *g = sched.runqhead;
  if (!g)
    return nullptr;
  sched.runqhead = g->schedlink;
  if (!sched.runqhead)
    sched.runqtail = nullptr;
  sched.runqsize.fetch_sub(1, std::memory_order_relaxed);
  return g;
}

G *globrunqget(P *p, int32_t max) {
  int32_t size = sched.runqsize.load(std::memory_order_relaxed);
  if (size == 0)
    return nullptr;
  int32_t n = size / sched.gomaxprocs.load(std::memory_order_relaxed) + 1;
  if (n > size)
    n = size;
  if (max > 0 && n > max)
    n = max;
  if (n > kRunqSize / 2)
    n = kRunqSize / 2;
  G *g = globrunqpop();
  for (int32_t i = 1; i < n; i++)
    runqput(p, globrunqpop(), false);
  return g;
}

// --- local run queues --------------------------------------------------------

namespace {

// Moves half of a full local queue and g to the global queue.
bool runqputslow(P *p, G *g, uint32_t h, uint32_t t) {
  G *batch[kRunqSize / 2 + 1];
  uint32_t n = (t - h) / 2;
  for (uint32_t i = 0; i < n; i++)
    batch[i] = p->runq[(h + i) % kRunqSize].load(std::memory_order_relaxed);
  if (!p->runqhead.compare_exchange_strong(h, h + n, std::memory_order_release))
    return false;
  batch[n] = g;
  for (uint32_t i = 0; i < n; i++)
    batch[i]->schedlink = batch[i + 1];
  lock(&sched.lock);
  globrunqputbatch(batch[0], batch[n], int32_t(n + 1));
  unlock(&sched.lock);
  return true;
}

} // namespace

void runqput(P *p, G *g, bool next) {
  if (next) {
    g = p->runnext.exchange(g, std::memory_order_acq_rel);
    if (!g)
      return;
  }
  for (;;) {
    uint32_t h = p->runqhead.load(std::memory_order_acquire);
    uint32_t t = p->runqtail.load(std::memory_order_relaxed);
    if (t - h < uint32_t(kRunqSize)) {
      p->runq[t % kRunqSize].store(g, std::memory_order_relaxed);
      p->runqtail.store(t + 1, std::memory_order_release);
      return;
    }
    if (runqputslow(p, g, h, t))
      return;
  }
}

G *runqget(P *p) {
  G *next = p->runnext.load(std::memory_order_relaxed);
  if (next && p->runnext.compare_exchange_strong(next, nullptr,
                                                 std::memory_order_acquire))
    return next;
  for (;;) {
    uint32_t h = p->runqhead.load(std::memory_order_acquire);
    uint32_t t = p->runqtail.load(std::memory_order_relaxed);
    if (t == h)
      return nullptr;
    G *g = p->runq[h % kRunqSize].load(std::memory_order_relaxed);
    if (p->runqhead.compare_exchange_strong(h, h + 1,
                                            std::memory_order_release))
      return g;
  }
}

bool runqempty(P *p) {
  return p->runqhead.load(std::memory_order_acquire) ==
             p->runqtail.load(std::memory_order_acquire) &&
         !p->runnext.load(std::memory_order_acquire);
}

namespace {

// Takes half of victim's queue into batch[batchHead...]; returns how many.
uint32_t runqgrab(P *victim, std::atomic<G *> *batch, uint32_t batchHead,
                  bool stealRunNext) {
  for (;;) {
    uint32_t h = victim->runqhead.load(std::memory_order_acquire);
    uint32_t t = victim->runqtail.load(std::memory_order_acquire);
    uint32_t n = t - h;
    n = n - n / 2;
    if (n == 0) {
      if (!stealRunNext)
        return 0;
      G *next = victim->runnext.load(std::memory_order_acquire);
      if (!next)
        return 0;
      // Let a handoff in progress complete on its own P. A P that scheduled
      // meanwhile is making progress: the same G back in runnext is a new
      // handoff (a ping-pong pair readies the same two Gs over and over), not
      // one left behind.
      uint32_t tick = victim->schedtick.load(std::memory_order_relaxed);
      int64_t until = nanotime() + kRunnextGraceNs;
      while (nanotime() < until)
        cpu_relax();
      if (victim->schedtick.load(std::memory_order_relaxed) != tick)
        return 0;
      if (!victim->runnext.compare_exchange_strong(next, nullptr,
                                                   std::memory_order_acquire))
        continue;
      batch[batchHead % kRunqSize].store(next, std::memory_order_relaxed);
      return 1;
    }
    if (n > uint32_t(kRunqSize / 2))
      continue; // read an inconsistent h and t
    for (uint32_t i = 0; i < n; i++) {
      G *g = victim->runq[(h + i) % kRunqSize].load(std::memory_order_relaxed);
      batch[(batchHead + i) % kRunqSize].store(g, std::memory_order_relaxed);
    }
    if (victim->runqhead.compare_exchange_strong(h, h + n,
                                                 std::memory_order_release))
      return n;
  }
}

} // namespace

G *runqsteal(P *p, P *victim, bool stealRunNext) {
  uint32_t t = p->runqtail.load(std::memory_order_relaxed);
  uint32_t n = runqgrab(victim, p->runq, t, stealRunNext);
  if (n == 0)
    return nullptr;
  n--;
  G *g = p->runq[(t + n) % kRunqSize].load(std::memory_order_relaxed);
  if (n > 0)
    p->runqtail.store(t + n, std::memory_order_release);
  return g;
}

} // namespace mgo::rt
