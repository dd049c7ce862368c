// Stacks as Go code sees them, and Go's traceback text (docs/runtime.md,
// Tracebacks).
//
// The unwinder that raises panics walks the stack here too
// (_Unwind_Backtrace over the executable's .eh_frame, through split-stack
// segments as exceptions go). Each physical frame in Go code stands for one
// logical frame per inlined call at its pc (symtab.cpp); frames of the
// runtime's C++ and of codegen's thunks have no line table and are left
// out. Go's runtime frames that mgoc has no code for (runtime.gopanic under
// deferred calls, runtime.main, runtime.goexit) are pseudo frames: a pc
// in a small array of their own, with Go 1.19's names, files and lines.
#include "traceback.h"
#include "panic.h"
#include "sched.h"
#include "symtab.h"

#include "mgo/abi.h"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <pthread.h>
#include <string_view>
#include <unistd.h>
#include <unwind.h>

namespace {

using mgo::Trace;
using mgo::symtab::Frame;

struct Pseudo {
  const char *function;
  const char *file;
  int line;
};

// The order of kPseudo and pseudoCode's entries.
enum PseudoFrame { Gopanic, Goexit, Main, Goexit0, kPseudoCount };
const Pseudo kPseudo[kPseudoCount] = {
    {"runtime.gopanic", "/usr/lib/go-1.19/src/runtime/panic.go", 884},
    {"runtime.Goexit", "/usr/lib/go-1.19/src/runtime/panic.go", 522},
    {"runtime.main", "/usr/lib/go-1.19/src/runtime/proc.go", 250},
    {"runtime.goexit", "/usr/lib/go-1.19/src/runtime/asm_amd64.s", 1594},
};
constexpr uintptr_t kPseudoSize = 16;
alignas(16) const char pseudoCode[kPseudoCount][kPseudoSize] = {};

uintptr_t pseudo_pc(PseudoFrame f) {
  return reinterpret_cast<uintptr_t>(pseudoCode[f]) + 1;
}

struct Raw {
  uintptr_t pc; // a return address, or a faulting pc + 1
  uintptr_t cfa;
};

struct Walk {
  Raw *raw;
  int n, max;
};

_Unwind_Reason_Code walk_frame(_Unwind_Context *ctx, void *arg) {
  auto *w = static_cast<Walk *>(arg);
  if (w->n == w->max)
    return _URC_END_OF_STACK;
  int signalFrame = 0;
  uintptr_t pc = _Unwind_GetIPInfo(ctx, &signalFrame);
  if (!pc)
    return _URC_END_OF_STACK;
  w->raw[w->n++] = Raw{signalFrame ? pc + 1 : pc, _Unwind_GetCFA(ctx)};
  return _URC_NO_REASON;
}

void push(Trace *t, uintptr_t pc) {
  if (t->n < mgo::kMaxTraceFrames)
    t->pcs[t->n++] = pc;
  else
    t->elided = true;
}

// The frame a pc of a trace stands for (one before the return address).
bool frame_of(uintptr_t pc, Frame *f) {
  uintptr_t at = mgo::symtab::address(pc) - 1;
  auto base = reinterpret_cast<uintptr_t>(pseudoCode);
  if (at >= base && at < base + sizeof pseudoCode) {
    const Pseudo &p = kPseudo[(at - base) / kPseudoSize];
    *f = Frame{p.function, base + (at - base) / kPseudoSize * kPseudoSize,
               p.file, p.line};
    // panic(v) has its argument; the others have none.
    f->params = &p == &kPseudo[Gopanic];
    return true;
  }
  return mgo::symtab::lookup(at, mgo::symtab::depth(pc), f);
}

void append_location(mgo::TextOut &out, const Frame &f, uintptr_t pc) {
  out.put('\t');
  out.put(f.file);
  out.put(':');
  out.dec(f.line);
  // gc prints no offset for an inlined frame, but LLVM inlines other calls
  // than gc: every frame gets its code's, so that a frame gc keeps reads
  // "file.go:N +0x..." as gc's does.
  out.put(" +");
  out.hex(mgo::symtab::address(pc) - f.entry);
  out.put('\n');
}

} // namespace

void mgo::caller_frame(uintptr_t *cfa, uintptr_t *pc) {
  Raw raw[3];
  Walk w{raw, 0, 3};
  _Unwind_Backtrace(walk_frame, &w);
  *cfa = w.n == 3 ? raw[2].cfa : 0;
  *pc = w.n == 3 ? raw[2].pc : 0;
}

namespace {

// A Go stack from its raw frames, newest first: the logical frames of each,
// a running panic's frames under the frame running its deferred calls, and
// the runtime's bottom frames.
void build_trace(const mgo::rt::G *g, const Raw *raw, int n, Trace *out) {
  out->n = 0;
  out->elided = false;
  out->unstarted = false;
  // Deferred calls for a panic run on top of the frame that deferred them:
  // Go's run on top of the panicking frames instead, so those follow.
  bool panicGoexit = false;
  uintptr_t frame = 0, landing = 0;
  const Trace *panicking =
      mgo::running_panic(g, &frame, &landing, &panicGoexit);
  int splice = 0;
  while (splice < n && !(panicking && raw[splice].cfa == frame))
    ++splice;
  for (int i = 0; i < splice; ++i) {
    int depth = mgo::symtab::depth_count(raw[i].pc - 1);
    for (int d = 0; d < depth; ++d)
      push(out, mgo::symtab::with_depth(raw[i].pc, d));
  }
  if (panicking && splice < n) {
    // Deferred calls inlined into the frame running them are theirs: the
    // logical frames at its pc beyond those at its landing pad.
    int depth = mgo::symtab::depth_count(raw[splice].pc - 1) -
                mgo::symtab::depth_count(landing - 1);
    for (int d = 0; d < depth; ++d)
      push(out, mgo::symtab::with_depth(raw[splice].pc, d));
    push(out, pseudo_pc(panicGoexit ? Goexit : Gopanic));
    for (int i = 0; i < panicking->n; ++i)
      push(out, panicking->pcs[i]);
    return;
  }
  if (g && g->goid == 1)
    push(out, pseudo_pc(Main));
  push(out, pseudo_pc(Goexit0));
}

} // namespace

// Calls fn(arg) in a frame whose caller, for the unwinder, is the code a
// parked goroutine's context resumes (switch.h's jump: the return address
// and callee-saved registers where jump_fcontext saved them, the caller's
// sp above the 128-byte red zone jump stepped over). The unwinder then walks
// from fn into that goroutine's frames while fn runs on the caller's stack:
// the parked stack is only read.
extern "C" void mgo_walk_parked(void *ctx, void (*fn)(void *), void *arg);
asm(R"(
	.text
	.p2align 4
	.globl mgo_walk_parked
	.hidden mgo_walk_parked
	.type mgo_walk_parked,@function
mgo_walk_parked:
	.cfi_startproc
	pushq %rbx
	.cfi_adjust_cfa_offset 8
	.cfi_rel_offset %rbx, 0
	movq %rdi, %rbx
	movq %rdx, %rdi
	.cfi_remember_state
	.cfi_def_cfa %rbx, )" MGO_STR(MGO_CTX_SP) R"(
	.cfi_offset %rip, )" MGO_STR(MGO_CTX_PC - MGO_CTX_SP) R"(
	.cfi_offset %r12, )" MGO_STR(MGO_CTX_R12 - MGO_CTX_SP) R"(
	.cfi_offset %r13, )" MGO_STR(MGO_CTX_R13 - MGO_CTX_SP) R"(
	.cfi_offset %r14, )" MGO_STR(MGO_CTX_R14 - MGO_CTX_SP) R"(
	.cfi_offset %r15, )" MGO_STR(MGO_CTX_R15 - MGO_CTX_SP) R"(
	.cfi_offset %rbx, )" MGO_STR(MGO_CTX_RBX - MGO_CTX_SP) R"(
	.cfi_offset %rbp, )" MGO_STR(MGO_CTX_RBP - MGO_CTX_SP) R"(
	callq *%rsi
	.cfi_restore_state
	popq %rbx
	.cfi_adjust_cfa_offset -8
	.cfi_restore %rbx
	retq
	.cfi_endproc
	.size mgo_walk_parked, .-mgo_walk_parked
)");

void mgo::capture_trace(Trace *out) {
  // One more than fits: whether frames are elided.
  Raw raw[kMaxTraceFrames + 1];
  Walk w{raw, 0, kMaxTraceFrames + 1};
  _Unwind_Backtrace(walk_frame, &w);
  build_trace(rt::getg(), raw, w.n, out);
  out->elided |= w.n == w.max;
}

void mgo::capture_parked_trace(const rt::G *g, Trace *out) {
  // Not started yet: its function at its entry, whose return address is
  // runtime.goexit, as gc's newproc sets the goroutine up.
  if (!g->ctx) {
    out->n = 0;
    out->elided = false;
    out->unstarted = true;
    push(out, reinterpret_cast<uintptr_t>(g->fn));
    push(out, pseudo_pc(Goexit0));
    return;
  }
  // One more than fits: whether frames are elided.
  Raw raw[kMaxTraceFrames + 1];
  Walk w{raw, 0, kMaxTraceFrames + 1};
  mgo_walk_parked(
      g->ctx, [](void *w) { _Unwind_Backtrace(walk_frame, w); }, &w);
  build_trace(g, raw, w.n, out);
  out->elided |= w.n == w.max;
}

namespace {

void append_created_by(mgo::TextOut &out, const mgo::rt::G *g) {
  Frame f;
  if (!g || !g->gopc || !frame_of(g->gopc, &f))
    return;
  out.put("created by ");
  out.put(f.function);
  out.put('\n');
  append_location(out, f, g->gopc);
}

void append_header(mgo::TextOut &out, const mgo::rt::G *g, const char *state) {
  out.put("goroutine ");
  out.dec(int64_t(g ? g->goid : 1));
  out.put(" [");
  out.put(state);
  // The whole minutes since a collection first found it parked, as gc's
  // goroutineheader.
  if (g && g->status.load(std::memory_order_relaxed) == mgo::rt::Gwaiting) {
    int64_t since = g->waitsince.load(std::memory_order_relaxed);
    int64_t minutes = since ? (mgo::rt::nanotime() - since) / 60000000000 : 0;
    if (minutes >= 1) {
      out.put(", ");
      out.dec(minutes);
      out.put(" minutes");
    }
  }
  out.put("]:\n");
}

} // namespace

namespace {
// The runtime is throwing (SIGQUIT): Go then shows its own frames whatever
// GOTRACEBACK says (gotraceback's m.throwing).
std::atomic<bool> throwing{false};
} // namespace

void mgo::set_throwing() { throwing.store(true, std::memory_order_relaxed); }

namespace {
// GOTRACEBACK's value, parsed without allocating or locking.
mgo::TracebackMode parse_traceback(const char *env) {
  std::string_view v = env ? env : "";
  if (v == "none")
    return {0, false, false};
  if (v == "single" || v.empty())
    return {1, false, false};
  if (v == "all")
    return {1, true, false};
  if (v == "system")
    return {2, true, false};
  if (v == "crash")
    return {2, true, true};
  // Anything else is all goroutines at the level it spells as a number,
  // else at level 0 (runtime1.go's setTraceback).
  char *end;
  unsigned long n = strtoul(env, &end, 10);
  bool number = *env >= '0' && *env <= '9' && !*end && n <= UINT32_MAX;
  return {number ? int(n) : 0, true, false};
}

// Read at start-up (traceback_init), so that a signal handler's report
// reads an atomic, not getenv under a function-local static's guard.
std::atomic<mgo::TracebackMode> env_mode;
std::atomic<bool> env_read{false};
static_assert(std::atomic<mgo::TracebackMode>::is_always_lock_free);

// debug.SetTraceback's mode, packed as level << 2 | all << 1 | crash; -1:
// never called.
std::atomic<int64_t> set_mode{-1};
} // namespace

void mgo::traceback_init() {
  env_mode.store(parse_traceback(getenv("GOTRACEBACK")),
                 std::memory_order_relaxed);
  env_read.store(true, std::memory_order_release);
}

mgo::TracebackMode mgo::traceback_mode() {
  // Before start-up (a fatal error in a package initializer's C++ caller),
  // the environment is read each time.
  TracebackMode mode = env_read.load(std::memory_order_acquire)
                           ? env_mode.load(std::memory_order_relaxed)
                           : parse_traceback(getenv("GOTRACEBACK"));
  // SetTraceback shows more than GOTRACEBACK says, never less (Go's
  // setTraceback ORs in the environment's setting).
  if (int64_t set = set_mode.load(std::memory_order_relaxed); set >= 0) {
    mode.level = std::max(mode.level, int(set >> 2));
    mode.all = mode.all || (set & 2);
    mode.crash = mode.crash || (set & 1);
  }
  if (throwing.load(std::memory_order_relaxed))
    mode.level = 2;
  return mode;
}

extern "C" void mgo_runtime_debug_SetTraceback(MgoString level) {
  std::string s(reinterpret_cast<const char *>(level.ptr), size_t(level.len));
  mgo::TracebackMode m = parse_traceback(s.c_str());
  set_mode.store(int64_t(m.level) << 2 | int64_t(m.all) << 1 | int64_t(m.crash),
                 std::memory_order_relaxed);
}

namespace {

// The frames of trace gc shows: all of them at level 2, else neither the
// runtime's internals nor go statements' wrappers. Returns how many, and
// in *hidden whether a frame of codegen's was left out.
int append_frames(mgo::TextOut &out, const Trace &trace, bool system,
                  bool *hidden) {
  int printed = 0;
  for (int i = 0; i < trace.n; ++i) {
    Frame f;
    bool entry = i == 0 && trace.unstarted;
    if (entry ? !mgo::symtab::entry_frame(trace.pcs[i], &f)
              : !frame_of(trace.pcs[i], &f))
      continue;
    // gc shows the runtime's exported functions and runtime.gopanic (as
    // the panic(...) call it is), not its internals, unless asked for
    // (GOTRACEBACK=system).
    std::string_view name = f.function;
    if (name == "runtime.gopanic") {
      name = "panic";
    } else if (!system && f.wrapper) {
      *hidden = true;
      continue;
    } else if (!system && name.substr(0, 8) == "runtime." &&
               !(name.size() > 8 && name[8] >= 'A' && name[8] <= 'Z')) {
      continue;
    }
    out.put(name);
    out.put(f.params ? "(...)\n" : "()\n");
    if (entry) {
      // gc prints no offset at a function's entry.
      out.put('\t');
      out.put(f.file);
      out.put(':');
      out.dec(f.line);
      out.put('\n');
    } else {
      append_location(out, f, trace.pcs[i]);
    }
    ++printed;
  }
  return printed;
}

} // namespace

void mgo::append_traceback(TextOut &out, const rt::G *g, const char *state,
                           const Trace &trace, int level) {
  append_header(out, g, state);
  // Nothing shown but a wrapper left out (a goroutine that has not run its
  // go statement's wrapper yet): every frame, as gc's traceback1 does. (A
  // goroutine of the runtime's C++ alone has only the pseudo frames.)
  bool hidden = false;
  if (!append_frames(out, trace, level >= 2, &hidden) && hidden)
    append_frames(out, trace, true, &hidden);
  if (trace.elided)
    out.put("...additional frames elided...\n");
  append_created_by(out, g);
}

void mgo::append_goroutines(TextOut &out, const rt::G *me, int level) {
  for (size_t i = 0, n = rt::allg_count(); i < n; ++i) {
    rt::G *g = rt::allg_at(i);
    uint32_t st = g->status.load(std::memory_order_acquire);
    if (g == me || st == rt::Gdead || st == rt::Gidle)
      continue;
    out.put('\n');
    if (st == rt::Grunning) {
      append_header(out, g, "running");
      out.put("\tgoroutine running on other thread; stack unavailable\n");
      append_created_by(out, g);
      continue;
    }
    Trace trace;
    capture_parked_trace(g, &trace);
    append_traceback(out, g, rt::status_name(g), trace, level);
  }
}

void mgo::TextOut::dec(int64_t v) {
  char buf[20];
  int i = sizeof buf;
  uint64_t u = v < 0 ? -uint64_t(v) : uint64_t(v);
  do {
    buf[--i] = char('0' + u % 10);
    u /= 10;
  } while (u);
  if (v < 0)
    buf[--i] = '-';
  write(buf + i, sizeof buf - i);
}

void mgo::TextOut::hex(uint64_t v) {
  char buf[18];
  int i = sizeof buf;
  do {
    buf[--i] = "0123456789abcdef"[v & 15];
    v >>= 4;
  } while (v);
  buf[--i] = 'x';
  buf[--i] = '0';
  write(buf + i, sizeof buf - i);
}

namespace {

// write(2) until all of it went out, or the descriptor fails.
void write_all(int fd, const char *p, size_t n) {
  while (n > 0) {
    ssize_t w = ::write(fd, p, n);
    if (w < 0 && errno == EINTR)
      continue;
    if (w <= 0)
      return;
    p += w;
    n -= size_t(w);
  }
}

// Go's crash: the default action of SIGABRT, a core dump where enabled;
// else exit status 2.
[[noreturn]] void exit_fatal() {
  if (mgo::traceback_mode().crash)
    mgo::die_from_signal(SIGABRT);
  _exit(2);
}

} // namespace

void mgo::FdOut::write(const char *p, size_t n) {
  if (n_ + n > sizeof buf_) {
    flush();
    if (n > sizeof buf_)
      return write_all(fd_, p, n);
  }
  std::memcpy(buf_ + n_, p, n);
  n_ += n;
}

void mgo::FdOut::flush() {
  write_all(fd_, buf_, n_);
  n_ = 0;
}

void mgo::write_fatal(const std::string &out) {
  write_all(STDERR_FILENO, out.data(), out.size());
  exit_fatal();
}

void mgo::write_fatal(FdOut &out) {
  out.flush();
  exit_fatal();
}

void mgo::die_from_signal(int sig) {
  signal(sig, SIG_DFL);
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, sig);
  pthread_sigmask(SIG_UNBLOCK, &set, nullptr);
  raise(sig);
  _exit(2);
}

// --- package runtime (stdlib/runtime/extern.go) ------------------------------

namespace {

MgoString text(std::string_view s) {
  return MgoString{reinterpret_cast<const uint8_t *>(s.data()),
                   mgo_int(s.size())};
}

} // namespace

extern "C" mgo_int mgo_runtime_callers(mgo_int skip, mgo_ptr pcs, mgo_int n) {
  Trace t;
  mgo::capture_trace(&t);
  mgo_int count = 0;
  for (int i = int(skip < 0 ? 0 : skip); i < t.n && count < n; ++i)
    static_cast<uintptr_t *>(pcs)[count++] = t.pcs[i];
  return count;
}

// FuncForPC and Frame take the pc as given (a pc inside a call instruction,
// as CallersFrames makes from a return address): adding one makes it the
// return address frame_of expects.
extern "C" MgoString mgo_runtime_funcName(mgo_int pc) {
  Frame f;
  return frame_of(uintptr_t(pc) + 1, &f) ? text(f.function) : MgoString{};
}

extern "C" mgo_int mgo_runtime_funcEntry(mgo_int pc) {
  Frame f;
  return frame_of(uintptr_t(pc) + 1, &f) ? mgo_int(f.entry) : 0;
}

extern "C" MgoString mgo_runtime_funcFile(mgo_int pc) {
  Frame f;
  return frame_of(uintptr_t(pc) + 1, &f) ? text(f.file) : MgoString{};
}

extern "C" mgo_int mgo_runtime_funcLine(mgo_int pc) {
  Frame f;
  return frame_of(uintptr_t(pc) + 1, &f) ? f.line : 0;
}

extern "C" mgo_bool mgo_runtime_funcInlined(mgo_int pc) {
  Frame f;
  return frame_of(uintptr_t(pc) + 1, &f) && f.inlined;
}

// runtime.Stack and debug.Stack: the calling goroutine's traceback, and
// with all every other goroutine's, the world stopped meanwhile as Go's.
namespace {

// The traceback from the skip-th logical frame (0: the Go function calling
// into the runtime).
MgoString stack_text(int skip, bool all) {
  Trace t;
  mgo::capture_trace(&t);
  skip = std::min(skip, t.n);
  std::memmove(t.pcs, t.pcs + skip, (t.n - skip) * sizeof t.pcs[0]);
  t.n -= skip;
  std::string text;
  mgo::StringOut out(text);
  // At level 1 whatever GOTRACEBACK says, as Go's Stack (m.traceback).
  mgo::append_traceback(out, mgo::rt::getg(), "running", t, 1);
  if (all) {
    mgo::rt::stop_world();
    mgo::append_goroutines(out, mgo::rt::getg(), 1);
    mgo::rt::thaw_world();
  }
  auto *bytes = static_cast<uint8_t *>(mgo_alloc_noscan(mgo_int(text.size())));
  std::memcpy(bytes, text.data(), text.size());
  return MgoString{bytes, mgo_int(text.size())};
}

} // namespace

// Go's runtime.Stack starts at its caller; debug.Stack shows itself.
extern "C" MgoString mgo_runtime_stack(mgo_bool all) {
  return stack_text(1, all);
}

extern "C" MgoString mgo_runtime_debug_stack(void) {
  return stack_text(0, false);
}
