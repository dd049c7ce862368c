// M parking and waking: the idle P and M lists, starting Ms, and an M's
// sleep without work. Finding work, spinning for it and switching are
// sched.cpp's; this file decides which M runs an idle P and when an M sleeps
// or is woken. Code moved from sched.cpp unchanged (issue 17).
//
// Invariants and what protects them:
// - sched.lock protects the idle P list (pidle), the idle M list (midle,
//   nmidle), mcount, the timer sleeper (timer_sleeper, timer_sleep_until) and
//   every m->nextp hand-over. npidle and nmspinning change under sched.lock
//   or by seq_cst read-modify-writes and are read without it.
// - An M sleeps only on its own note (m->park), holding no P, and only after
//   it put itself on the idle list under sched.lock with the note cleared, so
//   a wake-up between its unlock and its futex wait is not lost. startm takes
//   an M off the list and sets its nextp before waking it; timer_kick wakes a
//   sleeper where it lies, and the M, finding no nextp, takes itself off the
//   list again (mremove).
// - checkdead runs under the same sched.lock hold that put the last M on the
//   idle list, so "every M idle, nothing runnable" is seen atomically.
// - wakep starts an M only if a P is idle and no M spins, and counts the M as
//   spinning (nmspinning 0 -> 1 by compare-exchange) before waking it: one
//   cross-CPU wake-up (~30 us) per batch of new work, and none while an M
//   already looks. The woken M calls resetspinning once it finds work, which
//   passes the duty on (wakep again), so a burst reaches every idle P in turn.
// - A spinning M that gives up counts its P idle and itself not spinning,
//   then re-checks every run queue before m_idle (sched.cpp, find_work); with
//   wakep's seq_cst loads of npidle and nmspinning this is a Dekker pair: a
//   G queued meanwhile is seen by one side or the other, never by neither.
// - pidleget wakes sysmon, which sleeps while every P is idle.
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

// Runs P p (or an idle P) on an idle M, or a new one.
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

// Asks an idle M to wait for a timer due at `when` if no M does, or to
// re-arm if the sleeping one waits for a later time.
void timer_kick(int64_t when) {
  lock(&sched.lock);
  M *m = nullptr;
  if (sched.timer_sleeper) {
    if (when < sched.timer_sleep_until)
      m = sched.timer_sleeper;
  } else {
    m = sched.midle;
  }
  if (m)
    notewakeup(&m->park);
  unlock(&sched.lock);
}

} // namespace mgo::rt
