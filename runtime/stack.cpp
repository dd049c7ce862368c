// Goroutine stacks: fixed-size mappings with a guard page, never unmapped.
//
// Stacks are carved out of batches mapped kStackBatch at a time (a fresh
// mapping costs ~5 us and its first touch a page fault each, so the hot path
// never maps). A stack belongs to a G for the G's whole life and is reused
// with it through the dead-G free lists (sched.cpp), so no stack is freed,
// and none is reused before the switch away from it has completed.
//
// Overflow: the page below each stack is PROT_NONE; the SIGSEGV handler
// (signal.cpp) asks stack_is_guard whether a fault hit one.
//
// batches[] is append-only (under batch_lock) and read lock-free by the
// signal handler up to nbatches.
#include "sched.h"

#include <sys/mman.h>

namespace mgo::rt {
namespace {

constexpr size_t kPage = 4096;
constexpr size_t kSlot = kStackSize + kPage; // guard page + stack
constexpr size_t kStackBatch = 16;
constexpr size_t kMaxBatches = 1 << 16;

Lock batch_lock;
uintptr_t batches[kMaxBatches];
std::atomic<size_t> nbatches{0};
// The unused part of the newest batch (under batch_lock).
uintptr_t next_slot = 0;
uintptr_t batch_end = 0;

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

bool stack_is_guard(uintptr_t addr) {
  size_t n = nbatches.load(std::memory_order_acquire);
  for (size_t i = 0; i < n; i++) {
    uintptr_t base = batches[i];
    if (addr >= base && addr < base + kStackBatch * kSlot)
      return (addr - base) % kSlot < kPage;
  }
  return false;
}

} // namespace mgo::rt
