// M parking and waking: the idle P and M lists, starting Ms, and putting an M
// without work to sleep. The scheduling itself (run queues, finding work,
// spinning, switching) is sched.cpp's.
//
// Invariants:
// - sched.lock protects the idle lists (pidle, midle, nmidle, mcount) and
//   m->nextp; npidle and nmspinning are written under it or by atomic
//   read-modify-write and read without it.
// - An M sleeps only on its own note (m->park), only without a P and only
//   while on the idle list. startm takes it off the list and hands it a P in
//   nextp before waking it; timer_kick (sched.cpp) wakes it where it lies,
//   and the M, finding no nextp, takes itself off (mremove).
// - wakep starts an M only if there is an idle P and no M spins, and counts it
//   spinning before it is woken: at most one M is woken per batch of new
//   work, and a cross-CPU wake-up (~30 us here) is paid only when nothing
//   already looks. The woken M, once it finds work, calls resetspinning,
//   which passes the duty on (wakep again), so work queued in a burst is
//   still picked up by every idle P in turn.
// - A spinning M that gives up re-checks every queue after it counts its P
//   idle and itself not spinning (sched.cpp, find_work): with wakep's seq_cst
//   loads this is a Dekker pair, so no work is left while every M sleeps.
#include "sched.h"

#include <pthread.h>

namespace mgo::rt {

// --- the idle lists (sched.lock held) ----------------------------------------

void pidleput(P *p) {
  p->status.store(Pidle, std::memory_order_relaxed);
  p->link = sched.pidle;
  sched.pidle = p;
  sched.npidle.fetch_add(1, std::memory_order_seq_cst);
}

P *pidleget() {
  P *p = sched.pidle;
  if (p) {
    sched.pidle = p->link;
    sched.npidle.fetch_sub(1, std::memory_order_seq_cst);
    p->status.store(Prunning, std::memory_order_relaxed);
    // sysmon sleeps while every P is idle; whoever takes one wakes it (not
    // only startm: an M may take a P itself, and then nobody else would, and
    // a goroutine spinning at a poll would never be preempted).
    sysmon_wake();
  }
  return p;
}

namespace {

void mput(M *m) {
  m->schedlink = sched.midle;
  sched.midle = m;
  sched.nmidle++;
}

M *mget() {
  M *m = sched.midle;
  if (m) {
    sched.midle = m->schedlink;
    sched.nmidle--;
  }
  return m;
}

// Takes m off the idle list if it is still there (a timed or spurious wake).
bool mremove(M *m) {
  for (M **pp = &sched.midle; *pp; pp = &(*pp)->schedlink) {
    if (*pp == m) {
      *pp = m->schedlink;
      sched.nmidle--;
      return true;
    }
  }
  return false;
}

// Starts a new M with P p; sched.mcount was already counted by the caller.
void newm(P *p, bool spinning) {
  static std::atomic<int64_t> mid{0};
  M *m = new M;
  m->id = mid.fetch_add(1, std::memory_order_relaxed);
  m->nextp = p;
  m->spinning = spinning;
  m->rand = uint32_t(m->id * 2654435761u) | 1;
  M *old = sched.allm.load(std::memory_order_relaxed);
  do
    m->alllink = old;
  while (!sched.allm.compare_exchange_weak(old, m, std::memory_order_release));
  pthread_t th;
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
  // pthread_create is GC_pthread_create here (GC_THREADS): the collector
  // learns about the thread.
  std::shared_lock no_exec(exec_lock);
  if (pthread_create(&th, &attr, mstart, m) != 0)
    fatal("newm: cannot create thread");
  pthread_attr_destroy(&attr);
}

} // namespace

void startm(P *p, bool spinning) {
  lock(&sched.lock);
  if (!p) {
    p = pidleget();
    if (!p) {
      unlock(&sched.lock);
      if (spinning)
        sched.nmspinning.fetch_sub(1, std::memory_order_seq_cst);
      return;
    }
  }
  M *m = mget();
  if (!m) {
    sched.mcount++;
    unlock(&sched.lock);
    newm(p, spinning);
    sysmon_wake();
    return;
  }
  m->nextp = p;
  m->spinning = spinning;
  unlock(&sched.lock);
  notewakeup(&m->park);
  sysmon_wake();
}

void wakep() {
  if (sched.npidle.load(std::memory_order_seq_cst) == 0)
    return;
  int32_t zero = 0;
  if (sched.nmspinning.load(std::memory_order_seq_cst) != 0 ||
      !sched.nmspinning.compare_exchange_strong(zero, 1,
                                                std::memory_order_seq_cst))
    return;
  startm(nullptr, true);
}

void resetspinning(M *m) {
  m->spinning = false;
  sched.nmspinning.fetch_sub(1, std::memory_order_seq_cst);
  wakep();
}

// Sleeps m, which holds no P, until it is handed one. An M that sleeps while
// timers are pending and no other M waits for them sleeps only until the
// earliest one, then runs the due timers.
void m_idle(M *m) {
  for (;;) {
    lock(&sched.lock);
    if (sched.runqsize.load(std::memory_order_relaxed) > 0) {
      if (P *p = pidleget()) {
        acquirep(m, p);
        unlock(&sched.lock);
        return;
      }
    }
    int64_t when = timers_next_when();
    bool timed = false;
    if (when != 0 && !sched.timer_sleeper) {
      sched.timer_sleeper = m;
      sched.timer_sleep_until = when;
      timed = true;
    }
    noteclear(&m->park);
    mput(m);
    if (when == 0)
      checkdead();
    unlock(&sched.lock);
    if (timed)
      notetsleep(&m->park, when - nanotime());
    else
      notesleep(&m->park);
    lock(&sched.lock);
    if (sched.timer_sleeper == m)
      sched.timer_sleeper = nullptr;
    P *p = m->nextp;
    m->nextp = nullptr;
    if (!p) {
      mremove(m);
      when = timers_next_when();
      if (when != 0 && when <= nanotime())
        p = pidleget(); // run the timers with a P: the woken G goes to runnext
    }
    unlock(&sched.lock);
    if (p)
      acquirep(m, p);
    int64_t now = nanotime();
    when = timers_next_when();
    if (when != 0 && when <= now)
      run_timers(now);
    if (p)
      return;
  }
}

} // namespace mgo::rt
