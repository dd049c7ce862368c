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
// stop-the-world handshake with an M asleep in a futex.
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

// Points the collector's idea of this thread's stack at the stack segment sp
// is in.
void fix_stackbottom(M *m, uintptr_t sp) {
  G *cands[3] = {m->curg, m->prevg, &m->g0};
  m->gc_stack_g = nullptr;
  m->gc_stack_seg = nullptr;
  for (G *g : cands) {
    if (Stack *s = segment_of(g, sp)) {
      GC_stack_base sb;
      sb.mem_base = reinterpret_cast<void *>(s->hi);
      GC_set_stackbottom(m->gc_handle, &sb);
      m->gc_stack_g = g;
      m->gc_stack_seg = s;
      return;
    }
  }
}

void on_gc_suspend(int sig, siginfo_t *info, void *uctx) {
  M *m = getm();
  if (m && m->gc_handle) {
    auto *uc = static_cast<ucontext_t *>(uctx);
    fix_stackbottom(m, uintptr_t(uc->uc_mcontext.gregs[REG_RSP]));
  }
  if (old_suspend.sa_flags & SA_SIGINFO)
    old_suspend.sa_sigaction(sig, info, uctx);
  else
    old_suspend.sa_handler(sig);
}

void on_gc_start() {
  M *m = getm();
  if (m && m->gc_handle) {
    int here;
    fix_stackbottom(m, reinterpret_cast<uintptr_t>(&here));
  }
  if (old_start_callback)
    old_start_callback();
}

// The segment of g a thread's own stack scan covers, if any.
Stack *scanned_by_thread(G *g) {
  for (M *m = sched.allm.load(std::memory_order_acquire); m; m = m->alllink)
    if (m->gc_stack_g == g)
      return m->gc_stack_seg;
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

// Pushes the live part of each segment of g's stack in use: the newest from
// the saved sp (all of it while mid-switch), each older one from where the
// next was entered. A segment a thread's scan covers is left to it, and the
// ones newer than it (only while __morestack is between them) hold nothing
// live yet.
void push_stack(G *g) {
  Stack *scanned = scanned_by_thread(g);
  Stack *s = scanned ? scanned : g->seg;
  uintptr_t lo = s->lo;
  uintptr_t sp = reinterpret_cast<uintptr_t>(g->ctx);
  if (!scanned && !mid_switch(g) && sp >= s->lo && sp < s->hi)
    lo = sp;
  for (; s; s = s->prev) {
    if (s != scanned)
      GC_push_all_eager(reinterpret_cast<void *>(lo),
                        reinterpret_cast<void *>(s->hi));
    if (s->prev)
      lo = std::max(s->prev->lo, s->old_sp - kMorestackFrame);
  }
}

// Runs with the world stopped, before the threads' stacks are pushed.
void push_goroutines() {
  size_t n = allg_count();
  for (size_t i = 0; i < n; i++) {
    G *g = allg_at(i);
    if (g->status.load(std::memory_order_relaxed) == Gdead)
      continue;
    GC_push_all_eager(&g->arg, &g->arg + 1);
    push_stack(g);
  }
  if (old_push_other_roots)
    old_push_other_roots();
}

} // namespace

void gc_init_hooks() {
#if MGO_TSAN
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
  sa.sa_flags |= SA_SIGINFO;
  sa.sa_sigaction = on_gc_suspend;
  sigaction(GC_get_suspend_signal(), &sa, nullptr);
}

void gc_register_m(M *m) {
  GC_stack_base sb;
  m->gc_handle = GC_get_my_stackbottom(&sb);
}

void tsan_init_g(G *g) {
#if MGO_TSAN
  g->tsan_fiber =
      g->is_g0 ? __tsan_get_current_fiber() : __tsan_create_fiber(0);
#else
  (void)g;
#endif
}

} // namespace mgo::rt
