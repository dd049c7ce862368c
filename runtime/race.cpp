// The race detector's runtime side (mgoc build -race; docs/runtime.md, Race
// detector): goroutines as ThreadSanitizer fibers, and TSan's reports
// printed in gc's format.
//
// Invariants:
// - Every goroutine has a fiber of its own from its go statement to its
//   exit (a recycled G gets a new one), named "g<goid>" so that a report's
//   threads map back to goroutines. Creating the fiber is the go
//   statement's happens-before edge (TSan orders a thread's creation before
//   its start).
// - A stack segment's shadow is cleared before the segment is reused, so a
//   goroutine's frames never race with a dead goroutine's.
// - TSan prints nothing: __tsan::OnReport (weak in TSan's runtime) prints
//   each data race as gc's race detector does and suppresses TSan's text;
//   mgo_exit then prints "Found N data race(s)" and exits with status 66
//   (GORACE=halt_on_error=1: at once after the first report).
#include "race.h"

#if MGO_RACE

#include "panic.h"
#include "sched.h"
#include "symtab.h"

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

// Exported by TSan's runtime, for instrumented code and the ignore
// annotations, but not declared in sanitizer/tsan_interface.h.
extern "C" {
void __tsan_func_entry(void *call_pc);
void __tsan_func_exit();
void __tsan_ignore_thread_begin();
void __tsan_ignore_thread_end();
}

namespace __tsan {
struct ReportDesc;
bool OnReport(const ReportDesc *rep, bool suppressed);
} // namespace __tsan

namespace mgo::rt {
namespace {

std::atomic<int> races{0};

// A report is written while TSan holds its report lock: into a fixed
// buffer, through the write system call, without the allocator.
struct Out {
  char buf[16384];
  size_t n = 0;
  void put(const char *s, size_t len) {
    if (n + len > sizeof buf)
      flush();
    if (len > sizeof buf)
      len = sizeof buf;
    memcpy(buf + n, s, len);
    n += len;
  }
  void put(const char *s) { put(s, strlen(s)); }
  void put(std::string_view s) { put(s.data(), s.size()); }
  void dec(uint64_t v) {
    char d[24];
    int i = sizeof d;
    do
      d[--i] = char('0' + v % 10);
    while (v /= 10);
    put(d + i, sizeof d - i);
  }
  void hex(uint64_t v, int width) {
    char d[24];
    int i = sizeof d;
    do {
      d[--i] = "0123456789abcdef"[v & 15];
      v >>= 4;
    } while (v || sizeof d - i < size_t(width));
    put("0x");
    put(d + i, sizeof d - i);
  }
  void flush() {
    size_t done = 0;
    while (done < n) {
      long w = syscall(SYS_write, 2, buf + done, n - done);
      if (w <= 0)
        break;
      done += size_t(w);
    }
    n = 0;
  }
};

Out out;

constexpr unsigned long kMaxFrames = 64;

// TSan's pcs are return addresses (of a call, or of the access's call into
// TSan): the frame is the instruction before. The runtime's and C++'s
// frames are left out, as gc's are.
void print_stack(void *const *trace, unsigned long n) {
  for (unsigned long i = 0; i < n && trace[i]; ++i) {
    auto pc = reinterpret_cast<uintptr_t>(trace[i]);
    uintptr_t at = pc - 1;
    int depth = symtab::depth_count(at);
    for (int d = 0; d < depth; ++d) {
      symtab::Frame f;
      if (!symtab::lookup(at, d, &f))
        continue;
      out.put("  ");
      out.put(f.function);
      out.put("()\n      ");
      out.put(f.file);
      out.put(":");
      out.dec(uint64_t(f.line));
      out.put(" +");
      out.hex(pc - f.entry, 0);
      out.put("\n");
    }
  }
}

// The goroutine a TSan thread id stands for: its fiber's "g<goid>", or 0
// for a thread that runs no goroutine.
int64_t goid_of(void *rep, int nthread, int tid, bool *running, void **trace) {
  // TSan writes a trace's first pc before it checks the size.
  void *unused[1];
  for (int i = 0; i < nthread; ++i) {
    int t, run, parent;
    uint64_t os_id;
    const char *name = nullptr;
    if (!__tsan_get_report_thread(rep, i, &t, &os_id, &run, &name, &parent,
                                  trace ? trace : unused,
                                  trace ? kMaxFrames : 1) ||
        t != tid)
      continue;
    *running = run;
    if (name && name[0] == 'g')
      return strtoll(name + 1, nullptr, 10);
    return 0;
  }
  return 0;
}

void print_goroutine(int64_t goid) {
  if (goid == 1) {
    out.put("main goroutine:\n");
    return;
  }
  out.put("goroutine ");
  out.dec(uint64_t(goid));
  out.put(":\n");
}

void print_race(void *rep, int nmop, int nthread) {
  out.put("==================\nWARNING: DATA RACE\n");
  int tids[2] = {-1, -1};
  for (int i = 0; i < nmop && i < 2; ++i) {
    void *trace[kMaxFrames] = {};
    void *addr;
    int tid, size, write, atomic;
    if (!__tsan_get_report_mop(rep, i, &tid, &addr, &size, &write, &atomic,
                               trace, kMaxFrames))
      continue;
    tids[i] = tid;
    if (i > 0)
      out.put("\nPrevious ");
    out.put(i > 0 ? (write ? "write" : "read") : (write ? "Write" : "Read"));
    out.put(" at ");
    out.hex(reinterpret_cast<uintptr_t>(addr), 12);
    out.put(" by ");
    bool running;
    print_goroutine(goid_of(rep, nthread, tid, &running, nullptr));
    print_stack(trace, kMaxFrames);
  }
  for (int i = 0; i < 2; ++i) {
    if (tids[i] < 0 || (i == 1 && tids[1] == tids[0]))
      continue;
    void *trace[kMaxFrames] = {};
    bool running = false;
    int64_t goid = goid_of(rep, nthread, tids[i], &running, trace);
    if (goid <= 1)
      continue;
    out.put("\nGoroutine ");
    out.dec(uint64_t(goid));
    out.put(running ? " (running) created at:\n" : " (finished) created at:\n");
    print_stack(trace, kMaxFrames);
  }
  out.put("==================\n");
  out.flush();
}

// GORACE=halt_on_error=1 (options are space-separated, as gc's): the
// program exits with status 66 after its first report.
bool halt_on_error() {
  const char *env = getenv("GORACE");
  for (const char *p = env; p && (p = strstr(p, "halt_on_error=")); ++p)
    if ((p == env || p[-1] == ' ') && p[14] == '1')
      return true;
  return false;
}

} // namespace

const void *race_gaddr(G *g) { return g->race_sync; }

void race_go_start(G *g, uintptr_t gopc) {
  // One byte of never-reused memory per goroutine: a TSan sync object is
  // keyed by address, and a recycled G's own would carry its edges over.
  g->race_sync = malloc(1);
  // TSan takes a fiber's creation stack from the creator's shadow stack,
  // whose top is the caller of the function running the go statement: the
  // statement's own pc goes on it for the creation.
  if (gopc)
    __tsan_func_entry(reinterpret_cast<void *>(gopc));
  g->tsan_fiber = __tsan_create_fiber(0);
  if (gopc)
    __tsan_func_exit();
  char name[24] = "g";
  snprintf(name + 1, sizeof name - 1, "%lld", (long long)g->goid);
  __tsan_set_fiber_name(g->tsan_fiber, name);
}

void race_go_end(G *g) {
  __tsan_destroy_fiber(g->tsan_fiber);
  g->tsan_fiber = nullptr;
}

// TSan clears a range's shadow when it is unmapped, and forgets nothing on
// madvise: the segment is mapped afresh over itself, as ignored accesses
// (which TSan takes as a reset, not as the current fiber's writes).
void race_stack_free(uintptr_t lo, uintptr_t hi) {
  __tsan_ignore_thread_begin();
  mmap(reinterpret_cast<void *>(lo), hi - lo, PROT_READ | PROT_WRITE,
       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
  __tsan_ignore_thread_end();
}

int race_fini(int code) {
  int n = races.load();
  if (n == 0)
    return code;
  out.put("Found ");
  out.dec(uint64_t(n));
  out.put(" data race(s)\n");
  out.flush();
  return 66;
}

} // namespace mgo::rt

bool __tsan::OnReport(const ReportDesc *, bool suppressed) {
  using namespace mgo::rt;
  if (suppressed)
    return true;
  void *rep = __tsan_get_current_report();
  const char *desc = nullptr;
  int count, nstack, nmop, nloc, nmutex, nthread, nutid;
  void *sleep = nullptr;
  if (!rep ||
      !__tsan_get_report_data(rep, &desc, &count, &nstack, &nmop, &nloc,
                              &nmutex, &nthread, &nutid, &sleep, 1) ||
      strcmp(desc, "data-race") != 0)
    return false;
  // The symbol tables may allocate: as ignored accesses, so TSan records
  // nothing while it holds its report locks.
  __tsan_ignore_thread_begin();
  print_race(rep, nmop, nthread);
  __tsan_ignore_thread_end();
  races.fetch_add(1);
  if (halt_on_error())
    _exit(66);
  return true;
}

// gc's race detector's defaults: only data races are reported, I/O is no
// synchronisation, and TSan's symbolizer is never run (the runtime has its
// own).
extern "C" const char *__tsan_default_options() {
  return "symbolize=0:io_sync=0:report_thread_leaks=0:report_signal_unsafe=0:"
         "report_destroy_locked=0:report_mutex_bugs=0:detect_deadlocks=0:"
         "report_atomic_races=0";
}

#endif
