// Calls of the built-in functions (types2's builtins.go).
#include "frontend/CheckerImpl.h"

#include <algorithm>

namespace mgo {

using namespace types;

namespace {

struct BuiltinSpec {
  const char *name;
  size_t nargs;
  bool variadic;
};

BuiltinSpec specOf(BuiltinId id) {
  switch (id) {
  case BuiltinId::Append:
    return {"append", 1, true};
  case BuiltinId::Cap:
    return {"cap", 1, false};
  case BuiltinId::Clear:
    return {"clear", 1, false};
  case BuiltinId::Close:
    return {"close", 1, false};
  case BuiltinId::Copy:
    return {"copy", 2, false};
  case BuiltinId::Delete:
    return {"delete", 2, false};
  case BuiltinId::Len:
    return {"len", 1, false};
  case BuiltinId::Make:
    return {"make", 1, true};
  case BuiltinId::Max:
    return {"max", 1, true};
  case BuiltinId::Min:
    return {"min", 1, true};
  case BuiltinId::New:
    return {"new", 1, false};
  case BuiltinId::Panic:
    return {"panic", 1, false};
  case BuiltinId::Print:
    return {"print", 0, true};
  case BuiltinId::Println:
    return {"println", 0, true};
  case BuiltinId::Recover:
    return {"recover", 0, false};
  case BuiltinId::Real:
    return {"real", 1, false};
  case BuiltinId::Imag:
    return {"imag", 1, false};
  case BuiltinId::Add:
    return {"Add", 2, false};
  case BuiltinId::Alignof:
    return {"Alignof", 1, false};
  case BuiltinId::Offsetof:
    return {"Offsetof", 1, false};
  case BuiltinId::Sizeof:
    return {"Sizeof", 1, false};
  case BuiltinId::Slice:
    return {"Slice", 2, false};
  default:
    return {"complex", 2, false};
  }
}

const char *invalidArg = "invalid argument: ";
const char *invalidOp = "invalid operation: ";

Expr *unparen(Expr *e) {
  while (auto *p = dyn_cast<ParenExpr>(e))
    e = p->x;
  return e;
}

// Whether evaluating e calls a function (not a conversion, nor a built-in
// with a constant result) or receives: len and cap of an array are constant
// unless their operand does, as the spec says. A function literal's body is
// not part of the operand's evaluation.
bool callsOrReceives(Expr *e) {
  if (!e)
    return false;
  if (auto *c = dyn_cast<CallExpr>(e)) {
    if (c->fun->tv.mode != TypeAndValue::TypeExpr &&
        c->tv.mode != TypeAndValue::Constant)
      return true;
    return std::any_of(c->args.begin(), c->args.end(), callsOrReceives);
  }
  if (auto *u = dyn_cast<UnaryExpr>(e))
    return u->op == Token::ARROW || callsOrReceives(u->x);
  if (auto *p = dyn_cast<ParenExpr>(e))
    return callsOrReceives(p->x);
  if (auto *sel = dyn_cast<SelectorExpr>(e))
    return callsOrReceives(sel->x);
  if (auto *ix = dyn_cast<IndexExpr>(e))
    return callsOrReceives(ix->x) || callsOrReceives(ix->index);
  if (auto *sl = dyn_cast<SliceExpr>(e))
    return callsOrReceives(sl->x) || callsOrReceives(sl->lo) ||
           callsOrReceives(sl->hi) || callsOrReceives(sl->max);
  if (auto *st = dyn_cast<StarExpr>(e))
    return callsOrReceives(st->x);
  if (auto *b = dyn_cast<BinaryExpr>(e))
    return callsOrReceives(b->x) || callsOrReceives(b->y);
  if (auto *ta = dyn_cast<TypeAssertExpr>(e))
    return callsOrReceives(ta->x);
  if (auto *kv = dyn_cast<KeyValueExpr>(e))
    return callsOrReceives(kv->key) || callsOrReceives(kv->value);
  if (auto *cl = dyn_cast<CompositeLit>(e))
    return std::any_of(cl->elts.begin(), cl->elts.end(), callsOrReceives);
  return false;
}

} // namespace

void Checker::builtinCall(Operand &x, CallExpr *call, BuiltinId id) {
  BuiltinSpec spec = specOf(id);
  if (call->hasEllipsis && id != BuiltinId::Append) {
    errorAt(call, std::string(
                      "invalid operation: invalid use of ... with built-in ") +
                      spec.name);
    useExprs(call->args);
    x.mode = TypeAndValue::Invalid;
    return;
  }
  // make and new take a type first; Offsetof a selector it looks at itself;
  // the others take values.
  std::vector<Operand> args;
  size_t nargs = call->args.size();
  if (id == BuiltinId::Offsetof && nargs == 1) {
    unsafeOffsetof(x, call->args[0]);
    return;
  }
  bool typeFirst = id == BuiltinId::Make || id == BuiltinId::New;
  // A built-in taking values takes the results of a multi-value call as its
  // arguments (copy(f()), delete(m()), print(f()): types2's exprList).
  if (nargs == 1 && !call->hasEllipsis && !typeFirst) {
    Operand a;
    multiExpr(a, call->args[0]);
    if (a.invalid()) {
      x.mode = TypeAndValue::Invalid;
      return;
    }
    if (auto *tup = dyn_cast_or_null<Tuple>(a.type);
        tup && a.mode == TypeAndValue::Value) {
      for (Var *v : tup->vars) {
        Operand y;
        y.mode = TypeAndValue::Value;
        y.type = v->type;
        y.expr = call->args[0];
        args.push_back(y);
      }
      nargs = args.size();
    } else {
      singleValue(a);
      if (a.invalid()) {
        x.mode = TypeAndValue::Invalid;
        return;
      }
      args.push_back(a);
    }
  }
  for (size_t i = args.size(); i < nargs; i++) {
    Operand a;
    if (i == 0 && typeFirst) {
      a.expr = call->args[0];
      a.type = typExpr(call->args[0]);
      a.mode = isInvalidType(a.type) ? TypeAndValue::Invalid
                                     : TypeAndValue::TypeExpr;
    } else if (i == 1 && id == BuiltinId::Append && call->hasEllipsis) {
      expr(a, call->args[i]);
    } else {
      expr(a, call->args[i]);
    }
    if (a.invalid()) {
      useExprs(
          std::vector<Expr *>(call->args.begin() + i + 1, call->args.end()));
      x.mode = TypeAndValue::Invalid;
      return;
    }
    args.push_back(a);
  }
  std::string msg;
  if (nargs < spec.nargs)
    msg = "not enough";
  else if (!spec.variadic && nargs > spec.nargs)
    msg = "too many";
  if (!msg.empty()) {
    errorAt(call, "invalid operation: " + msg + " arguments for " +
                      exprString(call) + " (expected " +
                      std::to_string(spec.nargs) + ", found " +
                      std::to_string(nargs) + ")");
    x.mode = TypeAndValue::Invalid;
    return;
  }
  Type *intType = ctx.basic(BasicKind::Int);
  x.val.reset();
  switch (id) {
  case BuiltinId::Len:
  case BuiltinId::Cap: {
    Operand &a = args[0];
    Type *u = coreOf(a.type);
    if (auto *p = dyn_cast<types::Pointer>(u);
        p && isa<types::Array>(p->elem->underlying()))
      u = p->elem->underlying();
    std::optional<ConstValue> val;
    bool ok = false;
    if (auto *b = dyn_cast<types::Basic>(u);
        b && b->isString() && id == BuiltinId::Len) {
      ok = true;
      if (a.isConst())
        val = ConstValue::makeInt(int64_t(a.val->stringValue().size()));
    } else if (auto *arr = dyn_cast<types::Array>(u)) {
      ok = true;
      if (!callsOrReceives(call->args[0]))
        val = ConstValue::makeInt(arr->len);
    } else if (isa<types::Slice>(u) || isa<types::Chan>(u) ||
               (isa<types::Map>(u) && id == BuiltinId::Len)) {
      ok = true;
    } else if (isa<types::TypeParam>(a.type)) {
      // Without a core type ([2]int | string), every type of the type set
      // must have a length.
      ok = types::typeSetAll(a.type, [id](Type *t) {
        Type *u = t->underlying();
        if (auto *p = dyn_cast<types::Pointer>(u);
            p && isa<types::Array>(p->elem->underlying()))
          return true;
        if (auto *b = dyn_cast<types::Basic>(u))
          return b->isString() && id == BuiltinId::Len;
        return isa<types::Array>(u) || isa<types::Slice>(u) ||
               isa<types::Chan>(u) ||
               (isa<types::Map>(u) && id == BuiltinId::Len);
      });
    }
    if (!ok) {
      errorAt(a.expr,
              std::string(invalidArg) + operandString(a) + " for " + spec.name);
      x.mode = TypeAndValue::Invalid;
      return;
    }
    if (isUntyped(a.type))
      updateExprType(a.expr, ctx.basic(BasicKind::String), true);
    x.mode = val ? TypeAndValue::Constant : TypeAndValue::Value;
    x.type = val ? static_cast<Type *>(intType) : intType;
    x.val = val;
    return;
  }
  case BuiltinId::Append: {
    Operand &s = args[0];
    auto *st = dyn_cast<types::Slice>(coreOf(s.type));
    if (!st) {
      if (isa<types::TypeParam>(s.type))
        errorAt(s.expr, "first argument to append must be a slice; " +
                            operandString(s) + " has no core type");
      else
        errorAt(s.expr, "first argument to append must be a slice; have " +
                            operandString(s));
      x.mode = TypeAndValue::Invalid;
      return;
    }
    if (call->hasEllipsis && nargs == 2) {
      Operand &b = args[1];
      auto *eb = dyn_cast<types::Basic>(st->elem->underlying());
      // A type parameter's values spread as bytes when each type in its
      // type set is a string or a []byte (types2's coreString).
      auto bytesOrString = [](Type *u) {
        auto *sl = dyn_cast<types::Slice>(u->underlying());
        auto *e = sl ? dyn_cast<types::Basic>(sl->elem->underlying()) : nullptr;
        return isStringType(u) || (e && e->basicKind == BasicKind::Uint8);
      };
      if (eb && eb->basicKind == BasicKind::Uint8 &&
          (isStringType(b.type) || (isa<types::TypeParam>(b.type) &&
                                    typeSetAll(b.type, bytesOrString)))) {
        if (isUntyped(b.type))
          convertUntyped(b, ctx.basic(BasicKind::String));
        x.mode = TypeAndValue::Value;
        x.type = s.type;
        return;
      }
      bool unnamed =
          s.type->underlying() == s.type && !isa<types::TypeParam>(s.type);
      assignment(b, unnamed ? s.type : ctx.getSlice(st->elem),
                 "argument to append");
    } else if (call->hasEllipsis) {
      // append(s, x...) is a call of func(S, ...E): types2 reports the
      // count against that signature.
      bool few = nargs < 2;
      errorAt(args[few ? nargs - 1 : 2].expr,
              std::string(few ? "not enough" : "too many") +
                  " arguments in call to append\n\thave " + tupleString(args) +
                  "\n\twant (" + typeString(s.type) + ", ..." +
                  typeString(st->elem) + ")");
    } else {
      for (size_t i = 1; i < nargs; i++)
        assignment(args[i], st->elem, "argument to append");
    }
    x.mode = TypeAndValue::Value;
    x.type = s.type;
    return;
  }
  case BuiltinId::Copy: {
    auto *dst = dyn_cast<types::Slice>(coreOf(args[0].type));
    Type *srcU = coreOf(args[1].type);
    auto *src = dyn_cast<types::Slice>(srcU);
    bool srcString = isStringType(args[1].type);
    if (!dst || (!src && !srcString)) {
      errorAt(args[0].expr,
              std::string(invalidArg) + "copy expects slice arguments; found " +
                  operandString(args[0]) + " and " + operandString(args[1]));
      x.mode = TypeAndValue::Invalid;
      return;
    }
    Type *srcElem = src ? src->elem : ctx.basic(BasicKind::Uint8);
    if (dst->elem != srcElem) {
      errorAt(call, std::string(invalidArg) + "arguments to copy " +
                        operandString(args[0]) + " and " +
                        operandString(args[1]) +
                        " have different element types " +
                        typeString(dst->elem) + " and " + typeString(srcElem));
      x.mode = TypeAndValue::Invalid;
      return;
    }
    if (isUntyped(args[1].type))
      convertUntyped(args[1], ctx.basic(BasicKind::String));
    x.mode = TypeAndValue::Value;
    x.type = intType;
    return;
  }
  case BuiltinId::Delete: {
    auto *m = dyn_cast<types::Map>(coreOf(args[0].type));
    if (!m) {
      errorAt(args[0].expr, std::string(invalidArg) + operandString(args[0]) +
                                " is not a map");
      x.mode = TypeAndValue::Invalid;
      return;
    }
    assignment(args[1], m->key, "argument to delete");
    x.mode = TypeAndValue::NoValue;
    x.type = ctx.getTuple({});
    return;
  }
  case BuiltinId::Clear: {
    Type *u = coreOf(args[0].type);
    if (!isa<types::Map>(u) && !isa<types::Slice>(u)) {
      errorAt(args[0].expr,
              std::string(invalidArg) + "cannot clear " +
                  operandString(args[0]) +
                  ": argument must be (or constrained by) map or slice");
      x.mode = TypeAndValue::Invalid;
      return;
    }
    x.mode = TypeAndValue::NoValue;
    x.type = ctx.getTuple({});
    return;
  }
  case BuiltinId::Close: {
    auto *c = dyn_cast<types::Chan>(coreOf(args[0].type));
    if (!c || c->dir == ChanDir::Recv) {
      errorAt(args[0].expr, std::string(invalidOp) +
                                (c ? "cannot close receive-only channel "
                                   : "cannot close non-channel ") +
                                operandString(args[0]));
      x.mode = TypeAndValue::Invalid;
      return;
    }
    x.mode = TypeAndValue::NoValue;
    x.type = ctx.getTuple({});
    return;
  }
  case BuiltinId::Make: {
    Type *t = args[0].type;
    Type *u = coreOf(t);
    size_t min = 1;
    if (isa<types::Slice>(u))
      min = 2;
    else if (!isa<types::Map>(u) && !isa<types::Chan>(u)) {
      errorAt(call->args[0],
              std::string(invalidArg) + "cannot make " +
                  exprString(call->args[0]) +
                  (isa<types::TypeParam>(u)
                       ? ": no core type"
                       : "; type must be slice, map, or channel"));
      x.mode = TypeAndValue::Invalid;
      return;
    }
    if (nargs < min || nargs > min + 1) {
      errorAt(call, "invalid operation: " + exprString(call) + " expects " +
                        std::to_string(min) + " or " + std::to_string(min + 1) +
                        " arguments; found " + std::to_string(nargs));
      x.mode = TypeAndValue::Invalid;
      return;
    }
    int64_t sizes[2] = {-1, -1};
    bool bad = false;
    for (size_t i = 1; i < nargs; i++) {
      Operand &a = args[i];
      convertUntyped(a, intType);
      if (a.invalid()) {
        bad = true;
        continue;
      }
      // A typed constant must have an integer type even when its value is
      // integral (float32(1.0)), and fit an int.
      if (!isIntegerType(a.type)) {
        errorAt(a.expr, std::string(invalidArg) + "index " + operandString(a) +
                            " must be integer");
        bad = true;
        continue;
      }
      if (a.isConst()) {
        if (a.val->intValue().isNegative()) {
          errorAt(a.expr, std::string(invalidArg) + "index " +
                              operandString(a) + " must not be negative");
          bad = true;
        } else if (!a.val->fitsInt(64, true)) {
          errorAt(a.expr, std::string(invalidArg) + "index " +
                              operandString(a) + " overflows int");
          bad = true;
        } else {
          sizes[i - 1] = a.val->toAPInt(64).getSExtValue();
        }
      }
    }
    if (!bad && sizes[0] >= 0 && sizes[1] >= 0 && sizes[0] > sizes[1]) {
      errorAt(call->args[1],
              std::string(invalidArg) + "length and capacity swapped");
      bad = true;
    }
    x.mode = bad ? TypeAndValue::Invalid : TypeAndValue::Value;
    x.type = t;
    return;
  }
  case BuiltinId::New:
    x.mode = TypeAndValue::Value;
    x.type = ctx.getPointer(args[0].type);
    return;
  case BuiltinId::Panic:
    assignment(args[0], ctx.emptyInterface(), "argument to panic");
    x.mode = TypeAndValue::NoValue;
    x.type = ctx.getTuple({});
    return;
  case BuiltinId::Print:
  case BuiltinId::Println:
    for (Operand &a : args)
      assignment(a, nullptr, std::string("argument to built-in ") + spec.name);
    x.mode = TypeAndValue::NoValue;
    x.type = ctx.getTuple({});
    return;
  case BuiltinId::Recover:
    x.mode = TypeAndValue::Value;
    x.type = ctx.emptyInterface();
    return;
  case BuiltinId::Min:
  case BuiltinId::Max: {
    Operand acc = args[0];
    for (size_t i = 0; i < nargs; i++) {
      Operand &a = args[i];
      if (!isOrdered(a.type)) {
        errorAt(a.expr, std::string(invalidArg) + operandString(a) +
                            " cannot be ordered");
        x.mode = TypeAndValue::Invalid;
        return;
      }
      if (i == 0)
        continue;
      convertUntyped(acc, a.type);
      convertUntyped(a, acc.type);
      if (acc.invalid() || a.invalid()) {
        x.mode = TypeAndValue::Invalid;
        return;
      }
      if (acc.type != a.type) {
        errorAt(a.expr, std::string(invalidArg) + "mismatched types " +
                            typeString(acc.type) + " (previous argument) and " +
                            typeString(a.type) + " (type of " +
                            exprString(a.expr) + ")");
        x.mode = TypeAndValue::Invalid;
        return;
      }
      if (acc.isConst() && a.isConst()) {
        bool less = ConstValue::compare(Token::LSS, *a.val, *acc.val);
        if ((id == BuiltinId::Min) == less)
          acc.val = a.val;
      } else {
        acc.mode = TypeAndValue::Value;
      }
    }
    if (!acc.isConst()) {
      // Every operand is evaluated at run time: give them their final type.
      for (Operand &a : args)
        if (isUntyped(a.type)) {
          convertUntyped(a, defaultType(ctx, acc.type));
          if (isUntyped(acc.type))
            acc.type = defaultType(ctx, acc.type);
        }
      acc.val.reset();
    }
    x.mode = acc.mode;
    x.type = acc.type;
    x.val = acc.val;
    return;
  }
  case BuiltinId::Complex:
    complexCall(x, call, args[0], args[1]);
    return;
  case BuiltinId::Sizeof:
  case BuiltinId::Alignof: {
    Operand &a = args[0];
    assignment(a, nullptr, std::string("argument to unsafe.") + spec.name);
    if (a.invalid()) {
      x.mode = TypeAndValue::Invalid;
      return;
    }
    int64_t v = id == BuiltinId::Sizeof ? gcSizeof(a.type) : gcAlignof(a.type);
    x.mode = TypeAndValue::Constant;
    x.type = ctx.basic(BasicKind::Uintptr);
    x.val = ConstValue::makeInt(v);
    return;
  }
  case BuiltinId::Add:
  case BuiltinId::Slice: {
    Operand &p = args[0];
    Type *elem = nullptr;
    if (id == BuiltinId::Add) {
      assignment(p, ctx.basic(BasicKind::UnsafePointer),
                 "argument to unsafe.Add");
      if (p.invalid()) {
        x.mode = TypeAndValue::Invalid;
        return;
      }
    } else if (auto *pt = dyn_cast<types::Pointer>(p.type->underlying())) {
      elem = pt->elem;
    } else {
      errorAt(p.expr,
              std::string(invalidArg) + operandString(p) + " is not a pointer");
      x.mode = TypeAndValue::Invalid;
      return;
    }
    if (!validIndex(args[1], "length", id == BuiltinId::Add)) {
      x.mode = TypeAndValue::Invalid;
      return;
    }
    x.mode = TypeAndValue::Value;
    x.type = elem ? static_cast<Type *>(ctx.getSlice(elem))
                  : ctx.basic(BasicKind::UnsafePointer);
    return;
  }
  default:
    realImagCall(x, args[0], id);
    return;
  }
}

// complex(re, im): both floats of one type, or untyped constants (types2's
// _Complex).
void Checker::complexCall(Operand &x, CallExpr *call, Operand &re,
                          Operand &im) {
  x.mode = TypeAndValue::Invalid;
  bool reUntyped = isUntyped(re.type), imUntyped = isUntyped(im.type);
  if (reUntyped && imUntyped) {
    if (re.isConst() && im.isConst()) {
      // Untyped numeric constants without an imaginary part act as untyped
      // floats.
      for (Operand *a : {&re, &im})
        if (isNumericType(a->type) && a->val->hasZeroImag())
          a->type = ctx.basic(BasicKind::UntypedFloat);
    } else {
      convertUntyped(re, ctx.basic(BasicKind::Float64));
      convertUntyped(im, ctx.basic(BasicKind::Float64));
    }
  } else if (reUntyped) {
    convertUntyped(re, im.type);
  } else if (imUntyped) {
    convertUntyped(im, re.type);
  }
  if (re.invalid() || im.invalid())
    return;
  if (re.type != im.type) {
    errorAt(re.expr, std::string(invalidOp) + exprString(call) +
                         " (mismatched types " + typeString(re.type) + " and " +
                         typeString(im.type) + ")");
    return;
  }
  Type *result = nullptr;
  if (auto *b = asBasic(re.type)) {
    if (b->basicKind == BasicKind::Float32)
      result = ctx.basic(BasicKind::Complex64);
    else if (b->basicKind == BasicKind::Float64)
      result = ctx.basic(BasicKind::Complex128);
    else if (b->basicKind == BasicKind::UntypedFloat)
      result = ctx.basic(BasicKind::UntypedComplex);
  }
  if (!result) {
    errorAt(re.expr, std::string(invalidArg) + "arguments have type " +
                         typeString(re.type) + ", expected floating-point");
    return;
  }
  if (re.isConst() && im.isConst()) {
    x.mode = TypeAndValue::Constant;
    x.val = ConstValue::makeComplex(re.val->toFloat(), im.val->toFloat());
  } else {
    x.mode = TypeAndValue::Value;
  }
  x.type = result;
}

// real(c) and imag(c) (types2's _Real and _Imag): an untyped numeric
// constant counts as an untyped complex one.
void Checker::realImagCall(Operand &x, Operand &c, BuiltinId id) {
  x.mode = TypeAndValue::Invalid;
  if (isUntyped(c.type)) {
    if (c.isConst()) {
      if (isNumericType(c.type))
        c.type = ctx.basic(BasicKind::UntypedComplex);
    } else {
      convertUntyped(c, ctx.basic(BasicKind::Complex128));
      if (c.invalid())
        return;
    }
  }
  Type *result = nullptr;
  if (auto *b = asBasic(c.type)) {
    if (b->basicKind == BasicKind::Complex64)
      result = ctx.basic(BasicKind::Float32);
    else if (b->basicKind == BasicKind::Complex128)
      result = ctx.basic(BasicKind::Float64);
    else if (b->basicKind == BasicKind::UntypedComplex)
      result = ctx.basic(BasicKind::UntypedFloat);
  }
  if (!result) {
    errorAt(c.expr, std::string(invalidArg) + "argument has type " +
                        typeString(c.type) + ", expected complex type");
    return;
  }
  if (c.isConst()) {
    x.mode = TypeAndValue::Constant;
    x.val = id == BuiltinId::Real ? c.val->realPart() : c.val->imagPart();
  } else {
    x.mode = TypeAndValue::Value;
  }
  x.type = result;
}

// types2's isValidIndex: an integer, or an untyped constant representable as
// an int; a constant one not negative unless allowNegative.
bool Checker::validIndex(Operand &x, const char *what, bool allowNegative) {
  convertUntyped(x, ctx.basic(BasicKind::Int));
  if (x.invalid())
    return false;
  if (!isIntegerType(x.type)) {
    errorAt(x.expr, std::string(invalidArg) + what + " " + operandString(x) +
                        " must be integer");
    return false;
  }
  if (!x.isConst())
    return true;
  if (!allowNegative && x.val->intValue().isNegative()) {
    errorAt(x.expr, std::string(invalidArg) + what + " " + operandString(x) +
                        " must not be negative");
    return false;
  }
  if (!x.val->fitsInt(64, true)) {
    errorAt(x.expr, std::string(invalidArg) + what + " " + operandString(x) +
                        " overflows int");
    return false;
  }
  return true;
}

// unsafe.Offsetof(x.f): the offset of field f in x's struct (through a
// pointer to it too), a constant; x is evaluated only to know its type.
void Checker::unsafeOffsetof(Operand &x, Expr *arg) {
  x.mode = TypeAndValue::Invalid;
  auto *sel = dyn_cast<SelectorExpr>(unparen(arg));
  if (!sel) {
    errorAt(arg, std::string(invalidArg) + exprString(arg) +
                     " is not a selector expression");
    useExprs({arg});
    return;
  }
  Operand b;
  expr(b, sel->x);
  if (b.invalid())
    return;
  Type *base = b.type;
  bool deref = false;
  if (auto *p = dyn_cast<types::Pointer>(base->underlying());
      p && isa<types::Struct>(p->elem->underlying())) {
    base = p->elem;
    deref = true;
  }
  const std::string &name = sel->sel->name;
  // The field may be promoted (t2.C of an embedded U2): its offset is the sum
  // of the offsets along the embedded fields' path.
  Selected found =
      name == "_" ? Selected{} : lookupFieldOrMethod(base, name, pkg);
  auto *field = dyn_cast_or_null<Var>(found.obj);
  if (!field) {
    bool isMethod = found.obj && isa<Func>(found.obj);
    if (auto *it = dyn_cast<Interface>(base->underlying()))
      for (Func *m : it->methods)
        isMethod |= m->name == name;
    Type *t = base;
    if (auto *p = dyn_cast<types::Pointer>(t))
      t = p->elem;
    if (auto *n = dyn_cast<Named>(t))
      isMethod |= n->lookupMethod(name) != nullptr;
    if (isMethod)
      errorAt(arg,
              std::string(invalidArg) + exprString(arg) + " is a method value");
    else
      errorAt(b.expr, std::string(invalidArg) + typeString(base) +
                          " has no single field " + name);
    return;
  }
  if (found.indirect) {
    errorAt(b.expr, std::string(invalidArg) + "field " + name +
                        " is embedded via a pointer in " + typeString(base));
    return;
  }
  int64_t offset = 0;
  Type *t = base;
  for (int i : found.path) {
    auto *st = cast<types::Struct>(t->underlying());
    offset += gcOffsetsof(st)[i];
    t = st->fields[i]->type;
  }
  auto *st = cast<types::Struct>(t->underlying());
  int idx = st->fieldIndex(name);
  sel->sel->obj = field;
  sel->selection.kind = Selection::FieldVal;
  sel->selection.index = idx;
  sel->selection.implicitDeref = deref;
  sel->tv.mode = TypeAndValue::Variable;
  sel->tv.type = field->type;
  x.mode = TypeAndValue::Constant;
  x.type = ctx.basic(BasicKind::Uintptr);
  x.val = ConstValue::makeInt(offset + gcOffsetsof(st)[idx]);
}

} // namespace mgo
