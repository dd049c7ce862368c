// Assignability, interface satisfaction and assignments (types2's
// assignments.go and operand.assignableTo).
#include "frontend/CheckerImpl.h"

namespace mgo {

using namespace types;

namespace {

Expr *unparen(Expr *e) {
  while (auto *p = dyn_cast<ParenExpr>(e))
    e = p->x;
  return e;
}

bool isNamedType(Type *t) { return isa<Named, types::Basic, TypeParam>(t); }

std::string measure(size_t n, const char *unit) {
  return std::to_string(n) + " " + unit + (n == 1 ? "" : "s");
}

std::string methodString(Func *m) {
  std::string s = m->name;
  std::string sig = cast<Signature>(m->type)->errorString();
  return s + sig.substr(4); // drop "func"
}

} // namespace

bool Checker::identicalIgnoreTags(Type *a, Type *b) { return a == b; }

// types2's reason for a missing method m of t (isIface: t is an interface):
// a method of t whose name differs only in case, or t being a pointer to an
// interface, is named.
std::string Checker::missingMethodReason(Type *t, Func *m, bool isIface) {
  std::string missing = "(missing " + m->name + " method)";
  if (!isIface) {
    for (const Selected &s : methodSet(t)) {
      auto *f = cast<Func>(s.obj);
      if (f->name.size() == m->name.size() &&
          llvm::StringRef(f->name).equals_insensitive(m->name)) {
        objDecl(f);
        return missing + "\n\t\thave " + methodString(f) + "\n\t\twant " +
               methodString(m);
      }
    }
  }
  if (auto *p = dyn_cast<Pointer>(t->underlying()))
    if (!isa<TypeParam>(p->elem) && isa<Interface>(p->elem->underlying()))
      return "(type " + typeString(t) +
             " is pointer to interface, not interface)";
  return missing;
}

bool Checker::implements(Type *t, Interface *iface, std::string *reason) {
  for (Func *m : iface->methods) {
    auto *want = cast<Signature>(m->type);
    Func *have = nullptr;
    bool ptrRecvOnValue = false;
    bool isIface = false;
    if (auto *it = dyn_cast<Interface>(t->underlying())) {
      isIface = true;
      for (Func *f : it->methods)
        if (f->name == m->name)
          have = f;
    } else {
      Selected found = lookupFieldOrMethod(t, m->name, m->pkg);
      if (auto *f = dyn_cast_or_null<Func>(found.obj)) {
        objDecl(f);
        have = f;
        ptrRecvOnValue = !found.indirect && f->hasPointerReceiver();
      }
    }
    std::string mname = m->name + " method";
    if (!have) {
      if (reason)
        *reason = missingMethodReason(t, m, isIface);
      return false;
    }
    auto *got = cast<Signature>(have->type);
    bool same = got->params == want->params && got->results == want->results &&
                got->variadic == want->variadic;
    if (!same) {
      if (reason)
        *reason = "(wrong type for " + mname + ")\n\t\thave " +
                  methodString(have) + "\n\t\twant " + methodString(m);
      return false;
    }
    if (ptrRecvOnValue) {
      if (reason)
        *reason = "(" + mname + " has pointer receiver)";
      return false;
    }
  }
  return true;
}

bool Checker::assignableTo(Operand &x, Type *t, std::string *reason) {
  Type *v = x.type;
  if (!v || !t || isInvalidType(v) || isInvalidType(t))
    return true;
  if (v == t)
    return true;
  Type *vu = v->underlying(), *tu = t->underlying();
  if (isUntyped(v)) {
    if (auto *tb = dyn_cast<types::Basic>(tu)) {
      if (x.isNil())
        return tb->basicKind == BasicKind::UntypedNil || tb->isUnsafePointer();
      if (x.isConst()) {
        ConstValue dummy;
        return representableConst(*x.val, tb, &dummy);
      }
      if (cast<types::Basic>(v)->basicKind == BasicKind::UntypedBool)
        return tb->isBoolean();
      return isNumericType(v) ? tb->isNumeric() : false;
    }
    if (auto *it = dyn_cast<Interface>(tu))
      return x.isNil() || it->isEmpty();
    return x.isNil() && hasNil(tu);
  }
  if (vu == tu && (!isNamedType(v) || !isNamedType(t)))
    return true;
  if (auto *it = dyn_cast<Interface>(tu)) {
    std::string why;
    if (implements(v, it, &why))
      return true;
    if (reason)
      *reason =
          typeString(v) + " does not implement " + typeString(t) + " " + why;
    return false;
  }
  // A value of an interface type that t implements needs an assertion.
  if (auto *vi = dyn_cast<Interface>(vu)) {
    if (reason && !isa<TypeParam>(v) && implements(t, vi, nullptr))
      *reason = "need type assertion";
    return false;
  }
  if (auto *vc = dyn_cast<types::Chan>(vu)) {
    auto *tc = dyn_cast<types::Chan>(tu);
    if (tc && vc->dir == ChanDir::Both && vc->elem == tc->elem)
      return !isNamedType(v) || !isNamedType(t);
  }
  // A value of an unnamed type to a type parameter, or of a type parameter
  // to an unnamed type: every type of the type set must take it.
  if (isa<TypeParam>(t) && !isNamedType(v))
    return typeSetAll(t, [&](Type *u) { return assignableTo(x, u, nullptr); });
  if (isa<TypeParam>(v) && !isNamedType(t))
    return typeSetAll(v, [&](Type *u) {
      Operand y = x;
      y.type = u;
      return assignableTo(y, t, nullptr);
    });
  return false;
}

void Checker::assignment(Operand &x, Type *t, const std::string &context) {
  singleValue(x);
  switch (x.mode) {
  case TypeAndValue::Invalid:
    return;
  case TypeAndValue::Constant:
  case TypeAndValue::Variable:
  case TypeAndValue::MapIndex:
  case TypeAndValue::Value:
  case TypeAndValue::CommaOk:
    break;
  default:
    errorAt(x.expr, "cannot assign " + operandString(x) + " to " +
                        typeString(t) + " in " + context);
    x.mode = TypeAndValue::Invalid;
    return;
  }
  if (isUntyped(x.type)) {
    Type *target = t;
    if (x.isNil()) {
      if (!t) {
        errorAt(x.expr, "use of untyped nil in " + context);
        x.mode = TypeAndValue::Invalid;
        return;
      }
    } else if (!t || isInterface(t)) {
      target = defaultType(ctx, x.type);
    }
    Type *newType = nullptr;
    int code = 0;
    if (!implicitTypeAndValue(x, target, &newType, &code)) {
      std::string msg = "cannot use " + operandString(x) + " as " +
                        typeString(target) + " value in " + context;
      if (code == TruncatedFloat)
        msg += " (truncated)";
      else if (code == NumericOverflow)
        msg += " (overflows)";
      errorAt(x.expr, msg);
      x.mode = TypeAndValue::Invalid;
      return;
    }
    if (x.isConst() && x.expr)
      x.expr->tv.value = x.val;
    if (newType != x.type) {
      x.type = newType;
      updateExprType(x.expr, newType, false);
    }
  }
  if (!t)
    return;
  std::string reason;
  if (!assignableTo(x, t, &reason)) {
    std::string msg = "cannot use " + operandString(x) + " as type " +
                      typeString(t) + " in " + context;
    if (!reason.empty())
      msg += ":\n\t" + reason;
    errorAt(x.expr, msg);
    x.mode = TypeAndValue::Invalid;
  }
}

Type *Checker::lhsVar(Expr *lhs) {
  auto *id = dyn_cast<Ident>(unparen(lhs));
  if (id && id->isBlank()) {
    lhs->tv.mode = TypeAndValue::NoValue;
    return nullptr;
  }
  Var *v = nullptr;
  bool wasUsed = false;
  if (id) {
    if (auto *w = dyn_cast_or_null<Var>(scope->lookup(id->name))) {
      v = w;
      wasUsed = w->used;
    }
  }
  Operand x;
  expr(x, lhs);
  if (v)
    v->used = wasUsed;
  if (x.invalid())
    return invalidType();
  if (x.mode == TypeAndValue::Variable || x.mode == TypeAndValue::MapIndex)
    return x.type;
  if (auto *sel = dyn_cast<SelectorExpr>(unparen(lhs))) {
    if (sel->x->tv.mode == TypeAndValue::MapIndex) {
      errorAt(lhs,
              "cannot assign to struct field " + exprString(lhs) + " in map");
      return invalidType();
    }
  }
  std::string xs = operandString(x);
  if (auto *ix = dyn_cast<IndexExpr>(unparen(lhs));
      ix && isStringType(ix->x->tv.type))
    xs = exprString(lhs) + " (value of type byte)";
  errorAt(lhs, "cannot assign to " + xs);
  return invalidType();
}

bool Checker::assignVar(Expr *lhs, Operand &x) {
  if (x.invalid() || isInvalidType(x.type)) {
    lhsVar(lhs);
    return false;
  }
  Type *t = lhsVar(lhs);
  if (t && isInvalidType(t)) {
    x.mode = TypeAndValue::Invalid;
    return false;
  }
  assignment(x, t, "assignment");
  return !x.invalid();
}

void Checker::assignError(size_t nvars, const std::vector<Expr *> &rhs,
                          SrcLoc pos, bool) {
  (void)pos;
  Expr *r0 = rhs[0];
  size_t nvals = rhs.size();
  if (rhs.size() == 1) {
    if (auto *call = dyn_cast<CallExpr>(unparen(r0))) {
      Type *t = call->tv.type;
      nvals = t && isa<Tuple>(t)
                  ? cast<Tuple>(t)->size()
                  : (call->tv.mode == TypeAndValue::NoValue ? 0 : 1);
      errorAt(r0, "assignment mismatch: " + measure(nvars, "variable") +
                      " but " + exprString(call->fun) + " returns " +
                      measure(nvals, "value"));
      return;
    }
  }
  errorAt(r0, "assignment mismatch: " + measure(nvars, "variable") + " but " +
                  measure(nvals, "value"));
}

bool Checker::unpack(const std::vector<Expr *> &rhs, size_t nlhs,
                     std::vector<Operand> &out, bool allowCommaOk, SrcLoc pos,
                     bool *commaOk) {
  *commaOk = false;
  out.clear();
  // x := f() and x = f() count f's results, as gc: "assignment mismatch: 1
  // variable but f returns 2 values".
  bool oneCall = nlhs == 1 && rhs.size() == 1 && isa<CallExpr>(unparen(rhs[0]));
  if (rhs.size() == nlhs && !oneCall) {
    for (Expr *e : rhs) {
      Operand x;
      expr(x, e);
      out.push_back(x);
    }
    return true;
  }
  if (rhs.size() != 1) {
    bool anyInvalid = false;
    for (Expr *e : rhs) {
      Operand x;
      expr(x, e);
      anyInvalid |= x.invalid();
    }
    if (!anyInvalid)
      assignError(nlhs, rhs, pos, false);
    return false;
  }
  Operand x;
  multiExpr(x, rhs[0]);
  if (x.invalid())
    return false;
  if (auto *tup = dyn_cast_or_null<Tuple>(x.type);
      tup && x.mode == TypeAndValue::Value) {
    if (tup->size() == nlhs) {
      for (size_t i = 0; i < nlhs; i++) {
        Operand y;
        y.mode = TypeAndValue::Value;
        y.type = tup->at(i);
        y.expr = rhs[0];
        out.push_back(y);
      }
      return true;
    }
    assignError(nlhs, rhs, pos, false);
    return false;
  }
  if (oneCall && x.mode != TypeAndValue::NoValue) {
    out.push_back(x);
    return true;
  }
  Expr *r = unparen(rhs[0]);
  bool commaOkForm =
      x.mode == TypeAndValue::MapIndex || isa<TypeAssertExpr>(r) ||
      (isa<UnaryExpr>(r) && cast<UnaryExpr>(r)->op == Token::ARROW);
  if (allowCommaOk && nlhs == 2 && commaOkForm) {
    rhs[0]->tv.mode = TypeAndValue::CommaOk;
    if (r != rhs[0])
      r->tv.mode = TypeAndValue::CommaOk;
    x.mode = TypeAndValue::Value;
    out.push_back(x);
    Operand ok;
    ok.mode = TypeAndValue::Value;
    ok.type = ctx.basic(BasicKind::UntypedBool);
    ok.expr = rhs[0];
    out.push_back(ok);
    *commaOk = true;
    return true;
  }
  if (x.mode == TypeAndValue::NoValue) {
    errorAt(rhs[0], operandString(x) + " used as value");
    return false;
  }
  assignError(nlhs, rhs, pos, false);
  return false;
}

void Checker::initVar(Var *lhs, Operand &x, const std::string &context) {
  if (x.invalid() || isInvalidType(x.type) ||
      (lhs->type && isInvalidType(lhs->type))) {
    if (!lhs->type)
      lhs->type = invalidType();
    lhs->used = true;
    return;
  }
  if (!lhs->type) {
    Type *t = x.type;
    if (isUntyped(t)) {
      if (x.isNil()) {
        errorAt(x.expr, "use of untyped nil in " + context);
        lhs->type = invalidType();
        return;
      }
      t = defaultType(ctx, t);
    }
    lhs->type = t;
  }
  // The comma-ok flag is typed by the variable, not by the expression.
  Expr *saved = x.expr;
  bool isOkFlag =
      x.expr && x.expr->tv.mode == TypeAndValue::CommaOk && isUntyped(x.type);
  if (isOkFlag)
    x.expr = nullptr;
  if (isOkFlag) {
    if (!okFlagAssignable(lhs->type)) {
      x.expr = saved;
      errorAt(saved, "cannot use " + exprString(saved) +
                         " (untyped bool value) as type " +
                         typeString(lhs->type) + " in " + context);
      lhs->used = true;
    }
    return;
  }
  assignment(x, lhs->type, context);
  if (x.invalid())
    lhs->used = true;
}

void Checker::initVars(const std::vector<Var *> &lhs,
                       const std::vector<Expr *> &rhs, SrcLoc pos,
                       const std::string &context) {
  std::vector<Operand> ops;
  bool commaOk = false;
  if (!unpack(rhs, lhs.size(), ops, lhs.size() == 2, pos, &commaOk)) {
    for (Var *v : lhs) {
      v->used = true;
      if (!v->type)
        v->type = invalidType();
    }
    return;
  }
  bool ok = true;
  for (size_t i = 0; i < lhs.size(); i++) {
    initVar(lhs[i], ops[i], context);
    ok &= !ops[i].invalid();
  }
  if (!ok)
    for (Var *v : lhs)
      v->used = true;
}

void Checker::assignVars(const std::vector<Expr *> &lhs,
                         const std::vector<Expr *> &rhs, SrcLoc pos) {
  std::vector<Operand> ops;
  bool commaOk = false;
  if (!unpack(rhs, lhs.size(), ops, lhs.size() == 2, pos, &commaOk)) {
    // A failed assignment counts as a use of its variables, as in gc: an
    // "x declared but not used" after it would only repeat the error.
    for (Expr *l : lhs) {
      auto *id = dyn_cast<Ident>(unparen(l));
      if (id && id->isBlank())
        continue;
      Operand x;
      rawExpr(x, l, nullptr);
    }
    return;
  }
  bool ok = true;
  for (size_t i = 0; i < lhs.size(); i++) {
    if (commaOk && i == 1) {
      Type *t = lhsVar(lhs[1]);
      if (t && !isInvalidType(t) && !okFlagAssignable(t))
        errorAt(rhs[0], "cannot use " + exprString(rhs[0]) +
                            " (untyped bool value) as type " + typeString(t) +
                            " in assignment");
      continue;
    }
    ok &= assignVar(lhs[i], ops[i]);
  }
  if (!ok)
    markAssignedVarsUsed(lhs);
}

void Checker::markAssignedVarsUsed(const std::vector<Expr *> &lhs) {
  for (Expr *l : lhs)
    if (auto *id = dyn_cast<Ident>(unparen(l)))
      if (auto *v = dyn_cast_or_null<Var>(scope->lookup(id->name)))
        v->used = true;
}

// A comma-ok flag is an untyped bool: it goes to a boolean variable, or
// as a bool to an interface variable bool implements (any).
bool Checker::okFlagAssignable(Type *t) {
  if (isBooleanType(t))
    return true;
  auto *it = dyn_cast<Interface>(t->underlying());
  return it && implements(ctx.basic(BasicKind::Bool), it, nullptr);
}

void Checker::shortVarDecl(AssignStmt *s) {
  std::vector<Var *> lhsVars;
  std::vector<std::pair<Ident *, Var *>> newVars;
  std::set<std::string> seen;
  bool hasErr = false;
  s->isNew.assign(s->lhs.size(), false);
  for (size_t i = 0; i < s->lhs.size(); i++) {
    Expr *l = s->lhs[i];
    auto *id = dyn_cast<Ident>(l);
    if (!id) {
      useExprs({l});
      errorAt(l, "non-name " + exprString(l) + " on left side of :=");
      hasErr = true;
      lhsVars.push_back(ctx.newObject<Var>("_", nullptr, l->loc));
      continue;
    }
    if (!id->isBlank() && !seen.insert(id->name).second) {
      errorAt(l, id->name + " repeated on left side of :=");
      hasErr = true;
      lhsVars.push_back(ctx.newObject<Var>("_", nullptr, l->loc));
      continue;
    }
    if (!id->isBlank()) {
      if (Object *alt = scope->lookupLocal(id->name)) {
        id->obj = alt;
        if (auto *v = dyn_cast<Var>(alt)) {
          // Assigning is not using, but a closure still captures it.
          bool wasUsed = v->used;
          useVar(v);
          v->used = wasUsed;
          lhsVars.push_back(v);
        } else {
          errorAt(l, "cannot assign to " + exprString(l));
          hasErr = true;
          lhsVars.push_back(ctx.newObject<Var>("_", nullptr, l->loc));
        }
        continue;
      }
    }
    auto *v = ctx.newObject<Var>(id->name, nullptr, id->loc);
    lhsVars.push_back(v);
    newVars.push_back({id, v});
    s->isNew[i] = true;
  }
  initVars(lhsVars, s->rhs, s->loc, "assignment");
  if (newVars.empty() && !hasErr)
    error(s->tokLoc, "no new variables on left side of :=");
  for (auto &[id, v] : newVars)
    declareLocal(id, v);
}

void Checker::assignOp(AssignStmt *s) {
  Token::Kind op = Token::binaryOpOf(s->tok);
  if (s->lhs.size() != 1 || s->rhs.size() != 1) {
    error(s->tokLoc, "assignment operation " + opString(s->tok) +
                         " requires single-valued expressions");
    return;
  }
  Operand x;
  binary(x, nullptr, s->lhs[0], s->rhs[0], op, s->loc);
  x.expr = s->rhs[0];
  if (x.invalid()) {
    return;
  }
  Type *t = lhsVar(s->lhs[0]);
  if (!t || isInvalidType(t))
    return;
  // The result already has the lhs type; untyped rhs constants take it.
  updateExprType(s->rhs[0], t, true);
}

} // namespace mgo
