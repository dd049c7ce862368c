// The type set of a type parameter, as a generic body checked over its type
// parameters sees it (types2's typeset.go): an operation on a value of type
// T is allowed when every type in T's type set allows it, and a type set is
// the intersection of its constraint's unions (a constraint with none, such
// as any or one of methods only, has no specific types, so no such
// operation is allowed on it). A term ~T or an embedded constraint stands
// for all the types it admits, judged by their underlying type.
#include "frontend/Types.h"

#include <llvm/Support/Casting.h>

using llvm::dyn_cast;

namespace mgo::types {

namespace {

bool termsAll(Interface *c, const std::function<bool(Type *)> &pred) {
  if (!c || c->unions.empty())
    return false;
  // A type in the intersection is in every union: holding for all of one
  // union's terms is enough.
  for (const auto &terms : c->unions) {
    bool all = !terms.empty();
    for (const Term &t : terms) {
      if (auto *it = dyn_cast<Interface>(t.type->underlying()))
        all = all && termsAll(it, pred);
      else
        all = all && pred(t.type);
    }
    if (all)
      return true;
  }
  return false;
}

} // namespace

bool typeSetAll(Type *t, const std::function<bool(Type *)> &pred) {
  if (auto *tp = dyn_cast<TypeParam>(t))
    return termsAll(tp->constraint, pred);
  return pred(t);
}

} // namespace mgo::types
