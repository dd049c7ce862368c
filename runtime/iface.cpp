// Interfaces at run time: itabs for pairs codegen could not see (assertions
// to interface types, conversions between interfaces), Go's interface
// conversion panics, and == on interface values.
//
// Methods are matched by name and by the name of their func type ("func()
// string"), never by descriptor address, so descriptors the runtime makes
// itself (runtime.Error values) satisfy interfaces declared in the program.
//
// Built itabs live in an open-addressed hash table, as in Go's itabTable:
// assertions on every P read it without a lock (an entry is immutable once
// published with a release store, and a table is never freed, since a
// reader may still hold it after a grow); only a miss takes itab_lock to
// build and insert. Pairs known to fail are cached too, with a NULL itab.
#include "panic.h"
#include "sched.h"
#include "types.h"

#include <atomic>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <string>

namespace {

struct ItabEntry {
  const MgoType *inter;
  const MgoType *type;
  MgoItab *itab;
};

struct ItabTable {
  size_t mask;  // size - 1; size is a power of two
  size_t count; // entries in use, under itab_lock
  std::atomic<ItabEntry *> entries[];
};

std::mutex itab_lock;
std::atomic<ItabTable *> itab_table{nullptr};

ItabTable *new_itab_table(size_t size) {
  size_t bytes = sizeof(ItabTable) + size * sizeof(std::atomic<ItabEntry *>);
  auto *t = static_cast<ItabTable *>(std::calloc(1, bytes));
  t->mask = size - 1;
  return t;
}

size_t itab_hash(const MgoType *inter, const MgoType *type) {
  auto h = reinterpret_cast<uintptr_t>(inter) * 0x9E3779B97F4A7C15u;
  return size_t(h ^ (reinterpret_cast<uintptr_t>(type) >> 3));
}

// The entry for the pair, or NULL if the pair has not been looked up yet.
ItabEntry *find_entry(const ItabTable *t, const MgoType *inter,
                      const MgoType *type) {
  if (t == nullptr)
    return nullptr;
  for (size_t i = itab_hash(inter, type);; i++) {
    ItabEntry *e = t->entries[i & t->mask].load(std::memory_order_acquire);
    if (e == nullptr || (e->inter == inter && e->type == type))
      return e;
  }
}

// Under itab_lock. Keeps the table at most half full, so probes stay short
// and always end at an empty slot.
void add_entry(ItabEntry *e) {
  ItabTable *t = itab_table.load(std::memory_order_relaxed);
  if (t == nullptr || 2 * (t->count + 1) > t->mask + 1) {
    ItabTable *bigger = new_itab_table(t ? 2 * (t->mask + 1) : 64);
    for (size_t i = 0; t && i <= t->mask; i++)
      if (ItabEntry *old = t->entries[i].load(std::memory_order_relaxed)) {
        size_t j = itab_hash(old->inter, old->type);
        while (
            bigger->entries[j & bigger->mask].load(std::memory_order_relaxed))
          j++;
        bigger->entries[j & bigger->mask].store(old, std::memory_order_relaxed);
        bigger->count++;
      }
    itab_table.store(bigger, std::memory_order_release);
    t = bigger;
  }
  size_t i = itab_hash(e->inter, e->type);
  while (t->entries[i & t->mask].load(std::memory_order_relaxed))
    i++;
  t->entries[i & t->mask].store(e, std::memory_order_release);
  t->count++;
}

bool same_method(const MgoMethod &want, const MgoMethod &have) {
  if (mgo::view(want.name) != mgo::view(have.name))
    return false;
  if (want.type == nullptr || have.type == nullptr)
    return want.type == have.type;
  return want.type == have.type ||
         mgo::view(want.type->name) == mgo::view(have.type->name);
}

// The first method of inter that type lacks, or NULL if it has them all;
// fills fun (when given) with type's implementations in inter's order.
const MgoMethod *missing_method(const MgoType *inter, const MgoType *type,
                                void **fun) {
  mgo_int j = 0;
  for (mgo_int i = 0; i < inter->nmethods; i++) {
    const MgoMethod &want = inter->methods[i];
    while (j < type->nmethods &&
           mgo::view(type->methods[j].name) < mgo::view(want.name))
      j++;
    if (j == type->nmethods || !same_method(want, type->methods[j]))
      return &want;
    if (fun)
      fun[i] = type->methods[j].fn;
  }
  return nullptr;
}

MgoItab *build_itab(const MgoType *inter, const MgoType *type) {
  if (missing_method(inter, type, nullptr))
    return nullptr;
  size_t size = sizeof(MgoItab) + sizeof(void *) * size_t(inter->nmethods);
  auto *itab = static_cast<MgoItab *>(std::calloc(1, size));
  itab->type = type;
  itab->inter = inter;
  missing_method(inter, type, itab->fun);
  return itab;
}

std::string name_of(const MgoType *t) {
  return std::string(mgo::view(t->name));
}

[[noreturn]] void uncomparable(const MgoType *t) {
  mgo::panic_runtime_error("comparing uncomparable type " + name_of(t));
}

bool equal_dynamic(const MgoType *t1, const void *d1, const MgoType *t2,
                   const void *d2) {
  if (t1 != t2)
    return false;
  if (t1 == nullptr)
    return true;
  if (!mgo::is_comparable(t1))
    uncomparable(t1);
  return mgo::values_equal(t1, d1, d2);
}

bool elements_equal(const MgoType *t, const char *x, const char *y) {
  if (t->kind == MGO_ARRAY) {
    for (mgo_int i = 0; i < t->len; i++) {
      mgo_int off = i * t->elem->size;
      if (!mgo::values_equal(t->elem, x + off, y + off))
        return false;
    }
    return true;
  }
  for (mgo_int i = 0; i < t->len; i++) {
    const MgoField &f = t->fields[i];
    if (mgo::view(f.name) != "_" &&
        !mgo::values_equal(f.type, x + f.offset, y + f.offset))
      return false;
  }
  return true;
}

template <typename T> bool equal_as(const void *a, const void *b) {
  T x, y;
  std::memcpy(&x, a, sizeof x);
  std::memcpy(&y, b, sizeof y);
  return x == y;
}

} // namespace

MgoAny mgo::load_any(const MgoType *iface, const void *p) {
  MgoAny v;
  std::memcpy(&v, p, sizeof v);
  if (iface->nmethods > 0 && v.type != nullptr)
    v.type = reinterpret_cast<const MgoItab *>(v.type)->type;
  return v;
}

bool mgo::values_equal(const MgoType *t, const void *a, const void *b) {
  auto *x = static_cast<const char *>(a), *y = static_cast<const char *>(b);
  switch (t->kind) {
  case MGO_STRING: {
    auto s = static_cast<const MgoString *>(a);
    auto u = static_cast<const MgoString *>(b);
    return s->len == u->len && std::memcmp(s->ptr, u->ptr, size_t(s->len)) == 0;
  }
  case MGO_FLOAT32:
    return equal_as<float>(a, b);
  case MGO_FLOAT64:
    return equal_as<double>(a, b);
  case MGO_COMPLEX64:
    return equal_as<float>(x, y) && equal_as<float>(x + 4, y + 4);
  case MGO_COMPLEX128:
    return equal_as<double>(x, y) && equal_as<double>(x + 8, y + 8);
  case MGO_INTERFACE: {
    MgoAny s = load_any(t, a), u = load_any(t, b);
    return equal_dynamic(s.type, s.data, u.type, u.data);
  }
  case MGO_ARRAY:
  case MGO_STRUCT: {
    // A level of recursion as deep as the type nests, or the value through
    // interfaces; the runtime is not split code (sched.h).
    bool eq;
    rt::with_stack_room([&] { eq = elements_equal(t, x, y); });
    return eq;
  }
  case MGO_SLICE:
  case MGO_MAP:
  case MGO_FUNC:
    uncomparable(t);
  default:
    return std::memcmp(a, b, size_t(t->size)) == 0;
  }
}

extern "C" mgo_ptr mgo_itab_find(const MgoType *inter, const MgoType *type) {
  if (type == nullptr)
    return nullptr;
  if (ItabEntry *e =
          find_entry(itab_table.load(std::memory_order_acquire), inter, type))
    return e->itab;
  std::lock_guard<std::mutex> guard(itab_lock);
  ItabEntry *e =
      find_entry(itab_table.load(std::memory_order_relaxed), inter, type);
  if (e == nullptr) {
    e = static_cast<ItabEntry *>(std::malloc(sizeof(ItabEntry)));
    *e = ItabEntry{inter, type, build_itab(inter, type)};
    add_entry(e);
  }
  return e->itab;
}

extern "C" mgo_ptr mgo_itab_assert(const MgoType *inter, const MgoType *type) {
  if (type == nullptr)
    mgo_panic_assert(nullptr, inter, nullptr);
  if (mgo_ptr itab = mgo_itab_find(inter, type))
    return itab;
  const MgoMethod *m = missing_method(inter, type, nullptr);
  mgo::panic_type_assertion("interface conversion: " + name_of(type) +
                            " is not " + name_of(inter) + ": missing method " +
                            std::string(mgo::view(m->name)));
}

extern "C" void mgo_panic_assert(const MgoType *have, const MgoType *want,
                                 const MgoType *src) {
  std::string msg = "interface conversion: " +
                    (src ? name_of(src) : std::string("interface")) + " is " +
                    (have ? name_of(have) : std::string("nil")) + ", not " +
                    name_of(want);
  // Two types printed alike are local types of different functions (the
  // library's packages have distinct names, so not Go's "different
  // packages").
  if (have && name_of(have) == name_of(want))
    msg += " (types from different scopes)";
  mgo::panic_type_assertion(msg);
}

extern "C" mgo_bool mgo_iface_equal(const MgoType *t1, const void *d1,
                                    const MgoType *t2, const void *d2) {
  return equal_dynamic(t1, d1, t2, d2);
}

extern "C" void mgo_panic_value_method(const MgoType *t, const uint8_t *method,
                                       mgo_int method_len) {
  std::string name = name_of(t);
  std::string bare = name.substr(name.rfind('.') + 1);
  mgo::panic_plain(
      "value method " + name + "." +
      std::string(reinterpret_cast<const char *>(method), size_t(method_len)) +
      " called using nil *" + bare + " pointer");
}
