// Calls and conversions (types2's call.go and conversions.go).
#include "frontend/CheckerImpl.h"

namespace mgo {

using namespace types;

namespace {

bool isBytesOrRunes(Type *t) {
  auto *s = dyn_cast<types::Slice>(t->underlying());
  if (!s)
    return false;
  auto *b = dyn_cast<types::Basic>(s->elem->underlying());
  return b &&
         (b->basicKind == BasicKind::Uint8 || b->basicKind == BasicKind::Int32);
}

std::string typesSummary(const std::vector<Type *> &list, bool variadic) {
  std::string s = "(";
  for (size_t i = 0; i < list.size(); i++) {
    if (i > 0)
      s += ", ";
    Type *t = list[i];
    auto *b = dyn_cast_or_null<types::Basic>(t);
    if (!t || (b && b->basicKind == BasicKind::Invalid))
      s += "<T>";
    else if (b && b->isUntyped())
      s += b->isNumeric() ? "number" : b->name.substr(8);
    else if (variadic && i + 1 == list.size() && isa<types::Slice>(t))
      s += "..." + cast<types::Slice>(t)->elem->errorString();
    else
      s += t->errorString();
  }
  return s + ")";
}

} // namespace

void Checker::callExpr(Operand &x, CallExpr *call) {
  rawExpr(x, call->fun, nullptr, true);
  // F[A](args) calls the instance F[A] by name, as codegen calls functions.
  if (auto *ix = dyn_cast<IndexExpr>(call->fun);
      ix && x.mode == TypeAndValue::Value && !x.generic && ix->x->tv.type &&
      isa<Signature>(ix->x->tv.type))
    call->fun = ix->x;
  exclude(x, false, true, true);
  singleValue(x);
  switch (x.mode) {
  case TypeAndValue::Invalid:
    useExprs(call->args);
    return;
  case TypeAndValue::TypeExpr: {
    Type *t = x.type;
    x.mode = TypeAndValue::Invalid;
    if (call->args.empty()) {
      error(call->rparen, "missing argument in conversion to " + typeString(t));
    } else if (call->args.size() > 1) {
      useExprs(call->args);
      errorAt(call->args.back(),
              "too many arguments in conversion to " + typeString(t));
    } else {
      expr(x, call->args[0]);
      if (!x.invalid()) {
        if (call->hasEllipsis) {
          errorAt(call->args[0],
                  "invalid use of ... in conversion to " + typeString(t));
          x.mode = TypeAndValue::Invalid;
        } else {
          conversion(x, t);
        }
      }
    }
    x.expr = call;
    return;
  }
  case TypeAndValue::Builtin:
    builtinCall(x, call, x.builtin);
    x.expr = call;
    return;
  default:
    break;
  }
  auto *sig = dyn_cast<Signature>(coreOf(x.type));
  if (!sig) {
    errorAt(x.expr,
            "invalid operation: cannot call non-function " + operandString(x));
    useExprs(call->args);
    x.mode = TypeAndValue::Invalid;
    return;
  }
  std::vector<Operand> args;
  bool bad = false;
  if (call->args.size() == 1) {
    Operand a;
    multiExpr(a, call->args[0]);
    if (a.invalid())
      bad = true;
    else if (auto *tup = dyn_cast_or_null<Tuple>(a.type);
             tup && a.mode == TypeAndValue::Value) {
      for (size_t i = 0; i < tup->size(); i++) {
        Operand y;
        y.mode = TypeAndValue::Value;
        y.type = tup->at(i);
        y.expr = call->args[0];
        args.push_back(y);
      }
    } else if (a.mode == TypeAndValue::NoValue) {
      errorAt(a.expr, operandString(a) + " used as value");
      bad = true;
    } else {
      args.push_back(a);
    }
  } else {
    for (Expr *e : call->args) {
      Operand a;
      expr(a, e);
      bad |= a.invalid();
      args.push_back(a);
    }
  }
  if (x.generic) {
    sig = bad ? nullptr : inferCall(x, call, args);
    x.generic = nullptr;
    x.typeArgs.clear();
    if (!sig) {
      x.mode = TypeAndValue::Invalid;
      x.expr = call;
      return;
    }
  }
  if (!bad)
    arguments(call, sig, args, exprString(call->fun));
  size_t n = sig->results->size();
  x.expr = call;
  x.val.reset();
  if (n == 0) {
    x.mode = TypeAndValue::NoValue;
    x.type = sig->results;
  } else if (n == 1) {
    x.mode = TypeAndValue::Value;
    x.type = sig->results->at(0);
  } else {
    x.mode = TypeAndValue::Value;
    x.type = sig->results;
  }
}

void Checker::arguments(CallExpr *call, Signature *sig,
                        std::vector<Operand> &args, const std::string &fname) {
  size_t nargs = args.size();
  size_t npars = sig->params->size();
  std::vector<Type *> params;
  for (Var *v : sig->params->vars)
    params.push_back(v->type);
  if (sig->variadic) {
    if (call->hasEllipsis) {
      if (call->args.size() == 1 && nargs > 1) {
        errorAt(call, "cannot use ... with " + std::to_string(nargs) +
                          "-valued " + exprString(call->args[0]));
        return;
      }
    } else if (nargs + 1 >= npars) {
      Type *elem = cast<types::Slice>(params.back())->elem;
      params.pop_back();
      while (params.size() < nargs)
        params.push_back(elem);
      npars = nargs;
    } else {
      npars--;
    }
  } else if (call->hasEllipsis) {
    errorAt(call,
            "cannot use ... in call to non-variadic " + exprString(call->fun));
    return;
  }
  if (nargs != npars) {
    SrcLoc at = call->rparen;
    std::string q = "not enough";
    if (nargs > npars) {
      at = args[npars].expr->loc;
      q = "too many";
    } else if (nargs > 0) {
      at = args[nargs - 1].expr->loc;
    }
    std::vector<Type *> have, want;
    for (Operand &a : args)
      have.push_back(a.type);
    for (Var *v : sig->params->vars)
      want.push_back(v->type);
    error(at, q + " arguments in call to " + fname + "\n\thave " +
                  typesSummary(have, false) + "\n\twant " +
                  typesSummary(want, sig->variadic));
    return;
  }
  std::string context = "argument to " + fname;
  for (size_t i = 0; i < nargs; i++)
    assignment(args[i], params[i], context);
}

std::string Checker::tupleString(const std::vector<Operand> &args) {
  std::vector<Type *> ts;
  for (const Operand &a : args)
    ts.push_back(a.type);
  return typesSummary(ts, false);
}

std::string Checker::sigParamsString(Signature *sig) {
  std::vector<Type *> ts;
  for (Var *v : sig->params->vars)
    ts.push_back(v->type);
  return typesSummary(ts, sig->variadic);
}

bool Checker::convertibleTo(Operand &x, Type *t, std::string *cause) {
  if (assignableTo(x, t, cause))
    return true;
  Type *v = x.type;
  Type *vu = v->underlying(), *tu = t->underlying();
  if (vu == tu)
    return true;
  auto *vp = dyn_cast<types::Pointer>(v), *tp = dyn_cast<types::Pointer>(t);
  if (vp && tp && vp->elem->underlying() == tp->elem->underlying())
    return true;
  if ((isIntegerType(v) || isFloatType(v)) &&
      (isIntegerType(t) || isFloatType(t)))
    return true;
  if (isComplexType(v) && isComplexType(t))
    return true;
  if (isStringType(t) && (isIntegerType(v) || isBytesOrRunes(vu)))
    return true;
  if (isStringType(v) && isBytesOrRunes(tu))
    return true;
  // unsafe.Pointer converts to and from any pointer and uintptr.
  auto kindOf = [](Type *u) {
    auto *b = dyn_cast<types::Basic>(u);
    return b ? b->basicKind : BasicKind::Invalid;
  };
  if ((isa<types::Pointer>(vu) || kindOf(vu) == BasicKind::Uintptr) &&
      kindOf(tu) == BasicKind::UnsafePointer)
    return true;
  if (kindOf(vu) == BasicKind::UnsafePointer &&
      (isa<types::Pointer>(tu) || kindOf(tu) == BasicKind::Uintptr))
    return true;
  // A slice converts to a pointer to an array of its element type (Go 1.17).
  if (auto *s = dyn_cast<types::Slice>(vu))
    if (auto *p = dyn_cast<types::Pointer>(tu))
      if (auto *a = dyn_cast<types::Array>(p->elem->underlying()))
        return a->elem == s->elem;
  // With type parameters: every type of one type set converts to every type
  // of the other.
  if (isa<TypeParam>(v) || isa<TypeParam>(t))
    return typeSetAll(v, [&](Type *vt) {
      return typeSetAll(t, [&](Type *tt) {
        Operand y = x;
        y.type = vt;
        return convertibleTo(y, tt);
      });
    });
  return false;
}

// Which pair of types stops a conversion from or to a type parameter, as
// types2 says it: "cannot convert string (in T) to int".
std::string Checker::typeSetConversionCause(const Operand &x, Type *t) {
  auto *vp = dyn_cast<TypeParam>(x.type), *tp = dyn_cast<TypeParam>(t);
  if (!vp && !tp)
    return "";
  auto in = [&](Type *u, TypeParam *p) {
    return typeString(u) + (p ? " (in " + p->obj->name + ")" : "");
  };
  std::string cause;
  typeSetAll(x.type, [&](Type *vt) {
    return typeSetAll(t, [&](Type *tt) {
      Operand y = x;
      y.type = vt;
      if (convertibleTo(y, tt))
        return true;
      cause = ":\n\tcannot convert " + in(vt, vp) + " to " + in(tt, tp);
      return false;
    });
  });
  return cause;
}

void Checker::conversion(Operand &x, Type *t) {
  bool constArg = x.isConst();
  bool ok = false;
  std::string cause;
  if (constArg && isConstType(t)) {
    auto *tb = asBasic(t);
    ConstValue v;
    if (representableConst(*x.val, tb, &v)) {
      x.val = v;
      ok = true;
    } else if (isIntegerType(x.type) && tb->isString()) {
      uint32_t cp = 0xFFFD;
      if (x.val->fitsInt(64, false)) {
        uint64_t i = x.val->toAPInt(64).getZExtValue();
        if (i <= 0x10FFFF && !(i >= 0xD800 && i < 0xE000))
          cp = uint32_t(i);
      }
      std::string s;
      if (cp < 0x80) {
        s += char(cp);
      } else if (cp < 0x800) {
        s += char(0xC0 | (cp >> 6));
        s += char(0x80 | (cp & 0x3F));
      } else if (cp < 0x10000) {
        s += char(0xE0 | (cp >> 12));
        s += char(0x80 | ((cp >> 6) & 0x3F));
        s += char(0x80 | (cp & 0x3F));
      } else {
        s += char(0xF0 | (cp >> 18));
        s += char(0x80 | ((cp >> 12) & 0x3F));
        s += char(0x80 | ((cp >> 6) & 0x3F));
        s += char(0x80 | (cp & 0x3F));
      }
      x.val = ConstValue::makeString(s);
      ok = true;
    }
  } else if (convertibleTo(x, t, &cause)) {
    ok = true;
    x.mode = TypeAndValue::Value;
  }
  if (!ok) {
    // Why the value is not assignable (as types2, which asks that first),
    // or which types of a type set do not convert.
    if (!cause.empty())
      cause = ":\n\t" + cause;
    else
      cause = typeSetConversionCause(x, t);
    errorAt(x.expr, "cannot convert " + operandString(x) + " to type " +
                        typeString(t) + cause);
    x.mode = TypeAndValue::Invalid;
    return;
  }
  if (isUntyped(x.type)) {
    Type *final = t;
    if (isInterface(t) || (constArg && !isConstType(t)) || x.isNil())
      final = defaultType(ctx, x.type);
    else if (constArg && isIntegerType(x.type) && isStringType(t))
      final = x.type;
    updateExprType(x.expr, final, true);
  }
  if (!x.isConst())
    x.val.reset();
  // An explicit conversion's result is a value of type t, no longer the nil
  // of comparisons and indirections (types2: mode value): nil ==
  // interface{}(nil) compares two interfaces, *(*int)(nil) = 0 is a store.
  x.nilValue = false;
  x.type = t;
}

} // namespace mgo
