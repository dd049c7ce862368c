// SIGSEGV handling. The handler runs on a per-M alternate signal stack (the
// faulting goroutine stack may have little left). Goroutine stacks have no
// guard pages (they grow, and compiled code reports an overflow itself,
// morestack.cpp). Faults that are not ours go to whoever was installed
// before.
#include "sched.h"

#include <csignal>
#include <cstdlib>
#include <cstring>

namespace mgo::rt {
namespace {

constexpr size_t kAltStackSize = 64 * 1024;

struct sigaction old_segv;

void on_segv(int sig, siginfo_t *info, void *ctx) {
  if (old_segv.sa_flags & SA_SIGINFO) {
    if (old_segv.sa_sigaction) {
      old_segv.sa_sigaction(sig, info, ctx);
      return;
    }
  } else if (old_segv.sa_handler != SIG_DFL && old_segv.sa_handler != SIG_IGN) {
    old_segv.sa_handler(sig);
    return;
  }
  signal(SIGSEGV, SIG_DFL); // the fault repeats on return and kills us
}

} // namespace

void signal_init() {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = on_segv;
  sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGSEGV, &sa, &old_segv);
}

void signal_install_altstack() {
  stack_t ss;
  ss.ss_sp = malloc(kAltStackSize);
  ss.ss_size = kAltStackSize;
  ss.ss_flags = 0;
  sigaltstack(&ss, nullptr);
}

} // namespace mgo::rt
