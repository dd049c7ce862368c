// What AddressSanitizer must be told about goroutine stacks; nothing when the
// runtime is built without it.
//
// ASan poisons a frame's redzones on entry and clears them on return. A
// goroutine's frames are not all returned from: an exiting G leaves its
// stack by a switch, and a panic unwinds past frames without running their
// epilogues. Their redzones would stay poisoned in memory the next G (pooled
// initial segments) or the next mapping at the same address (growth
// segments) uses as fresh stack, so stack memory is unpoisoned as it is
// freed. Each switch names the stack it lands on, so ASan's stack bounds and
// fake stacks (use-after-return) follow the running G as its own threads'
// would.
#ifndef MGO_RUNTIME_ASAN_H
#define MGO_RUNTIME_ASAN_H

#include <cstddef>
#include <cstdint>

#if defined(__SANITIZE_ADDRESS__)
#define MGO_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define MGO_ASAN 1
#endif
#endif
#ifndef MGO_ASAN
#define MGO_ASAN 0
#endif

#if MGO_ASAN
#include <sanitizer/asan_interface.h>
#include <sanitizer/common_interface_defs.h>
#endif

namespace mgo::rt {

inline void asan_unpoison_stack(uintptr_t lo, size_t size) {
#if MGO_ASAN
  ASAN_UNPOISON_MEMORY_REGION(reinterpret_cast<void *>(lo), size);
#else
  (void)lo;
  (void)size;
#endif
}

// Before switching to the stack [lo, hi); fake_stack is where the G being
// left keeps its fake stack, null when it will never run again.
inline void asan_start_switch(void **fake_stack, uintptr_t lo, uintptr_t hi) {
#if MGO_ASAN
  __sanitizer_start_switch_fiber(fake_stack, reinterpret_cast<void *>(lo),
                                 hi - lo);
#else
  (void)fake_stack;
  (void)lo;
  (void)hi;
#endif
}

// First thing on arriving on a G's stack: its saved fake stack (null for a G
// that starts).
inline void asan_finish_switch(void *fake_stack) {
#if MGO_ASAN
  __sanitizer_finish_switch_fiber(fake_stack, nullptr, nullptr);
#else
  (void)fake_stack;
#endif
}

} // namespace mgo::rt

#endif
