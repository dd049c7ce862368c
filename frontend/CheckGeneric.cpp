// Generics: type parameter lists and constraints, instantiation, function
// argument and constraint type inference (Go 1.19's types2 rules).
//
// A generic declaration is checked as far as its signature, over TypeParam
// types, which is what inference unifies arguments with. Each instance
// (F[int], List[string] with its methods) is a copy of the declaration's
// syntax, checked in a scope where the type parameters are aliases of the
// type arguments: the copy is an ordinary function or type, and codegen
// compiles it as one. Instances are shared by every package through the
// TypeContext, so a type argument list denotes one instance.
#include "frontend/CheckerImpl.h"

#include <algorithm>
#include <map>

namespace mgo {

using namespace types;

namespace {

// Whether t mentions a type parameter, or one of only's when only is set.
bool mentionsTypeParam(Type *t, std::set<Type *> &seen,
                       const std::vector<TypeParam *> *only) {
  if (!t || !seen.insert(t).second)
    return false;
  switch (t->kind()) {
  case Type::TypeParamKind:
    return !only || std::find(only->begin(), only->end(), t) != only->end();
  case Type::PointerKind:
    return mentionsTypeParam(cast<types::Pointer>(t)->elem, seen, only);
  case Type::SliceKind:
    return mentionsTypeParam(cast<types::Slice>(t)->elem, seen, only);
  case Type::ArrayKind:
    return mentionsTypeParam(cast<types::Array>(t)->elem, seen, only);
  case Type::MapKind:
    return mentionsTypeParam(cast<types::Map>(t)->key, seen, only) ||
           mentionsTypeParam(cast<types::Map>(t)->elem, seen, only);
  case Type::ChanKind:
    return mentionsTypeParam(cast<types::Chan>(t)->elem, seen, only);
  case Type::StructKind:
    for (Var *f : cast<types::Struct>(t)->fields)
      if (mentionsTypeParam(f->type, seen, only))
        return true;
    return false;
  case Type::TupleKind:
    for (Var *v : cast<Tuple>(t)->vars)
      if (mentionsTypeParam(v->type, seen, only))
        return true;
    return false;
  case Type::SignatureKind:
    return mentionsTypeParam(cast<Signature>(t)->params, seen, only) ||
           mentionsTypeParam(cast<Signature>(t)->results, seen, only);
  case Type::NamedKind:
    for (Type *a : cast<Named>(t)->typeArgs)
      if (mentionsTypeParam(a, seen, only))
        return true;
    return false;
  default:
    return false;
  }
}

bool mentionsTypeParam(Type *t,
                       const std::vector<TypeParam *> *only = nullptr) {
  std::set<Type *> seen;
  return mentionsTypeParam(t, seen, only);
}

// Whether args are tps themselves: the instance that is the generic
// declaration checked over its own type parameters.
bool isOwnTypeParams(const std::vector<TypeParam *> &tps,
                     const std::vector<Type *> &args) {
  return !tps.empty() &&
         std::equal(tps.begin(), tps.end(), args.begin(), args.end());
}

bool anyTypeParam(const std::vector<Type *> &ts) {
  return std::any_of(ts.begin(), ts.end(),
                     [](Type *t) { return mentionsTypeParam(t); });
}

// The base type of a method's receiver expression (T in *T[P]) and its
// type parameter names, when it is a generic type's.
IndexExpr *genericReceiver(FuncDecl *d) {
  if (!d->recv || d->recv->list.size() != 1)
    return nullptr;
  Expr *te = d->recv->list[0]->type;
  while (auto *p = dyn_cast<ParenExpr>(te))
    te = p->x;
  if (auto *s = dyn_cast<StarExpr>(te))
    te = s->x;
  while (auto *p = dyn_cast<ParenExpr>(te))
    te = p->x;
  return dyn_cast<IndexExpr>(te);
}

std::string typeListString(const std::vector<TypeParam *> &tps) {
  std::string s;
  for (size_t i = 0; i < tps.size(); i++) {
    if (i > 0)
      s += ", ";
    s += tps[i]->obj->name;
    if (i + 1 == tps.size() || tps[i + 1]->constraint != tps[i]->constraint) {
      Interface *c = tps[i]->constraint;
      s += " " + (c ? c->errorString() : std::string("any"));
    }
  }
  return s;
}

// The members of an interface, struct or tuple with type arguments in place
// of type parameters (substType): a member whose type does not change is
// kept, one that does is copied (copy, given its new type) so the original
// type stays intact; returns whether any changed.
template <class M, class Subst, class Copy>
bool substMembers(const std::vector<M *> &members, std::vector<M *> &out,
                  Subst substType, Copy copy) {
  bool changed = false;
  for (M *m : members) {
    Type *nt = substType(m->type);
    changed |= nt != m->type;
    out.push_back(nt == m->type ? m : copy(m, nt));
  }
  return changed;
}

} // namespace

// The type parameter an instance's body names where the generic one wrote
// e, a type parameter's name.
TypeParam *Checker::typeParamNamed(Expr *e) {
  while (auto *p = dyn_cast<ParenExpr>(e))
    e = p->x;
  auto *id = dyn_cast<Ident>(e);
  if (!id || !inInstance)
    return nullptr;
  auto *tn = dyn_cast_or_null<TypeName>(scope->lookup(id->name));
  return tn ? tn->param : nullptr;
}

// The core type of a constraint's type set: the underlying type all its
// types share, or null (no type terms, or terms of different underlying
// types).
Type *Checker::coreType(Interface *c) {
  Type *core = nullptr;
  if (!c)
    return nullptr;
  for (const auto &terms : c->unions)
    for (const Term &t : terms) {
      Type *u = t.type->underlying();
      if (auto *it = dyn_cast<Interface>(u)) {
        u = coreType(it);
        if (!u)
          return nullptr;
      }
      if (core && core != u)
        return nullptr;
      core = u;
    }
  return core;
}

Type *Checker::coreOf(Type *t) {
  if (auto *tp = dyn_cast<TypeParam>(t)) {
    Type *core = coreType(tp->constraint);
    return core ? core : t;
  }
  return t->underlying();
}

bool Checker::isGenericMethodDecl(FuncDecl *d) {
  return genericReceiver(d) != nullptr;
}

void Checker::collectGenericMethod(FuncDecl *d) {
  Expr *base = genericReceiver(d)->x;
  if (auto *id = dyn_cast<Ident>(base))
    genericMethodDecls[id->name].push_back(d);
}

std::vector<TypeParam *> Checker::declareTypeParams(FieldList *list) {
  std::vector<TypeParam *> tps;
  for (Field *f : list->list)
    for (Ident *n : f->names) {
      auto *tn = ctx.newObject<TypeName>(n->name, nullptr, n->loc);
      tn->pkg = pkg;
      TypeParam *tp = ctx.newTypeParam(tn, int(tps.size()));
      tn->type = tp;
      n->obj = tn;
      tps.push_back(tp);
      packageTypeParams.push_back(tp);
      if (!n->isBlank())
        if (Object *prev = scope->insert(tn))
          redeclared(n->loc, n->name, prev);
    }
  size_t i = 0;
  for (Field *f : list->list) {
    Interface *c = constraintType(f->type);
    for (size_t k = 0; k < f->names.size(); k++) {
      tps[i]->constraint = c;
      tps[i++]->bound = f->type->tv.type ? f->type->tv.type : c;
    }
  }
  return tps;
}

// A constraint is an interface, or a union of terms standing for
// interface{ union }.
Interface *Checker::constraintType(Expr *e) {
  auto *u = dyn_cast<UnaryExpr>(e);
  auto *b = dyn_cast<BinaryExpr>(e);
  if ((u && u->op == Token::TILDE) || (b && b->op == Token::OR)) {
    std::vector<Term> terms;
    unionTerms(e, terms);
    Interface *c = ctx.newConstraint({}, {terms}, false);
    c->implicit = true;
    e->tv.type = c;
    return c;
  }
  Type *t = typExpr(e);
  if (isInvalidType(t))
    return ctx.emptyInterface();
  if (auto *it = dyn_cast<Interface>(t->underlying()))
    return it;
  if (isa<TypeParam>(t)) {
    errorAt(e, "cannot use a type parameter as constraint");
    return ctx.emptyInterface();
  }
  return ctx.newConstraint({}, {{Term{false, t}}}, false);
}

void Checker::unionTerms(Expr *e, std::vector<Term> &terms) {
  if (auto *b = dyn_cast<BinaryExpr>(e); b && b->op == Token::OR) {
    unionTerms(b->x, terms);
    unionTerms(b->y, terms);
    return;
  }
  Term term;
  if (auto *u = dyn_cast<UnaryExpr>(e); u && u->op == Token::TILDE) {
    term.tilde = true;
    e = u->x;
  }
  Type *t = typExpr(e);
  if (isInvalidType(t))
    return;
  if (term.tilde && t->underlying() != t) {
    errorAt(e, "invalid use of ~ (underlying type of " + typeString(t) +
                   " is " + typeString(t->underlying()) + ")");
    return;
  }
  if (auto *it = dyn_cast<Interface>(t->underlying());
      it && !it->methods.empty()) {
    errorAt(e, "cannot use " + typeString(t) + " in union (" + typeString(t) +
                   " contains methods)");
    return;
  }
  term.type = t;
  terms.push_back(term);
}

// Whether t is in a union's type set; a type parameter is when its whole
// type set is.
bool Checker::inUnion(Type *t, const std::vector<Term> &terms) {
  if (auto *tp = dyn_cast<TypeParam>(t))
    return tp->constraint && typeSetIn(tp->constraint, terms);
  for (const Term &term : terms) {
    if (auto *it = dyn_cast<Interface>(term.type->underlying())) {
      if (satisfies(t, it, nullptr))
        return true;
      continue;
    }
    if (term.tilde ? t->underlying() == term.type : t == term.type)
      return true;
  }
  return false;
}

// Whether c's type set (the intersection of its unions) is in a union's:
// it is when one of c's unions has all its terms in it.
bool Checker::typeSetIn(Interface *c, const std::vector<Term> &terms) {
  for (const auto &own : c->unions) {
    bool all = !own.empty();
    for (const Term &x : own)
      all = all && termIn(x, terms);
    if (all)
      return true;
  }
  return false;
}

// Whether the types of term x are all in a union's type set: ~X is only
// by a term ~X, which a term X does not cover.
bool Checker::termIn(const Term &x, const std::vector<Term> &terms) {
  if (auto *it = dyn_cast<Interface>(x.type->underlying()))
    return typeSetIn(it, terms);
  if (!x.tilde)
    return inUnion(x.type, terms);
  for (const Term &term : terms) {
    if (auto *it = dyn_cast<Interface>(term.type->underlying())) {
      bool all = true;
      for (const auto &u : it->unions)
        all = all && termIn(x, u);
      if (all)
        return true;
    } else if (term.tilde && term.type == x.type) {
      return true;
    }
  }
  return false;
}

bool Checker::satisfies(Type *t, Interface *c, std::string *cause) {
  if (c->comparable && !isComparable(t)) {
    if (cause)
      *cause = "";
    return false;
  }
  for (const auto &terms : c->unions) {
    if (inUnion(t, terms))
      continue;
    // gc names no missing type for a type parameter, whose type set is
    // missing some.
    if (cause && isa<TypeParam>(t)) {
      *cause = "";
    } else if (cause) {
      std::string set;
      for (size_t i = 0; i < terms.size(); i++) {
        if (i > 0)
          set += " | ";
        set += (terms[i].tilde ? "~" : "") + typeString(terms[i].type);
      }
      *cause = " (" + typeString(t) + " missing in " + set + ")";
    }
    return false;
  }
  if (c->methods.empty())
    return true;
  std::string reason;
  if (implements(t, c, &reason))
    return true;
  if (cause) {
    // types2 names a missing method "missing String method" in the
    // compiler's messages.
    *cause = " " + reason;
  }
  return false;
}

// A constraint over other type parameters ([S ~[]E, E any]) with the type
// arguments in place of them.
Interface *Checker::substConstraint(Interface *c,
                                    const std::vector<TypeParam *> &tps,
                                    const std::vector<Type *> &args) {
  bool changed = false;
  std::vector<std::vector<Term>> unions = c->unions;
  for (auto &terms : unions)
    for (Term &t : terms) {
      Type *nt = subst(t.type, tps, args);
      changed |= nt != t.type;
      t.type = nt;
    }
  auto substType = [&](Type *m) { return subst(m, tps, args); };
  std::vector<Func *> methods;
  changed |=
      substMembers(c->methods, methods, substType, [&](Func *m, Type *nt) {
        auto *nm = ctx.newObject<Func>(m->name, nt, m->loc);
        nm->pkg = m->pkg;
        return nm;
      });
  if (!changed)
    return c;
  if (unions.empty() && !c->comparable)
    return ctx.getInterface(methods);
  return ctx.newConstraint(methods, std::move(unions), c->comparable);
}

// Substitutes type arguments for type parameters in t.
Type *Checker::subst(Type *t, const std::vector<TypeParam *> &tps,
                     const std::vector<Type *> &args) {
  auto substType = [&](Type *m) { return subst(m, tps, args); };
  switch (t->kind()) {
  case Type::TypeParamKind:
    for (size_t i = 0; i < tps.size(); i++)
      if (tps[i] == t)
        return args[i] ? args[i] : t;
    return t;
  case Type::PointerKind:
    return ctx.getPointer(subst(cast<types::Pointer>(t)->elem, tps, args));
  case Type::SliceKind:
    return ctx.getSlice(subst(cast<types::Slice>(t)->elem, tps, args));
  case Type::ArrayKind: {
    auto *a = cast<types::Array>(t);
    return ctx.getArray(subst(a->elem, tps, args), a->len);
  }
  case Type::MapKind: {
    auto *m = cast<types::Map>(t);
    return ctx.getMap(subst(m->key, tps, args), subst(m->elem, tps, args));
  }
  case Type::ChanKind: {
    auto *c = cast<types::Chan>(t);
    return ctx.getChan(c->dir, subst(c->elem, tps, args));
  }
  case Type::StructKind: {
    auto *st = cast<types::Struct>(t);
    std::vector<Var *> fields;
    bool changed =
        substMembers(st->fields, fields, substType, [&](Var *f, Type *nt) {
          auto *nf = ctx.newObject<Var>(f->name, nt, f->loc);
          nf->pkg = f->pkg;
          nf->isField = true;
          nf->embedded = f->embedded;
          return nf;
        });
    return changed ? ctx.getStruct(fields, st->tags) : t;
  }
  case Type::TupleKind: {
    std::vector<Var *> vars;
    bool changed = substMembers(
        cast<Tuple>(t)->vars, vars, substType, [&](Var *v, Type *nt) {
          auto *nv = ctx.newObject<Var>(v->name, nt, v->loc);
          nv->pkg = v->pkg;
          nv->isParam = v->isParam;
          nv->isResult = v->isResult;
          return nv;
        });
    return changed ? ctx.getTuple(vars) : t;
  }
  case Type::SignatureKind: {
    auto *s = cast<Signature>(t);
    return ctx.getSignature(cast<Tuple>(subst(s->params, tps, args)),
                            cast<Tuple>(subst(s->results, tps, args)),
                            s->variadic);
  }
  case Type::NamedKind: {
    auto *n = cast<Named>(t);
    if (!n->origin)
      return t;
    std::vector<Type *> nargs;
    for (Type *a : n->typeArgs)
      nargs.push_back(subst(a, tps, args));
    return nargs == n->typeArgs ? t : instantiateType(n->origin, nargs, {});
  }
  default:
    return t;
  }
}

// Go's unification of a parameter type with an argument type, binding the
// type parameters of tps; false when their structures differ.
bool Checker::unify(Type *p, Type *a, const std::vector<TypeParam *> &tps,
                    std::vector<Type *> &m) {
  if (auto *tp = dyn_cast<TypeParam>(p)) {
    for (size_t i = 0; i < tps.size(); i++) {
      if (tps[i] != tp)
        continue;
      if (!m[i]) {
        m[i] = a;
        return true;
      }
      return m[i] == a;
    }
    return p == a;
  }
  if (!mentionsTypeParam(p))
    return true;
  if (auto *pn = dyn_cast<Named>(p)) {
    auto *an = dyn_cast<Named>(a);
    // Inexact unification: a generic named type matches a type literal by
    // its underlying type.
    if (!an && pn->underlyingType && a->underlying() == a)
      return unify(pn->underlyingType, a, tps, m);
    if (!an || an->origin != pn->origin)
      return false;
    for (size_t i = 0; i < pn->typeArgs.size(); i++)
      if (!unify(pn->typeArgs[i], an->typeArgs[i], tps, m))
        return false;
    return true;
  }
  // Inexact unification: a type literal matches a named type's underlying
  // type, or a type parameter's core type.
  Type *au = coreOf(a);
  if (p->kind() != au->kind())
    return false;
  switch (p->kind()) {
  case Type::PointerKind:
    return unify(cast<types::Pointer>(p)->elem, cast<types::Pointer>(au)->elem,
                 tps, m);
  case Type::SliceKind:
    return unify(cast<types::Slice>(p)->elem, cast<types::Slice>(au)->elem, tps,
                 m);
  case Type::ArrayKind:
    return cast<types::Array>(p)->len == cast<types::Array>(au)->len &&
           unify(cast<types::Array>(p)->elem, cast<types::Array>(au)->elem, tps,
                 m);
  case Type::MapKind:
    return unify(cast<types::Map>(p)->key, cast<types::Map>(au)->key, tps, m) &&
           unify(cast<types::Map>(p)->elem, cast<types::Map>(au)->elem, tps, m);
  case Type::ChanKind:
    return unify(cast<types::Chan>(p)->elem, cast<types::Chan>(au)->elem, tps,
                 m);
  case Type::TupleKind: {
    auto *pt = cast<Tuple>(p), *at = cast<Tuple>(au);
    if (pt->size() != at->size())
      return false;
    for (size_t i = 0; i < pt->size(); i++)
      if (!unify(pt->at(i), at->at(i), tps, m))
        return false;
    return true;
  }
  case Type::SignatureKind: {
    auto *ps = cast<Signature>(p), *as = cast<Signature>(au);
    return ps->variadic == as->variadic &&
           unify(ps->params, as->params, tps, m) &&
           unify(ps->results, as->results, tps, m);
  }
  case Type::StructKind: {
    auto *ps = cast<types::Struct>(p), *as = cast<types::Struct>(au);
    if (ps->fields.size() != as->fields.size())
      return false;
    for (size_t i = 0; i < ps->fields.size(); i++)
      if (ps->fields[i]->name != as->fields[i]->name ||
          !unify(ps->fields[i]->type, as->fields[i]->type, tps, m))
        return false;
    return true;
  }
  default:
    return true;
  }
}

// Constraint type inference: a type parameter whose constraint has a core
// type (S ~[]E) unifies with it, in both directions, until nothing changes.
void Checker::inferFromConstraints(const std::vector<TypeParam *> &tps,
                                   std::vector<Type *> &m) {
  for (bool changed = true; changed;) {
    changed = false;
    for (size_t i = 0; i < tps.size(); i++) {
      Interface *c = tps[i]->constraint;
      if (!c || c->unions.size() != 1 || c->unions[0].size() != 1)
        continue;
      const Term &core = c->unions[0][0];
      if (isa<Interface>(core.type->underlying()))
        continue;
      size_t before = std::count(m.begin(), m.end(), nullptr);
      if (m[i]) {
        unify(core.type, core.tilde ? coreOf(m[i]) : m[i], tps, m);
      } else {
        Type *t = subst(core.type, tps, m);
        if (!mentionsTypeParam(t, &tps))
          m[i] = t;
      }
      if (size_t(std::count(m.begin(), m.end(), nullptr)) != before)
        changed = true;
    }
  }
}

// Checks type arguments against their constraints; at is where each is
// reported (the argument list's start for inferred ones).
// Adds the flow of args's type parameters into tps to the graph; true,
// with gc's error, when that closes a cycle that grows a type argument
// (f[[]T](...) in f[T]'s body), which gc refuses rather than instantiate
// without end.
bool Checker::instantiationCycle(const std::vector<TypeParam *> &tps,
                                 const std::vector<Type *> &args,
                                 const std::vector<SrcLoc> &at) {
  if (isLibrary())
    return false;
  for (size_t i = 0; i < tps.size() && i < args.size(); i++)
    for (TypeParam *from : packageTypeParams) {
      std::vector<TypeParam *> only{from};
      if (!mentionsTypeParam(args[i], &only))
        continue;
      typeParamFlow[from].push_back({tps[i], args[i] != from, args[i], at[i]});
      // A path back from tps[i] to from that grows, or any path when this
      // edge grows, is a cycle of positive weight: search (parameter,
      // grown) states, keeping each state's edge in for the message.
      using State = std::pair<TypeParam *, bool>;
      std::map<State, std::pair<State, const FlowEdge *>> via;
      std::vector<State> work{{tps[i], args[i] != from}};
      via[work[0]] = {work[0], nullptr};
      while (!work.empty()) {
        State st = work.back();
        work.pop_back();
        if (st.first == from && st.second) {
          // gc lists the cycle's edges from tps[i] on, this one last.
          std::string path = "\n\t" + diags.position(at[i]) + ": " +
                             tps[i]->obj->name + " instantiated as " +
                             typeString(args[i]);
          for (State cur = st; via[cur].second; cur = via[cur].first) {
            const FlowEdge *e = via[cur].second;
            path = "\n\t" + diags.position(e->at) + ": " + e->to->obj->name +
                   " instantiated as " + typeString(e->arg) + path;
          }
          error(from->obj->loc, "instantiation cycle:" + path);
          return true;
        }
        for (const FlowEdge &e : typeParamFlow[st.first]) {
          State next{e.to, st.second || e.grows};
          if (via.emplace(next, std::make_pair(st, &e)).second)
            work.push_back(next);
        }
      }
    }
  return false;
}

bool Checker::verifyTypeArgs(const std::vector<TypeParam *> &tps,
                             const std::vector<Type *> &args,
                             const std::vector<SrcLoc> &at) {
  if (instantiationCycle(tps, args, at))
    return false;
  for (size_t i = 0; i < tps.size(); i++) {
    Interface *c = tps[i]->constraint;
    // A type parameter used in its own list's constraints ([T Eq[T]]) has
    // no constraint yet to be judged by.
    auto *tp = dyn_cast<TypeParam>(args[i]);
    if (!c || (tp && !tp->constraint))
      continue;
    std::string cause;
    if (satisfies(args[i], substConstraint(c, tps, args), &cause))
      continue;
    error(at[i], typeString(args[i]) + " does not implement " +
                     typeString(tps[i]->bound) + cause);
    return false;
  }
  return true;
}

Scope *Checker::instanceScope(Scope *parent, const std::vector<Ident *> &names,
                              const std::vector<TypeParam *> &tps,
                              const std::vector<Type *> &args) {
  Scope *s = ctx.newScope(parent);
  for (size_t i = 0; i < names.size() && i < args.size(); i++) {
    if (names[i]->isBlank())
      continue;
    auto *tn = ctx.newObject<TypeName>(names[i]->name, args[i], names[i]->loc);
    tn->isAlias = true;
    if (i < tps.size())
      tn->param = tps[i];
    tn->pkg = pkg;
    s->insert(tn);
  }
  return s;
}

namespace {

std::vector<Ident *> paramNames(FieldList *list) {
  std::vector<Ident *> names;
  if (list)
    for (Field *f : list->list)
      for (Ident *n : f->names)
        names.push_back(n);
  return names;
}

} // namespace

// Runs check with the checker set up for a declaration of package p at
// package level in scope s.
void Checker::atPackageLevel(Package *p, Scope *s,
                             const std::function<void()> &check) {
  Scope *savedScope = scope;
  FuncContext *savedFn = fn;
  DeclInfo *savedDecl = curDecl;
  Package *savedPkg = pkg;
  int64_t savedIota = iota;
  scope = s;
  fn = nullptr;
  curDecl = nullptr;
  pkg = p;
  iota = -1;
  check();
  scope = savedScope;
  fn = savedFn;
  curDecl = savedDecl;
  pkg = savedPkg;
  iota = savedIota;
}

void Checker::genericFuncDecl(Func *obj, FuncDecl *decl) {
  Scope *s = ctx.newScope(fileScope(decl->loc));
  obj->genericScope = fileScope(decl->loc);
  Scope *saved = scope;
  scope = s;
  obj->typeParams = declareTypeParams(decl->type->typeParams);
  obj->type = funcType(decl->type, nullptr, nullptr, nullptr);
  scope = saved;
  if (obj->name == "main" || obj->name == "init")
    errorAt(decl->name, "func " + obj->name + " must have no type parameters");
}

void Checker::genericTypeDecl(TypeName *obj, TypeSpec *spec) {
  Named *named = ctx.newNamed(obj);
  obj->type = named;
  named->genericSpec = spec;
  named->genericScope = scope;
  Scope *saved = scope;
  scope = ctx.newScope(scope);
  named->typeParams = declareTypeParams(spec->typeParams);
  scope = saved;
  named->underlyingType = invalidType();
  Expr *rhs = spec->type;
  while (auto *p = dyn_cast<ParenExpr>(rhs))
    rhs = p->x;
  if (auto *id = dyn_cast<Ident>(rhs))
    for (TypeParam *tp : named->typeParams)
      if (tp->obj->name == id->name)
        errorAt(rhs, "cannot use a type parameter as RHS in type declaration");
  if (auto it = genericMethodDecls.find(obj->name);
      it != genericMethodDecls.end() && scope == fileScope(spec->loc))
    named->genericMethods = it->second;
  for (FuncDecl *md : named->genericMethods) {
    IndexExpr *rx = genericReceiver(md);
    std::vector<Expr *> names{rx->index};
    names.insert(names.end(), rx->more.begin(), rx->more.end());
    if (names.size() != named->typeParams.size())
      errorAt(rx, "got " + std::to_string(names.size()) +
                      " type parameters, but receiver base type declares " +
                      std::to_string(named->typeParams.size()));
    for (Expr *n : names)
      if (!isa<Ident>(n))
        errorAt(n, "receiver type parameter " + exprString(n) +
                       " must be an identifier");
  }
}

Func *Checker::instantiateFunc(Func *gen, const std::vector<Type *> &args) {
  Object *&slot = ctx.instances[{gen, args}];
  if (slot)
    return cast<Func>(slot);
  auto own = [this](std::unique_ptr<Node> n) { ctx.adoptNode(std::move(n)); };
  FuncDecl *d = cloneFuncDecl(gen->decl, own);
  auto *inst = ctx.newObject<Func>(gen->name, nullptr, gen->loc);
  inst->pkg = gen->pkg;
  inst->decl = d;
  inst->origin = gen;
  inst->typeArgs = args;
  d->name->obj = inst;
  slot = inst;
  Scope *s = nullptr;
  atPackageLevel(gen->pkg, gen->genericScope, [&] {
    s = instanceScope(gen->genericScope,
                      paramNames(gen->decl->type->typeParams), gen->typeParams,
                      args);
    scope = s;
    inst->type = funcType(d->type, nullptr, nullptr, nullptr);
  });
  instanceScopes[d] = s;
  // An instance over other type parameters (G[T] called in F[T]'s body) is
  // a signature only: G's body is checked over its own type parameters.
  bool overOwn = isOwnTypeParams(gen->typeParams, args);
  if (overOwn || !anyTypeParam(args))
    pendingInstances.push_back({d, inst, gen->decl, overOwn});
  return inst;
}

Named *Checker::instantiateType(Named *gen, const std::vector<Type *> &args,
                                SrcLoc) {
  Object *&slot = ctx.instances[{gen->obj, args}];
  if (slot)
    return cast<Named>(slot->type);
  auto *tn = ctx.newObject<TypeName>(gen->obj->name, nullptr, gen->obj->loc);
  tn->pkg = gen->obj->pkg;
  Named *inst = ctx.newNamed(tn);
  tn->type = inst;
  inst->origin = gen;
  inst->typeArgs = args;
  slot = tn;
  auto own = [this](std::unique_ptr<Node> n) { ctx.adoptNode(std::move(n)); };
  Expr *te = cloneExpr(gen->genericSpec->type, own);
  bool concrete = !anyTypeParam(args);
  atPackageLevel(gen->obj->pkg, gen->genericScope, [&] {
    scope = instanceScope(gen->genericScope,
                          paramNames(gen->genericSpec->typeParams),
                          gen->typeParams, args);
    Type *u = definedType(te, inst);
    inst->underlyingType = u->underlying();
  });
  // An instance over type parameters has methods for the generic bodies
  // that call them, and no code; the one over the type's own type
  // parameters has its methods' bodies checked once for all instances.
  if (concrete)
    out.namedTypes.push_back(inst);
  bool withBodies = concrete || isOwnTypeParams(gen->typeParams, args);
  for (FuncDecl *md : gen->genericMethods)
    instantiateMethod(inst, md, withBodies);
  return inst;
}

void Checker::instantiateMethod(Named *inst, FuncDecl *md, bool withBody) {
  IndexExpr *rx = genericReceiver(md);
  std::vector<Ident *> names{dyn_cast<Ident>(rx->index)};
  for (Expr *e : rx->more)
    names.push_back(dyn_cast<Ident>(e));
  if (std::count(names.begin(), names.end(), nullptr) ||
      names.size() != inst->typeArgs.size())
    return;
  auto own = [this](std::unique_ptr<Node> n) { ctx.adoptNode(std::move(n)); };
  FuncDecl *d = cloneFuncDecl(md, own);
  auto *m = ctx.newObject<Func>(md->name->name, nullptr, md->name->loc);
  m->pkg = inst->obj->pkg;
  m->decl = d;
  d->name->obj = m;
  Named *gen = inst->origin;
  Scope *s = nullptr;
  atPackageLevel(inst->obj->pkg, gen->genericScope, [&] {
    s = instanceScope(gen->genericScope, names, gen->typeParams,
                      inst->typeArgs);
    scope = s;
    instanceRecv = inst;
    methodDecl(m, d);
    instanceRecv = nullptr;
  });
  instanceScopes[d] = s;
  if (withBody)
    pendingInstances.push_back({d, m, md, anyTypeParam(inst->typeArgs)});
}

// The type arguments of F[A, B] or List[A, B].
std::vector<Type *> Checker::typeArgList(IndexExpr *e) {
  std::vector<Type *> args;
  for (Expr *a : std::vector<Expr *>{e->index}) {
    Type *t = typExpr(a);
    args.push_back(t);
  }
  for (Expr *a : e->more)
    args.push_back(typExpr(a));
  return args;
}

// List[A, B] as a type.
Type *Checker::instantiatedType(IndexExpr *e, Named *gen) {
  std::vector<Type *> args = typeArgList(e);
  for (Type *t : args)
    if (isInvalidType(t))
      return invalidType();
  size_t want = gen->typeParams.size();
  if (args.size() != want) {
    // gc 1.19's wording for a type, unlike a function's "got N type
    // arguments but want M".
    errorAt(e, "got " + std::to_string(args.size()) + " arguments but " +
                   std::to_string(want) + " type parameters");
    return invalidType();
  }
  std::vector<SrcLoc> at;
  at.push_back(startLoc(e->index));
  for (Expr *a : e->more)
    at.push_back(startLoc(a));
  if (!verifyTypeArgs(gen->typeParams, args, at))
    return invalidType();
  return instantiateType(gen, args, e->loc);
}

// F[A] or F[A, B]: explicit (possibly partial) instantiation of x, a generic
// function; complete, it is the instance's value.
void Checker::funcInstantiation(Operand &x, IndexExpr *e) {
  Func *gen = x.generic;
  std::vector<Type *> args = typeArgList(e);
  for (Type *t : args)
    if (isInvalidType(t)) {
      x.mode = TypeAndValue::Invalid;
      x.generic = nullptr;
      return;
    }
  size_t want = gen->typeParams.size();
  if (args.size() > want) {
    errorAt(e->more[want - 1], "got " + std::to_string(args.size()) +
                                   " type arguments but want " +
                                   std::to_string(want));
    x.mode = TypeAndValue::Invalid;
    x.generic = nullptr;
    return;
  }
  x.typeArgs = args;
  x.expr = e;
  if (args.size() < want) {
    std::vector<Type *> m = args;
    m.resize(want, nullptr);
    inferFromConstraints(gen->typeParams, m);
    if (std::count(m.begin(), m.end(), nullptr))
      return; // partial: only a call may infer the rest
    args = m;
  }
  std::vector<SrcLoc> at;
  at.push_back(startLoc(e->index));
  for (Expr *a : e->more)
    at.push_back(startLoc(a));
  at.resize(want, e->lbrack);
  if (!verifyTypeArgs(gen->typeParams, args, at)) {
    x.mode = TypeAndValue::Invalid;
    x.generic = nullptr;
    return;
  }
  Func *inst = instantiateFunc(gen, args);
  useInstance(e->x, inst);
  x.generic = nullptr;
  x.typeArgs.clear();
  x.mode = TypeAndValue::Value;
  x.type = inst->type;
}

// The name of a generic function now denotes the instance.
void Checker::useInstance(Expr *e, Func *inst) {
  while (auto *p = dyn_cast<ParenExpr>(e))
    e = p->x;
  Ident *id = dyn_cast<Ident>(e);
  if (auto *s = dyn_cast<SelectorExpr>(e))
    id = s->sel;
  if (!id)
    return;
  id->obj = inst;
  id->tv.type = inst->type;
  e->tv.type = inst->type;
}

// A call of a generic function: its type arguments are the explicit ones
// and those inferred from the arguments; the call is then the instance's.
Signature *Checker::inferCall(Operand &x, CallExpr *call,
                              std::vector<Operand> &args) {
  Func *gen = x.generic;
  const std::vector<TypeParam *> &tps = gen->typeParams;
  std::vector<Type *> m = x.typeArgs;
  m.resize(tps.size(), nullptr);
  Signature *sig = gen->signature();
  std::vector<Type *> params;
  for (Var *v : sig->params->vars)
    params.push_back(v->type);
  if (sig->variadic && !call->hasEllipsis && !params.empty()) {
    Type *elem = cast<types::Slice>(params.back())->elem;
    params.pop_back();
    while (params.size() < args.size())
      params.push_back(elem);
  }
  size_t n = std::min(params.size(), args.size());
  auto mismatch = [&](size_t i, bool untyped) {
    auto *tp = cast<TypeParam>(params[i]);
    std::string what = untyped ? "default type " : "type ";
    Type *t = untyped ? defaultType(ctx, args[i].type) : args[i].type;
    errorAt(args[i].expr,
            what + typeString(t) + " of " + exprString(args[i].expr) +
                " does not match inferred type " + typeString(m[tp->index]) +
                " for " + tp->obj->name);
  };
  for (size_t i = 0; i < n; i++) {
    if (isUntyped(args[i].type))
      continue;
    if (!unify(params[i], args[i].type, tps, m)) {
      if (isa<TypeParam>(params[i])) {
        mismatch(i, false);
      } else {
        errorAt(args[i].expr, "type " + typeString(args[i].type) + " of " +
                                  exprString(args[i].expr) +
                                  " does not match " + typeString(params[i]));
      }
      return nullptr;
    }
  }
  inferFromConstraints(tps, m);
  for (size_t i = 0; i < n; i++) {
    auto *tp = dyn_cast<TypeParam>(params[i]);
    if (!tp || !isUntyped(args[i].type) || args[i].isNil())
      continue;
    if (std::find(tps.begin(), tps.end(), tp) == tps.end())
      continue;
    Type *d = defaultType(ctx, args[i].type);
    if (!m[tp->index])
      m[tp->index] = d;
    else if (m[tp->index] != d && !x.typeArgs.size()) {
      // An untyped constant still converts to the inferred type if it can.
      Operand probe = args[i];
      if (!assignableTo(probe, m[tp->index], nullptr)) {
        mismatch(i, true);
        return nullptr;
      }
    }
  }
  inferFromConstraints(tps, m);
  for (size_t i = 0; i < tps.size(); i++)
    if (!m[i]) {
      error(call->lparen, "cannot infer " + tps[i]->obj->name + " (" +
                              diags.position(tps[i]->obj->loc) + ")");
      return nullptr;
    }
  std::vector<SrcLoc> at(tps.size(), call->lparen);
  if (auto *ix = dyn_cast<IndexExpr>(call->fun)) {
    at[0] = startLoc(ix->index);
    for (size_t i = 0; i < ix->more.size() && i + 1 < at.size(); i++)
      at[i + 1] = startLoc(ix->more[i]);
  }
  if (!verifyTypeArgs(tps, m, at))
    return nullptr;
  Func *inst = instantiateFunc(gen, m);
  Expr *fun = call->fun;
  while (auto *p = dyn_cast<ParenExpr>(fun))
    fun = p->x;
  if (auto *ix = dyn_cast<IndexExpr>(fun)) {
    // Codegen calls the instance by name: the callee is F, not F[A].
    call->fun = ix->x;
    fun = ix->x;
  }
  useInstance(fun, inst);
  fun->tv.mode = TypeAndValue::Value;
  return inst->signature();
}

// Each generic function, type and method of the package is checked once
// over its own type parameters (types2's check of the generic declaration),
// as the instance whose type arguments are those type parameters (a type's
// even when nothing instantiates it or it has no methods): its errors are
// the generic declaration's, named by type parameter. Library packages are
// Go's own sources, whose generic bodies are only checked per instance.
void Checker::checkGenericBodies() {
  if (isLibrary())
    return;
  for (Object *obj : pkgObjs) {
    if (auto *f = dyn_cast<Func>(obj);
        f && f->decl && f->decl->body && !f->typeParams.empty() && f->type) {
      std::vector<Type *> own(f->typeParams.begin(), f->typeParams.end());
      instantiateFunc(f, own);
    }
    if (auto *tn = dyn_cast<TypeName>(obj)) {
      auto *n = dyn_cast_or_null<Named>(tn->type);
      if (n && !n->typeParams.empty()) {
        std::vector<Type *> own(n->typeParams.begin(), n->typeParams.end());
        instantiateType(n, own, n->obj->loc);
      }
    }
  }
}

// Instance bodies are checked after the package's own, each once, in the
// scope that binds its type parameters; checking one may instantiate more.
// A generic body checked over its type parameters comes before its
// instances, which are checked only if it had no error.
void Checker::checkInstanceBodies() {
  while (!pendingInstances.empty()) {
    PendingBody b = pendingInstances.front();
    pendingInstances.pop_front();
    FuncDecl *d = b.copy;
    if (failedGenericBodies.count(b.generic) ||
        (b.overTypeParams && isLibrary()))
      continue;
    Package *saved = pkg;
    pkg = b.func->pkg;
    inInstance = !b.overTypeParams;
    overTypeParams = b.overTypeParams;
    unsigned errors = diags.errorCount();
    if (d->body)
      funcBody(d, b.func);
    inInstance = false;
    overTypeParams = false;
    pkg = saved;
    if (b.overTypeParams) {
      if (diags.errorCount() != errors)
        failedGenericBodies.insert(b.generic);
      continue;
    }
    instanceFuncs.push_back(d);
    if (instanceFuncs.size() > 100000) {
      errorAt(d->name, "instantiation cycle");
      return;
    }
  }
}

std::string Checker::genericTypeString(Named *gen) {
  return gen->obj->name + "[" + typeListString(gen->typeParams) + "]";
}

} // namespace mgo
