// runtime.GC and runtime.ReadMemStats over the Boehm collector.
//
// Boehm counts bytes, not objects, so the runtime counts allocations itself
// (one counter per thread, bumped without a locked instruction) and derives
// the rest under the allocation lock: the objects and bytes still allocated
// are those the last collection marked plus those allocated since, which is
// Go's HeapAlloc/HeapObjects ("reachable, or unreachable and not yet freed").
// Pause times come from the collector's stop/start-world events.
#define GC_THREADS
#include <gc.h>
#include <gc/gc_mark.h>

#include "alloc.h"
#include "sched.h"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <ctime>

namespace {

// Must match the stat* constants of stdlib/runtime/mstats.go.
enum Stat {
  TotalAlloc,
  Sys,
  Mallocs,
  Frees,
  HeapAlloc,
  HeapSys,
  HeapIdle,
  HeapInuse,
  HeapReleased,
  HeapObjects,
  OtherSys,
  LastGC,
  PauseTotalNs,
  NumGC,
  NumForcedGC,
};

constexpr unsigned kPauseRing = 256;

// A thread's allocation count; never freed, so the sum may read it after its
// thread is gone.
struct MallocCount {
  std::atomic<uint64_t> n{0};
  MallocCount *next = nullptr;
};

std::atomic<MallocCount *> all_counts{nullptr};
thread_local MallocCount *my_count [[gnu::tls_model("initial-exec")]] = nullptr;

std::atomic<uint64_t> forced_gcs{0};

// Written by the collection event callback, which runs under the allocation
// lock; read under it.
uint64_t mallocs_at_gc = 0;
uint64_t pause_start = 0;
uint64_t pause_total = 0;
uint64_t last_gc = 0;
uint64_t npauses = 0;
uint64_t pause_ns[kPauseRing];
uint64_t pause_end[kPauseRing];

MallocCount *register_count() {
  auto *c = new MallocCount;
  c->next = all_counts.load(std::memory_order_relaxed);
  while (!all_counts.compare_exchange_weak(c->next, c))
    ;
  my_count = c;
  return c;
}

uint64_t total_mallocs() {
  uint64_t n = 0;
  for (MallocCount *c = all_counts.load(); c; c = c->next)
    n += c->n.load(std::memory_order_relaxed);
  return n;
}

uint64_t clock_ns(clockid_t clock) {
  timespec ts;
  clock_gettime(clock, &ts);
  return uint64_t(ts.tv_sec) * 1000000000 + uint64_t(ts.tv_nsec);
}

void on_collection_event(GC_EventType e) {
  switch (e) {
  case GC_EVENT_PRE_STOP_WORLD:
    pause_start = clock_ns(CLOCK_MONOTONIC);
    break;
  case GC_EVENT_POST_STOP_WORLD:
    // The world is stopped: no thread is between an allocation and its count.
    mallocs_at_gc = total_mallocs();
    break;
  case GC_EVENT_POST_START_WORLD: {
    uint64_t pause = clock_ns(CLOCK_MONOTONIC) - pause_start;
    last_gc = clock_ns(CLOCK_REALTIME);
    pause_total += pause;
    pause_ns[npauses % kPauseRing] = pause;
    pause_end[npauses % kPauseRing] = last_gc;
    npauses++;
    break;
  }
  default:
    break;
  }
}

struct Live {
  uint64_t objects = 0;
  uint64_t bytes = 0;
};

void count_marked(void *, size_t bytes, void *live) {
  static_cast<Live *>(live)->objects++;
  static_cast<Live *>(live)->bytes += bytes;
}

struct Snapshot {
  uint64_t *stats;
  uint64_t *pause_ns;
  uint64_t *pause_end;
};

// Runs under the allocation lock, so no collection moves the mark bits.
void *fill_stats(void *arg) {
  auto *out = static_cast<Snapshot *>(arg);
  uint64_t *s = out->stats;
  GC_prof_stats_s ps;
  GC_get_prof_stats_unsafe(&ps, sizeof ps);
  Live live;
  GC_enumerate_reachable_objects_inner(count_marked, &live);
  uint64_t mallocs = total_mallocs();
  // The runtime's own few objects (channels, timers) are marked but were not
  // counted as allocations: Mallocs bounds the count so Frees stays >= 0.
  uint64_t objects =
      std::min(live.objects + (mallocs - mallocs_at_gc), mallocs);
  s[Sys] = ps.obtained_from_os_bytes;
  s[Mallocs] = mallocs;
  s[Frees] = mallocs - objects;
  s[HeapAlloc] = live.bytes + ps.bytes_allocd_since_gc;
  // Likewise a few of the collector's own marked objects were never counted
  // as allocated bytes (a static binary has a 1,344-byte one more than a
  // dynamic one): TotalAlloc stays >= HeapAlloc, as in Go.
  s[TotalAlloc] = std::max(ps.allocd_bytes_before_gc + ps.bytes_allocd_since_gc,
                           s[HeapAlloc]);
  s[HeapSys] = ps.heapsize_full;
  s[HeapIdle] = ps.free_bytes_full;
  s[HeapInuse] = ps.heapsize_full - ps.free_bytes_full;
  s[HeapReleased] = ps.unmapped_bytes;
  s[HeapObjects] = objects;
  s[OtherSys] = ps.obtained_from_os_bytes > ps.heapsize_full
                    ? ps.obtained_from_os_bytes - ps.heapsize_full
                    : 0;
  s[LastGC] = last_gc;
  s[PauseTotalNs] = pause_total;
  s[NumGC] = npauses;
  s[NumForcedGC] = forced_gcs.load(std::memory_order_relaxed);
  for (unsigned i = 0; i < kPauseRing; i++) {
    out->pause_ns[i] = pause_ns[i];
    out->pause_end[i] = pause_end[i];
  }
  return nullptr;
}

} // namespace

void mgo::count_malloc() {
  MallocCount *c = my_count;
  if (!c)
    c = register_count();
  c->n.store(c->n.load(std::memory_order_relaxed) + 1,
             std::memory_order_relaxed);
}

void mgo::mstats_init() { GC_set_on_collection_event(on_collection_event); }

namespace {

// Half the room systemstack runs us with.
constexpr size_t kStaleStackBytes = mgo::rt::kSystemStackRoom / 2;

// The collector scans this thread's stack conservatively from its own
// deepest frame, and slots those frames leave uninitialised still hold what
// earlier deep calls (an allocation that collected, say) left there: a
// pointer into a structure the program has since dropped keeps it alive.
// Zeroing below sp first, as Boehm's GC_clear_stack does after allocations,
// lets runtime.GC free what is unreachable.
__attribute__((noinline)) void clear_stale_stack() {
  char stale[kStaleStackBytes];
  memset(stale, 0, sizeof stale);
  asm volatile("" : : "r"(stale) : "memory");
}

} // namespace

// runtime.GC, or debug.FreeOSMemory with collect = GC_gcollect_and_unmap.
static void forced_gc(void (*collect)()) {
  forced_gcs.fetch_add(1, std::memory_order_relaxed);
  mgo::rt::systemstack([collect] {
    clear_stale_stack();
    collect();
  });
  mgo::start_due_finalizers();
}

extern "C" void mgo_runtime_gc(void) { forced_gc(GC_gcollect); }

extern "C" void mgo_runtime_debug_FreeOSMemory(void) {
  forced_gc(GC_gcollect_and_unmap);
}

extern "C" void mgo_runtime_readMemStats(uint64_t *stats, uint64_t *pause_ns,
                                         uint64_t *pause_end) {
  Snapshot out{stats, pause_ns, pause_end};
  GC_call_with_alloc_lock(fill_stats, &out);
}
