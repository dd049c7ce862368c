// The goroutine context switch, inline: what a park, yield or exit pays on
// top of its queue work is a few stores and one jump_fcontext.
//
// jump_fcontext (Boost.Context) leaves through an indirect jmp, never a ret.
// Called with `call`, it would leave an entry on the CPU's return-stack
// predictor that nothing pops, so every return on the resumed stack would
// be predicted one frame off (~5 ns each). jump() pushes the return address
// by hand and enters it with a jmp instead: the predictor then holds the
// switched-away G's own call chain, which matches the resumed G's whenever
// both parked through the same path (a channel handoff).
#ifndef MGO_RUNTIME_SWITCH_H
#define MGO_RUNTIME_SWITCH_H

#include "sched.h"

#if MGO_TSAN
#include <sanitizer/tsan_interface.h>
#endif

namespace mgo::rt {

// bctx::jump_fcontext(to, data), entered without a call. Every register the
// ABI lets a callee change is clobbered; the red zone below rsp, which the
// compiler may be using, is stepped over before the push.
inline bctx::transfer_t jump(bctx::fcontext_t to, void *data) {
  bctx::transfer_t t;
  asm volatile("lea -%c[redzone](%%rsp), %%rsp\n\t"
               "lea 1f(%%rip), %%rax\n\t"
               "push %%rax\n\t"
               "jmp *jump_fcontext@GOTPCREL(%%rip)\n"
               "1:\n\t"
               "lea %c[redzone](%%rsp), %%rsp"
               : "=a"(t.fctx), "=d"(t.data), "+D"(to), "+S"(data)
               : [redzone] "i"(savedctx::redzone)
               : "rcx", "r8", "r9", "r10", "r11", "memory", "cc", "xmm0",
                 "xmm1", "xmm2", "xmm3", "xmm4", "xmm5", "xmm6", "xmm7", "xmm8",
                 "xmm9", "xmm10", "xmm11", "xmm12", "xmm13", "xmm14", "xmm15",
                 "st", "st(1)", "st(2)", "st(3)", "st(4)", "st(5)", "st(6)",
                 "st(7)"
#ifdef __AVX512F__
                 ,
                 "xmm16", "xmm17", "xmm18", "xmm19", "xmm20", "xmm21", "xmm22",
                 "xmm23", "xmm24", "xmm25", "xmm26", "xmm27", "xmm28", "xmm29",
                 "xmm30", "xmm31", "k1", "k2", "k3", "k4", "k5", "k6", "k7"
#endif
  );
  return t;
}

// The split-stack limit the running code's prologues compare sp with (the
// TCB's __private_ss slot, where libgcc's __morestack keeps it too).
inline void set_stackguard(uintptr_t limit) {
  asm volatile("movq %0, %%fs:0x70" : : "r"(limit) : "memory");
}

// Completes a switch on the destination's side: saves the previous G's
// context, then runs the M's pending post-switch action, if any.
inline void finish_switch(bctx::transfer_t t) {
  G *prev = static_cast<G *>(t.data);
  prev->ctx = t.fctx;
  // The switch never leaves the thread, so prev's M is ours: no TLS lookup.
  M *m = prev->switch_m;
  std::atomic_signal_fence(std::memory_order_seq_cst);
  m->prevg = nullptr;
  if (m->post != PostSwitch::None)
    post_switch_action(m, prev);
}

// Switches the running M from `from` to `to`; runs m->post on the other side.
// m->prevg is non-null exactly while the switch is in flight (the collector's
// signal handler reads it).
inline void switch_to(M *m, G *from, G *to) {
  from->switch_m = m;
  m->prevg = from;
  m->curg = to;
  set_stackguard(to->stackguard);
  std::atomic_signal_fence(std::memory_order_seq_cst);
#if MGO_TSAN
  // Under -race a switch is no synchronisation: goroutines sharing an M
  // are as unordered as any others (race.h).
  __tsan_switch_to_fiber(to->tsan_fiber,
                         MGO_RACE ? __tsan_switch_to_fiber_no_sync : 0);
#endif
#if MGO_ASAN
  bool exiting = from->status.load(std::memory_order_relaxed) == Gdead;
  asan_start_switch(exiting ? nullptr : &from->asan_fake_stack, to->seg->lo,
                    to->seg->hi);
#endif
  bctx::transfer_t t = jump(to->ctx, from);
#if MGO_ASAN
  asan_finish_switch(from->asan_fake_stack);
#endif
  finish_switch(t);
}

} // namespace mgo::rt

#endif
