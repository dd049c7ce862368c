// Context switching between goroutines (Boost.Context's fcontext layer; the
// switch itself is inline, in switch.h), and what the garbage collector and
// ThreadSanitizer must know about it.
//
// A switch is one jump_fcontext from the running G to the next: a G to G
// switch when the P has a runnable G, otherwise to the M's g0 (the thread's
// own stack, running the scheduler loop). The G being left is only
// resumable once its context is saved, and that happens on the far side of
// the jump (finish_switch), which then runs the M's pending post-switch
// action (release a channel lock, requeue, free). m->prevg is non-null
// exactly while a switch is in flight on that M.
//
// Boehm GC. Goroutine stacks are not thread stacks, so:
// - the stop-the-world signal is intercepted: before Boehm's handler records
//   the thread's stack pointer, ours looks at the interrupted RSP, finds the
//   stack segment it is in (g0, curg, or prevg mid-switch) and sets the
//   thread's stack bottom to that segment's top, so Boehm scans [sp, top) of
//   the right stack. This costs nothing per switch.
// - the collecting thread does the same for itself in the start callback.
// - every other live G's stack is pushed by our push_other_roots callback,
//   from its saved stack pointer up (the whole stack while mid-switch), with
//   the G's closure argument; a grown stack's older segments each from where
//   the next one was entered.
// Under ThreadSanitizer, every G is a TSan fiber and collection is disabled:
// TSan defers asynchronous signals, which would stall the collector's
// stop-the-world handshake with an M asleep in a futex. Under
// AddressSanitizer (asan.h) collection is disabled too: the collector's
// markers fault under ASan, for a reason not found yet (docs/testing.md).
#include "sched.h"

#include <algorithm>
#include <csignal>
#include <cstring>
#include <gc/gc_mark.h>
#include <ucontext.h>

#if MGO_TSAN
#include <sanitizer/tsan_interface.h>
#endif

namespace mgo::rt {
namespace {

struct sigaction old_suspend;
GC_push_other_roots_proc old_push_other_roots;
GC_start_callback_proc old_start_callback;

// The segment of g's stack in use that holds sp, if any. The newer segment
// kept for reuse counts: __morestack is still on it for a few instructions
// after __generic_releasestack made the older one current.
Stack *segment_of(G *g, uintptr_t sp) {
  if (!g)
    return nullptr;
  for (Stack *s = g->seg->next ? g->seg->next : g->seg; s; s = s->prev)
    if (sp >= s->lo && sp < s->hi)
      return s;
  return nullptr;
}

// Finds the stack segment sp is in (g0, the current G, or the G being
// switched from) and records it as the stack the thread was found on.
Stack *find_thread_stack(M *m, uintptr_t sp) {
  G *cands[3] = {m->curg, m->prevg, &m->g0};
  m->gc_stack_g = nullptr;
  m->gc_stack_seg = nullptr;
  for (G *g : cands) {
    if (Stack *s = segment_of(g, sp)) {
      m->gc_stack_g = g;
      m->gc_stack_seg = s;
      return s;
    }
  }
  return nullptr;
}

void set_stackbottom(M *m, uintptr_t hi) {
  GC_stack_base sb;
  sb.mem_base = reinterpret_cast<void *>(hi);
  GC_set_stackbottom(m->gc_handle, &sb);
}

// A stopped M's handler runs on the M's signal stack (SA_ONSTACK: a
// goroutine's stack may have less room than a signal frame takes), so the
// collector scans that signal stack as the thread's: it holds the
// interrupted registers. The interrupted stack is pushed by
// push_goroutines, from the interrupted sp.
void on_gc_suspend(int sig, siginfo_t *info, void *uctx) {
  M *m = getm();
  int here;
  auto at = reinterpret_cast<uintptr_t>(&here);
  bool on_sigstack = m && m->gc_handle && at >= m->sig_lo && at < m->sig_hi;
  if (on_sigstack) {
    auto *uc = static_cast<ucontext_t *>(uctx);
    uintptr_t sp = uintptr_t(uc->uc_mcontext.gregs[REG_RSP]);
    find_thread_stack(m, sp);
    m->gc_sp = sp;
    set_stackbottom(m, m->sig_hi);
  } else if (m && m->gc_handle) {
    if (Stack *s = find_thread_stack(m, at))
      set_stackbottom(m, s->hi);
  }
  if (old_suspend.sa_flags & SA_SIGINFO)
    old_suspend.sa_sigaction(sig, info, uctx);
  else
    old_suspend.sa_handler(sig);
  if (m)
    m->gc_sp = 0;
}

// The collecting thread scans its own stack: the segment it runs on.
void on_gc_start() {
  M *m = getm();
  if (m && m->gc_handle) {
    int here;
    m->gc_sp = 0;
    if (Stack *s = find_thread_stack(m, reinterpret_cast<uintptr_t>(&here)))
      set_stackbottom(m, s->hi);
  }
  if (old_start_callback)
    old_start_callback();
}

// The M whose thread was found on g's stack, if any.
M *thread_on(G *g) {
  for (M *m = sched.allm.load(std::memory_order_acquire); m; m = m->alllink)
    if (m->gc_stack_g == g)
      return m;
  return nullptr;
}

bool mid_switch(G *g) {
  for (M *m = sched.allm.load(std::memory_order_acquire); m; m = m->alllink)
    if (m->prevg == g || (m->prevg && m->curg == g))
      return true;
  return false;
}

// __morestack's frame and saved registers lie just below where a segment
// was entered from (old_sp).
constexpr uintptr_t kMorestackFrame = 128;
// Leaf functions may use this much below sp without moving it.
constexpr uintptr_t kRedZone = 128;

void push_range(uintptr_t lo, uintptr_t hi) {
  GC_push_all_eager(reinterpret_cast<void *>(lo), reinterpret_cast<void *>(hi));
}

// Where the live part of g's newest segment s starts, and whether the
// collector scans that segment itself (the collecting thread's own stack).
uintptr_t live_from(G *g, Stack *s, M *m, bool *scanned) {
  *scanned = m && m->gc_sp == 0;
  uintptr_t bottom = stack_bottom(s);
  if (m && m->gc_sp)
    return std::max(bottom, m->gc_sp - kRedZone);
  if (mid_switch(g))
    return bottom;
  uintptr_t sp = g->syssp ? g->syssp : reinterpret_cast<uintptr_t>(g->ctx);
  return sp >= bottom && sp < s->hi ? sp : bottom;
}

// Pushes the live part of each segment of g's stack in use: the newest from
// where its sp is known to be (the interrupted sp of a stopped thread, the
// sp it left its stack at for the system stack, its saved context; all of
// it while mid-switch), each older one from where the next was entered. A
// segment the collecting thread's scan covers is left to it, and the ones
// newer than it (only while __morestack is between them) hold nothing live
// yet.
void push_stack(G *g) {
  if (!g->stack.hi)
    return; // not started: no stack yet
  M *m = thread_on(g);
  Stack *s = m ? m->gc_stack_seg : g->seg;
  bool scanned;
  uintptr_t lo = live_from(g, s, m, &scanned);
  for (; s; s = s->prev) {
    if (!scanned)
      push_range(lo, s->hi);
    scanned = false;
    if (s->prev)
      lo = std::max(stack_bottom(s->prev), s->old_sp - kMorestackFrame);
  }
}

// Runs with the world stopped, before the threads' stacks are pushed.
void push_goroutines() {
  for (M *m = sched.allm.load(std::memory_order_acquire); m; m = m->alllink)
    if (m->gc_sp && m->gc_stack_g == &m->g0)
      push_range(std::max(m->g0.stack.lo, m->gc_sp - kRedZone), m->g0.stack.hi);
  size_t n = allg_count();
  int64_t now = nanotime();
  for (size_t i = 0; i < n; i++) {
    G *g = allg_at(i);
    uint32_t status = g->status.load(std::memory_order_relaxed);
    if (status == Gdead)
      continue;
    // When a collection first found it parked, for tracebacks (Go's
    // markroot stamps waitsince so).
    if (status == Gwaiting && !g->waitsince.load(std::memory_order_relaxed))
      g->waitsince.store(now, std::memory_order_relaxed);
    GC_push_all_eager(&g->arg, &g->arg + 1);
    push_stack(g);
  }
  if (old_push_other_roots)
    old_push_other_roots();
}

} // namespace

void gc_init_hooks() {
#if MGO_TSAN || MGO_ASAN
  GC_disable();
#endif
  GC_start_callback_proc start = GC_get_start_callback();
  if (start != on_gc_start) {
    old_start_callback = start;
    GC_set_start_callback(on_gc_start);
  }
  old_push_other_roots = GC_get_push_other_roots();
  GC_set_push_other_roots(push_goroutines);
  struct sigaction sa;
  sigaction(GC_get_suspend_signal(), nullptr, &old_suspend);
  sa = old_suspend;
  sa.sa_flags |= SA_SIGINFO | SA_ONSTACK;
  sa.sa_sigaction = on_gc_suspend;
  sigaction(GC_get_suspend_signal(), &sa, nullptr);
  // A restart signal normally arrives in the stop handler's sigsuspend, but
  // a resent one may not: it must not land on a goroutine's stack either.
  sigaction(GC_get_thr_restart_signal(), nullptr, &sa);
  sa.sa_flags |= SA_ONSTACK;
  sigaction(GC_get_thr_restart_signal(), &sa, nullptr);
}

void gc_register_m(M *m) {
  GC_stack_base sb;
  m->gc_handle = GC_get_my_stackbottom(&sb);
}

void tsan_init_g(G *g) {
#if MGO_TSAN
  // Under -race a goroutine's fiber is its own, not its G's (race.cpp).
  if (g->is_g0)
    g->tsan_fiber = __tsan_get_current_fiber();
  else if (!MGO_RACE)
    g->tsan_fiber = __tsan_create_fiber(0);
#else
  (void)g;
#endif
}

} // namespace mgo::rt
