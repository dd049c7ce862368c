// Which unexported names of an imported package gc knows about. Its export
// data holds the exported declarations and, transitively, the named types
// their types mention (with every field and method of those): for such a type
// gc says `zone not exported by package time`, for any other unexported name
// (functions, variables, constants, types no exported API reaches)
// `undefined: fmt.wrapError`.
#include "frontend/CheckerImpl.h"

#include <unordered_set>

namespace mgo {

using namespace types;

namespace {

class ExportReach {
public:
  std::unordered_set<Named *> named;

  void visit(Type *t) {
    if (!t)
      return;
    if (auto *n = dyn_cast<Named>(t)) {
      if (!named.insert(n).second)
        return;
      visit(n->underlyingType);
      for (Func *m : n->methods)
        visit(m->type);
    } else if (auto *p = dyn_cast<Pointer>(t)) {
      visit(p->elem);
    } else if (auto *s = dyn_cast<Slice>(t)) {
      visit(s->elem);
    } else if (auto *a = dyn_cast<Array>(t)) {
      visit(a->elem);
    } else if (auto *m = dyn_cast<Map>(t)) {
      visit(m->key);
      visit(m->elem);
    } else if (auto *c = dyn_cast<Chan>(t)) {
      visit(c->elem);
    } else if (auto *st = dyn_cast<Struct>(t)) {
      visitVars(st->fields);
    } else if (auto *tu = dyn_cast<Tuple>(t)) {
      visitVars(tu->vars);
    } else if (auto *sig = dyn_cast<Signature>(t)) {
      visit(sig->params);
      visit(sig->results);
    } else if (auto *i = dyn_cast<Interface>(t)) {
      for (Func *m : i->methods)
        visit(m->type);
    }
  }

private:
  void visitVars(const std::vector<Var *> &vars) {
    for (Var *v : vars)
      visit(v->type);
  }
};

} // namespace

bool inExportData(Package *pkg, Object *obj) {
  auto *tn = dyn_cast<TypeName>(obj);
  auto *target = tn ? dyn_cast_or_null<Named>(tn->type) : nullptr;
  if (!target)
    return false;
  ExportReach reach;
  for (Object *o : pkg->scope->objects)
    if (isExported(o->name))
      reach.visit(o->type);
  return reach.named.count(target) != 0;
}

} // namespace mgo
