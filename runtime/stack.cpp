// Goroutine stack memory: initial segments, taken when a goroutine first
// runs, given back when it exits, never unmapped; the mappings of growth
// segments (morestack.cpp); and the guard mode that checks them.
//
// A goroutine that was created but has not run yet has no stack: most of
// the goroutines alive at any time in a program that spawns faster than it
// runs are such (skynet at its peak: ~85 % of ~80,000), and a stack costs a
// resident page from its first run on. Exited goroutines' segments go to a
// per-P free list, newest first, so the next goroutine to start reuses the
// pages just left (resident, in cache); kSfreeLocalMax bounds what a P
// keeps, the rest go to a global list. A segment is given back only once the
// switch away from its dead G has completed (PostSwitch::Exit).
//
// Initial segments are carved out of batches mapped kStackBatch at a time (a
// fresh mapping costs ~5 us and its first touch a page fault each, so the
// hot path never maps). A free segment's top word links it into its free
// list; nothing else in it is live.
//
// No segment has a guard page: one per stack would split the mapping, and a
// million stacks would pass the kernel's limit of 65530 mappings per process.
// Compiled code cannot overflow (its prologue checks the limit and grows the
// stack, morestack.cpp); the runtime's C++ code runs within kStackReserve.
//
// That last point is what the guard mode checks, since an overflow there
// writes into the neighbouring goroutine's segment without a trace.
// MGO_STACK_GUARD=1 (read once, before main) gives every segment its own
// mapping directly above kGuardSize bytes of PROT_NONE, so that any write
// below a segment faults at once, with a report naming the goroutine and
// the call chain (stack_guard_fault, from the SIGSEGV handler).
// MGO_STACK_GUARD=N (N > 1) also moves the guard up into the reserve, so
// that only N bytes of it stay usable: the segment's bottom lies inside the
// PROT_NONE pages. That proves the runtime fits a smaller reserve before
// the reserve is made smaller. MGO_STACK_GUARD=N,R also leaves compiled
// code only R bytes above the limit of an initial segment, so that runtime
// calls happen as close to the limit as they would on small segments (a
// 2 KiB segment with a 1 KiB reserve: 1024,1024). Every segment takes two
// of the process's mappings, so guarded programs stay under ~30,000
// goroutines.
#include "sched.h"

#include "mgo/sched.h"
#include "race.h"

#include <cerrno>
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <dlfcn.h>
#include <execinfo.h>
#include <sys/mman.h>
#include <unistd.h>

namespace mgo::rt {
namespace {

constexpr size_t kStackBatch = 256;
constexpr int32_t kSfreeLocalMax = 64;
constexpr size_t kPage = 4096;
// Below the usable part of a guarded segment: deeper than any frame the
// runtime has, GC_clear_stack's 16 KiB included, so no write skips it.
constexpr size_t kGuardSize = 64 * 1024;

struct GuardMode {
  size_t shift = 0; // bytes of a segment's bottom inside its guard
  size_t guard = 0; // bytes of PROT_NONE below the usable part; 0: off
  size_t room = 0;  // initial segments' room above the limit; 0: all
};

GuardMode guard_from_env() {
  const char *env = getenv("MGO_STACK_GUARD");
  char *end = nullptr;
  long long v = env ? strtoll(env, &end, 10) : 0;
  if (v <= 0)
    return {};
  GuardMode g;
  if (v > 1 && size_t(v) < kStackReserve)
    g.shift = (kStackReserve - size_t(v)) & ~size_t(15);
  g.guard = ((g.shift + kPage - 1) & ~(kPage - 1)) + kGuardSize;
  long long room = *end == ',' ? atoll(end + 1) : 0;
  if (room > 0 && size_t(room) < kStackSize - kStackReserve)
    g.room = size_t(room) & ~size_t(15);
  return g;
}

const GuardMode guard_mode = guard_from_env();

Lock stack_lock;
// The unused part of the newest batch (under stack_lock).
uintptr_t next_slot = 0;
uintptr_t batch_end = 0;
size_t nmade = 0;
// Free segments beyond the per-P lists (under stack_lock).
uintptr_t global_free = 0;

// The link of the free segment whose memory starts at lo.
uintptr_t &link(uintptr_t lo) {
  return *reinterpret_cast<uintptr_t *>(lo + kStackSize - sizeof(uintptr_t));
}

void new_batch() {
  size_t n = guard_mode.guard ? 1 : kStackBatch;
  size_t size = (n * kStackSize + kPage - 1) & ~(kPage - 1);
  next_slot = stack_map(size);
  if (!next_slot)
    fatal("out of memory allocating goroutine stacks");
  batch_end = next_slot + n * kStackSize;
}

// Moves half a list's worth of the global free segments to p's list, or
// carves one new segment there when there are none.
void refill(P *p) {
  lock(&stack_lock);
  while (p->sfreecnt < kSfreeLocalMax / 2 && global_free) {
    uintptr_t x = global_free;
    global_free = link(x);
    link(x) = p->sfree;
    p->sfree = x;
    p->sfreecnt++;
  }
  if (!p->sfree) {
    if (next_slot == batch_end)
      new_batch();
    p->sfree = next_slot;
    link(next_slot) = 0;
    p->sfreecnt = 1;
    next_slot += kStackSize;
    nmade++;
  }
  unlock(&stack_lock);
}

// Whether addr is in the guard below one of g's segments.
const Stack *guarded_segment(const G *g, uintptr_t addr) {
  if (!g || g->is_g0)
    return nullptr;
  for (const Stack *s = g->seg->next ? g->seg->next : g->seg; s; s = s->prev)
    if (addr < s->lo + guard_mode.shift &&
        addr >= s->lo + guard_mode.shift - guard_mode.guard)
      return s;
  return nullptr;
}

} // namespace

const size_t stack_guard_shift = guard_mode.shift;

uintptr_t stack_map(size_t size) {
  size_t guard = guard_mode.guard;
  void *mem = mmap(nullptr, guard + size, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (mem == MAP_FAILED)
    return 0;
  auto base = reinterpret_cast<uintptr_t>(mem);
  if (guard && mprotect(mem, guard, PROT_NONE) != 0) {
    munmap(mem, guard + size);
    fatal("MGO_STACK_GUARD: cannot protect a stack guard (each guarded "
          "segment takes two of vm.max_map_count's mappings)");
  }
  return base + guard - guard_mode.shift;
}

void stack_unmap(uintptr_t lo, size_t size) {
  asan_unpoison_stack(lo, size);
  uintptr_t base = lo + guard_mode.shift - guard_mode.guard;
  munmap(reinterpret_cast<void *>(base), guard_mode.guard + size);
}

Stack stackalloc(P *p) {
  if (!p->sfree)
    refill(p);
  uintptr_t lo = p->sfree;
  p->sfree = link(lo);
  p->sfreecnt--;
  size_t size = guard_mode.room ? kStackReserve + guard_mode.room : kStackSize;
  return Stack{lo, lo + size};
}

void stackfree(P *p, G *g) {
  stack_reset(g);
  uintptr_t lo = g->stack.lo;
  asan_unpoison_stack(lo, g->stack.hi - lo);
#if MGO_RACE
  race_stack_free(lo, g->stack.hi);
#endif
  g->stack = Stack{};
  g->stackguard = 0;
  link(lo) = p->sfree;
  p->sfree = lo;
  if (++p->sfreecnt < kSfreeLocalMax)
    return;
  lock(&stack_lock);
  while (p->sfreecnt > kSfreeLocalMax / 2) {
    uintptr_t x = p->sfree;
    p->sfree = link(x);
    p->sfreecnt--;
    link(x) = global_free;
    global_free = x;
  }
  unlock(&stack_lock);
}

void stack_guard_fault(uintptr_t addr, uintptr_t pc, uintptr_t sp) {
  if (!guard_mode.guard)
    return;
  M *m = getm();
  const G *g = m ? m->curg : nullptr;
  const Stack *s = guarded_segment(g, addr);
  if (!s && m) {
    g = m->prevg;
    s = guarded_segment(g, addr);
  }
  if (!s)
    return;
  fprintf(stderr,
          "fatal error: stack guard hit (MGO_STACK_GUARD): a write %" PRIuPTR
          " bytes below goroutine %" PRId64 "'s segment limit (%zu bytes "
          "usable below it)\n"
          "runtime: addr=%#" PRIxPTR " pc=%#" PRIxPTR " sp=%#" PRIxPTR
          " segment=[%#" PRIxPTR ", %#" PRIxPTR ") %s\n",
          stack_limit(s) - addr, g->goid, kStackReserve - guard_mode.shift,
          addr, pc, sp, s->lo, s->hi,
          s == &g->stack ? "(initial)" : "(growth)");
  // From the faulting frame up: module+offset for addr2line (in a static
  // program dladdr knows no module: the program and its own addresses),
  // and the dynamic symbol when there is one; a recursion's repeats are
  // counted.
  void *frames[64];
  int n = backtrace(frames, 64);
  int i = 0;
  while (i < n && reinterpret_cast<uintptr_t>(frames[i]) != pc)
    i++;
  for (i = i == n ? 0 : i; i < n;) {
    int same = 1;
    while (i + same < n && frames[i + same] == frames[i])
      same++;
    Dl_info info{};
    dladdr(frames[i], &info);
    auto at = reinterpret_cast<uintptr_t>(frames[i]);
    auto base = reinterpret_cast<uintptr_t>(info.dli_fbase);
    fprintf(stderr, "\t%#" PRIxPTR " %s+%#" PRIxPTR " %s", at,
            info.dli_fname ? info.dli_fname : program_invocation_name,
            at - base, info.dli_sname ? info.dli_sname : "");
    if (same > 1)
      fprintf(stderr, " (%d times)", same);
    fputc('\n', stderr);
    i += same;
  }
  fflush(stderr);
  _exit(2);
}

} // namespace mgo::rt

size_t mgo::stack_segments_made() {
  using namespace mgo::rt;
  lock(&stack_lock);
  size_t n = nmade;
  unlock(&stack_lock);
  return n;
}
