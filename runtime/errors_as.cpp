// errors.As (stdlib/errors) without reflection: the runtime reads the
// target's type descriptor to check it and to assign the matching error.
// Type descriptors are unique per type, so a concrete target matches an
// error of exactly its type by pointer equality.
#include "mgo/abi.h"

#include <cstring>
#include <string_view>

namespace {

bool has_error_method(const MgoType *t) {
  for (mgo_int i = 0; i < t->nmethods; i++) {
    MgoString name = t->methods[i].name;
    if (std::string_view(reinterpret_cast<const char *>(name.ptr),
                         size_t(name.len)) == "Error")
      return true;
  }
  return false;
}

} // namespace

mgo_int mgo_errors_targetKind(const MgoAny *target) {
  const MgoType *t = target->type;
  if (t->kind != MGO_POINTER || *static_cast<void **>(target->data) == nullptr)
    return 1;
  if (t->elem->kind == MGO_INTERFACE)
    return t->elem->nmethods == 0 ? 0 : 3;
  return has_error_method(t->elem) ? 0 : 2;
}

mgo_bool mgo_errors_assignTo(const MgoAny *e, const MgoAny *target) {
  const MgoType *want = target->type->elem;
  void *dst = *static_cast<void **>(target->data);
  if (want->kind == MGO_INTERFACE) {
    *static_cast<MgoAny *>(dst) = *e;
    return true;
  }
  if (e->type != want)
    return false;
  std::memcpy(dst, e->data, size_t(want->size));
  return true;
}
