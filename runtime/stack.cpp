// Goroutine stacks: fixed-size mappings with a guard page, never unmapped.
//
// Stacks are carved out of batches mapped kStackBatch at a time (a fresh
// mapping costs ~5 us and its first touch a page fault each, so the hot path
// never maps). A stack belongs to a G for the G's whole life and is reused
// with it through the dead-G free lists (sched.cpp), so no stack is freed,
// and none is reused before the switch away from it has completed.
//
// Overflow: the page below each stack is PROT_NONE. The SIGSEGV handler runs
// on a per-M alternate signal stack, finds the faulting address in a guard
// page and reports Go's "fatal error: stack overflow" instead of a crash.
//
// batches[] is append-only (under batch_lock) and read lock-free by the
// signal handler up to nbatches.
#include "sched.h"

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <sys/mman.h>
#include <unistd.h>

namespace mgo::rt {
namespace {

constexpr size_t kPage = 4096;
constexpr size_t kSlot = kStackSize + kPage; // guard page + stack
constexpr size_t kStackBatch = 16;
constexpr size_t kMaxBatches = 1 << 16;
constexpr size_t kAltStackSize = 64 * 1024;

Lock batch_lock;
uintptr_t batches[kMaxBatches];
std::atomic<size_t> nbatches{0};
// The unused part of the newest batch (under batch_lock).
uintptr_t next_slot = 0;
uintptr_t batch_end = 0;

struct sigaction old_segv;

bool in_guard_page(uintptr_t addr) {
  size_t n = nbatches.load(std::memory_order_acquire);
  for (size_t i = 0; i < n; i++) {
    uintptr_t base = batches[i];
    if (addr >= base && addr < base + kStackBatch * kSlot)
      return (addr - base) % kSlot < kPage;
  }
  return false;
}

void write_str(const char *s) {
  ssize_t r = write(2, s, strlen(s));
  (void)r;
}

void on_segv(int sig, siginfo_t *info, void *ctx) {
  if (in_guard_page(reinterpret_cast<uintptr_t>(info->si_addr))) {
    write_str("runtime: goroutine stack exceeds 262144-byte limit\n"
              "fatal error: stack overflow\n");
    _exit(2);
  }
  // Not ours: hand over to whoever was installed before, or die as usual.
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

void new_batch() {
  void *mem = mmap(nullptr, kStackBatch * kSlot, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  size_t n = nbatches.load(std::memory_order_relaxed);
  if (mem == MAP_FAILED || n == kMaxBatches)
    fatal("out of memory allocating goroutine stacks");
  uintptr_t base = reinterpret_cast<uintptr_t>(mem);
  for (size_t i = 0; i < kStackBatch; i++)
    mprotect(reinterpret_cast<void *>(base + i * kSlot), kPage, PROT_NONE);
  batches[n] = base;
  nbatches.store(n + 1, std::memory_order_release);
  next_slot = base;
  batch_end = base + kStackBatch * kSlot;
}

} // namespace

Stack stackalloc() {
  lock(&batch_lock);
  if (next_slot == batch_end)
    new_batch();
  uintptr_t slot = next_slot;
  next_slot += kSlot;
  unlock(&batch_lock);
  return Stack{slot + kPage, slot + kSlot};
}

void stack_init_overflow_handler() {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = on_segv;
  sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGSEGV, &sa, &old_segv);
}

// Every M needs its own signal stack: the faulting goroutine stack has none
// left to run the handler on.
void stack_install_altstack() {
  stack_t ss;
  ss.ss_sp = malloc(kAltStackSize);
  ss.ss_size = kAltStackSize;
  ss.ss_flags = 0;
  sigaltstack(&ss, nullptr);
}

} // namespace mgo::rt
