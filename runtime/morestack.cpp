// Growing goroutine stacks: the segment allocator under libgcc's __morestack.
//
// Every function mgoc emits has LLVM's split-stack prologue: if sp minus its
// frame is below the limit in %fs:0x70 it calls __morestack (libgcc,
// morestack.S), which asks __generic_morestack below for a segment, switches
// sp to it, calls the rest of the function there and, once it returns, gives
// the segment back through __generic_releasestack. An exception (a panic)
// unwinding through __morestack runs its cleanup, which calls
// __generic_findstack. Defining these here keeps libgcc's own allocator
// (generic-morestack.o: an mmap per segment, per-thread chains) out of the
// link, so segments are per goroutine and the switch only reloads %fs:0x70.
//
// __morestack sets the limit to sp - *frame + kBackoff after the call;
// *frame is set so that the limit is stack_limit(segment), kStackReserve
// above its bottom, which is the room the runtime's own (non-split) C++
// code has.
//
// A goroutine keeps the newest segment it left for reuse, so a call at a
// segment boundary in a loop costs a __morestack round trip (~30 ns), not an
// mmap; the rest are freed when released and all of them when the G exits.
#include "sched.h"
#include "switch.h"

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>

// mgo_call_with_stack_room (sched.h) has the prologue LLVM gives a split
// function whose frame is MGO_STACK_ROOM bytes, without taking the frame:
// __morestack runs the body after its `ret` on a new segment, and the body
// tail-calls fn, which returns into __morestack to release the segment. Its
// argument registers are preserved through __morestack, which copies no stack
// arguments (r11).
asm(R"(
	.text
	.globl mgo_call_with_stack_room
	.hidden mgo_call_with_stack_room
	.type mgo_call_with_stack_room,@function
	.p2align 4
mgo_call_with_stack_room:
	.cfi_startproc
	leaq -)" MGO_STR(MGO_STACK_ROOM) R"((%rsp), %r11
	cmpq %fs:0x70, %r11
	jbe 2f
1:
	movq %rdi, %rax
	movq %rsi, %rdi
	jmpq *%rax
2:
	movl $)" MGO_STR(MGO_STACK_ROOM) R"(, %r10d
	movl $0, %r11d
	callq __morestack
	retq
	jmp 1b
	.cfi_endproc
	.size mgo_call_with_stack_room, .-mgo_call_with_stack_room
)");

namespace mgo::rt {
namespace {

constexpr size_t kPage = 4096;
// morestack.S adds this to the frame size it asks for and to the limit.
constexpr uintptr_t kBackoff = 0xe00;
constexpr size_t kMinSegment = 128 * 1024;
constexpr size_t kMaxSegment = 64 * 1024 * 1024;

// Go's limit (runtime.maxstacksize), which debug.SetMaxStack sets;
// MGO_MAX_STACK lowers the initial one for tests.
std::atomic<size_t> &max_stack_limit() {
  static std::atomic<size_t> limit = [] {
    const char *env = getenv("MGO_MAX_STACK");
    long long v = env ? atoll(env) : 0;
    return v > 0 ? size_t(v) : size_t(1000000000);
  }();
  return limit;
}

size_t max_stack() { return max_stack_limit().load(std::memory_order_relaxed); }

size_t seg_size(const Stack *s) { return s->hi - s->lo; }

size_t bytes_in_use(const Stack *s) {
  size_t n = 0;
  for (; s; s = s->prev)
    n += seg_size(s);
  return n;
}

// On the system stack: it runs in the reserve of a full segment, and
// fprintf alone takes ~9 KiB.
[[noreturn]] void overflow(const Stack *s, uintptr_t sp) {
  systemstack([&] {
    fprintf(stderr,
            "runtime: goroutine stack exceeds %zu-byte limit\n"
            "runtime: sp=%#lx stack=[%#lx, %#lx]\n",
            max_stack(), (unsigned long)sp, (unsigned long)s->lo,
            (unsigned long)s->hi);
  });
  fatal("stack overflow");
}

// A segment's header sits at its top, above hi. The segment's end is a
// multiple of 16 (stack_map's guard shift is too), so hi gives it back.
uintptr_t header_at(uintptr_t end) {
  return (end - sizeof(Stack)) & ~uintptr_t(15);
}
uintptr_t segment_end(const Stack *s) {
  return (s->hi + sizeof(Stack) + 15) & ~uintptr_t(15);
}

Stack *new_segment(const Stack *cur, size_t need, uintptr_t sp) {
  size_t size = std::max(kMinSegment, std::min(2 * seg_size(cur), kMaxSegment));
  size = std::max(size, (need + sizeof(Stack) + kPage - 1) & ~(kPage - 1));
  if (bytes_in_use(cur) + size > max_stack())
    overflow(cur, sp);
  uintptr_t lo = stack_map(size);
  if (!lo)
    fatal("out of memory allocating a stack segment");
  auto *s = reinterpret_cast<Stack *>(header_at(lo + size));
  *s = Stack{lo, reinterpret_cast<uintptr_t>(s)};
  return s;
}

void free_segments(Stack *s) {
  while (s) {
    Stack *next = s->next;
    stack_unmap(s->lo, segment_end(s) - s->lo);
    s = next;
  }
}

// The collector's stop signal may land anywhere here, and its handler walks
// the chain from the current segment's next one down (context.cpp): a
// segment is unlinked before it is unmapped, and linked only once its own
// prev and old_sp are set. The fences keep the compiler to that order.
void unlink_newer(Stack *s) {
  Stack *next = s->next;
  s->next = nullptr;
  std::atomic_signal_fence(std::memory_order_seq_cst);
  free_segments(next);
}

void make_current(G *g, Stack *s) {
  g->seg = s;
  g->stackguard = stack_limit(s);
}

// The running G moves to segment s: ASan's bounds of the running stack
// follow (asan.h), or it takes the segments for foreign memory.
void enter_segment(G *g, Stack *s) {
  make_current(g, s);
#if MGO_ASAN
  asan_start_switch(&g->asan_fake_stack, s->lo, s->hi);
  asan_finish_switch(g->asan_fake_stack);
#endif
}

G *split_g() {
  G *g = getg();
  if (!g || g->is_g0)
    fatal("morestack on g0");
  return g;
}

} // namespace

void stack_reset(G *g) {
  make_current(g, &g->stack);
  unlink_newer(&g->stack);
}

} // namespace mgo::rt

using namespace mgo::rt;

extern "C" mgo_int mgo_runtime_debug_SetMaxStack(mgo_int bytes) {
  return mgo_int(max_stack_limit().exchange(size_t(bytes)));
}

extern "C" {

// Returns the new sp, with the caller's stack arguments copied there.
void *__generic_morestack(size_t *frame, void *old_stack, size_t params) {
  G *g = split_g();
  Stack *cur = g->seg;
  size_t need = *frame + params + kStackReserve + 64;
  Stack *s = cur->next;
  if (s && seg_size(s) < need) {
    unlink_newer(cur);
    s = nullptr;
  }
  if (!s)
    s = new_segment(cur, need, reinterpret_cast<uintptr_t>(old_stack));
  s->prev = cur;
  s->old_sp = reinterpret_cast<uintptr_t>(old_stack);
  std::atomic_signal_fence(std::memory_order_seq_cst);
  cur->next = s;
  enter_segment(g, s);
  uintptr_t sp = (s->hi - params) & ~uintptr_t(15);
  memcpy(reinterpret_cast<void *>(sp), old_stack, params);
  *frame = sp - g->stackguard + kBackoff;
  return reinterpret_cast<void *>(sp);
}

// Back to the previous segment: returns the sp to resume at there.
void *__generic_releasestack(size_t *available) {
  G *g = split_g();
  Stack *s = g->seg;
  unlink_newer(s);
  enter_segment(g, s->prev);
  *available = s->old_sp - g->stackguard + kBackoff;
  return reinterpret_cast<void *>(s->old_sp);
}

// An exception unwound to sp: the segment holding it is current again.
size_t __generic_findstack(void *stack) {
  G *g = split_g();
  uintptr_t sp = reinterpret_cast<uintptr_t>(stack);
  Stack *s = g->seg;
  while (s->prev && !(sp >= s->lo && sp <= s->hi))
    s = s->prev;
  Stack *kept = s->next;
  Stack *dropped = kept ? kept->next : nullptr;
  if (kept)
    kept->next = nullptr;
  enter_segment(g, s);
  std::atomic_signal_fence(std::memory_order_seq_cst);
  free_segments(dropped);
  return sp - g->stackguard + kBackoff;
}

// morestack.S's constructor, __stack_split_initialize, gives the main
// thread a limit 16,000 bytes below its sp, then calls this: the main
// thread is no goroutine and never grows (as g0, and as threads the runtime
// starts), so the limit goes back to 0; runtime C++ that runs there before
// or without the scheduler (the runtime's tests) calls
// mgo_call_with_stack_room at any depth.
void __generic_morestack_set_initial_sp(void *, size_t) { set_stackguard(0); }
// The rest of morestack.S's interface: the limit is per goroutine, set on
// each switch, and no signal handler runs split code, so there is no signal
// to block.
void __morestack_block_signals() {}
void __morestack_unblock_signals() {}
void __morestack_load_mmap() {}
}
