// runtime.SetFinalizer over the collector's finalization. Boehm decides when
// an object has become unreachable, in Go's order (an object's finalizer
// runs before those of the objects it points to; a cycle is never
// finalized), but it only queues the object: a goroutine runs the
// finalizers, one after the other, as Go's finalizer goroutine does, so a
// finalizer never runs inside the collector or on a signal stack and may
// block, allocate or panic like any goroutine.
#define GC_THREADS
#include <gc.h>

#include "alloc.h"
#include "sched.h"
#include "types.h"

#include <atomic>
#include <string>

namespace {

using Thunk = void (*)(void *finalizer, const MgoType *obj_type, void *obj);

// The collector's client data for one object: traced, so the finalizer's
// closure stays alive, and never pointing at the object, which would keep
// it reachable.
struct Finalizer {
  void *fn;
  Thunk thunk; // codegen's: converts the object to the parameter type
  const MgoType *obj_type;
  uintptr_t offset; // of the pointer SetFinalizer got, in its block
};

// An object whose finalizer is due, queued by the collector's callback.
struct Ready {
  Ready *next;
  void *obj;
  Finalizer *f;
};

// Whether a finalizer goroutine exists: one at a time, as in Go.
std::atomic<bool> running{false};
// Touched only by the finalizer goroutine. Globals are roots of the
// collector, so queued objects stay alive until their finalizer ran.
Ready *queue_head;
Ready *queue_tail;

// Inside GC_invoke_finalizers, on the system stack.
void GC_CALLBACK enqueue(void *obj, void *client_data) {
  auto *r = static_cast<Ready *>(GC_MALLOC(sizeof(Ready)));
  if (!r)
    mgo::rt::fatal("runtime: out of memory");
  *r = Ready{nullptr, obj, static_cast<Finalizer *>(client_data)};
  if (queue_tail)
    queue_tail->next = r;
  else
    queue_head = r;
  queue_tail = r;
}

void run_finalizers(void *) {
  for (;;) {
    mgo::rt::systemstack([] { GC_invoke_finalizers(); });
    while (Ready *r = queue_head) {
      queue_head = r->next;
      if (!queue_head)
        queue_tail = nullptr;
      Finalizer *f = r->f;
      f->thunk(f->fn, f->obj_type, static_cast<char *>(r->obj) + f->offset);
    }
    running.store(false, std::memory_order_seq_cst);
    // Finalizers that became due meanwhile are run by this goroutine, or by
    // the one the next allocation starts.
    if (!GC_should_invoke_finalizers() || running.exchange(true))
      return;
  }
}

[[noreturn]] void fail(const std::string &why) {
  mgo::rt::fatal(("runtime.SetFinalizer: " + why).c_str());
}

std::string name_of(const MgoType *t) {
  return std::string(mgo::view(t->name));
}

// Go's "uncommon" types: named, or with methods.
bool uncommon(const MgoType *t) {
  return t->nmethods > 0 ||
         (t->kind == MGO_POINTER && t->name.len > 0 && t->name.ptr[0] != '*');
}

// Whether a finalizer taking param accepts a pointer of type obj: Go's
// rules (the same type, an assignable pointer, or an interface obj
// implements).
bool accepts(const MgoType *param, const MgoType *obj) {
  if (param == obj)
    return true;
  switch (param->kind) {
  case MGO_POINTER:
    return (!uncommon(param) || !uncommon(obj)) && param->elem == obj->elem;
  case MGO_INTERFACE:
    return param->nmethods == 0 || mgo_itab_find(param, obj) != nullptr;
  default:
    return false;
  }
}

} // namespace

void mgo::finalizer_init() { GC_set_finalize_on_demand(1); }

// GC_should_invoke_finalizers is one load of the collector's queue head.
void mgo::start_due_finalizers() {
  if (!GC_should_invoke_finalizers() || running.exchange(true))
    return;
  rt::newproc(run_finalizers, nullptr);
}

extern "C" void mgo_set_finalizer(const MgoType *obj_type, mgo_ptr obj_data,
                                  const MgoType *fin_type, mgo_ptr fin,
                                  mgo_int shape, const MgoType *param,
                                  mgo_ptr thunk) {
  if (!obj_type)
    fail("first argument is nil");
  if (obj_type->kind != MGO_POINTER)
    fail("first argument is " + name_of(obj_type) + ", not pointer");
  void *p = *static_cast<void **>(obj_data);
  void *base = GC_base(p);
  if (!base) {
    // Zero-size objects and package variables are never freed; Go ignores
    // them too. (What Go allocates on the heap, mgoc does: an object whose
    // address reaches SetFinalizer escapes.)
    if (p)
      return;
    fail("pointer not in allocated block");
  }
  // Go allows an interior pointer where its tiny allocator could have put
  // the object: pointer-free and smaller than 16 bytes.
  if (p != base &&
      (mgo::has_pointers(obj_type->elem) || obj_type->elem->size >= 16))
    fail("pointer not at beginning of allocated block");
  if (!fin_type) {
    mgo::rt::systemstack([&] {
      GC_register_finalizer(base, nullptr, nullptr, nullptr, nullptr);
    });
    return;
  }
  if (fin_type->kind != MGO_FUNC)
    fail("second argument is " + name_of(fin_type) + ", not a function");
  std::string cannot =
      "cannot pass " + name_of(obj_type) + " to finalizer " + name_of(fin_type);
  if (shape == 1)
    fail(cannot + " because dotdotdot");
  if (shape != 0 || !accepts(param, obj_type))
    fail(cannot);
  auto *f = static_cast<Finalizer *>(mgo::rt::gc_malloc(sizeof(Finalizer)));
  if (!f)
    mgo::rt::fatal("runtime: out of memory");
  *f = Finalizer{fin, reinterpret_cast<Thunk>(thunk), obj_type,
                 uintptr_t(static_cast<char *>(p) - static_cast<char *>(base))};
  GC_finalization_proc old = nullptr;
  void *old_data = nullptr;
  mgo::rt::systemstack(
      [&] { GC_register_finalizer(base, enqueue, f, &old, &old_data); });
  if (old)
    fail("finalizer already set");
}
