// sysmon: a monitor thread without a P (Go's sysmon).
//
// - Preemption: a P whose schedtick has not moved for 10 ms runs one G that
//   long; its M's preempt flag is set, and the G yields at its next poll
//   (mgo_preempt_check, which codegen places at loop back-edges).
// - System calls: a P whose M has been blocked in a system call since the
//   previous poll is retaken and handed to another M if it has work.
// - Timers overdue while every M is busy running goroutines are run here.
// - Work queued while no M looks for it (a runnext G left behind by a
//   goroutine that kept running) gets an idle P started for it.
// - The unwinder is primed 10 ms after start-up, for a SIGQUIT report
//   (prime_unwinder).
// It polls every 20 us while things happen, backing off to 10 ms, and sleeps
// outright while all Ps are idle (pidleget wakes it), so an idle program
// costs no CPU.
//
// State: sysmon_note and sleeping are sysmon's own; P.sysmon_* fields are
// only touched by sysmon.
#include "sched.h"

#include <algorithm>
#include <pthread.h>

namespace mgo::rt {
namespace {

constexpr int64_t kForcePreemptNs = 10000000;
constexpr int64_t kMinDelayNs = 20000;
constexpr int64_t kMaxDelayNs = 10000000;
// When the unwinder is primed (prime_unwinder).
constexpr int64_t kPrimeDelayNs = 10000000;

Note sysmon_note;
std::atomic<bool> sleeping{false};

bool has_work(P *p) {
  return p->runqhead.load(std::memory_order_relaxed) !=
             p->runqtail.load(std::memory_order_relaxed) ||
         p->runnext.load(std::memory_order_relaxed);
}

// Whether to take P p from the system call its M is blocked in (sched.lock
// held): once it was seen in the same call at the previous poll, and either
// it has work or nothing else could run new work or the call has lasted
// 10 ms (Go's retake). Wins the P against exitsyscall by a CAS.
bool retake_syscall(P *p, int64_t now) {
  uint32_t t = p->syscalltick.load(std::memory_order_relaxed);
  if (t != p->sysmon_syscalltick) {
    p->sysmon_syscalltick = t;
    p->sysmon_syscallwhen = now;
    return false;
  }
  if (!has_work(p) && sched.nmspinning.load() + sched.npidle.load() > 0 &&
      now - p->sysmon_syscallwhen < kForcePreemptNs)
    return false;
  uint32_t st = Psyscall;
  return p->status.compare_exchange_strong(st, Pidle,
                                           std::memory_order_acquire);
}

// Returns whether anything needed doing.
bool retake(int64_t now) {
  bool acted = false;
  bool queued = sched.runqsize.load(std::memory_order_relaxed) > 0;
  P *handoff[kMaxProcs];
  int nhandoff = 0;
  lock(&sched.lock);
  int32_t n = sched.gomaxprocs.load(std::memory_order_relaxed);
  // Ps beyond GOMAXPROCS too: one still running a goroutine retires only
  // when that goroutine yields, so it must be preempted like any other.
  for (int32_t i = 0; i < kMaxProcs && sched.allp[i]; i++) {
    P *p = sched.allp[i];
    uint32_t st = p->status.load(std::memory_order_relaxed);
    if (i < n && st == Psyscall && retake_syscall(p, now))
      handoff[nhandoff++] = p;
    if (st != Prunning)
      continue;
    queued = queued || has_work(p);
    uint32_t tick = p->schedtick.load(std::memory_order_relaxed);
    if (tick != p->sysmon_tick) {
      p->sysmon_tick = tick;
      p->sysmon_when = now;
    } else if (now - p->sysmon_when >= kForcePreemptNs) {
      if (M *m = p->m.load(std::memory_order_relaxed))
        request_preempt(m);
      p->sysmon_when = now; // ask again in 10 ms if it does not poll
      acted = true;
    }
  }
  unlock(&sched.lock);
  for (int i = 0; i < nhandoff; i++)
    handoffp(handoff[i]);
  acted = acted || nhandoff > 0;
  if (queued && sched.npidle.load() > 0 && sched.nmspinning.load() == 0) {
    wake_idle_p();
    acted = true;
  }
  return acted;
}

// Fires overdue timers. Marked in sched so that an M going to sleep
// meanwhile does not call it a deadlock while a goroutine is being readied;
// the check is then made here instead.
bool fire_timers(int64_t now) {
  lock(&sched.lock);
  sched.sysmon_firing = true;
  unlock(&sched.lock);
  int fired = run_timers(now);
  lock(&sched.lock);
  sched.sysmon_firing = false;
  checkdead();
  unlock(&sched.lock);
  return fired > 0;
}

// Whether no P runs: every P below GOMAXPROCS is idle and none beyond it
// still runs (procresize does not stop the world: a P it cut off runs on
// until its goroutine yields, possibly forever if nobody preempts it).
bool all_ps_idle() {
  if (sched.npidle.load() != sched.gomaxprocs.load())
    return false;
  lock(&sched.lock);
  bool idle = true;
  for (int32_t i = sched.gomaxprocs.load(std::memory_order_relaxed);
       idle && i < kMaxProcs && sched.allp[i]; i++) {
    uint32_t st = sched.allp[i]->status.load(std::memory_order_relaxed);
    idle = st == Pidle || st == Pdead;
  }
  unlock(&sched.lock);
  return idle;
}

void *sysmon_main(void *) {
  int64_t delay = kMinDelayNs;
  int64_t primeAt = nanotime() + kPrimeDelayNs;
  bool primed = false;
  for (;;) {
    noteclear(&sysmon_note);
    if (!primed && nanotime() >= primeAt) {
      prime_unwinder();
      primed = true;
    }
    if (all_ps_idle()) {
      sleeping.store(true, std::memory_order_seq_cst);
      // Re-check after announcing: startm's load of `sleeping` pairs with it.
      // Until the unwinder is primed, an idle program wakes sysmon once.
      if (all_ps_idle()) {
        if (primed)
          notesleep(&sysmon_note);
        else
          notetsleep(&sysmon_note, std::max<int64_t>(primeAt - nanotime(), 1));
      }
      sleeping.store(false, std::memory_order_relaxed);
      delay = kMinDelayNs;
      continue;
    }
    notetsleep(&sysmon_note, delay);
    int64_t now = nanotime();
    bool acted = retake(now);
    int64_t when = timers_next_when();
    if (when != 0 && now - when > kMinDelayNs && fire_timers(now))
      acted = true;
    delay = acted ? kMinDelayNs : std::min(delay * 2, kMaxDelayNs);
  }
  return nullptr;
}

} // namespace

void sysmon_start() {
  pthread_t th;
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
  if (pthread_create(&th, &attr, sysmon_main, nullptr) != 0)
    fatal("cannot start sysmon");
  pthread_attr_destroy(&attr);
}

void sysmon_wake() {
  if (sleeping.load(std::memory_order_seq_cst))
    notewakeup(&sysmon_note);
}

} // namespace mgo::rt
