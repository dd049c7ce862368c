// The scheduler: Gs, Ms and Ps, finding work and spinning for it, switching,
// deadlock detection. A port of the essentials of Go's proc.go. Idle Ps and
// Ms, starting Ms, an M's sleep and its waking: idle.cpp.
//
// Invariants and what protects them:
// - sched.lock protects P status transitions, the global run queue
//   (runqhead/tail; runqsize is read without it), and, with idle.cpp, the
//   idle lists, the timer sleeper and m->nextp hand-overs.
// - Run queues (runq.cpp) hold runnable Gs: a P's local queue, its runnext
//   slot and the global queue.
// - A G's status goes Gwaiting -> Grunnable only in goready, by whoever owns
//   the wait queue entry; that party can only see the G after the G's context
//   is saved, because gopark releases the queue's lock on the other side of
//   the switch (finish_switch). This is the lost wake-up fix.
// - A G's stack is only reused after the switch away from it completed: an
//   exiting G is put on a free list by the destination of its last switch.
// - Spinning: an M looking for work with a P is "spinning" (sched.nmspinning);
//   it spins only while fewer than half the busy Ps' Ms spin, and at most
//   kSpinNs. Whoever makes work available calls wakep() (idle.cpp). A
//   spinning M that gives up drops its P, then re-checks every queue (Dekker
//   with wakep's seq_cst checks) before it sleeps in m_idle (idle.cpp).
#include "sched.h"
#include "switch.h"

#include "mgo/sched.h"
#include "panic.h"
#include "race.h"
#include "traceback.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <pthread.h>
#include <sched.h>
#include <string>
#include <unistd.h>

namespace mgo::rt {

std::shared_mutex exec_lock;

Sched sched;

namespace {

thread_local M *tls_m [[gnu::tls_model("initial-exec")]] = nullptr;

// How long an M with a P polls for work before it sleeps: long beside a
// handoff (~100 ns), short beside the ~30 us a cross-CPU wake-up costs.
constexpr int64_t kSpinNs = 50000;
constexpr int32_t kGfreeLocalMax = 64;

// --- all Gs: an append-only table, read without a lock by the collector and
// by the deadlock report (they run while every other thread is stopped).
constexpr size_t kAllgChunk = 4096;
constexpr size_t kAllgChunks = 1 << 14;
Lock allglock;
G **allg_chunks[kAllgChunks];
std::atomic<size_t> allglen{0};

void allgadd(G *g) {
  lock(&allglock);
  size_t n = allglen.load(std::memory_order_relaxed);
  if (n % kAllgChunk == 0) {
    if (n / kAllgChunk == kAllgChunks)
      fatal("too many goroutines");
    allg_chunks[n / kAllgChunk] =
        static_cast<G **>(calloc(kAllgChunk, sizeof(G *)));
  }
  allg_chunks[n / kAllgChunk][n % kAllgChunk] = g;
  allglen.store(n + 1, std::memory_order_release);
  unlock(&allglock);
}

} // namespace

void acquirep(M *m, P *p) {
  m->p = p;
  p->m.store(m, std::memory_order_relaxed);
  p->status.store(Prunning, std::memory_order_relaxed);
}

P *releasep(M *m) {
  P *p = m->p;
  p->m.store(nullptr, std::memory_order_relaxed);
  m->p = nullptr;
  return p;
}

namespace {

// --- dead Gs -----------------------------------------------------------------

void gfput(P *p, G *g) {
  g->schedlink = p->gfree;
  p->gfree = g;
  if (++p->gfreecnt < kGfreeLocalMax)
    return;
  lock(&sched.gflock);
  while (p->gfreecnt > kGfreeLocalMax / 2) {
    G *x = p->gfree;
    p->gfree = x->schedlink;
    p->gfreecnt--;
    x->schedlink = sched.gfree;
    sched.gfree = x;
    sched.ngfree++;
  }
  unlock(&sched.gflock);
}

G *gfget(P *p) {
  if (!p->gfree && sched.ngfree > 0) {
    lock(&sched.gflock);
    while (p->gfreecnt < kGfreeLocalMax / 2 && sched.gfree) {
      G *x = sched.gfree;
      sched.gfree = x->schedlink;
      sched.ngfree--;
      x->schedlink = p->gfree;
      p->gfree = x;
      p->gfreecnt++;
    }
    unlock(&sched.gflock);
  }
  G *g = p->gfree;
  if (g) {
    p->gfree = g->schedlink;
    p->gfreecnt--;
  }
  return g;
}

G *gfget_global() {
  lock(&sched.gflock);
  G *g = sched.gfree;
  if (g) {
    sched.gfree = g->schedlink;
    sched.ngfree--;
  }
  unlock(&sched.gflock);
  return g;
}

void gentry(bctx::transfer_t t);

// A G ready to run fn(arg), recycled or new; it gets a stack when it first
// runs (start_stack).
G *newg(P *p, void (*fn)(void *), void *arg) {
  G *g = p ? gfget(p) : gfget_global();
  if (!g) {
    g = new G;
    tsan_init_g(g);
    allgadd(g);
  }
  g->fn = fn;
  g->arg = arg;
  g->goid = sched.goidgen.fetch_add(1, std::memory_order_relaxed) + 1;
  g->waitreason = "";
  g->ctx = nullptr;
  g->status.store(Grunnable, std::memory_order_relaxed);
  sched.ngoroutines.fetch_add(1, std::memory_order_relaxed);
  return g;
}

void schedule_loop(M *m);

} // namespace

// The body of every M's thread but the first's; newm (idle.cpp) starts it
// with its P in nextp.
void *mstart(void *arg) {
  M *m = static_cast<M *>(arg);
  tls_m = m;
  pthread_attr_t attr;
  pthread_getattr_np(pthread_self(), &attr);
  void *addr;
  size_t size;
  pthread_attr_getstack(&attr, &addr, &size);
  pthread_attr_destroy(&attr);
  m->g0.stack = Stack{reinterpret_cast<uintptr_t>(addr),
                      reinterpret_cast<uintptr_t>(addr) + size};
  m->g0.is_g0 = true;
  m->curg = &m->g0;
  tsan_init_g(&m->g0);
  gc_register_m(m);
  signal_install_altstack(m);
  lock(&sched.lock);
  P *p = m->nextp;
  m->nextp = nullptr;
  unlock(&sched.lock);
  acquirep(m, p);
  schedule_loop(m);
  return nullptr;
}

namespace {

// --- deadlock --------------------------------------------------------------

bool any_waiting(size_t n) {
  for (size_t i = 0; i < n; i++)
    if (allg_at(i)->status.load(std::memory_order_relaxed) == Gwaiting)
      return true;
  return false;
}

} // namespace

const char *status_name(const G *g) {
  switch (g->status.load(std::memory_order_relaxed)) {
  case Grunnable:
    return "runnable";
  case Grunning:
    return "running";
  case Gwaiting:
    return g->waitreason;
  default:
    return "idle";
  }
}

// Called with sched.lock held by an M about to sleep with no timer to wait
// for (or by sysmon after firing timers): if no M is awake and nothing is
// runnable, no goroutine can ever run again.
void checkdead() {
  if (!sched.main_running.load(std::memory_order_relaxed) ||
      sched.sysmon_firing)
    return;
  if (sched.nmidle != sched.mcount || sched.runqsize.load() != 0 ||
      timers_next_when() != 0)
    return;
  for (int i = 0; i < sched.gomaxprocs.load(); i++)
    if (sched.allp[i] && !runqempty(sched.allp[i]))
      return;
  size_t n = allglen.load(std::memory_order_acquire);
  if (!any_waiting(n)) {
    // Only after main's Goexit: main itself would be waiting otherwise.
    fprintf(stderr, "fatal error: no goroutines (main called runtime.Goexit) "
                    "- deadlock!\n");
    _exit(2);
  }
  // Every goroutine is parked and every M asleep: nothing to freeze.
  std::string out = "fatal error: all goroutines are asleep - deadlock!\n";
  mgo::StringOut text(out);
  if (mgo::traceback_mode().level > 0)
    mgo::append_goroutines(text, nullptr, mgo::traceback_mode().level);
  mgo::write_fatal(out);
}

namespace {

// --- the scheduler proper ----------------------------------------------------

G *steal_work(M *m, P *p, bool stealRunNext) {
  // Acquire: the Ps procresize made before publishing GOMAXPROCS are seen
  // whole (allp is read without sched.lock).
  int32_t n = sched.gomaxprocs.load(std::memory_order_acquire);
  uint32_t start = fastrand() % uint32_t(n);
  for (int32_t i = 0; i < n; i++) {
    P *victim = sched.allp[(start + i) % n];
    if (!victim || victim == p)
      continue;
    uint32_t st = victim->status.load(std::memory_order_relaxed);
    if (st != Prunning && st != Psyscall)
      continue;
    if (G *g = runqsteal(p, victim, stealRunNext))
      return g;
  }
  (void)m;
  return nullptr;
}

// Gives up a P whose id is beyond GOMAXPROCS: its Gs go to the global queue.
void retirep(M *m) {
  P *p = m->p;
  while (G *g = runqget(p)) {
    lock(&sched.lock);
    globrunqput(g);
    unlock(&sched.lock);
  }
  lock(&sched.gflock);
  while (G *g = p->gfree) {
    p->gfree = g->schedlink;
    g->schedlink = sched.gfree;
    sched.gfree = g;
    sched.ngfree++;
  }
  p->gfreecnt = 0;
  unlock(&sched.gflock);
  lock(&sched.lock);
  releasep(m);
  p->status.store(Pdead, std::memory_order_relaxed);
  unlock(&sched.lock);
  if (m->spinning) {
    m->spinning = false;
    sched.nmspinning.fetch_sub(1, std::memory_order_seq_cst);
  }
  wakep();
}

bool timers_due() {
  int64_t when = timers_next_when();
  return when != 0 && when <= nanotime();
}

// Finds a G to run, for m on its g0 with a P: local queue, global queue,
// timers, stealing; spins for a while, then sleeps. Returns with a P, still
// marked spinning if it was.
G *find_work(M *m) {
  for (;;) {
    if (!m->p) { // back from a system call whose P was given away
      m_idle(m);
      continue;
    }
    P *p = m->p;
    if (p->id >= sched.gomaxprocs.load(std::memory_order_relaxed)) {
      retirep(m);
      m_idle(m);
      continue;
    }
    if (timers_due())
      run_timers(nanotime());
    if (p->schedtick.load(std::memory_order_relaxed) % 61 == 0 &&
        sched.runqsize.load(std::memory_order_relaxed) > 0) {
      lock(&sched.lock);
      G *g = globrunqget(p, 1);
      unlock(&sched.lock);
      if (g)
        return g;
    }
    if (G *g = runqget(p))
      return g;
    if (sched.runqsize.load(std::memory_order_relaxed) > 0) {
      lock(&sched.lock);
      G *g = globrunqget(p, 0);
      unlock(&sched.lock);
      if (g)
        return g;
    }
    int32_t procs = sched.gomaxprocs.load(std::memory_order_acquire);
    if (m->spinning ||
        2 * sched.nmspinning.load() < procs - sched.npidle.load()) {
      if (!m->spinning) {
        m->spinning = true;
        sched.nmspinning.fetch_add(1, std::memory_order_seq_cst);
      }
      int64_t deadline = nanotime() + kSpinNs;
      for (int iter = 0;; iter++) {
        G *g = steal_work(m, p, iter >= 4);
        if (!g && sched.runqsize.load(std::memory_order_relaxed) > 0) {
          lock(&sched.lock);
          g = globrunqget(p, 0);
          unlock(&sched.lock);
        }
        if (!g && timers_due()) {
          run_timers(nanotime());
          g = runqget(p);
        }
        if (g)
          return g;
        if (nanotime() > deadline ||
            p->id >= sched.gomaxprocs.load(std::memory_order_relaxed))
          break;
        for (int k = 0; k < 64; k++)
          cpu_relax();
      }
    }
    // Nothing to do: give up the P.
    lock(&sched.lock);
    if (sched.runqsize.load(std::memory_order_relaxed) > 0) {
      G *g = globrunqget(p, 0);
      unlock(&sched.lock);
      return g;
    }
    releasep(m);
    pidleput(p);
    unlock(&sched.lock);
    bool was_spinning = m->spinning;
    if (was_spinning) {
      m->spinning = false;
      sched.nmspinning.fetch_sub(1, std::memory_order_seq_cst);
      // Work may have been queued after we looked but before wakep could
      // see our P idle: look again now that we are counted as idle.
      bool work = sched.runqsize.load(std::memory_order_seq_cst) > 0;
      for (int32_t i = 0; !work && i < procs; i++)
        if (sched.allp[i] && !runqempty(sched.allp[i]))
          work = true;
      if (work) {
        lock(&sched.lock);
        P *p2 = pidleget();
        unlock(&sched.lock);
        if (p2) {
          acquirep(m, p2);
          m->spinning = true;
          sched.nmspinning.fetch_add(1, std::memory_order_seq_cst);
          continue;
        }
      }
    }
    m_idle(m);
  }
}

// A spinning M that found work stops spinning, and makes sure another M
// spins if there is more to find.
G *find_runnable(M *m) {
  for (;;) {
    G *g = find_work(m);
    if (m->spinning)
      resetspinning(m);
    if (m->p->id < sched.gomaxprocs.load(std::memory_order_relaxed))
      return g;
    // GOMAXPROCS shrank below this P while it looked: g waits for a P that
    // stays, and this one retires on the next pass.
    lock(&sched.lock);
    globrunqput(g);
    unlock(&sched.lock);
  }
}

// The collector may stop this thread anywhere in here: until ctx is set it
// pushes the whole new segment (context.cpp), which holds nothing live yet.
void start_stack(P *p, G *g) {
  g->stack = stackalloc(p);
  g->stackguard = stack_limit(&g->stack);
  g->ctx = bctx::make_fcontext(reinterpret_cast<void *>(g->stack.hi),
                               g->stack.hi - g->stack.lo, gentry);
}

// A frozen world (freeze_world) runs no other goroutine: this M waits with
// the G it was about to run still runnable.
[[gnu::noinline, gnu::cold]] void freeze_wait() {
  while (sched.frozen.load(std::memory_order_acquire))
    usleep(100);
}

void execute(M *m, G *g, G *from) {
  if (sched.frozen.load(std::memory_order_relaxed))
    freeze_wait();
  P *p = m->p;
  if (!g->ctx)
    start_stack(p, g);
  p->schedtick.store(p->schedtick.load(std::memory_order_relaxed) + 1,
                     std::memory_order_relaxed);
  clear_preempt(m);
  g->status.store(Grunning, std::memory_order_relaxed);
  g->waitsince.store(0, std::memory_order_relaxed);
  switch_to(m, from, g);
}

void schedule_loop(M *m) {
  for (;;)
    execute(m, find_runnable(m), &m->g0);
}

// Switches away from the running G `from`, whose m->post is already set:
// straight to the next local G when there is one (no trip through g0),
// otherwise to g0 to look further.
void schedule_from(M *m, G *from) {
  P *p = m->p;
  clear_preempt(m);
  bool deferred = p->wake_deferred;
  p->wake_deferred = false;
  if (p->schedtick.load(std::memory_order_relaxed) % 61 != 0 &&
      p->id < sched.gomaxprocs.load(std::memory_order_relaxed)) {
    if (G *next = runqget(p)) {
      // The bet won if the handoff's G was all there was.
      if (deferred && !runqempty(p))
        wakep();
      execute(m, next, from);
      return;
    }
  }
  switch_to(m, from, &m->g0);
}

void goexit() {
  M *m = getm();
  G *g = m->curg;
  g->status.store(Gdead, std::memory_order_relaxed);
  // Release: whoever sees the count drop (NumGoroutine) sees all this
  // goroutine did.
  sched.ngoroutines.fetch_sub(1, std::memory_order_release);
  m->post = PostSwitch::Exit;
  schedule_from(m, g);
  fatal("goexit: dead goroutine resumed");
}

void gentry(bctx::transfer_t t) {
  asan_finish_switch(nullptr);
  finish_switch(t);
  G *g = getg();
  mgo::run_goroutine(g->fn, g->arg);
  goexit();
}

int32_t default_procs() {
  if (const char *env = getenv("GOMAXPROCS")) {
    char *end;
    long n = strtol(env, &end, 10);
    if (*env && !*end && n > 0)
      return n > kMaxProcs ? kMaxProcs : int32_t(n);
  }
  return int32_t(mgo_num_cpu());
}

// Sets the number of Ps (sched.lock held). Ps beyond n that are running
// retire at their next scheduling decision (find_runnable).
void procresize(int32_t n) {
  if (n > kMaxProcs)
    n = kMaxProcs;
  for (int32_t i = 0; i < n; i++) {
    if (!sched.allp[i]) {
      sched.allp[i] = new P;
      sched.allp[i]->id = i;
    }
    if (sched.allp[i]->status.load(std::memory_order_relaxed) == Pdead)
      pidleput(sched.allp[i]);
  }
  sched.gomaxprocs.store(n, std::memory_order_seq_cst);
  for (P **pp = &sched.pidle; *pp;) {
    if ((*pp)->id >= n) {
      (*pp)->status.store(Pdead, std::memory_order_relaxed);
      *pp = (*pp)->link;
      sched.npidle.fetch_sub(1, std::memory_order_seq_cst);
    } else {
      pp = &(*pp)->link;
    }
  }
}

void schedinit() {
  GC_INIT();
  gc_init_hooks();
  mgo::traceback_init();
  signal_init();
  lock(&sched.lock);
  procresize(default_procs());
  unlock(&sched.lock);
  sysmon_start();
}

} // namespace

M *getm() {
  asm volatile("" ::: "memory");
  return tls_m;
}

G *getg() {
  M *m = getm();
  return m ? m->curg : nullptr;
}

uint32_t fastrand() {
  M *m = getm();
  static std::atomic<uint32_t> shared{2463534242u};
  if (!m)
    return shared.fetch_add(0x9E3779B9u, std::memory_order_relaxed) >> 7;
  uint32_t x = m->rand;
  x ^= x << 13;
  x ^= x >> 17;
  x ^= x << 5;
  m->rand = x;
  return x;
}

void post_switch_action(M *m, G *prev) {
  PostSwitch action = m->post;
  m->post = PostSwitch::None;
  switch (action) {
  case PostSwitch::None:
    break;
  case PostSwitch::Park:
    if (m->post_unlockf)
      m->post_unlockf(prev, m->post_arg);
    break;
  case PostSwitch::Yield:
    lock(&sched.lock);
    globrunqput(prev);
    unlock(&sched.lock);
    break;
  case PostSwitch::YieldLocal:
    runqput(m->p, prev, false);
    break;
  case PostSwitch::Exit:
    if (prev == sched.maing.load(std::memory_order_relaxed)) {
      sched.maing.store(nullptr, std::memory_order_relaxed);
      sched.main_running.store(false, std::memory_order_relaxed);
      notewakeup(&sched.maindone);
    }
#if MGO_RACE
    race_go_end(prev);
#endif
    stackfree(m->p, prev);
    gfput(m->p, prev);
    break;
  }
}

void gopark(void (*unlockf)(G *, void *), void *arg, const char *reason) {
  M *m = getm();
  G *g = m->curg;
  g->waitreason = reason;
  g->status.store(Gwaiting, std::memory_order_release);
  m->post = PostSwitch::Park;
  m->post_unlockf = unlockf;
  m->post_arg = arg;
  schedule_from(m, g);
}

void goready(G *g) {
  // Only the party that dequeued g's wait entry readies it, so a plain
  // store suffices; the run queue's release/acquire publishes it.
  if (g->status.load(std::memory_order_relaxed) != Gwaiting)
    fatal("goready: goroutine not waiting");
  g->status.store(Grunnable, std::memory_order_relaxed);
  M *m = getm();
  if (m && m->p) {
    // A G readied into an empty P by a running goroutine is usually a
    // handoff: the readier blocks next and this P runs it at once, so an
    // idle M woken for it (~30 us across CPUs) would only spin and sleep.
    P *p = m->p;
    bool handoff = m->curg != &m->g0 && runqempty(p);
    runqput(p, g, !m->firing_timers);
    if (handoff) {
      p->wake_deferred = true;
      return;
    }
  } else {
    lock(&sched.lock);
    globrunqput(g);
    unlock(&sched.lock);
  }
  wakep();
}

void gosched() {
  M *m = getm();
  G *g = m->curg;
  g->status.store(Grunnable, std::memory_order_relaxed);
  m->post = PostSwitch::Yield;
  schedule_from(m, g);
}

void goyield() {
  M *m = getm();
  G *g = m->curg;
  g->status.store(Grunnable, std::memory_order_relaxed);
  m->post = PostSwitch::YieldLocal;
  schedule_from(m, g);
}

void entersyscall() {
  M *m = getm();
  if (!m || !m->p)
    return; // outside the scheduler: nothing to hand off
  P *p = releasep(m);
  m->syscallp = p;
  if (p->wake_deferred) {
    p->wake_deferred = false;
    wakep();
  }
  p->syscalltick.store(p->syscalltick.load(std::memory_order_relaxed) + 1,
                       std::memory_order_relaxed);
  // Release: whoever retakes the P sees its run queue as we left it.
  p->status.store(Psyscall, std::memory_order_release);
}

void exitsyscall() {
  M *m = getm();
  if (!m || !m->syscallp)
    return;
  P *p = m->syscallp;
  m->syscallp = nullptr;
  uint32_t st = Psyscall;
  if (p->status.compare_exchange_strong(st, Prunning,
                                        std::memory_order_acquire)) {
    acquirep(m, p);
    return;
  }
  lock(&sched.lock);
  p = pidleget();
  unlock(&sched.lock);
  if (p) {
    acquirep(m, p);
    return;
  }
  // No P: queue the goroutine; this M's g0 sleeps until it is given a P.
  G *g = m->curg;
  g->status.store(Grunnable, std::memory_order_relaxed);
  m->post = PostSwitch::Yield;
  switch_to(m, g, &m->g0);
}

void handoffp(P *p) {
  if (!runqempty(p) || sched.runqsize.load(std::memory_order_relaxed) > 0) {
    startm(p, false);
    return;
  }
  lock(&sched.lock);
  pidleput(p);
  unlock(&sched.lock);
}

void newproc(void (*fn)(void *), void *arg, uintptr_t gopc) {
  M *m = getm();
  P *p = m ? m->p : nullptr;
  G *g = newg(p, fn, arg);
  g->gopc = gopc;
#if MGO_RACE
  race_go_start(g, gopc);
#endif
  if (p) {
    runqput(p, g, true);
  } else {
    lock(&sched.lock);
    globrunqput(g);
    unlock(&sched.lock);
  }
  wakep();
}

void wake_idle_p() { wakep(); }

void request_preempt(M *m) {
  if (!m->preempt.exchange(true, std::memory_order_relaxed))
    std::atomic_ref<uint32_t>(mgo_preempt_pending)
        .fetch_add(1, std::memory_order_relaxed);
}

int32_t running_ps() {
  return sched.gomaxprocs.load(std::memory_order_relaxed) -
         sched.npidle.load(std::memory_order_relaxed);
}

bool local_runq_empty() {
  M *m = getm();
  return !m || !m->p || runqempty(m->p);
}

// For the collector and diagnostics: every G ever created.
size_t allg_count() { return allglen.load(std::memory_order_acquire); }
G *allg_at(size_t i) { return allg_chunks[i / kAllgChunk][i % kAllgChunk]; }

void freeze_world() {
  sched.frozen.store(true, std::memory_order_seq_cst);
  M *self = getm();
  for (M *m = sched.allm.load(std::memory_order_acquire); m; m = m->alllink)
    if (m != self)
      request_preempt(m);
  // An idle M would keep its request until it next runs a goroutine, every
  // back-edge's poll calling mgo_preempt_check meanwhile: thaw_world takes
  // the requests back.
  //
  // An M that passed execute's check before the store switches within
  // nanoseconds; the wait makes its G read as running (Go's freezetheworld
  // waits as long).
  usleep(1000);
}

void thaw_world() {
  for (M *m = sched.allm.load(std::memory_order_acquire); m; m = m->alllink)
    clear_preempt(m);
  sched.frozen.store(false, std::memory_order_release);
}

bool stop_world() {
  freeze_world();
  G *self = getg();
  // Running goroutines stop at their next loop back-edge or call into the
  // scheduler; one in a system call or a loop-free stretch may not.
  for (int i = 0; i < 100; ++i) {
    bool running = false;
    for (size_t j = 0; j < allg_count() && !running; ++j) {
      G *g = allg_at(j);
      running =
          g != self && g->status.load(std::memory_order_acquire) == Grunning;
    }
    if (!running)
      return true;
    usleep(100);
  }
  return false;
}

// The traceback is taken where the caller is: a segment's 32 KiB reserve
// holds the unwinder's few KiB; the printing, deeper, runs on the system
// stack.
[[noreturn]] void fatal(const char *msg) {
  std::string out = std::string("fatal error: ") + msg + "\n";
  mgo::StringOut text(out);
  int level = mgo::traceback_mode().level;
  if (level > 0) {
    G *g = getg();
    if (g && !g->is_g0) {
      mgo::Trace trace;
      mgo::capture_trace(&trace);
      out += '\n';
      mgo::append_traceback(text, g, "running", trace, level);
    }
    freeze_world();
    mgo::append_goroutines(text, g, level);
  }
  systemstack([&out] { mgo::write_fatal(out); });
  __builtin_unreachable();
}

[[noreturn]] void panic_msg(const char *msg) { mgo::panic_plain(msg); }

} // namespace mgo::rt

using namespace mgo::rt;

// Nothing refers to it but the debugger: kept by the linker's
// --gc-sections (tools/Link.cpp) as retained.
extern "C" __attribute__((used, retain))
const MgoDebugLayout mgo_debug_layout = {
    1,
    reinterpret_cast<void *const *>(allg_chunks),
    &allglen,
    kAllgChunk,
    offsetof(G, goid),
    offsetof(G, status),
    offsetof(G, waitreason),
    offsetof(G, ctx),
    offsetof(G, gopc),
    offsetof(G, seg),
    offsetof(Stack, lo),
    offsetof(Stack, hi),
    savedctx::pc,
    savedctx::rbp,
    savedctx::rbx,
    savedctx::r12,
    savedctx::r13,
    savedctx::r14,
    savedctx::r15,
    savedctx::sp,
};

namespace mgo {

void run_main(void (*fn)(void *), void *arg, int procs) {
  static pthread_once_t once = PTHREAD_ONCE_INIT;
  pthread_once(&once, schedinit);
  if (procs > 0) {
    lock(&sched.lock);
    procresize(procs);
    unlock(&sched.lock);
  }
  G *g = newg(nullptr, fn, arg);
#if MGO_RACE
  race_go_start(g, 0);
#endif
  noteclear(&sched.maindone);
  sched.maing.store(g, std::memory_order_relaxed);
  // Queued and marked running under the lock checkdead holds: an M going
  // idle in between would otherwise see a running main and no work.
  lock(&sched.lock);
  globrunqput(g);
  sched.main_running.store(true, std::memory_order_relaxed);
  unlock(&sched.lock);
  wakep();
  notesleep(&sched.maindone);
}

} // namespace mgo

extern "C" {

uint32_t mgo_preempt_pending;

void mgo_sched_run_main(void (*fn)(void)) {
  mgo::run_main([](void *f) { reinterpret_cast<void (*)(void)>(f)(); },
                reinterpret_cast<void *>(fn), 0);
}

mgo_int mgo_current_goroutine_id(void) {
  G *g = getg();
  return g && !g->is_g0 ? g->goid : 1;
}

void mgo_go(mgo_ptr fn, mgo_ptr arg) {
  newproc(reinterpret_cast<void (*)(void *)>(fn), arg,
          reinterpret_cast<uintptr_t>(__builtin_return_address(0)));
}

void mgo_go_nil_func(void) { fatal("go of nil func value"); }

void mgo_gosched(void) { gosched(); }

void mgo_preempt_check(void) {
  M *m = getm();
  if (m && m->preempt.load(std::memory_order_relaxed))
    gosched();
}

mgo_int mgo_gomaxprocs(mgo_int n) {
  lock(&sched.lock);
  mgo_int old = sched.gomaxprocs.load(std::memory_order_relaxed);
  if (n > 0 && n != old)
    procresize(int32_t(n));
  unlock(&sched.lock);
  if (n > old)
    wakep();
  return old;
}

mgo_int mgo_num_goroutine(void) {
  return sched.ngoroutines.load(std::memory_order_acquire);
}

mgo_int mgo_num_cpu(void) {
  cpu_set_t set;
  if (sched_getaffinity(0, sizeof set, &set) == 0)
    return CPU_COUNT(&set);
  return sysconf(_SC_NPROCESSORS_ONLN);
}

} // extern "C"
