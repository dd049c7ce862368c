// Panics as exceptions of the Itanium ABI (docs/lowering.md, "Defer").
//
// panic(v) pushes a Panic record on the goroutine's chain and raises it with
// _Unwind_RaiseException. Every compiled function that defers has a catch-all
// landing pad (C++ personality): the unwinder stops there, the function runs
// its deferred calls and either returns normally (the panic was recovered) or
// raises the same exception again from its own frame. Functions without
// defers have no landing pad and cost nothing. Each goroutine's entry catches
// what is left: by then every deferred call of the goroutine has run, and the
// chain is printed as Go prints it before the process exits with status 2.
//
// runtime.Goexit raises a record of the same kind marked goexit: the same
// landing pads run the same deferred calls, but recover() does not see it,
// and the goroutine's entry ends the goroutine quietly when it arrives.
//
// A frame is named by the address of its `panicking` flag, unique while the
// frame lives.
#include "panic.h"
#include "print.h"
#include "sched.h"
#include "traceback.h"

#define GC_THREADS
#include <gc.h>

#include <csignal>
#include <cstring>
#include <string>
#include <unwind.h>

namespace mgo {

struct Panic {
  _Unwind_Exception exc; // first: the landing pad receives its address
  MgoAny value;
  Panic *link; // the panic this one interrupted, if any
  void *frame; // the frame running deferred calls for it
  // That frame's CFA, to find it on the stack, and its landing pad's pc.
  uintptr_t frameCfa, framePc;
  bool recovered; // a deferred call recovered it
  bool aborted;   // a newer panic unwound the frame handling it
  bool nilDeref;  // Go adds the SIGSEGV line when it is fatal
  // That line's code, addr and pc.
  rt::Fault fault;
  bool goexit; // runtime.Goexit, not a panic
  // The stack where it was raised, for the traceback if nothing recovers it
  // and for runtime.Callers in its deferred calls.
  Trace trace;
};

} // namespace mgo

namespace {

using mgo::Panic;
using mgo::rt::G;

// "MGO\0PANC": foreign to C++, so only catch-all clauses match it.
constexpr uint64_t kExceptionClass = 0x4d474f0050414e43ull;

G *curg() { return mgo::rt::getg(); }

Panic *top(G *g) { return static_cast<Panic *>(g->panics); }

void pop(G *g) {
  Panic *p = top(g);
  g->panics = p->link;
  GC_FREE(p);
}

// Go's printpanics: a Goexit the panics interrupted prints nothing.
void print_chain(const Panic *p, std::string &out) {
  if (p->link) {
    print_chain(p->link, out);
    if (!p->link->goexit)
      out += '\t';
  }
  if (p->goexit)
    return;
  out += "panic: " + mgo::panic_value_text(&p->value);
  if (p->recovered)
    out += " [recovered]";
  out += '\n';
}

[[noreturn]] void die_unrecovered(const Panic *p) {
  std::string out;
  print_chain(p, out);
  if (p->nilDeref) {
    out += "[signal SIGSEGV: segmentation violation code=";
    mgo::append_print_hex(out, uint64_t(p->fault.code));
    out += " addr=";
    mgo::append_print_hex(out, p->fault.addr);
    out += " pc=";
    mgo::append_print_hex(out, p->fault.pc);
    out += "]\n";
  }
  mgo::TracebackMode mode = mgo::traceback_mode();
  if (mode.level > 0) {
    out += '\n';
    mgo::StringOut text(out);
    mgo::append_traceback(text, curg(), "running", p->trace, mode.level);
    if (mode.all) {
      mgo::rt::freeze_world();
      mgo::append_goroutines(text, curg(), mode.level);
    }
  }
  mgo::write_fatal(out);
}

// The fault the signal handler turned into this panic, or code=0x1 addr=0x0
// pc=0x0 for an explicit nil check of compiled code.
mgo::rt::Fault nil_fault(bool nilDeref) {
  mgo::rt::Fault f{0, 0, SEGV_MAPERR};
  if (nilDeref)
    mgo::rt::take_fault(&f);
  return f;
}

[[noreturn]] void raise(G *g, Panic *p) {
  _Unwind_RaiseException(&p->exc);
  // No handler: only possible off a goroutine's entry.
  die_unrecovered(top(g));
}

Panic *push(G *g) {
  auto *p =
      static_cast<Panic *>(mgo::rt::gc_malloc_uncollectable(sizeof(Panic)));
  std::memset(p, 0, sizeof(Panic));
  p->exc.exception_class = kExceptionClass;
  p->link = top(g);
  g->panics = p;
  return p;
}

// The goroutine's deferred calls all ran for its Goexit: what it interrupted
// is dropped, as Go drops it. The main goroutine stops being main, so that
// the program goes on until checkdead finds no goroutine left.
void finish_goexit(G *g) {
  while (top(g))
    pop(g);
  G *main = g;
  mgo::rt::sched.maing.compare_exchange_strong(main, nullptr,
                                               std::memory_order_relaxed);
}

} // namespace

void mgo::raise_panic(MgoAny value, bool nilDeref) {
  G *g = curg();
  if (!g || g->is_g0) {
    // Runtime code outside any goroutine (tests): nothing to unwind.
    Panic p{};
    p.value = value;
    p.nilDeref = nilDeref;
    p.fault = nil_fault(nilDeref);
    die_unrecovered(&p);
  }
  Panic *p = push(g);
  p->value = value;
  p->nilDeref = nilDeref;
  p->fault = nil_fault(nilDeref);
  mgo::capture_trace(&p->trace);
  raise(g, p);
}

extern "C" void mgo_runtime_Goexit(void) {
  G *g = curg();
  Panic *p = push(g);
  p->goexit = true;
  mgo::capture_trace(&p->trace);
  raise(g, p);
}

void mgo::run_goroutine(void (*fn)(void *), void *arg) {
  try {
    fn(arg);
    return;
  } catch (...) {
    if (!top(curg())->goexit)
      die_unrecovered(top(curg()));
  }
  finish_goexit(curg());
}

bool mgo::call_recovering(void (*fn)(void *), void *arg, MgoAny *recovered) {
  try {
    fn(arg);
    return true;
  } catch (...) {
    *recovered = top(curg())->value;
  }
  // The exception's storage is the Panic record: free it after the catch.
  // recover() does not stop a Goexit: it goes on.
  G *g = curg();
  if (top(g)->goexit)
    raise(g, top(g));
  pop(g);
  while (top(g) && top(g)->aborted)
    pop(g);
  return false;
}

const mgo::Trace *mgo::running_panic(const G *g, uintptr_t *cfa, uintptr_t *pc,
                                     bool *goexit) {
  if (!g || g->is_g0)
    return nullptr;
  for (const Panic *p = static_cast<const Panic *>(g->panics); p; p = p->link)
    if (p->frame) {
      *cfa = p->frameCfa;
      *pc = p->framePc;
      *goexit = p->goexit;
      return &p->trace;
    }
  return nullptr;
}

// The landing pad of `frame` caught the newest panic: a panic whose deferred
// calls that frame was running is aborted (Go prints it, and drops it once
// the newer one is recovered).
extern "C" void mgo_panic_landed(mgo_ptr exn, mgo_ptr frame) {
  (void)exn;
  Panic *p = top(curg());
  for (Panic *q = p->link; q; q = q->link)
    if (q->frame == frame)
      q->aborted = true;
  p->frame = frame;
  mgo::caller_frame(&p->frameCfa, &p->framePc);
  // No tail call: caller_frame counts this frame.
  asm volatile("" ::: "memory");
}

extern "C" void mgo_panic_continue(mgo_ptr frame) {
  (void)frame;
  G *g = curg();
  raise(g, top(g));
}

// A deferred call `frame` made for a panic returned: whether the frame is
// still panicking. Recovered, the panic leaves the chain with the panics it
// had aborted, and the frame goes on as in a normal return; but a Goexit it
// had aborted resumes instead, as Go's recovery does.
extern "C" mgo_bool mgo_defer_returned(mgo_ptr frame) {
  (void)frame;
  G *g = curg();
  if (!top(g)->recovered)
    return true;
  pop(g);
  if (top(g) && top(g)->goexit && top(g)->aborted) {
    top(g)->aborted = false;
    return true;
  }
  while (top(g) && top(g)->aborted)
    pop(g);
  return false;
}

// Only the function a panicking frame defers may recover: the frame names it
// here (its code pointer, or a closure's) just before calling it.
extern "C" void mgo_recover_arm(mgo_ptr code, mgo_ptr closure) {
  if (!code && closure)
    code = *static_cast<void **>(closure);
  curg()->recover_fn = code;
}

// A method value's or expression's wrapper, armed by a panicking frame, arms
// the method it calls instead: Go's wrappers do not count as a frame for
// recover.
extern "C" void mgo_recover_forward(mgo_ptr self, mgo_ptr target) {
  G *g = curg();
  if (g->recover_fn == self)
    g->recover_fn = target;
}

// At the entry of a function calling recover(): the panic it may recover,
// when the panicking frame called it directly.
extern "C" mgo_ptr mgo_recover_enter(mgo_ptr self) {
  G *g = curg();
  if (!g->panics || g->recover_fn != self)
    return nullptr;
  g->recover_fn = nullptr;
  return g->panics;
}

// An itab wrapper does nothing but call its method: armed, it arms the
// method. Checked in the method rather than forwarded by the wrapper, so
// that interface calls pay nothing for it.
extern "C" mgo_ptr mgo_recover_enter_method(mgo_ptr self, mgo_ptr via_value,
                                            mgo_ptr via_pointer) {
  G *g = curg();
  if (g->recover_fn &&
      (g->recover_fn == via_value || g->recover_fn == via_pointer))
    g->recover_fn = self;
  return mgo_recover_enter(self);
}

extern "C" void mgo_recover(mgo_ptr token, MgoAny *out) {
  Panic *p = top(curg());
  *out = MgoAny{nullptr, nullptr};
  if (!token || token != p || p->recovered || p->goexit)
    return;
  p->recovered = true;
  *out = p->value;
}
