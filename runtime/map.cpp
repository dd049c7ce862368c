// Maps: open addressing with linear probing over one array of slots, each
// holding a key and its value inline, plus one control byte per slot (empty,
// deleted, or full with 7 bits of the hash to skip most key comparisons).
//
// Invariants:
//  - cap is zero (no table yet) or a power of two; full + deleted slots stay
//    below 3/4 of cap, so every probe sequence reaches an empty slot.
//  - Entries never move within a table. Growing, compacting or clearing
//    builds new arrays and leaves the old ones untouched, so an iterator can
//    walk the table it started on (kept alive by the collector through the
//    iterator's fields) and ask the current table whether each key is still
//    present and what its value is now - as Go's iterator does after growth.
//  - Keys are hashed and compared through the key's MgoType: +0 == -0, NaN
//    != NaN (every NaN insert adds an entry; NaNs hash randomly), strings by
//    content, aggregates field by field, interfaces by dynamic type and value.
//
// Iteration starts at a random slot, so programs cannot rely on an order.
#include "alloc.h"
#include "panic.h"
#include "sched.h"
#include "types.h"

#include <algorithm>
#include <atomic>
#include <bit>
#include <cstddef>
#include <cstring>
#include <string>

namespace {

using HashFn = uint64_t (*)(const MgoType *, const void *, uint64_t);
using EqualFn = bool (*)(const MgoType *, const void *, const void *);

constexpr uint8_t kEmpty = 0;
constexpr uint8_t kDeleted = 1;
constexpr mgo_int kMinCap = 8;

struct Map {
  const MgoType *key_type;
  HashFn hash;
  EqualFn equal;
  uint8_t *ctrl;
  char *slots;
  mgo_int cap;
  mgo_int count;
  mgo_int used; // full plus deleted slots
  mgo_int key_size;
  mgo_int value_offset;
  mgo_int slot_size;
  uint64_t seed;
  bool slots_have_pointers;
};
// The debugger reads a map through MgoMapHeader (abi.h).
static_assert(offsetof(Map, ctrl) == offsetof(MgoMapHeader, ctrl) &&
              offsetof(Map, slots) == offsetof(MgoMapHeader, slots) &&
              offsetof(Map, cap) == offsetof(MgoMapHeader, cap) &&
              offsetof(Map, count) == offsetof(MgoMapHeader, count));

// --- hashing ---

uint64_t mix(uint64_t a, uint64_t b) {
  unsigned __int128 r = (unsigned __int128)a * b;
  return uint64_t(r) ^ uint64_t(r >> 64);
}

constexpr uint64_t kP0 = 0xa0761d6478bd642full, kP1 = 0xe7037ed1a0b428dbull,
                   kP2 = 0x8ebc6af09c88c6e3ull, kP3 = 0x589965cc75374cc3ull;

uint64_t read64(const uint8_t *p) {
  uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}

uint64_t hash_bytes(const void *data, size_t n, uint64_t seed) {
  auto *p = static_cast<const uint8_t *>(data);
  uint64_t h = seed ^ mix(n ^ kP0, kP1);
  for (; n >= 16; p += 16, n -= 16)
    h = mix(read64(p) ^ kP1, read64(p + 8) ^ h);
  if (n >= 8) {
    h = mix(read64(p) ^ kP2, h ^ kP3);
    p += 8;
    n -= 8;
  }
  if (n > 0) {
    uint64_t v = 0;
    std::memcpy(&v, p, n);
    h = mix(v ^ kP3, h ^ kP0);
  }
  return mix(h ^ kP2, kP1);
}

uint64_t hash_word(uint64_t v, uint64_t seed) {
  return mix(mix(v ^ seed ^ kP0, kP1) ^ kP2, kP3);
}

// A cheap per-thread generator for iteration starts, map seeds and NaN
// hashes; quality matters little, cost does.
uint64_t fast_random() {
  static std::atomic<uint64_t> counter{0x9E3779B97F4A7C15ull};
  thread_local uint64_t state = counter.fetch_add(0x9E3779B97F4A7C15ull) ^
                                reinterpret_cast<uintptr_t>(&state);
  state ^= state << 13;
  state ^= state >> 7;
  state ^= state << 17;
  return state;
}

// Go's == ignores blank fields, so keys equal but for them hash alike.
bool is_blank(const MgoField &f) { return mgo::view(f.name) == "_"; }

// Whether keys of t are equal exactly when their bytes are: no floats,
// strings or interfaces inside, no blank fields, and no padding whose bytes
// are undefined.
bool is_plain_memory(const MgoType *t) {
  switch (t->kind) {
  case MGO_ARRAY:
    return is_plain_memory(t->elem);
  case MGO_STRUCT: {
    mgo_int end = 0;
    for (mgo_int i = 0; i < t->len; i++) {
      const MgoField &f = t->fields[i];
      if (f.offset != end || is_blank(f) || !is_plain_memory(f.type))
        return false;
      end += f.type->size;
    }
    return end == t->size;
  }
  case MGO_FLOAT32:
  case MGO_FLOAT64:
  case MGO_COMPLEX64:
  case MGO_COMPLEX128:
  case MGO_STRING:
  case MGO_INTERFACE:
    return false;
  default:
    return true;
  }
}

[[noreturn]] void unhashable(const MgoType *t) {
  mgo::panic_runtime_error("hash of unhashable type " +
                           std::string(mgo::view(t->name)));
}

uint64_t hash_float(double v, uint64_t seed) {
  if (v == 0)
    return hash_word(0, seed); // +0 and -0 are the same key
  if (v != v)
    return fast_random(); // NaN never matches, so spread NaNs out
  return hash_word(std::bit_cast<uint64_t>(v), seed);
}

uint64_t hash_value(const MgoType *t, const void *p, uint64_t seed);

uint64_t hash_interface(const MgoType *t, const void *p, uint64_t seed) {
  MgoAny any = mgo::load_any(t, p);
  if (any.type == nullptr)
    return hash_word(0, seed);
  if (!mgo::is_comparable(any.type))
    unhashable(any.type);
  return hash_value(any.type, any.data, seed);
}

uint64_t hash_elements(const MgoType *t, const char *bytes, uint64_t seed) {
  if (t->kind == MGO_ARRAY) {
    for (mgo_int i = 0; i < t->len; i++)
      seed = hash_value(t->elem, bytes + i * t->elem->size, seed);
    return seed;
  }
  for (mgo_int i = 0; i < t->len; i++)
    if (!is_blank(t->fields[i]))
      seed = hash_value(t->fields[i].type, bytes + t->fields[i].offset, seed);
  return seed;
}

uint64_t hash_value(const MgoType *t, const void *p, uint64_t seed) {
  auto *bytes = static_cast<const char *>(p);
  switch (t->kind) {
  case MGO_STRING: {
    auto s = static_cast<const MgoString *>(p);
    return hash_bytes(s->ptr, size_t(s->len), seed);
  }
  case MGO_FLOAT32:
    return hash_float(*static_cast<const float *>(p), seed);
  case MGO_FLOAT64:
    return hash_float(*static_cast<const double *>(p), seed);
  case MGO_COMPLEX64:
    return hash_float(static_cast<const float *>(p)[1],
                      hash_float(static_cast<const float *>(p)[0], seed));
  case MGO_COMPLEX128:
    return hash_float(static_cast<const double *>(p)[1],
                      hash_float(static_cast<const double *>(p)[0], seed));
  case MGO_INTERFACE:
    return hash_interface(t, p, seed);
  case MGO_ARRAY:
  case MGO_STRUCT:
    // A level of recursion as deep as the type nests, or the key through
    // interfaces; the runtime is not split code (sched.h).
    mgo::rt::with_stack_room([&] { seed = hash_elements(t, bytes, seed); });
    return seed;
  case MGO_SLICE:
  case MGO_MAP:
  case MGO_FUNC:
    unhashable(t);
  default:
    return hash_bytes(p, size_t(t->size), seed);
  }
}

// Specialisations for the common key shapes.
uint64_t hash_word_key(const MgoType *, const void *p, uint64_t seed) {
  uint64_t v;
  std::memcpy(&v, p, 8);
  return hash_word(v, seed);
}
bool equal_word_key(const MgoType *, const void *a, const void *b) {
  return std::memcmp(a, b, 8) == 0;
}
uint64_t hash_memory_key(const MgoType *t, const void *p, uint64_t seed) {
  return hash_bytes(p, size_t(t->size), seed);
}
bool equal_memory_key(const MgoType *t, const void *a, const void *b) {
  return std::memcmp(a, b, size_t(t->size)) == 0;
}
uint64_t hash_string_key(const MgoType *, const void *p, uint64_t seed) {
  auto s = static_cast<const MgoString *>(p);
  return hash_bytes(s->ptr, size_t(s->len), seed);
}

// --- tables ---

mgo_int align_up(mgo_int n, mgo_int a) {
  return a <= 1 ? n : (n + a - 1) / a * a;
}

char *slot(const char *slots, const Map *m, mgo_int i) {
  return const_cast<char *>(slots) + i * m->slot_size;
}

uint8_t tag_of(uint64_t h) { return uint8_t(0x80 | (h >> 57)); }

void allocate_table(Map *m, mgo_int cap) {
  m->ctrl = static_cast<uint8_t *>(mgo_alloc_noscan(cap));
  m->slots = static_cast<char *>(mgo::alloc(
      std::max<mgo_int>(cap * m->slot_size, 1), m->slots_have_pointers));
  m->cap = cap;
  m->used = 0;
}

// Index of key's slot in the current table, or -1.
mgo_int find(const Map *m, const void *key, uint64_t h) {
  if (m->cap == 0)
    return -1;
  mgo_int mask = m->cap - 1;
  uint8_t tag = tag_of(h);
  for (mgo_int i = mgo_int(h) & mask;; i = (i + 1) & mask) {
    uint8_t c = m->ctrl[i];
    if (c == kEmpty)
      return -1;
    if (c == tag && m->equal(m->key_type, slot(m->slots, m, i), key))
      return i;
  }
}

// Rebuilds the table with room for at least need entries, dropping deleted
// slots. The old arrays are left intact for iterators still walking them.
void rehash(Map *m, mgo_int need) {
  mgo_int cap = kMinCap;
  while (need * 4 >= cap * 3)
    cap *= 2;
  uint8_t *old_ctrl = m->ctrl;
  char *old_slots = m->slots;
  mgo_int old_cap = m->cap;
  allocate_table(m, cap);
  mgo_int mask = cap - 1;
  for (mgo_int i = 0; i < old_cap; i++) {
    if (old_ctrl[i] < 0x80)
      continue;
    char *src = slot(old_slots, m, i);
    uint64_t h = m->hash(m->key_type, src, m->seed);
    mgo_int j = mgo_int(h) & mask;
    while (m->ctrl[j] != kEmpty)
      j = (j + 1) & mask;
    m->ctrl[j] = tag_of(h);
    std::memcpy(slot(m->slots, m, j), src, size_t(m->slot_size));
  }
  m->used = m->count;
}

char *value_of(const Map *m, char *s) { return s + m->value_offset; }

} // namespace

extern "C" mgo_ptr mgo_map_make(const MgoType *map_type, mgo_int hint) {
  auto *m = static_cast<Map *>(mgo_alloc(sizeof(Map)));
  const MgoType *k = map_type->key, *v = map_type->elem;
  m->key_type = k;
  if (k->kind == MGO_STRING) {
    m->hash = hash_string_key;
    m->equal = mgo::values_equal;
  } else if (is_plain_memory(k) && k->size == 8) {
    m->hash = hash_word_key;
    m->equal = equal_word_key;
  } else if (is_plain_memory(k)) {
    m->hash = hash_memory_key;
    m->equal = equal_memory_key;
  } else {
    m->hash = hash_value;
    m->equal = mgo::values_equal;
  }
  m->key_size = k->size;
  m->value_offset = align_up(k->size, v->align);
  m->slot_size = align_up(m->value_offset + v->size,
                          std::max<mgo_int>(k->align, v->align));
  m->slots_have_pointers = mgo::has_pointers(k) || mgo::has_pointers(v);
  m->seed = fast_random();
  if (hint > 0)
    rehash(m, hint);
  return m;
}

extern "C" mgo_ptr mgo_map_access(const MgoType *map_type, mgo_ptr map,
                                  const void *key) {
  auto *m = static_cast<Map *>(map);
  if (m == nullptr || m->count == 0) {
    // Go hashes the key even here, so an unhashable key still panics.
    if (!is_plain_memory(map_type->key))
      hash_value(map_type->key, key, 0);
    return nullptr;
  }
  mgo_int i = find(m, key, m->hash(m->key_type, key, m->seed));
  return i < 0 ? nullptr : value_of(m, slot(m->slots, m, i));
}

extern "C" mgo_ptr mgo_map_assign(const MgoType *, mgo_ptr map,
                                  const void *key) {
  auto *m = static_cast<Map *>(map);
  if (m == nullptr)
    mgo_panic_nil_map();
  uint64_t h = m->hash(m->key_type, key, m->seed);
  if (mgo_int i = find(m, key, h); i >= 0) {
    char *s = slot(m->slots, m, i);
    // Go stores the new key over an equal one whose bytes may differ (-0
    // over +0, as fmt then shows); for plain keys the bytes are the same.
    if (m->hash == hash_value)
      std::memcpy(s, key, size_t(m->key_size));
    return value_of(m, s);
  }
  if ((m->used + 1) * 4 >= m->cap * 3)
    rehash(m, m->count + 1 > m->cap / 2 ? m->cap : m->count + 1);
  mgo_int mask = m->cap - 1;
  mgo_int i = mgo_int(h) & mask;
  while (m->ctrl[i] >= 0x80)
    i = (i + 1) & mask;
  if (m->ctrl[i] == kEmpty)
    m->used++;
  m->ctrl[i] = tag_of(h);
  m->count++;
  char *s = slot(m->slots, m, i);
  std::memcpy(s, key, size_t(m->key_size));
  return value_of(m, s);
}

extern "C" void mgo_map_delete(const MgoType *map_type, mgo_ptr map,
                               const void *key) {
  auto *m = static_cast<Map *>(map);
  if (m == nullptr || m->count == 0) {
    // As in mgo_map_access: an unhashable key panics even here.
    if (!is_plain_memory(map_type->key))
      hash_value(map_type->key, key, 0);
    return;
  }
  mgo_int i = find(m, key, m->hash(m->key_type, key, m->seed));
  if (i < 0)
    return;
  // A slot followed by an empty one ends no probe sequence early, so it can
  // become empty rather than a tombstone.
  if (m->ctrl[(i + 1) & (m->cap - 1)] == kEmpty) {
    m->ctrl[i] = kEmpty;
    m->used--;
  } else {
    m->ctrl[i] = kDeleted;
  }
  std::memset(slot(m->slots, m, i), 0, size_t(m->slot_size));
  m->count--;
}

extern "C" mgo_int mgo_map_len(mgo_ptr map) {
  return map == nullptr ? 0 : static_cast<Map *>(map)->count;
}

extern "C" void mgo_map_clear(const MgoType *, mgo_ptr map) {
  auto *m = static_cast<Map *>(map);
  if (m == nullptr || m->cap == 0)
    return;
  allocate_table(m, m->cap);
  m->count = 0;
}

// Iterator fields: bucket is the starting slot, index the number of slots
// visited; reserved holds the table being walked (control bytes, slots and
// capacity).
extern "C" void mgo_map_iter_init(const MgoType *, mgo_ptr map,
                                  MgoMapIter *it) {
  auto *m = static_cast<Map *>(map);
  *it = {};
  it->map = m;
  if (m == nullptr || m->count == 0)
    return;
  it->reserved[0] = m->ctrl;
  it->reserved[1] = m->slots;
  it->reserved[2] = reinterpret_cast<void *>(m->cap);
  it->bucket = mgo_int(fast_random() & uint64_t(m->cap - 1));
}

extern "C" mgo_bool mgo_map_iter_next(MgoMapIter *it) {
  auto *m = static_cast<Map *>(it->map);
  if (m == nullptr || it->reserved[0] == nullptr)
    return false;
  auto *ctrl = static_cast<uint8_t *>(it->reserved[0]);
  auto *slots = static_cast<char *>(it->reserved[1]);
  auto cap = reinterpret_cast<mgo_int>(it->reserved[2]);
  while (it->index < cap) {
    mgo_int i = (it->bucket + it->index++) & (cap - 1);
    if (ctrl[i] < 0x80)
      continue;
    char *s = slot(slots, m, i);
    if (ctrl == m->ctrl) {
      it->key = s;
      it->value = value_of(m, s);
      return true;
    }
    // The map has moved to a new table: report the entry only if it is
    // still there, with its current value. A key that is not equal to
    // itself (NaN) can never be found, deleted or updated, so it stands.
    if (!m->equal(m->key_type, s, s)) {
      it->key = s;
      it->value = value_of(m, s);
      return true;
    }
    mgo_int j = find(m, s, m->hash(m->key_type, s, m->seed));
    if (j < 0)
      continue;
    it->key = slot(m->slots, m, j);
    it->value = value_of(m, slot(m->slots, m, j));
    return true;
  }
  return false;
}
