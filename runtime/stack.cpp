// Goroutine stack memory: initial segments, never unmapped, the mappings of
// growth segments (morestack.cpp), and the guard mode that checks them.
//
// Initial segments are carved out of batches mapped kStackBatch at a time (a
// fresh mapping costs ~5 us and its first touch a page fault each, so the
// hot path never maps). A segment belongs to a G for the G's whole life and
// is reused with it through the dead-G free lists (sched.cpp), so none is
// freed, and none is reused before the switch away from it has completed.
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
// the reserve is made smaller. Every segment then takes two of the
// process's mappings, so guarded programs stay under ~30,000 goroutines.
#include "sched.h"

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
constexpr size_t kPage = 4096;
// Below the usable part of a guarded segment: deeper than any frame the
// runtime has, GC_clear_stack's 16 KiB included, so no write skips it.
constexpr size_t kGuardSize = 64 * 1024;

struct GuardMode {
  size_t shift = 0; // bytes of a segment's bottom inside its guard
  size_t guard = 0; // bytes of PROT_NONE below the usable part; 0: off
};

GuardMode guard_from_env() {
  const char *env = getenv("MGO_STACK_GUARD");
  long long v = env ? atoll(env) : 0;
  if (v <= 0)
    return {};
  GuardMode g;
  if (v > 1 && size_t(v) < kStackReserve)
    g.shift = (kStackReserve - size_t(v)) & ~size_t(15);
  g.guard = ((g.shift + kPage - 1) & ~(kPage - 1)) + kGuardSize;
  return g;
}

const GuardMode guard_mode = guard_from_env();

Lock batch_lock;
// The unused part of the newest batch (under batch_lock).
uintptr_t next_slot = 0;
uintptr_t batch_end = 0;

void new_batch() {
  size_t n = guard_mode.guard ? 1 : kStackBatch;
  size_t size = (n * kStackSize + kPage - 1) & ~(kPage - 1);
  next_slot = stack_map(size);
  if (!next_slot)
    fatal("out of memory allocating goroutine stacks");
  batch_end = next_slot + n * kStackSize;
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
  uintptr_t base = lo + guard_mode.shift - guard_mode.guard;
  munmap(reinterpret_cast<void *>(base), guard_mode.guard + size);
}

Stack stackalloc() {
  lock(&batch_lock);
  if (next_slot == batch_end)
    new_batch();
  uintptr_t slot = next_slot;
  next_slot += kStackSize;
  unlock(&batch_lock);
  return Stack{slot, slot + kStackSize};
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
  // From the faulting frame up: module+offset for addr2line, and the
  // dynamic symbol when there is one; a recursion's repeats are counted.
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
            info.dli_fname ? info.dli_fname : "?", at - base,
            info.dli_sname ? info.dli_sname : "");
    if (same > 1)
      fprintf(stderr, " (%d times)", same);
    fputc('\n', stderr);
    i += same;
  }
  fflush(stderr);
  _exit(2);
}

} // namespace mgo::rt
