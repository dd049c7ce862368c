// Internal header of the goroutine runtime: the scheduler's data structures
// (G, M, P, the global scheduler state), the runtime's own locks, and the
// entry points the channel, select, timer and sync files build on.
//
// Naming and structure follow Go's runtime (proc.go, runtime2.go): a G is a
// goroutine, an M an OS thread, a P the right to run Go code (GOMAXPROCS of
// them). An M runs Gs only while it holds a P.
//
// Locking order (outer first): sched.lock -> timers lock; a channel lock ->
// sched.lock (ready() may take it through wakep/startm); sema root locks are
// leaves except for the same ready() path. No lock is held across a context
// switch except the one gopark's unlock function releases on the other side.
#ifndef MGO_RUNTIME_SCHED_H
#define MGO_RUNTIME_SCHED_H

#define GC_THREADS
#include <gc/gc.h>

#include "mgo/abi.h"

#include <atomic>
#include <boost/context/detail/fcontext.hpp>
#include <cstddef>
#include <cstdint>
#include <shared_mutex>
#include <type_traits>

#include "asan.h"

// MGO_RACE: the race detector's runtime (race.h), whose goroutines are TSan
// fibers as in a -fsanitize=thread build, but which is not instrumented.
#ifndef MGO_RACE
#define MGO_RACE 0
#endif
#if defined(__SANITIZE_THREAD__) || MGO_RACE
#define MGO_TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define MGO_TSAN 1
#endif
#endif
#ifndef MGO_TSAN
#define MGO_TSAN 0
#endif

namespace mgo::rt {

namespace bctx = boost::context::detail;

struct G;
struct M;
struct P;

// Monotonic clock in nanoseconds.
int64_t nanotime();
// Wall clock: nanoseconds since the Unix epoch.
int64_t walltime();
// Per-M xorshift generator (select order, steal order).
uint32_t fastrand();

// Prints "fatal error: msg" and exits 2 (not recoverable, as Go's throw).
[[noreturn]] void fatal(const char *msg);
// A run-time panic raised by the runtime (closed channels, WaitGroup misuse):
// prints "panic: msg" and the goroutine header, exits 2.
[[noreturn]] void panic_msg(const char *msg);

// --- lock_futex.cpp ----------------------------------------------------------
// A short-term mutual exclusion lock for runtime structures: spins briefly,
// then sleeps the thread on a futex. Never held across a context switch.
struct Lock {
  std::atomic<uint32_t> key{0}; // 0 unlocked, 1 locked, 2 locked with sleepers
};

// A spin-wait hint to the CPU (pause), for loops that poll shared memory.
inline void cpu_relax() { __builtin_ia32_pause(); }

void lock(Lock *l);
void unlock(Lock *l);

// A one-shot wake-up for a sleeping M: clear, then one sleeper, one waker.
struct Note {
  std::atomic<uint32_t> key{0};
};
void noteclear(Note *n);
void notewakeup(Note *n);
void notesleep(Note *n);
// Sleeps at most ns nanoseconds; returns whether the note was woken.
bool notetsleep(Note *n, int64_t ns);

// --- stack.cpp ---------------------------------------------------------------
// Goroutine stacks are segmented (split stacks, as gccgo's): every function
// the compiler emits starts by comparing sp with the limit at %fs:0x70 and
// calls libgcc's __morestack when it is below; __morestack gets a new segment
// from __generic_morestack (morestack.cpp) and runs the function there. A
// goroutine's segments are chained from its initial one (G::stack), newest
// last; below every segment's limit lie kStackReserve bytes for the runtime's
// own (non-split) C++ code. Its deep paths run elsewhere (the collector
// through systemstack, signals on the M's signal stack); what stays on the
// goroutine's stack keeps within 6 KiB of the limit even when called right
// at it, lazy PLT binding included, which the guard/ tests check
// (MGO_STACK_GUARD=6144,1024, stack.cpp). The reserve is nonetheless 32 KiB:
// ThreadSanitizer, where systemstack runs in place, needs it, and 24 KiB
// initial segments made 300,000 parked goroutines fill the collector's black
// list, so that its heap grew without bound (docs/runtime.md, Figures:
// Stacks; test/run/goroutines_parked_heap_bounded.mgo).
struct Stack {
  uintptr_t lo = 0; // memory [lo, hi)
  uintptr_t hi = 0;
  Stack *prev = nullptr; // the older segment this one was entered from
  Stack *next = nullptr; // the newer segment: in use, or kept for reuse
  uintptr_t old_sp = 0;  // where prev's live part starts (while in use)
};
constexpr size_t kStackReserve = 32 * 1024;
// The initial segment, touched lazily: 16 KiB for compiled code.
constexpr size_t kStackSize = kStackReserve + 16 * 1024;
// A free initial segment for a goroutine about to run for the first time:
// the P's cache first (the most recently freed, whose pages are resident),
// then the global list, then a new one.
Stack stackalloc(P *p);
// Gives a dead G's stack back (its extra segments freed) and leaves the G
// without one.
void stackfree(P *p, G *g);
// Maps `size` bytes (a multiple of the page size) for a stack segment and
// returns where the segment starts, 0 when out of memory. Under
// MGO_STACK_GUARD the mapping has a guard below (stack.cpp).
uintptr_t stack_map(size_t size);
// Unmaps what stack_map(size) returned at lo.
void stack_unmap(uintptr_t lo, size_t size);
// From the SIGSEGV handler: under MGO_STACK_GUARD, a fault at addr below one
// of the running goroutine's segments is reported and ends the process.
void stack_guard_fault(uintptr_t addr, uintptr_t pc, uintptr_t sp);
// Frees g's extra segments and makes its initial one current.
void stack_reset(G *g);
// Where split code may not go below on g's current segment.
inline uintptr_t stack_limit(const Stack *s) { return s->lo + kStackReserve; }
// Bytes of a segment's bottom that the guard mode makes unusable (0 outside
// it, stack.cpp), and so where the room on segment s ends.
extern const size_t stack_guard_shift;
inline uintptr_t stack_bottom(const Stack *s) {
  return s->lo + stack_guard_shift;
}

// --- systemstack.cpp --------------------------------------------------------
// The room a collection takes below sp (GC_clear_stack alone zeroes 16 KiB).
constexpr size_t kSystemStackRoom = 32 * 1024;
// Runs fn(arg) on the M's g0 stack when the goroutine's segment has less
// than kSystemStackRoom below sp (Go's systemstack): for deep runtime work
// that never parks, never calls compiled code and never panics (a
// collection). Elsewhere (g0, room enough, no M) it calls fn directly.
void systemstack(void (*fn)(void *), void *arg);
template <class F> void systemstack(F &&f) {
  systemstack(
      [](void *p) { (*static_cast<std::remove_reference_t<F> *>(p))(); }, &f);
}
// Calls fn(arg) with at least MGO_STACK_ROOM bytes of the goroutine's segment
// above its limit, on a new segment (through __morestack, as split code
// grows) when the current one has less. The runtime's C++ is not split code:
// its recursion over user data (fmt's printer over nested values, hashing
// and comparing nested arrays and structs) goes through this once per
// level, so that no level runs past a segment's reserve. Where the limit is
// 0 (g0, threads the runtime did not start) it calls fn directly.
#define MGO_STACK_ROOM 16384
// A macro's value as a string, for the runtime's top-level assembly.
#define MGO_STR_(x) #x
#define MGO_STR(x) MGO_STR_(x)
extern "C" void mgo_call_with_stack_room(void (*fn)(void *), void *arg);
template <class F> void with_stack_room(F &&f) {
  mgo_call_with_stack_room(
      [](void *p) { (*static_cast<std::remove_reference_t<F> *>(p))(); }, &f);
}
// The collector's allocators, on the system stack (an allocation may
// collect).
void *gc_malloc(size_t n);
void *gc_malloc_atomic(size_t n);
void *gc_malloc_uncollectable(size_t n);

// --- signal.cpp --------------------------------------------------------------
void signal_init();
// libgcc sorts the executable's FDEs (registered by crtbeginT.o's
// frame_dummy) with malloc on its first lookup, and fills its register table
// under pthread_once: a one-frame walk does both, so that a SIGQUIT report's
// walks (on_quit) need neither. It costs 0.4 ms of CPU, so sysmon does it
// kPrimeDelayNs after start-up, off the main thread and never in a program
// that ends sooner.
void prime_unwinder();
// Every M needs its own signal stack. Installed after gc_register_m: the
// collector's stop handler runs there and must then know the M's handle.
void signal_install_altstack(M *m);
// Marks a runtime entry point that dereferences a pointer it got from user
// code: a fault there at an address below 4096 is a nil dereference panic.
// Such a function must let a panic pass at its first access to the pointer
// (no destructor or handler in scope there, not noexcept), as sync.cpp's do;
// test/runtime/signal_test.cpp checks each.
#define MGO_USER_POINTER __attribute__((section("mgo_userptr")))
// A SIGSEGV being turned into a panic: si_addr, the faulting pc, si_code.
struct Fault {
  uintptr_t addr;
  uintptr_t pc;
  int code;
};
// The fault the signal handler has made this thread panic for, once (the nil
// dereference panic it raises takes it); false for explicit nil checks.
bool take_fault(Fault *out);

// --- G, M, P -----------------------------------------------------------------
enum GStatus : uint32_t {
  Gidle,     // allocated, never run
  Grunnable, // in a run queue
  Grunning,  // running on an M
  Gwaiting,  // parked; a waker owns the right to ready it
  Gdead,     // finished; on a free list with its stack
};

// A waiting goroutine's entry in a channel or semaphore wait queue. Lives on
// the parked goroutine's stack; guarded by the lock of the queue holding it.
struct Sudog {
  G *g = nullptr;
  Sudog *next = nullptr;
  Sudog *prev = nullptr;
  void *elem = nullptr;      // data to send, or where to receive
  struct Hchan *c = nullptr; // channel (select, channels)
  Sudog *waitlink = nullptr; // G.waiting list (select)
  bool isSelect = false;
  bool success = false;       // woken by a value, not by close
  const void *addr = nullptr; // semaphore address (sema.cpp)
  int64_t acquiretime = 0;    // sema: when it started waiting
  uint32_t ticket = 0;        // sema handoff / notify list ticket
};

struct G {
  bctx::fcontext_t ctx = nullptr; // saved context while not running
  Stack stack;         // the initial segment: none until the G first runs
  Stack *seg = &stack; // the segment in use
  // %fs:0x70 while it runs: stack_limit(seg) (g0: 0, never grows)
  uintptr_t stackguard = 0;
  // While it runs a function on its M's g0 stack (systemstack): the sp it
  // left its own stack at, where the live part of that stack starts.
  uintptr_t syssp = 0;
  int64_t goid = 0;
  std::atomic<uint32_t> status{Gidle};
  const char *waitreason = "";
  // When a collection first found it parked, 0 once it runs again: Go's
  // waitsince, which only its collector stamps, for the minutes a
  // traceback's header shows (`[chan receive, 2 minutes]`).
  std::atomic<int64_t> waitsince{0};
  G *schedlink = nullptr; // run queue / free list link
  void (*fn)(void *) = nullptr;
  void *arg = nullptr;
  void *param = nullptr;    // set by the waker: select's winning sudog
  Sudog *waiting = nullptr; // select: this G's sudogs
  std::atomic<uint32_t> selectDone{0};
  bool is_g0 = false;
  M *switch_m = nullptr;  // the M that last switched away from this G
  void *panics = nullptr; // unwind.cpp: the newest panic, chained
  uintptr_t gopc = 0;     // the return address of its go statement's mgo_go
  void *recover_fn =
      nullptr; // unwind.cpp: the deferred callee that may recover
#if MGO_TSAN
  void *tsan_fiber = nullptr;
#endif
#if MGO_RACE
  void *race_sync = nullptr; // race.h: race_gaddr, one per goroutine
#endif
#if MGO_ASAN
  void *asan_fake_stack = nullptr;
#endif
};

// What the destination of a context switch does with the G it switched from,
// once that G's context is saved (so the G may be resumed elsewhere).
enum class PostSwitch : uint8_t {
  None,
  Park,       // call unlockf(prev, arg): the G may now be readied
  Yield,      // put prev on the global run queue (Gosched, preemption)
  YieldLocal, // put prev at the tail of the local run queue (handoff)
  Exit,       // free prev (and its stack) for reuse
};

constexpr int kRunqSize = 256;
constexpr int kMaxProcs = 256;

// Psyscall: its M runs a goroutine blocked in a system call; the P may be
// retaken by sysmon (CAS to Pidle) or reclaimed by that M (CAS to Prunning).
enum PStatus : uint32_t { Pidle, Prunning, Psyscall, Pdead };

struct P {
  int32_t id = 0;
  // Transitions under sched.lock; thieves and sysmon read it without.
  std::atomic<uint32_t> status{Pdead};
  P *link = nullptr; // pidle list
  std::atomic<M *> m{nullptr};
  // Incremented on every scheduling decision; read by sysmon.
  std::atomic<uint32_t> schedtick{0};
  // Run queue: written at the tail by the owner only, consumed at the head
  // by the owner and by thieves (CAS), as Go's runq.
  std::atomic<uint32_t> runqhead{0};
  std::atomic<uint32_t> runqtail{0};
  std::atomic<G *> runq[kRunqSize];
  // A G to run next, ahead of the queue: the goroutine just readied by the
  // running one, so a handoff stays on this P and runs at once.
  std::atomic<G *> runnext{nullptr};
  // goready left a G in runnext without waking an idle M, betting that the
  // running G blocks soon and this P runs it (a handoff). Settled when the
  // running G leaves (schedule_from), enters a system call, or by sysmon.
  // Owner only.
  bool wake_deferred = false;
  // Dead Gs (without stacks), owned by this P.
  G *gfree = nullptr;
  int32_t gfreecnt = 0;
  // Free initial stack segments owned by this P, newest first (stack.cpp).
  uintptr_t sfree = 0;
  int32_t sfreecnt = 0;
  // sysmon: schedtick when last seen, and when that was.
  uint32_t sysmon_tick = 0;
  int64_t sysmon_when = 0;
  // System calls entered on this P (by its owner), and sysmon's last look.
  std::atomic<uint32_t> syscalltick{0};
  uint32_t sysmon_syscalltick = 0;
  int64_t sysmon_syscallwhen = 0;
};

struct M {
  int64_t id = 0;
  G g0;              // the thread's own stack: runs the scheduler loop
  G *curg = nullptr; // the G running now (g0 included)
  P *p = nullptr;
  P *nextp = nullptr;    // handed over by startm, under sched.lock
  P *syscallp = nullptr; // the P left in Psyscall by entersyscall
  bool spinning = false; // looking for work; counted in sched.nmspinning
  Note park;
  M *schedlink = nullptr; // midle list
  M *alllink = nullptr;
  // Post-switch action (see PostSwitch).
  PostSwitch post = PostSwitch::None;
  void (*post_unlockf)(G *, void *) = nullptr;
  void *post_arg = nullptr;
  std::atomic<bool> preempt{false}; // sysmon asks the running G to yield
  // run_timers is readying the Gs of a batch of due timers: they queue in
  // deadline order instead of each taking runnext from the one before.
  bool firing_timers = false;
  // GC: the collector's handle for this thread, the G the M is switching
  // away from (valid during a switch), and the stack the thread was found on
  // (its own when collecting, or where the stop signal interrupted it).
  // gc_sp is 0 when the collector scans that stack as the thread's own
  // (the collecting thread), else the interrupted sp: the stop handler runs
  // on the signal stack [sig_lo, sig_hi), so context.cpp pushes the
  // interrupted stack itself, from gc_sp.
  void *gc_handle = nullptr;
  G *prevg = nullptr;
  G *gc_stack_g = nullptr;
  Stack *gc_stack_seg = nullptr;
  uintptr_t gc_sp = 0;
  uintptr_t sig_lo = 0;
  uintptr_t sig_hi = 0;
  uint32_t rand = 0;
};

struct Sched {
  Lock lock;
  // Idle Ms and Ps (under lock); counters read without it.
  M *midle = nullptr;
  int32_t nmidle = 0;
  int32_t mcount = 0;
  P *pidle = nullptr;
  std::atomic<int32_t> npidle{0};
  std::atomic<int32_t> nmspinning{0};
  // The global run queue (under lock); runqsize readable without it.
  G *runqhead = nullptr;
  G *runqtail = nullptr;
  std::atomic<int32_t> runqsize{0};
  // An M sleeping until the next timer, if any (under lock).
  M *timer_sleeper = nullptr;
  int64_t timer_sleep_until = 0;
  // sysmon is firing timers: a goroutine may be about to become runnable
  // although no M is awake (under lock).
  bool sysmon_firing = false;
  // Free Gs beyond the per-P caches.
  Lock gflock;
  G *gfree = nullptr;
  std::atomic<int32_t> ngfree{0}; // read without gflock as a hint
  std::atomic<int64_t> goidgen{0};
  std::atomic<int32_t> ngoroutines{0}; // live user goroutines
  std::atomic<int32_t> gomaxprocs{0};
  P *allp[kMaxProcs] = {};
  std::atomic<M *> allm{nullptr};
  // run_main: the main goroutine and the note its exit signals.
  std::atomic<G *> maing{nullptr};
  Note maindone;
  std::atomic<bool> main_running{false};
  // freeze_world: Ms wait instead of switching to a goroutine.
  std::atomic<bool> frozen{false};
};

extern Sched sched;

// --- runq.cpp ----------------------------------------------------------------
// The global run queue (sched.lock held).
void globrunqput(G *g);
void globrunqputbatch(G *head, G *tail, int32_t n);
G *globrunqpop();
// Takes a batch from the global queue: one to run, the rest to p's queue.
G *globrunqget(P *p, int32_t max);
// p's local queue (owner only): next puts g in runnext, whose previous G goes
// to the queue's tail.
void runqput(P *p, G *g, bool next);
G *runqget(P *p);
bool runqempty(P *p);
// Moves half of victim's queue (or its runnext, when stealRunNext and the
// queue is empty) to p's queue and returns one of them to run.
G *runqsteal(P *p, P *victim, bool stealRunNext);

// The current M of this thread (nullptr outside the scheduler). Not inlined:
// a goroutine may resume on another thread, and a compiler may otherwise keep
// a thread-local address across the switch.
M *getm();
G *getg();

// Parks the running G with the given wait reason; unlockf(g, arg) runs after
// the G's context is saved (typically releasing the lock that wakers take,
// which closes the lost wake-up window). Returns when the G is readied.
void gopark(void (*unlockf)(G *, void *), void *arg, const char *reason);
// Makes a parked G runnable: into runnext of the current P (the local queue's
// tail while firing timers; the global queue without a P), waking an idle P
// if there is one.
void goready(G *g);
// Puts the running G at the local queue's tail and runs runnext (used to
// hand a mutex over to the goroutine just woken).
void goyield();
void gosched();
// Starts an M for an idle P if there is one and no M is looking for work.
void wake_idle_p();
// Asks m's running goroutine to yield at its next poll (sysmon), and takes
// the request back once it stopped running; both keep mgo_preempt_pending
// equal to the number of Ms asked.
void request_preempt(M *m);
inline void clear_preempt(M *m) {
  if (m->preempt.load(std::memory_order_relaxed) &&
      m->preempt.exchange(false, std::memory_order_relaxed))
    std::atomic_ref<uint32_t>(mgo_preempt_pending)
        .fetch_sub(1, std::memory_order_relaxed);
}
// Around a system call that may block: entersyscall leaves the M's P in
// Psyscall, where sysmon retakes it (handoffp) if the call lasts and there is
// other work; exitsyscall takes it back, or another idle P, or else queues
// the goroutine and puts the M to sleep. Go's entersyscall/exitsyscall.
void entersyscall();
void exitsyscall();
// Held shared while newm creates a thread, exclusively around exec (Go's
// execLock: the kernel may fail an exec racing with a clone).
extern std::shared_mutex exec_lock;
// Gives a P retaken from a system call (sched.lock not held) to an M if it
// has work, else to the idle list.
void handoffp(P *p);
// Starts a goroutine running fn(arg); gopc is its go statement's return
// address, for "created by" in tracebacks.
void newproc(void (*fn)(void *), void *arg, uintptr_t gopc = 0);
// For sync's decision to spin: Ps not idle, and whether this P has other
// work waiting.
int32_t running_ps();
bool local_runq_empty();
// Every G ever created (dead ones included), for the collector.
size_t allg_count();
G *allg_at(size_t i);
// Go's name for g's state in a traceback: its wait reason while parked.
const char *status_name(const G *g);
// Stops other goroutines from running, best effort, for a traceback of
// every goroutine (Go's freezetheworld): Ms wait at their next switch, and
// running goroutines are asked to yield. Returns after a millisecond.
void freeze_world();
// The world frozen again, until every other goroutine has stopped running
// (false if some has not within 10 ms); thaw_world lets them all go on.
bool stop_world();
void thaw_world();
// The deadlock check (sched.lock held): exits 2 with Go's report if no
// goroutine can ever run again.
void checkdead();
// Makes sure some M wakes up for a timer due at `when`.
void timer_kick(int64_t when);

// --- idle.cpp: idle Ps and Ms, starting and waking Ms -----------------------
// The idle P list (sched.lock held); pidleget wakes sysmon.
void pidleput(P *p);
P *pidleget();
// Runs P p (or an idle P) on an idle M, or a new one.
void startm(P *p, bool spinning);
// Starts a spinning M if a P is idle and no M spins.
void wakep();
// A spinning M found work: it stops spinning and wakes the next, if any.
void resetspinning(M *m);
// Sleeps m, which holds no P, until it is handed one (or runs due timers).
void m_idle(M *m);

// --- sched.cpp, for idle.cpp -------------------------------------------------
void acquirep(M *m, P *p);
P *releasep(M *m);
// An M's thread: its scheduling loop, with the P newm left in m->nextp.
void *mstart(void *arg);

// --- switch.h: switch_to, finish_switch ------------------------------------
// Runs the post-switch action m->post for prev, the G just switched from.
void post_switch_action(M *m, G *prev);

// --- switch.h: saved contexts ------------------------------------------------
// Where a switched-out G's saved context (G::ctx, which boost.context's
// jump_fcontext for x86-64 SysV pushes) holds its registers: the
// callee-saved ones, then the return address into jump() (switch.h). Above
// the context lies the red zone jump() steps over, then the sp the unwind
// tables of the code at that pc expect (ctx + sp). Meaningful while the G is
// neither running nor mid-switch. The debugger reads them through
// mgo_debug_layout (abi.h), the traceback of a parked G through
// mgo_walk_parked's unwind table (traceback.cpp), whose assembly takes them
// as macros.
#define MGO_CTX_R12 0x08
#define MGO_CTX_R13 0x10
#define MGO_CTX_R14 0x18
#define MGO_CTX_R15 0x20
#define MGO_CTX_RBX 0x28
#define MGO_CTX_RBP 0x30
#define MGO_CTX_PC 0x38
#define MGO_CTX_REDZONE 128
#define MGO_CTX_SP (0x40 + MGO_CTX_REDZONE)
namespace savedctx {
constexpr size_t r12 = MGO_CTX_R12, r13 = MGO_CTX_R13, r14 = MGO_CTX_R14,
                 r15 = MGO_CTX_R15, rbx = MGO_CTX_RBX, rbp = MGO_CTX_RBP,
                 pc = MGO_CTX_PC, redzone = MGO_CTX_REDZONE, sp = MGO_CTX_SP;
} // namespace savedctx

// --- context.cpp -------------------------------------------------------------
void gc_init_hooks();
void gc_register_m(M *m);
void tsan_init_g(G *g);

// --- timer.cpp ---------------------------------------------------------------
// When the earliest timer fires (0: none).
int64_t timers_next_when();
// Runs the timers due at now; returns how many fired.
int run_timers(int64_t now);
void sleep_ns(int64_t ns);

// --- sysmon.cpp --------------------------------------------------------------
void sysmon_start();
void sysmon_wake();

} // namespace mgo::rt

#endif
