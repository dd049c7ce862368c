// Type descriptor queries. Descriptors are immutable constants emitted by
// codegen, so every answer here is a pure function of the descriptor.
#include "types.h"

namespace {

constexpr std::string_view kPredeclared[] = {
    "",        "bool",    "int",     "int8",      "int16",     "int32",
    "int64",   "uint",    "uint8",   "uint16",    "uint32",    "uint64",
    "uintptr", "float32", "float64", "complex64", "complex128"};

} // namespace

bool mgo::is_predeclared(const MgoType *t) {
  if (t->kind == MGO_STRING)
    return view(t->name) == "string";
  if (t->kind <= MGO_INVALID || t->kind > MGO_COMPLEX128)
    return false;
  return view(t->name) == kPredeclared[t->kind];
}

bool mgo::has_pointers(const MgoType *t) {
  switch (t->kind) {
  case MGO_ARRAY:
    return t->len > 0 && has_pointers(t->elem);
  case MGO_STRUCT:
    for (mgo_int i = 0; i < t->len; i++)
      if (has_pointers(t->fields[i].type))
        return true;
    return false;
  case MGO_CHAN:
  case MGO_FUNC:
  case MGO_INTERFACE:
  case MGO_MAP:
  case MGO_POINTER:
  case MGO_SLICE:
  case MGO_STRING:
  case MGO_UNSAFEPOINTER:
    return true;
  default:
    return false;
  }
}

bool mgo::is_comparable(const MgoType *t) {
  switch (t->kind) {
  case MGO_SLICE:
  case MGO_MAP:
  case MGO_FUNC:
    return false;
  case MGO_ARRAY:
    return is_comparable(t->elem);
  case MGO_STRUCT:
    for (mgo_int i = 0; i < t->len; i++)
      if (!is_comparable(t->fields[i].type))
        return false;
    return true;
  default:
    return true;
  }
}

bool mgo::call_string_method(const MgoType *t, void *data,
                             std::string_view name, MgoString *out) {
  // An interface descriptor lists methods without code.
  if (t == nullptr || t->methods == nullptr || t->kind == MGO_INTERFACE)
    return false;
  for (mgo_int i = 0; i < t->nmethods; i++) {
    const MgoMethod &m = t->methods[i];
    if (view(m.name) != name || m.type == nullptr ||
        view(m.type->name) != "func() string")
      continue;
    *out = reinterpret_cast<MgoString (*)(void *)>(m.fn)(data);
    return true;
  }
  return false;
}
