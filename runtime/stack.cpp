// Goroutine initial stack segments, never unmapped.
//
// Initial segments are carved out of batches mapped kStackBatch at a time (a
// fresh mapping costs ~5 us and its first touch a page fault each, so the
// hot path never maps). A segment belongs to a G for the G's whole life and
// is reused with it through the dead-G free lists (sched.cpp), so none is
// freed, and none is reused before the switch away from it has completed.
//
// No segment has a guard page: one per stack would split the mapping, and a
// million stacks would pass the kernel's limit of 65530 mappings per process.
// Compiled code cannot overflow (its prologue checks the limit and grows the
// stack, morestack.cpp); the runtime's C++ code runs within kStackReserve.
#include "sched.h"

#include <sys/mman.h>

namespace mgo::rt {
namespace {

constexpr size_t kStackBatch = 256;

Lock batch_lock;
// The unused part of the newest batch (under batch_lock).
uintptr_t next_slot = 0;
uintptr_t batch_end = 0;

void new_batch() {
  void *mem = mmap(nullptr, kStackBatch * kStackSize, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (mem == MAP_FAILED)
    fatal("out of memory allocating goroutine stacks");
  next_slot = reinterpret_cast<uintptr_t>(mem);
  batch_end = next_slot + kStackBatch * kStackSize;
}

} // namespace

Stack stackalloc() {
  lock(&batch_lock);
  if (next_slot == batch_end)
    new_batch();
  uintptr_t slot = next_slot;
  next_slot += kStackSize;
  unlock(&batch_lock);
  return Stack{slot, slot + kStackSize};
}

} // namespace mgo::rt
