// os/signal's side of the runtime, as gc's runtime/sigqueue.go provides it
// (os/signal's bodyless signal_* functions, docs/lowering.md): signal_enable
// gives a signal a handler that queues it, signal_recv hands queued signals
// to os/signal's one watching goroutine (its loop), signal_disable gives a
// signal back its disposition from before, signal_ignore ignores it.
//
// Invariants: the handler does only async-signal-safe work (an atomic or
// into `pending`, sem_post); a signal delivered twice before the receiver
// takes it is one bit, so it is received once, as in gc. Only os/signal's
// loop calls signal_recv; it waits in sem_wait with its P handed away
// (BlockingSyscall), so other goroutines run meanwhile and the deadlock
// check counts its M as running, as gc's notetsleepg makes it count. The
// signals the runtime itself handles (faults, SIGQUIT and SIGTRAP for
// tracebacks, the collector's stop and restart signals) keep their handlers:
// os/signal's calls change nothing for them.
#include "sched.h"
#include "syscall.h"

#include "mgo/abi.h"

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <semaphore.h>

namespace {

constexpr int kNumSig = 65; // os/signal's numSig
constexpr int kWords = (kNumSig + 31) / 32;

std::atomic<uint32_t> pending[kWords];
// The receiver is in sem_wait, or about to be, with nothing pending.
std::atomic<bool> receiver_idle;
sem_t wake;
// Each signal's disposition before signal_enable first changed it.
struct sigaction original[kNumSig];
bool saved[kNumSig];

// GC_get_suspend_signal and GC_get_thr_restart_signal are Boehm's SIGPWR and
// SIGXCPU on Linux.
bool runtime_owned(uint32_t sig) {
  switch (sig) {
  case SIGSEGV:
  case SIGBUS:
  case SIGFPE:
  case SIGQUIT:
  case SIGTRAP:
  case SIGKILL:
  case SIGSTOP:
  case SIGPWR:
  case SIGXCPU:
    return true;
  }
  return sig == 0 || sig >= kNumSig;
}

void on_signal(int sig) {
  int saved_errno = errno;
  pending[sig / 32].fetch_or(1u << (sig % 32));
  sem_post(&wake);
  errno = saved_errno;
}

void set_disposition(uint32_t sig, const struct sigaction &sa) {
  if (!saved[sig]) {
    sigaction(int(sig), nullptr, &original[sig]);
    saved[sig] = true;
  }
  sigaction(int(sig), &sa, nullptr);
}

sem_t &wake_sem() {
  static bool initialised = sem_init(&wake, 0, 0) == 0;
  (void)initialised;
  return wake;
}

} // namespace

extern "C" {

void mgo_os_signal_signal_enable(uint32_t sig) {
  if (runtime_owned(sig))
    return;
  wake_sem();
  struct sigaction sa;
  std::memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_signal;
  // On the M's alternate stack: a goroutine's stack segment may have no
  // room for a handler (docs/runtime.md, Signals).
  sa.sa_flags = SA_RESTART | SA_ONSTACK;
  sigfillset(&sa.sa_mask);
  set_disposition(sig, sa);
}

void mgo_os_signal_signal_disable(uint32_t sig) {
  if (runtime_owned(sig) || !saved[sig])
    return;
  sigaction(int(sig), &original[sig], nullptr);
}

void mgo_os_signal_signal_ignore(uint32_t sig) {
  if (runtime_owned(sig))
    return;
  struct sigaction sa;
  std::memset(&sa, 0, sizeof sa);
  sa.sa_handler = SIG_IGN;
  set_disposition(sig, sa);
}

mgo_bool mgo_os_signal_signal_ignored(uint32_t sig) {
  if (sig == 0 || sig >= kNumSig)
    return false;
  struct sigaction sa;
  sigaction(int(sig), nullptr, &sa);
  return sa.sa_handler == SIG_IGN;
}

uint32_t mgo_os_signal_signal_recv(void) {
  for (;;) {
    for (int w = 0; w < kWords; w++) {
      uint32_t bits = pending[w].load();
      if (bits != 0)
        receiver_idle.store(false); // before the bit leaves pending
      while (bits != 0) {
        uint32_t bit = bits & -bits;
        if (pending[w].compare_exchange_weak(bits, bits & ~bit))
          return uint32_t(w * 32 + __builtin_ctz(bit));
      }
    }
    receiver_idle.store(true);
    mgo::BlockingSyscall blocking;
    while (sem_wait(&wake_sem()) != 0 && errno == EINTR) {
    }
  }
}

// signal.Stop's wait until every signal delivered before it has been
// handed to the receiver; a yield per look, as gc's sleeps.
void mgo_os_signal_signalWaitUntilIdle(void) {
  for (;;) {
    bool none = true;
    for (int w = 0; w < kWords; w++)
      none = none && pending[w].load() == 0;
    if (none && receiver_idle.load())
      return;
    mgo::rt::gosched();
  }
}
}
