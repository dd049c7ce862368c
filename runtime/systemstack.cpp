// Running runtime code on the M's own stack, as Go's systemstack.
//
// Below a segment's limit the runtime's own (non-split) C++ code has only
// the segment's reserve. Work that may go deeper but never parks nor calls
// compiled code -- above all the collector's allocation slow path: a
// collection, and GC_clear_stack, which zeroes up to 16 KiB below sp --
// runs on the M's g0 stack when the goroutine's segment has less room than
// kSystemStackRoom left, just below the scheduler's frames suspended there (g0
// is always suspended while a goroutine runs on its M). This is what lets
// first segments shrink (docs/runtime.md). Meanwhile G::syssp says where the
// goroutine's own stack is live from, for the collector (context.cpp); the
// registers it had stay in registers or in the frames on g0, which the
// thread's scan covers.
#include "sched.h"

extern "C" void mgo_call_on_stack(void (*fn)(void *), void *arg, uintptr_t sp,
                                  uintptr_t *saved_sp);

// Calls fn(arg) with sp switched to `sp`; *saved_sp holds the caller's sp
// meanwhile. The frame pointer defines the CFA, so unwinders and debuggers
// walk through the switch.
asm(R"(
	.text
	.globl mgo_call_on_stack
	.hidden mgo_call_on_stack
	.type mgo_call_on_stack,@function
	.p2align 4
mgo_call_on_stack:
	.cfi_startproc
	pushq %rbp
	.cfi_def_cfa_offset 16
	.cfi_offset %rbp, -16
	movq %rsp, %rbp
	.cfi_def_cfa_register %rbp
	pushq %rbx
	.cfi_offset %rbx, -24
	movq %rcx, %rbx
	movq %rsp, (%rbx)
	movq %rdx, %rsp
	movq %rdi, %rax
	movq %rsi, %rdi
	callq *%rax
	leaq -8(%rbp), %rsp
	movq $0, (%rbx)
	popq %rbx
	popq %rbp
	.cfi_def_cfa %rsp, 8
	retq
	.cfi_endproc
	.size mgo_call_on_stack, .-mgo_call_on_stack
)");

namespace mgo::rt {

void systemstack(void (*fn)(void *), void *arg) {
  M *m = getm();
  auto sp = reinterpret_cast<uintptr_t>(__builtin_frame_address(0));
  G *g = m ? m->curg : nullptr;
  // Off the scheduler, on g0 already, or with a growth segment's room.
  if (MGO_TSAN || !g || g->is_g0 ||
      (sp >= m->g0.stack.lo && sp < m->g0.stack.hi) ||
      sp - stack_bottom(g->seg) >= kSystemStackRoom) {
    fn(arg);
    return;
  }
  auto top = (reinterpret_cast<uintptr_t>(m->g0.ctx) - 64) & ~uintptr_t(15);
  mgo_call_on_stack(fn, arg, top, &g->syssp);
}

void *gc_malloc(size_t n) {
  void *p;
  systemstack([&] { p = GC_MALLOC(n); });
  return p;
}

void *gc_malloc_atomic(size_t n) {
  void *p;
  systemstack([&] { p = GC_MALLOC_ATOMIC(n); });
  return p;
}

void *gc_malloc_uncollectable(size_t n) {
  void *p;
  systemstack([&] { p = GC_MALLOC_UNCOLLECTABLE(n); });
  return p;
}

} // namespace mgo::rt
