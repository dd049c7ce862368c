// SIGSEGV handling. The handler runs on a per-M alternate signal stack (the
// faulting goroutine stack may have little left). Goroutine stacks have no
// guard pages (they grow, and compiled code reports an overflow itself,
// morestack.cpp), except in the checking mode MGO_STACK_GUARD, whose faults
// are reported first (stack.cpp).
//
// A fault at an address below 4096 in a runtime entry point that
// dereferences a user's pointer (MGO_USER_POINTER), on a goroutine, becomes
// Go's nil dereference panic, as Go's sigctxt.preparePanic does: the handler
// rewrites the interrupted context so that the thread resumes in
// mgo_sigpanic as if the faulting instruction had called it, and
// mgo_sigpanic raises the panic through the unwinder like the explicit nil
// checks of compiled code. Compiled code never faults on purpose: a fault at
// a non-call instruction of a function with a landing pad has no entry in
// its call-site table, and the C++ personality would call std::terminate.
// Any other fault is fatal, with Go's report; one that is not ours (a
// sanitizer's) goes to whoever was installed before.
#include "panic.h"
#include "sched.h"
#include "symtab.h"
#include "traceback.h"

#include <atomic>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <pthread.h>
#include <ucontext.h>
#include <unistd.h>
#include <unwind.h>

extern "C" {
// Linker-defined bounds of the MGO_USER_POINTER section (absent, so null,
// when nothing is in it).
extern const char __start_mgo_userptr[]
    __attribute__((weak, visibility("hidden")));
extern const char __stop_mgo_userptr[]
    __attribute__((weak, visibility("hidden")));
void mgo_sigpanic(void);
}

// Entered with %rsp at the faulting pc, stored kRedZone bytes below the
// faulting %rsp (the interrupted frame's red zone stays intact). The CFI
// makes the faulting frame its caller and, as a signal frame, has the
// unwinder look up the faulting pc itself rather than pc - 1 (which may lie in
// the previous function when the fault is a function's first instruction).
asm(R"(
  .text
  .p2align 4
  .globl mgo_sigpanic
  .hidden mgo_sigpanic
  .type mgo_sigpanic,@function
mgo_sigpanic:
  .cfi_startproc
  .cfi_signal_frame
  .cfi_def_cfa %rsp, 136
  .cfi_offset %rip, -136
  pushq %rbp
  .cfi_def_cfa_offset 144
  .cfi_offset %rbp, -144
  movq %rsp, %rbp
  .cfi_def_cfa_register %rbp
  andq $-16, %rsp
  callq mgo_panic_nil_deref@PLT
  ud2
  .cfi_endproc
  .size mgo_sigpanic, .-mgo_sigpanic
)");

namespace mgo::rt {
namespace {

constexpr size_t kAltStackSize = 64 * 1024;
constexpr uintptr_t kRedZone = 128;
// Go's rule (sigpanic): faults below the first page are nil dereferences.
constexpr uintptr_t kMinLegalAddr = 4096;

struct sigaction old_segv;

// The fault mgo_sigpanic is about to raise on this thread.
thread_local Fault pending_fault;
thread_local bool has_pending_fault;

bool touches_user_pointer(uintptr_t pc) {
  return pc >= reinterpret_cast<uintptr_t>(__start_mgo_userptr) &&
         pc < reinterpret_cast<uintptr_t>(__stop_mgo_userptr);
}

bool on_goroutine() {
  G *g = getg();
  return g && !g->is_g0;
}

// Go's throw from a signal: the reason, the signal line, the goroutine.
// A bad address where a user pointer was expected is named first (sigpanic).
[[noreturn]] void die(const char *reason, const Fault &f, bool badAddress) {
  mgo::FdOut r(STDERR_FILENO);
  if (badAddress) {
    r.put("unexpected fault address ");
    r.hex(f.addr);
    r.put('\n');
  }
  r.put("fatal error: ");
  r.put(reason);
  r.put("\n[signal SIGSEGV: segmentation violation code=");
  r.hex(uint64_t(f.code));
  r.put(" addr=");
  r.hex(f.addr);
  r.put(" pc=");
  r.hex(f.pc);
  r.put("]\n");
  if (on_goroutine()) {
    r.put("\ngoroutine ");
    r.dec(int64_t(mgo_current_goroutine_id()));
    r.put(" [running]:\n");
  }
  r.flush();
  _exit(2);
}

// Makes the interrupted context call mgo_sigpanic from the faulting pc.
void prepare_panic(greg_t *regs, const Fault &f) {
  pending_fault = f;
  has_pending_fault = true;
  uintptr_t sp = uintptr_t(regs[REG_RSP]) - kRedZone - sizeof(uintptr_t);
  *reinterpret_cast<uintptr_t *>(sp) = f.pc;
  regs[REG_RSP] = greg_t(sp);
  regs[REG_RIP] = greg_t(reinterpret_cast<uintptr_t>(&mgo_sigpanic));
}

bool forward(int sig, siginfo_t *info, void *ctx) {
  if (old_segv.sa_flags & SA_SIGINFO) {
    if (!old_segv.sa_sigaction)
      return false;
    old_segv.sa_sigaction(sig, info, ctx);
    return true;
  }
  if (old_segv.sa_handler == SIG_DFL || old_segv.sa_handler == SIG_IGN)
    return false;
  old_segv.sa_handler(sig);
  return true;
}

void on_segv(int sig, siginfo_t *info, void *ctx) {
  greg_t *regs = static_cast<ucontext_t *>(ctx)->uc_mcontext.gregs;
  Fault f{reinterpret_cast<uintptr_t>(info->si_addr), uintptr_t(regs[REG_RIP]),
          info->si_code};
  stack_guard_fault(f.addr, f.pc, uintptr_t(regs[REG_RSP]));
  if (touches_user_pointer(f.pc) && on_goroutine()) {
    if (f.addr < kMinLegalAddr &&
        (f.code == SEGV_MAPERR || f.code == SEGV_ACCERR)) {
      prepare_panic(regs, f);
      return;
    }
    die("fault", f, true);
  }
  if (forward(sig, info, ctx))
    return;
  die("unexpected signal during runtime execution", f, false);
}

// Go's register dump under a signal's traceback (dumpregs).
void append_registers(mgo::TextOut &out, const greg_t *regs) {
  static const struct {
    const char *name;
    int reg;
  } kRegs[] = {{"rax", REG_RAX}, {"rbx", REG_RBX}, {"rcx", REG_RCX},
               {"rdx", REG_RDX}, {"rdi", REG_RDI}, {"rsi", REG_RSI},
               {"rbp", REG_RBP}, {"rsp", REG_RSP}, {"r8", REG_R8},
               {"r9", REG_R9},   {"r10", REG_R10}, {"r11", REG_R11},
               {"r12", REG_R12}, {"r13", REG_R13}, {"r14", REG_R14},
               {"r15", REG_R15}, {"rip", REG_RIP}, {"rflags", REG_EFL}};
  auto line = [&out](const char *name, uint64_t v) {
    out.put(name);
    out.put(std::string_view("       ", 7 - strlen(name)));
    out.hex(v);
    out.put('\n');
  };
  for (const auto &r : kRegs)
    line(r.name, uint64_t(regs[r.reg]));
  // cs, gs and fs are packed into one word, 16 bits each.
  uint64_t segs = uint64_t(regs[REG_CSGSFS]);
  line("cs", segs & 0xffff);
  line("fs", segs >> 32 & 0xffff);
  line("gs", segs >> 16 & 0xffff);
}

// SIGQUIT, and SIGTRAP (runtime.Breakpoint without a debugger): every
// goroutine's traceback and the registers, then exit 2, as Go's sighandler
// for a _SigThrow signal. The first thread it reaches reports; others wait
// for the exit.
//
// Nothing in it allocates or takes a lock another thread may hold, whatever
// the interrupted thread was doing (malloc included): the text goes through
// FdOut, the symbol tables are built here without malloc if no traceback has
// built them yet, GOTRACEBACK was read at start-up, libgcc's FDE table is
// sorted by sysmon soon after start-up (prime_unwinder), and freeze_world
// only stores atomics and sleeps.
void on_quit(int sig, siginfo_t *info, void *ctx) {
  static std::atomic<bool> reporting{false};
  if (reporting.exchange(true))
    for (;;)
      pause();
  mgo::symtab::prepare_for_signal();
  const greg_t *regs = static_cast<ucontext_t *>(ctx)->uc_mcontext.gregs;
  mgo::set_throwing();
  M *m = getm();
  G *g = getg();
  // Written as it is made, through a fixed buffer: no allocation or stdio
  // lock in the handler for the text.
  mgo::FdOut out(STDERR_FILENO);
  out.put(sig == SIGTRAP ? "SIGTRAP: trace trap" : "SIGQUIT: quit");
  out.put("\nPC=");
  out.hex(uint64_t(regs[REG_RIP]));
  out.put(" m=");
  out.dec(int64_t(m ? m->id : 0));
  out.put(" sigcode=");
  out.dec(info->si_code);
  out.put("\n\n");
  if (on_goroutine()) {
    mgo::Trace trace;
    mgo::capture_trace(&trace);
    mgo::append_traceback(out, g, "running", trace, 2);
  } else {
    out.put("goroutine 0 [idle]:\n");
  }
  freeze_world();
  mgo::append_goroutines(out, on_goroutine() ? g : nullptr, 2);
  out.put('\n');
  append_registers(out, regs);
  mgo::write_fatal(out);
}

_Unwind_Reason_Code stop_walk(_Unwind_Context *, void *) {
  return _URC_END_OF_STACK;
}

} // namespace

bool take_fault(Fault *out) {
  if (!has_pending_fault)
    return false;
  has_pending_fault = false;
  *out = pending_fault;
  return true;
}

// libgcc holds its FDE lock while it sorts: a SIGQUIT handled on this thread
// meanwhile would wait for it forever, and so would one handled on another
// thread while the collector has this one stopped (the handler blocks the
// collector's signals, so the world never stops and the lock never comes
// back). Every asynchronous signal waits the 0.4 ms: the collector's stop
// (it resends until answered) and a SIGQUIT alike. sigprocmask, per thread
// in glibc, because gc.h makes pthread_sigmask GC_pthread_sigmask, which
// leaves the collector's signal unblocked.
void prime_unwinder() {
  sigset_t async, old;
  sigfillset(&async);
  for (int sync : {SIGSEGV, SIGBUS, SIGFPE, SIGILL})
    sigdelset(&async, sync);
  sigprocmask(SIG_BLOCK, &async, &old);
  _Unwind_Backtrace(stop_walk, nullptr);
  sigprocmask(SIG_SETMASK, &old, nullptr);
}

void signal_init() {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = on_segv;
  sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
  // The collector's stop signal must wait until the thread is back on a
  // stack it knows how to scan (its handler would record the signal
  // stack's sp). Returning restores the interrupted mask, SIGSEGV included.
  sigfillset(&sa.sa_mask);
  sigaction(SIGSEGV, &sa, &old_segv);
  sa.sa_sigaction = on_quit;
  sigaction(SIGQUIT, &sa, nullptr);
  sigaction(SIGTRAP, &sa, nullptr);
}

// The bounds are recorded first: a stop signal may come as soon as the
// stack is installed, and its handler tells by them where it runs.
void signal_install_altstack(M *m) {
  stack_t ss;
  ss.ss_sp = malloc(kAltStackSize);
  ss.ss_size = kAltStackSize;
  ss.ss_flags = 0;
  m->sig_lo = reinterpret_cast<uintptr_t>(ss.ss_sp);
  m->sig_hi = m->sig_lo + ss.ss_size;
  sigaltstack(&ss, nullptr);
}

} // namespace mgo::rt

// runtime.Breakpoint: a debugger stops here; without one, on_quit reports.
extern "C" void mgo_runtime_Breakpoint(void) { asm volatile("int3"); }
