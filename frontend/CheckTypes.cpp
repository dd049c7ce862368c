// Type expressions: names, composite type literals, signatures.
#include "frontend/CheckerImpl.h"

namespace mgo {

using namespace types;

Type *Checker::typExpr(Expr *e) { return definedType(e, nullptr); }

// The type of a variable, field, parameter or element: not a constraint
// interface, which has type terms or comparable and only constrains type
// parameters. Checked once every type is complete, as an interface may
// embed one declared later.
Type *Checker::varType(Expr *e) {
  Type *t = typExpr(e);
  if (isInvalidType(t) || isa<TypeParam>(t))
    return t;
  laters.push_back([this, t, e] {
    auto *it = dyn_cast<Interface>(t->underlying());
    if (!it || (it->unions.empty() && !it->comparable))
      return;
    errorAt(e, "cannot use type " + typeString(t) +
                   " outside a type constraint: " +
                   (it->comparable ? "interface is (or embeds) comparable"
                                   : "interface contains type constraints"));
  });
  return t;
}

Type *Checker::definedType(Expr *e, Named *def) {
  Type *t = typInternal(e, def);
  e->tv.mode = TypeAndValue::TypeExpr;
  e->tv.type = t;
  return t;
}

Type *Checker::typInternal(Expr *e, Named *def) {
  switch (e->kind()) {
  case Node::IdentKind:
  case Node::SelectorExprKind: {
    Operand x;
    x.expr = e;
    if (auto *id = dyn_cast<Ident>(e))
      ident(x, id, true);
    else
      selector(x, cast<SelectorExpr>(e), true);
    switch (x.mode) {
    case TypeAndValue::TypeExpr:
      if (isGenericType(x.type)) {
        errorAt(e, "cannot use generic type " +
                       genericTypeString(cast<Named>(x.type)) +
                       " without instantiation");
        return invalidType();
      }
      return x.type;
    case TypeAndValue::Invalid:
      // A function used as a type in its own signature (func f(x f)) has
      // no type yet, but is no type whatever its signature.
      if (auto *id = dyn_cast<Ident>(e);
          id && llvm::isa_and_nonnull<Func>(id->obj))
        errorAt(e, id->name + " is not a type");
      return invalidType();
    case TypeAndValue::NoValue:
      errorAt(e, operandString(x) + " used as type");
      return invalidType();
    default:
      errorAt(e, operandString(x) + " is not a type");
      return invalidType();
    }
  }
  case Node::ParenExprKind:
    return definedType(cast<ParenExpr>(e)->x, def);
  case Node::IndexExprKind: {
    auto *ix = cast<IndexExpr>(e);
    Operand x;
    rawExpr(x, ix->x, nullptr, true);
    if (x.invalid())
      return invalidType();
    if (x.mode != TypeAndValue::TypeExpr) {
      errorAt(e, exprString(e) + " is not a type");
      return invalidType();
    }
    if (!isGenericType(x.type)) {
      errorAt(ix->x, typeString(x.type) + " is not a generic type");
      return invalidType();
    }
    return instantiatedType(ix, cast<Named>(x.type));
  }
  case Node::ArrayTypeKind:
    return arrayType(cast<ArrayTypeExpr>(e));
  case Node::EllipsisKind:
    errorAt(e, "invalid use of '...'");
    return invalidType();
  case Node::StructTypeKind:
    return structType(cast<StructTypeExpr>(e));
  case Node::StarExprKind: {
    Type *elem = varType(cast<StarExpr>(e)->x);
    return isInvalidType(elem) ? elem : ctx.getPointer(elem);
  }
  case Node::FuncTypeKind:
    return funcType(cast<FuncTypeExpr>(e), nullptr, nullptr, nullptr);
  case Node::InterfaceTypeKind:
    return interfaceType(cast<InterfaceTypeExpr>(e));
  case Node::MapTypeKind: {
    auto *m = cast<MapTypeExpr>(e);
    Type *k = varType(m->key);
    Type *v = varType(m->value);
    if (isInvalidType(k) || isInvalidType(v))
      return invalidType();
    if (auto *n = dyn_cast<Named>(k); n && !n->underlyingType) {
      SrcLoc loc = m->key->loc;
      laters.push_back([this, k, loc] { validMapKey(k, loc); });
    } else if (!validMapKey(k, m->key->loc)) {
      return invalidType();
    }
    return ctx.getMap(k, v);
  }
  case Node::ChanTypeKind: {
    auto *c = cast<ChanTypeExpr>(e);
    Type *elem = varType(c->value);
    return isInvalidType(elem) ? elem : ctx.getChan(c->dir, elem);
  }
  default: {
    Operand x;
    rawExpr(x, e, nullptr);
    if (!x.invalid())
      errorAt(e, operandString(x) + " is not a type");
    return invalidType();
  }
  }
}

bool Checker::validMapKey(Type *key, SrcLoc loc) {
  // A type parameter's constraint is checked at instantiation.
  if (isComparable(key) || isa<types::TypeParam>(key))
    return true;
  std::string why;
  Type *u = key->underlying();
  if (isa<types::Slice>(u) || isa<types::Map>(u) || isa<Signature>(u))
    why = "";
  error(loc, "invalid map key type " + typeString(key) + why);
  return false;
}

Type *Checker::arrayType(ArrayTypeExpr *e) {
  if (!e->len) {
    Type *elem = varType(e->elt);
    return isInvalidType(elem) ? elem : ctx.getSlice(elem);
  }
  if (isa<Ellipsis>(e->len)) {
    error(e->loc, "invalid use of [...] array (outside a composite literal)");
    typExpr(e->elt);
    return invalidType();
  }
  int64_t n = arrayLength(e->len);
  Type *elem = varType(e->elt);
  if (n < 0 || isInvalidType(elem))
    return invalidType();
  return ctx.getArray(elem, n);
}

int64_t Checker::arrayLength(Expr *e) {
  if (auto *id = dyn_cast<Ident>(e)) {
    Object *obj = scope->lookup(id->name);
    if (!obj) {
      errorAt(id, "undeclared name " + id->name + " for array length");
      return -1;
    }
    if (!isa<Const>(obj)) {
      errorAt(id, "invalid array length " + id->name);
      return -1;
    }
  }
  Operand x;
  expr(x, e);
  if (!x.isConst()) {
    if (!x.invalid())
      errorAt(e, "array length " + operandString(x) + " must be constant");
    return -1;
  }
  // A length that no int holds is not an integer for types2; one that is
  // negative is invalid.
  if (isUntyped(x.type) || isIntegerType(x.type)) {
    if (auto iv = x.val->toInt(); iv && iv->fitsInt(64, true)) {
      int64_t n = iv->intValue().getSExtValue();
      if (n >= 0)
        return n;
      errorAt(e, "invalid array length " + operandString(x));
      return -1;
    }
  }
  errorAt(e, "array length " + operandString(x) + " must be integer");
  return -1;
}

// As in gc, a field whose type is in error keeps its name with the invalid
// type and a repeated field is left out, so that the struct's other fields
// and its uses raise no follow-on errors.
Type *Checker::structType(StructTypeExpr *e) {
  std::vector<Var *> fields;
  std::vector<std::string> tags;
  std::set<std::string> seen;
  for (Field *f : e->fields->list) {
    Type *t = varType(f->type);
    std::string tag;
    if (f->tag) {
      std::string err;
      if (auto v = ConstValue::fromLiteral(Token::STRING, f->tag->raw, &err))
        tag = v->stringValue();
    }
    if (f->names.empty()) {
      if (!isInvalidType(t))
        embeddedFieldOk(f->type->loc, t, false);
      Expr *te = f->type;
      if (auto *star = dyn_cast<StarExpr>(te))
        te = star->x;
      // An embedded instance B[T] is the field B.
      if (auto *ix = dyn_cast<IndexExpr>(te))
        te = ix->x;
      Ident *name =
          isa<SelectorExpr>(te) ? cast<SelectorExpr>(te)->sel : cast<Ident>(te);
      auto *v = ctx.newObject<Var>(name->name, t, f->type->loc);
      v->isField = true;
      v->embedded = true;
      v->pkg = pkg;
      if (!seen.insert(name->name).second) {
        error(f->type->loc, name->name + " redeclared");
        continue;
      }
      fields.push_back(v);
      tags.push_back(tag);
      continue;
    }
    for (Ident *name : f->names) {
      auto *v = ctx.newObject<Var>(name->name, t, name->loc);
      v->isField = true;
      v->pkg = pkg;
      name->obj = v;
      if (!name->isBlank() && !seen.insert(name->name).second) {
        errorAt(name, name->name + " redeclared");
        continue;
      }
      fields.push_back(v);
      tags.push_back(tag);
    }
  }
  return ctx.getStruct(fields, tags);
}

// gc's rules on what a field may embed: T or *T where T is neither a
// pointer (unsafe.Pointer included) nor, behind the *, an interface.
bool Checker::embeddedFieldOk(SrcLoc loc, Type *t, bool deferred) {
  auto *p = dyn_cast<types::Pointer>(t);
  Type *base = p ? p->elem : t;
  // A type still being declared (type T struct{ *T }, type T *struct{ T })
  // is checked once it is.
  if (auto *n = dyn_cast<Named>(base); n && !n->underlyingType) {
    if (!deferred)
      laters.push_back([this, loc, t] { embeddedFieldOk(loc, t, true); });
    return true;
  }
  Type *u = base->underlying();
  if (auto *b = dyn_cast<types::Basic>(u); b && b->isUnsafePointer()) {
    error(loc, "embedded field type cannot be unsafe.Pointer");
    return false;
  }
  if (isa<types::Pointer>(u)) {
    error(loc, "embedded field type cannot be a pointer");
    return false;
  }
  if (p && isa<types::Interface>(u)) {
    error(loc, "embedded field type cannot be a pointer to an interface");
    return false;
  }
  return true;
}

Type *Checker::interfaceType(InterfaceTypeExpr *e) {
  std::vector<Func *> methods;
  std::vector<std::vector<types::Term>> unions;
  bool comparable = false;
  std::set<std::string> seen;
  auto add = [&](Func *m, SrcLoc loc) {
    if (!seen.insert(m->name).second) {
      error(loc, "duplicate method " + m->name);
      return;
    }
    methods.push_back(m);
  };
  for (Field *f : e->methods->list) {
    if (f->names.empty()) {
      // An embedded interface, or a type set's element: a union of terms.
      auto *u = dyn_cast<UnaryExpr>(f->type);
      auto *b = dyn_cast<BinaryExpr>(f->type);
      if ((u && u->op == Token::TILDE) || (b && b->op == Token::OR)) {
        unions.emplace_back();
        unionTerms(f->type, unions.back());
        continue;
      }
      Type *t = typExpr(f->type);
      if (isInvalidType(t))
        continue;
      auto *it = dyn_cast<Interface>(t->underlying());
      if (!it) {
        unions.push_back({types::Term{false, t}});
        continue;
      }
      for (Func *m : it->methods)
        add(m, f->type->loc);
      unions.insert(unions.end(), it->unions.begin(), it->unions.end());
      comparable |= it->comparable;
      continue;
    }
    auto *ft = dyn_cast<FuncTypeExpr>(f->type);
    if (!ft)
      continue;
    // A blank method is left out (nothing need implement it), as in types2.
    if (f->names[0]->isBlank()) {
      errorAt(f->names[0], "methods must have a unique non-blank name");
      continue;
    }
    Signature *sig = funcType(ft, nullptr, nullptr, nullptr);
    auto *m = ctx.newObject<Func>(f->names[0]->name, sig, f->names[0]->loc);
    m->pkg = pkg;
    f->names[0]->obj = m;
    add(m, f->names[0]->loc);
  }
  if (!unions.empty() || comparable)
    return ctx.newConstraint(methods, std::move(unions), comparable);
  return ctx.getInterface(methods);
}

Tuple *Checker::collectParams(FieldList *list, bool allowVariadic,
                              bool *variadic, std::vector<Var *> *vars,
                              bool isResult) {
  std::vector<Var *> out;
  if (!list)
    return ctx.getTuple(out);
  for (size_t i = 0; i < list->list.size(); i++) {
    Field *f = list->list[i];
    Expr *te = f->type;
    Type *t;
    if (auto *el = dyn_cast<Ellipsis>(te)) {
      Type *elem = varType(el->elt);
      bool last = i + 1 == list->list.size() && f->names.size() <= 1;
      if (!allowVariadic || !last) {
        errorAt(te, "can only use ... with final parameter in list");
        t = invalidType();
      } else {
        *variadic = true;
        t = isInvalidType(elem) ? elem : ctx.getSlice(elem);
      }
      te->tv.mode = TypeAndValue::TypeExpr;
      te->tv.type = t;
    } else {
      t = varType(te);
    }
    auto make = [&](Ident *name) {
      auto *v = ctx.newObject<Var>(name ? name->name : "", t,
                                   name ? name->loc : f->loc);
      v->isParam = true;
      v->isResult = isResult;
      v->pkg = pkg;
      if (name)
        name->obj = v;
      out.push_back(v);
    };
    if (f->names.empty())
      make(nullptr);
    for (Ident *name : f->names)
      make(name);
  }
  if (vars)
    *vars = out;
  return ctx.getTuple(out);
}

Signature *Checker::funcType(FuncTypeExpr *e, Var *,
                             std::vector<Var *> *paramVars,
                             std::vector<Var *> *resultVars) {
  bool variadic = false;
  std::vector<Var *> pv, rv;
  Tuple *params = collectParams(e->params, true, &variadic, &pv, false);
  bool dummy = false;
  Tuple *results = collectParams(e->results, false, &dummy, &rv, true);
  duplicateParams(pv, rv);
  if (paramVars)
    *paramVars = pv;
  if (resultVars)
    *resultVars = rv;
  return ctx.getSignature(params, results, variadic);
}

// Parameters and results share one block even where no body declares them
// (a func type, an interface method): a name repeated there is redeclared.
void Checker::duplicateParams(const std::vector<Var *> &params,
                              const std::vector<Var *> &results) {
  std::unordered_map<std::string, Var *> seen;
  for (const std::vector<Var *> *vars : {&params, &results})
    for (Var *v : *vars) {
      if (v->name.empty() || v->name == "_")
        continue;
      auto [it, fresh] = seen.emplace(v->name, v);
      if (!fresh)
        redeclared(v->loc, v->name, it->second);
    }
}

namespace {

// Whether t contains `target` by value (not through a pointer, slice, map,
// channel or function). A named type still without its underlying type takes
// root's (Checker::definingRoot).
bool containsByValue(Type *t, Named *target, std::set<Type *> &seen,
                     const std::function<Named *(Named *)> &root) {
  if (auto *n = dyn_cast<Named>(t)) {
    if (n == target || (!n->underlyingType && root(n) == target))
      return true;
    if (!n->underlyingType || !seen.insert(n).second)
      return false;
    return containsByValue(n->underlyingType, target, seen, root);
  }
  if (auto *a = dyn_cast<types::Array>(t))
    return containsByValue(a->elem, target, seen, root);
  if (auto *s = dyn_cast<types::Struct>(t)) {
    for (Var *f : s->fields)
      if (containsByValue(f->type, target, seen, root))
        return true;
  }
  return false;
}

} // namespace

void Checker::checkCycles(Named *t, SrcLoc loc) {
  std::set<Type *> seen;
  if (containsByValue(t->underlyingType, t, seen,
                      [this](Named *n) { return definingRoot(n); })) {
    error(loc, "invalid recursive type " + t->obj->name);
    t->underlyingType = invalidType();
  }
}

} // namespace mgo
