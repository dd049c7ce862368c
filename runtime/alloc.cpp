// Memory: every object compiled code or the runtime creates comes from the
// Boehm collector. Memory is always zeroed, as Go's zero values require.
// Objects that hold no pointers are allocated atomic so the collector neither
// scans them nor mistakes their bytes for references.
//
// The collector runs with all interior pointers recognised, and so adds one
// byte to every request: a pointer one past an object's end then still points
// into it and keeps it alive. The exact entry points ask for size - 1 bytes,
// which yields a block of at least size bytes with no byte for such a pointer;
// codegen calls them only for objects no pointer can point one past the end
// of (docs/runtime.md, Memory). The collector clears whole blocks, so the
// last byte is zero as well. Scanned exact objects cannot be NORMAL ones: the
// collector does not scan a NORMAL object's last word, which it takes to hold
// the added byte (a 16-byte node's second pointer). They are a kind of their
// own, scanned whole, allocated from per-thread free lists as Boehm's own
// thread-local allocation does for NORMAL objects (which it does not do for
// other kinds).
#define GC_THREADS
#include <gc.h>
#include <gc/gc_inline.h>
#include <gc/gc_mark.h>
#include <unistd.h>

#include "alloc.h"
#include "sched.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace {

constexpr uint16_t kClassToSize[] = {
    0,     8,     16,    24,    32,    48,    64,    80,    96,    112,
    128,   144,   160,   176,   192,   208,   224,   240,   256,   288,
    320,   352,   384,   416,   448,   480,   512,   576,   640,   704,
    768,   896,   1024,  1152,  1280,  1408,  1536,  1792,  2048,  2304,
    2688,  3072,  3200,  3456,  4096,  4864,  5376,  6144,  6528,  6784,
    6912,  8192,  9472,  9728,  10240, 10880, 12288, 13568, 14336, 16384,
    18432, 19072, 20480, 21760, 24576, 27264, 28672, 32768};

constexpr uint64_t kMaxSmallSize = 32768;
constexpr uint64_t kPageSize = 8192;
constexpr uint64_t kGranule = 8;

// Rounded size for every multiple of 8 below kMaxSmallSize: Go's two-level
// size_to_class tables collapse to "smallest class that fits".
constexpr auto kRoundedSize = [] {
  std::array<uint16_t, kMaxSmallSize / kGranule> table{};
  size_t cls = 0;
  for (size_t i = 0; i < table.size(); i++) {
    while (kClassToSize[cls] < i * kGranule)
      cls++;
    table[i] = kClassToSize[cls];
  }
  return table;
}();

} // namespace

uint64_t mgo::roundupsize(uint64_t size) {
  if (size < kMaxSmallSize)
    return kRoundedSize[(size + kGranule - 1) / kGranule];
  if (size + kPageSize < size)
    return size;
  return (size + kPageSize - 1) & ~(kPageSize - 1);
}

void *mgo::zero_base() {
  alignas(16) static char base[16];
  return base;
}

// GOGC: how far the heap grows between collections. Go collects after
// allocating GOGC% of the live heap; Boehm after about scanned-heap/divisor
// bytes, and its default divisor (3) is taken as GOGC=100, so the divisor is
// 300/GOGC (at least 1, the longest wait it allows; GOGC=0 is 300).
// A negative percentage turns automatic collection off, as in Go:
// runtime.GC still collects.
static std::atomic<mgo_int> gc_percent{100};

static void set_gc_percent(mgo_int percent) {
  gc_percent.store(percent < 0 ? -1 : percent, std::memory_order_relaxed);
  GC_set_disable_automatic_collection(percent < 0);
  if (percent < 0)
    return;
  mgo_int divisor = percent == 0 ? 300 : std::max<mgo_int>(1, 300 / percent);
  GC_set_free_space_divisor(GC_word(divisor));
}

// An unset or malformed GOGC leaves Boehm's defaults (Go's 100).
static void apply_gogc() {
  const char *env = std::getenv("GOGC");
  if (!env || !*env)
    return;
  if (std::strcmp(env, "off") == 0) {
    set_gc_percent(-1);
    return;
  }
  char *end;
  long percent = std::strtol(env, &end, 10);
  if (*end == '\0')
    set_gc_percent(percent);
}

extern "C" mgo_int mgo_runtime_debug_SetGCPercent(mgo_int percent) {
  mgo_int old = gc_percent.load(std::memory_order_relaxed);
  set_gc_percent(percent);
  return old;
}

namespace {

int exact_kind;

// Free lists for the sizes codegen allocates exact (at most 128 bytes),
// indexed by size in granules.
constexpr size_t kExactLists = 128 / GC_GRANULE_BYTES + 1;

// The calling thread's free lists of exact_kind objects, each linked through
// the objects' first word. The array is uncollectable, so the collector
// traces it: the objects waiting there stay allocated.
thread_local void **exact_free_lists;

// Runs on the system stack: GC_generic_malloc_many may collect.
void refill_exact(size_t granules) {
  if (!exact_free_lists) {
    exact_free_lists = static_cast<void **>(
        GC_MALLOC_UNCOLLECTABLE(kExactLists * sizeof(void *)));
    if (!exact_free_lists)
      return;
  }
  // The whole object size: GC_generic_malloc_many takes a multiple of the
  // granule and adds no byte.
  GC_generic_malloc_many(granules * GC_GRANULE_BYTES, exact_kind,
                         &exact_free_lists[granules]);
}

// Taking an object off the list is a few instructions on the goroutine's own
// stack; only refills (a block's worth at a time) switch stacks. A collection
// that stops this thread meanwhile finds the object through the list or in a
// register.
void *malloc_exact(size_t size) {
  size_t granules = (size + GC_GRANULE_BYTES - 1) / GC_GRANULE_BYTES;
  if (granules >= kExactLists) {
    void *p;
    mgo::rt::systemstack([&] { p = GC_malloc_kind(size - 1, exact_kind); });
    mgo::start_due_finalizers();
    return p;
  }
  void **lists = exact_free_lists;
  void *p = lists ? lists[granules] : nullptr;
  if (!p) {
    mgo::rt::systemstack([&] { refill_exact(granules); });
    mgo::start_due_finalizers();
    lists = exact_free_lists;
    p = lists ? lists[granules] : nullptr;
    if (!p)
      return nullptr;
  }
  lists[granules] = *static_cast<void **>(p);
  *static_cast<void **>(p) = nullptr;
  return p;
}

} // namespace

void mgo::gc_init() {
  GC_INIT();
  // Go prints nothing about its heap until it fails; the collector's
  // warnings (a large block allocated repeatedly, a heap section it could not
  // add) would reach the program's stderr between its own lines.
  GC_set_warn_proc(GC_ignore_warn_proc);
  exact_kind = int(GC_new_kind(GC_new_free_list(), GC_DS_LENGTH, 1, 1));
  apply_gogc();
  mstats_init();
  finalizer_init();
}

// Go cannot recover from exhausting memory either.
static void *checked(void *p) {
  if (p == nullptr) {
    std::fputs("fatal error: runtime: out of memory\n", stderr);
    _exit(2);
  }
  return p;
}

extern "C" mgo_ptr mgo_alloc(mgo_int size) {
  mgo::count_malloc();
  void *p = checked(mgo::rt::gc_malloc(size));
  mgo::start_due_finalizers();
  return p;
}

// Pointer-free memory is not cleared by the collector: size bytes of a block
// asked for as `request` bytes.
static void *zeroed_noscan(mgo_int size, mgo_int request) {
  mgo::count_malloc();
  void *p = checked(mgo::rt::gc_malloc_atomic(request));
  std::memset(p, 0, size);
  mgo::start_due_finalizers();
  return p;
}

extern "C" mgo_ptr mgo_alloc_noscan(mgo_int size) {
  return zeroed_noscan(size, size);
}

extern "C" mgo_ptr mgo_alloc_exact(mgo_int size) {
  mgo::count_malloc();
  return checked(malloc_exact(size_t(size)));
}

extern "C" mgo_ptr mgo_alloc_exact_noscan(mgo_int size) {
  return zeroed_noscan(size, size - 1);
}
