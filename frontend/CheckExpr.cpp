// Expressions: identifiers, literals, operators, selectors, index and slice
// expressions (types2's expr.go, index.go, selector code in call.go).
#include "frontend/CheckerImpl.h"

namespace mgo {

using namespace types;

namespace {

const char *invalidOp = "invalid operation: ";
const char *invalidArg = "invalid argument: ";

Expr *unparen(Expr *e) {
  while (auto *p = dyn_cast<ParenExpr>(e))
    e = p->x;
  return e;
}

} // namespace

void Checker::rawExpr(Operand &x, Expr *e, Type *hint, bool allowGeneric) {
  exprInternal(x, e, hint);
  x.expr = e;
  if (x.mode == TypeAndValue::Value && !x.generic) {
    Ident *id = dyn_cast_or_null<Ident>(e);
    if (auto *s = dyn_cast_or_null<SelectorExpr>(e);
        s && s->selection.kind == Selection::PackageMember)
      id = s->sel;
    if (auto *f = id ? dyn_cast_or_null<Func>(id->obj) : nullptr;
        f && !f->typeParams.empty())
      x.generic = f;
  }
  if (!allowGeneric && x.generic && !x.typeArgs.empty() && isa<IndexExpr>(e)) {
    // A partial instantiation (F[int] of F[A, B any]) as a value: gc names
    // the first type parameter left to infer.
    const std::vector<TypeParam *> &tps = x.generic->typeParams;
    std::vector<Type *> m = x.typeArgs;
    m.resize(tps.size(), nullptr);
    inferFromConstraints(tps, m);
    size_t i = std::find(m.begin(), m.end(), nullptr) - m.begin();
    error(cast<IndexExpr>(e)->lbrack,
          "cannot infer " + tps[i]->obj->name + " (" +
              diags.position(tps[i]->obj->loc) + ")");
    x.mode = TypeAndValue::Invalid;
  } else if (!allowGeneric && x.generic) {
    errorAt(e, "cannot use generic function " + exprString(e) +
                   " without instantiation");
    x.mode = TypeAndValue::Invalid;
  } else if (!allowGeneric && x.mode == TypeAndValue::TypeExpr &&
             isGenericType(x.type)) {
    errorAt(e, "cannot use generic type " + exprString(e) +
                   " without instantiation");
    x.mode = TypeAndValue::Invalid;
  }
  if (x.invalid())
    x.type = invalidType();
  if (!e)
    return;
  record(x);
  if (auto *s = dyn_cast<SelectorExpr>(e); s && !x.invalid())
    s->sel->tv = e->tv;
}

void Checker::exprInternal(Operand &x, Expr *e, Type *hint) {
  x = Operand{};
  x.expr = e;
  if (!e)
    return;
  switch (e->kind()) {
  case Node::BadExprKind:
    return;
  case Node::IdentKind:
    ident(x, cast<Ident>(e), false);
    return;
  case Node::BasicLitKind:
    basicLit(x, cast<BasicLit>(e));
    return;
  case Node::FuncLitKind:
    funcLit(x, cast<FuncLit>(e));
    return;
  case Node::CompositeLitKind:
    compositeLit(x, cast<CompositeLit>(e), hint);
    return;
  case Node::ParenExprKind: {
    Operand inner;
    rawExpr(inner, cast<ParenExpr>(e)->x, hint);
    x = inner;
    if (x.mode == TypeAndValue::TypeExpr)
      return;
    return;
  }
  case Node::SelectorExprKind:
    selector(x, cast<SelectorExpr>(e), false);
    return;
  case Node::IndexExprKind:
    indexExpr(x, cast<IndexExpr>(e));
    return;
  case Node::SliceExprKind:
    sliceExpr(x, cast<SliceExpr>(e));
    return;
  case Node::TypeAssertExprKind:
    typeAssert(x, cast<TypeAssertExpr>(e));
    return;
  case Node::CallExprKind:
    callExpr(x, cast<CallExpr>(e));
    return;
  case Node::StarExprKind:
    starExpr(x, cast<StarExpr>(e));
    return;
  case Node::UnaryExprKind: {
    auto *u = cast<UnaryExpr>(e);
    if (u->op == Token::AND) {
      Type *elemHint = nullptr;
      if (hint)
        if (auto *p = dyn_cast<types::Pointer>(hint->underlying()))
          elemHint = p->elem;
      Expr *inner = unparen(u->x);
      if (auto *cl = dyn_cast<CompositeLit>(inner)) {
        rawExpr(x, u->x, elemHint);
        (void)cl;
        if (x.invalid())
          return;
        x.mode = TypeAndValue::Value;
        x.type = ctx.getPointer(x.type);
        return;
      }
    }
    unary(x, u);
    return;
  }
  case Node::BinaryExprKind: {
    auto *b = cast<BinaryExpr>(e);
    binary(x, e, b->x, b->y, b->op, b->loc);
    return;
  }
  case Node::KeyValueExprKind:
    errorAt(e, "unexpected key:value expression");
    return;
  case Node::EllipsisKind:
    errorAt(e, "invalid use of '...'");
    return;
  default:
    x.mode = TypeAndValue::TypeExpr;
    x.type = typExpr(e);
    if (isInvalidType(x.type))
      x.mode = TypeAndValue::Invalid;
    return;
  }
}

void Checker::exclude(Operand &x, bool allowNoValue, bool allowBuiltin,
                      bool allowType) {
  std::string msg;
  if (x.mode == TypeAndValue::NoValue && !allowNoValue)
    msg = allowType ? " used as value or type" : " used as value";
  else if (x.mode == TypeAndValue::Builtin && !allowBuiltin)
    msg = " must be called";
  else if (x.mode == TypeAndValue::TypeExpr && !allowType)
    msg = " is not an expression";
  else
    return;
  errorAt(x.expr, operandString(x) + msg);
  x.mode = TypeAndValue::Invalid;
  record(x);
}

void Checker::singleValue(Operand &x) {
  if (x.mode == TypeAndValue::Value && x.type && isa<Tuple>(x.type)) {
    errorAt(x.expr,
            "multiple-value " + operandString(x) + " in single-value context");
    x.mode = TypeAndValue::Invalid;
    record(x);
  }
}

void Checker::expr(Operand &x, Expr *e) { exprWithHint(x, e, nullptr); }

void Checker::exprWithHint(Operand &x, Expr *e, Type *hint) {
  rawExpr(x, e, hint);
  exclude(x, false, false, false);
  singleValue(x);
}

void Checker::multiExpr(Operand &x, Expr *e) {
  rawExpr(x, e, nullptr);
  exclude(x, false, false, false);
}

void Checker::exprOrType(Operand &x, Expr *e) {
  rawExpr(x, e, nullptr);
  exclude(x, false, false, true);
  singleValue(x);
}

// The elements of a literal that failed are used for their errors and
// variables; a key may name a field, so only its value is.
void Checker::useExprs(const std::vector<Expr *> &es) {
  for (Expr *e : es) {
    if (auto *kv = dyn_cast_or_null<KeyValueExpr>(e))
      e = kv->value;
    // An elided literal type is the enclosing literal's, which failed: its
    // elements are used, and its missing type is no new error.
    if (auto *lit = dyn_cast_or_null<CompositeLit>(e); lit && !lit->type) {
      useExprs(lit->elts);
      continue;
    }
    Operand x;
    if (e)
      rawExpr(x, e, nullptr);
  }
}

// ---------------------------------------------------------------------------
// Identifiers and literals

void Checker::useVar(Var *v) {
  v->used = true;
  auto it = varDepth.find(v);
  if (v->isGlobal || it == varDepth.end() || !fn || fn->depth <= it->second)
    return;
  v->escapes = true;
  for (FuncContext *f = fn; f && f->depth > it->second; f = f->outer) {
    if (!f->lit)
      continue;
    auto &caps = f->lit->captures;
    if (std::find(caps.begin(), caps.end(), v) == caps.end())
      caps.push_back(v);
  }
}

void Checker::ident(Operand &x, Ident *e, bool wantType) {
  (void)wantType;
  if (e->isBlank()) {
    errorAt(e, "cannot use _ as value or type");
    return;
  }
  Object *obj = scope->lookup(e->name);
  if (!obj) {
    errorAt(e, "undefined: " + e->name);
    return;
  }
  e->obj = obj;
  if (obj->pkg && obj->pkg != pkg)
    markDotImportUsed(e->loc, obj->pkg);
  if (decls.count(obj)) {
    recordDep(obj);
    objDecl(obj);
  }
  switch (obj->kind()) {
  case Object::PkgNameKind:
    errorAt(e, "use of package " + obj->name + " without selector");
    return;
  case Object::ConstKind: {
    auto *c = cast<Const>(obj);
    if (!c->type || isInvalidType(c->type))
      return;
    if (c->name == "iota" && !c->pkg) {
      if (iota < 0) {
        errorAt(e, "cannot use iota outside constant declaration");
        return;
      }
      x.val = ConstValue::makeInt(iota);
    } else {
      x.val = c->value;
    }
    x.mode = TypeAndValue::Constant;
    x.type = c->type;
    return;
  }
  case Object::TypeNameKind:
    if (!obj->type || isInvalidType(obj->type))
      return;
    x.mode = TypeAndValue::TypeExpr;
    x.type = obj->type;
    return;
  case Object::VarKind: {
    auto *v = cast<Var>(obj);
    useVar(v);
    if (!v->type || isInvalidType(v->type))
      return;
    x.mode = TypeAndValue::Variable;
    x.type = v->type;
    return;
  }
  case Object::FuncKind:
    if (!obj->type)
      return;
    x.mode = TypeAndValue::Value;
    x.type = obj->type;
    return;
  case Object::BuiltinKind:
    x.mode = TypeAndValue::Builtin;
    x.type = invalidType();
    x.builtin = cast<Builtin>(obj)->id;
    return;
  case Object::NilKind:
    x.mode = TypeAndValue::Value;
    x.type = ctx.basic(BasicKind::UntypedNil);
    x.nilValue = true;
    return;
  default:
    return;
  }
}

void Checker::basicLit(Operand &x, BasicLit *e) {
  BasicKind k;
  switch (e->tok) {
  case Token::INT:
    k = BasicKind::UntypedInt;
    break;
  case Token::FLOAT:
    k = BasicKind::UntypedFloat;
    break;
  case Token::CHAR:
    k = BasicKind::UntypedRune;
    break;
  case Token::STRING:
    k = BasicKind::UntypedString;
    break;
  default:
    k = BasicKind::UntypedComplex;
    break;
  }
  std::string err;
  auto v = ConstValue::fromLiteral(e->tok, e->raw, &err);
  if (!v) {
    errorAt(e, "malformed constant: " + e->raw);
    return;
  }
  x.mode = TypeAndValue::Constant;
  x.type = ctx.basic(k);
  x.val = *v;
}

std::vector<Var *> Checker::resultVarsOf(FuncTypeExpr *t) {
  std::vector<Var *> vars;
  if (t->results)
    for (Field *fl : t->results->list)
      for (Ident *n : fl->names)
        if (auto *v = dyn_cast_or_null<Var>(n->obj))
          vars.push_back(v);
  return vars;
}

void Checker::funcLit(Operand &x, FuncLit *e) {
  Signature *sig = funcType(e->type, nullptr, nullptr, nullptr);
  auto f = std::make_unique<FuncContext>();
  f->sig = sig;
  f->lit = e;
  f->outer = fn;
  f->depth = fn ? fn->depth + 1 : 1;
  Scope *saved = scope;
  scope = ctx.newScope(scope);
  FuncContext *savedFn = fn;
  fn = f.get();
  for (FieldList *list : {e->type->params, e->type->results})
    if (list)
      for (Field *fl : list->list)
        for (Ident *n : fl->names)
          if (n->obj && !n->isBlank())
            declareLocal(n, n->obj);
  fn = savedFn;
  f->resultVars = resultVarsOf(e->type);
  checkFuncBody(*f, e->body, e->body->rbrace);
  scope = saved;
  funcStore.push_back(std::move(f));
  x.mode = TypeAndValue::Value;
  x.type = sig;
}

// ---------------------------------------------------------------------------
// Operators

namespace {

bool unaryAllowed(Token::Kind op, Type *t) {
  switch (op) {
  case Token::ADD:
  case Token::SUB:
    return isNumericType(t);
  case Token::XOR:
    return isIntegerType(t);
  case Token::NOT:
    return isBooleanType(t);
  default:
    return false;
  }
}

bool binaryAllowed(Token::Kind op, Type *t) {
  switch (op) {
  case Token::ADD:
    return typeSetAll(
        t, [](Type *u) { return isNumericType(u) || isStringType(u); });
  case Token::SUB:
  case Token::MUL:
  case Token::QUO:
    return isNumericType(t);
  case Token::REM:
  case Token::AND:
  case Token::OR:
  case Token::XOR:
  case Token::AND_NOT:
    return isIntegerType(t);
  case Token::LAND:
  case Token::LOR:
    return isBooleanType(t);
  default:
    return false;
  }
}

std::string opName(Expr *e) {
  Token::Kind op;
  if (auto *b = dyn_cast_or_null<BinaryExpr>(e))
    op = b->op;
  else if (auto *u = dyn_cast_or_null<UnaryExpr>(e))
    op = u->op == Token::XOR ? Token::ILLEGAL : u->op;
  else
    return "";
  switch (op) {
  case Token::ADD:
    return "addition";
  case Token::SUB:
    return "subtraction";
  case Token::XOR:
    return "bitwise XOR";
  case Token::MUL:
    return "multiplication";
  case Token::SHL:
    return "shift";
  case Token::ILLEGAL:
    return "bitwise complement";
  default:
    return "";
  }
}

std::string kindString(Type *t) {
  switch (t->underlying()->kind()) {
  case Type::ArrayKind:
    return "array";
  case Type::SliceKind:
    return "slice";
  case Type::StructKind:
    return "struct";
  case Type::PointerKind:
    return "pointer";
  case Type::SignatureKind:
    return "func";
  case Type::InterfaceKind:
    return "interface";
  case Type::MapKind:
    return "map";
  case Type::ChanKind:
    return "chan";
  default:
    return t->errorString();
  }
}

std::string incomparableCause(Type *t) {
  if (isa<types::TypeParam>(t))
    return "incomparable types in type set";
  Type *u = t->underlying();
  if (isa<types::Slice>(u) || isa<Signature>(u) || isa<types::Map>(u))
    return kindString(t) + " can only be compared to nil";
  if (auto *s = dyn_cast<types::Struct>(u)) {
    for (Var *f : s->fields)
      if (!isComparable(f->type))
        return "struct containing " + f->type->errorString() +
               " cannot be compared";
  }
  if (auto *a = dyn_cast<types::Array>(u))
    return incomparableCause(a->elem);
  return "";
}

} // namespace

void Checker::overflow(Operand &x, SrcLoc opLoc, Expr *opExpr) {
  if (isTyped(x.type)) {
    if (auto *b = asBasic(x.type))
      representable(x, b);
    return;
  }
  if (x.val->isInt() && x.val->intValue().getSignificantBits() > 513) {
    error(opLoc, "constant " + opName(opExpr) + " overflow");
    x.mode = TypeAndValue::Invalid;
  }
}

void Checker::unary(Operand &x, UnaryExpr *e) {
  expr(x, e->x);
  if (x.invalid())
    return;
  switch (e->op) {
  case Token::AND:
    if (!x.isConst() && x.mode != TypeAndValue::Variable) {
      x.expr = e->x;
      errorAt(e->x, std::string(invalidOp) + "cannot take address of " +
                        operandString(x));
      x.mode = TypeAndValue::Invalid;
      return;
    }
    if (x.mode != TypeAndValue::Variable) {
      errorAt(e->x, std::string(invalidOp) + "cannot take address of " +
                        operandString(x));
      x.mode = TypeAndValue::Invalid;
      return;
    }
    markEscapes(e->x);
    x.mode = TypeAndValue::Value;
    x.type = ctx.getPointer(x.type);
    return;
  case Token::ARROW: {
    auto *ch = dyn_cast<types::Chan>(coreOf(x.type));
    if (!ch) {
      errorAt(e, std::string(invalidOp) + "cannot receive from non-channel " +
                     operandString(x));
      x.mode = TypeAndValue::Invalid;
      return;
    }
    if (ch->dir == ChanDir::Send) {
      errorAt(e, std::string(invalidOp) +
                     "cannot receive from send-only channel " +
                     operandString(x));
      x.mode = TypeAndValue::Invalid;
      return;
    }
    x.mode = TypeAndValue::Value;
    x.type = ch->elem;
    return;
  }
  default:
    break;
  }
  if (!unaryAllowed(e->op, x.type)) {
    errorAt(e->x, std::string(invalidOp) + "operator " + opString(e->op) +
                      " not defined on " + operandString(x));
    x.mode = TypeAndValue::Invalid;
    return;
  }
  if (x.isConst()) {
    auto *b = asBasic(x.type);
    unsigned bits = b && !b->isUntyped() ? b->bits() : 0;
    std::string err;
    auto v =
        ConstValue::unaryOp(e->op, *x.val, bits, b && b->isUnsigned(), &err);
    if (!v) {
      x.mode = TypeAndValue::Invalid;
      return;
    }
    x.val = *v;
    x.expr = e;
    overflow(x, e->loc, e);
    return;
  }
  x.mode = TypeAndValue::Value;
}

void Checker::binary(Operand &x, Expr *e, Expr *lhs, Expr *rhs, Token::Kind op,
                     SrcLoc opLoc) {
  Operand y;
  expr(x, lhs);
  expr(y, rhs);
  if (x.invalid())
    return;
  if (y.invalid()) {
    x.mode = TypeAndValue::Invalid;
    return;
  }
  if (isShiftOp(op)) {
    shift(x, y, e, op);
    return;
  }
  bool canMix = true;
  if (!isInterface(x.type) && !isInterface(y.type)) {
    if (isBooleanType(x.type) != isBooleanType(y.type) ||
        isStringType(x.type) != isStringType(y.type))
      canMix = false;
    if ((x.isNil() && !hasNil(y.type)) || (y.isNil() && !hasNil(x.type)))
      canMix = false;
  }
  if (canMix) {
    convertUntyped(x, y.type);
    if (x.invalid())
      return;
    convertUntyped(y, x.type);
    if (y.invalid()) {
      x.mode = TypeAndValue::Invalid;
      return;
    }
  }
  if (isComparisonOp(op)) {
    comparison(x, y, op, false, e);
    return;
  }
  if (x.type != y.type) {
    if (!isInvalidType(x.type) && !isInvalidType(y.type)) {
      std::string what =
          e ? exprString(e)
            : exprString(lhs) + " " + opString(op) + "= " + exprString(rhs);
      errorAt(x.expr, std::string(invalidOp) + what + " (mismatched types " +
                          typeString(x.type) + " and " + typeString(y.type) +
                          ")");
    }
    x.mode = TypeAndValue::Invalid;
    return;
  }
  if (!binaryAllowed(op, x.type)) {
    errorAt(x.expr, std::string(invalidOp) + "operator " + opString(op) +
                        " not defined on " + operandString(x));
    x.mode = TypeAndValue::Invalid;
    return;
  }
  if (op == Token::QUO || op == Token::REM) {
    bool zero = y.isConst() && y.val->isNumeric() && y.val->hasZeroImag() &&
                y.val->realPart().floatValue().isZero();
    if ((x.isConst() || isIntegerType(x.type)) && zero) {
      errorAt(y.expr, std::string(invalidOp) + "division by zero");
      x.mode = TypeAndValue::Invalid;
      return;
    }
  }
  if (x.isConst() && y.isConst()) {
    ConstValue a = *x.val, b = *y.val;
    if (isComplexType(x.type)) {
      a = a.toComplex();
      b = b.toComplex();
    } else if (!isIntegerType(x.type) && isNumericType(x.type)) {
      a = a.toFloat();
      b = b.toFloat();
    }
    std::string err;
    auto v = ConstValue::binaryOp(op, a, b, &err);
    if (!v) {
      error(opLoc, "constant " + opName(e) + " overflow");
      x.mode = TypeAndValue::Invalid;
      return;
    }
    x.val = *v;
    x.expr = e ? e : lhs;
    overflow(x, opLoc, e);
    return;
  }
  x.mode = TypeAndValue::Value;
}

void Checker::comparison(Operand &x, Operand &y, Token::Kind op,
                         bool switchCase, Expr *) {
  Operand *errOp = &x;
  std::string cause;
  bool ok =
      assignableTo(x, y.type, nullptr) || assignableTo(y, x.type, nullptr);
  if (!ok) {
    errOp = &y;
    cause =
        "mismatched types " + typeString(x.type) + " and " + typeString(y.type);
  } else if (op == Token::EQL || op == Token::NEQ) {
    if (x.isNil() || y.isNil()) {
      Type *t = x.isNil() ? y.type : x.type;
      if (!hasNil(t) || (x.isNil() && y.isNil())) {
        errOp = &y;
        ok = false;
      }
    } else if (!isComparable(x.type)) {
      errOp = &x;
      cause = incomparableCause(x.type);
      ok = false;
    } else if (!isComparable(y.type)) {
      errOp = &y;
      cause = incomparableCause(y.type);
      ok = false;
    }
  } else {
    if (!isOrdered(x.type)) {
      errOp = &x;
      ok = false;
    } else if (!isOrdered(y.type)) {
      errOp = &y;
      ok = false;
    }
  }
  if (!ok) {
    if (auto *tp = dyn_cast<types::TypeParam>(errOp->type); tp && cause.empty())
      cause = "type parameter " + tp->obj->name + " is not comparable with " +
              opString(op);
    if (cause.empty())
      cause = "operator " + opString(op) + " not defined on " +
              kindString(errOp->type);
    if (switchCase)
      errorAt(x.expr, "invalid case " + exprString(x.expr) + " in switch on " +
                          exprString(y.expr) + " (" + cause + ")");
    else
      errorAt(errOp->expr, std::string(invalidOp) + exprString(x.expr) + " " +
                               opString(op) + " " + exprString(y.expr) + " (" +
                               cause + ")");
    x.mode = TypeAndValue::Invalid;
    return;
  }
  if (x.isConst() && y.isConst()) {
    x.val = ConstValue::makeBool(ConstValue::compare(op, *x.val, *y.val));
  } else {
    x.mode = TypeAndValue::Value;
    x.val.reset();
    updateExprType(x.expr, defaultType(ctx, x.type), true);
    updateExprType(y.expr, defaultType(ctx, y.type), true);
  }
  x.type = ctx.basic(BasicKind::UntypedBool);
  x.nilValue = false;
}

void Checker::shift(Operand &x, Operand &y, Expr *e, Token::Kind op) {
  std::optional<ConstValue> xval;
  if (x.isConst())
    xval = x.val->toInt();
  if (!(isIntegerType(x.type) || (isUntyped(x.type) && xval))) {
    errorAt(x.expr, std::string(invalidOp) + "shifted operand " +
                        operandString(x) + " must be integer");
    x.mode = TypeAndValue::Invalid;
    return;
  }
  if (y.isConst()) {
    auto yval = y.val->toInt();
    if (yval && yval->intValue().isNegative()) {
      errorAt(y.expr, std::string(invalidOp) + "negative shift count " +
                          operandString(y));
      x.mode = TypeAndValue::Invalid;
      return;
    }
    if (isUntyped(y.type)) {
      representable(y, cast<types::Basic>(ctx.basic(BasicKind::Uint)));
      if (y.invalid()) {
        x.mode = TypeAndValue::Invalid;
        return;
      }
      y.expr->tv.value = y.val;
      updateExprType(y.expr, ctx.basic(BasicKind::Uint), true);
    }
  } else if (isIntegerType(y.type) && isTyped(y.type)) {
  } else if (isUntyped(y.type)) {
    convertUntyped(y, ctx.basic(BasicKind::Uint));
    if (y.invalid()) {
      x.mode = TypeAndValue::Invalid;
      return;
    }
  } else {
    errorAt(y.expr, std::string(invalidOp) + "shift count " + operandString(y) +
                        " must be integer");
    x.mode = TypeAndValue::Invalid;
    return;
  }
  if (x.isConst()) {
    if (y.isConst()) {
      uint64_t s = 0;
      if (!y.val->fitsInt(64, false) ||
          (s = y.val->toAPInt(64).getZExtValue()) > 1023 - 1 + 52) {
        errorAt(y.expr, std::string(invalidOp) + "invalid shift count " +
                            operandString(y));
        x.mode = TypeAndValue::Invalid;
        return;
      }
      if (!isIntegerType(x.type))
        x.type = ctx.basic(BasicKind::UntypedInt);
      std::string err;
      auto v = ConstValue::shift(op, *xval, s, &err);
      x.expr = e;
      if (!v) {
        errorAt(e, "constant shift overflow");
        x.mode = TypeAndValue::Invalid;
        return;
      }
      x.val = *v;
      overflow(x, e->loc, e);
      return;
    }
    if (isUntyped(x.type)) {
      // The constant's type is what it would be without the shift: it is
      // settled when the shift expression gets its final type.
      shiftLhs.insert(x.expr);
      x.mode = TypeAndValue::Value;
      x.val.reset();
      return;
    }
  }
  if (!isIntegerType(x.type)) {
    errorAt(x.expr, std::string(invalidOp) + "shifted operand " +
                        operandString(x) + " must be integer");
    x.mode = TypeAndValue::Invalid;
    return;
  }
  x.mode = TypeAndValue::Value;
  x.val.reset();
}

// ---------------------------------------------------------------------------
// Selectors

namespace {

// Finds a method of t (a named type or a pointer to one).
Func *lookupMethod(Type *t, const std::string &name, bool *isPtr,
                   Named **base) {
  *isPtr = false;
  if (auto *p = dyn_cast<types::Pointer>(t)) {
    t = p->elem;
    *isPtr = true;
  }
  auto *n = dyn_cast<Named>(t);
  if (!n)
    return nullptr;
  *base = n;
  return n->lookupMethod(name);
}

} // namespace

// I.M for an interface type I: a function taking an I first, whose call
// dispatches dynamically.
void Checker::interfaceMethodExpr(Operand &x, SelectorExpr *e,
                                  types::Interface *it) {
  const std::string &sel = e->sel->name;
  Func *m = nullptr;
  for (Func *f : it->methods)
    if (f->name == sel)
      m = f;
  if (!m) {
    errorAt(e->sel, exprString(e) + " undefined (type " + typeString(x.type) +
                        " has no field or method " + sel + ")");
    x.mode = TypeAndValue::Invalid;
    return;
  }
  e->sel->obj = m;
  e->selection.kind = Selection::MethodExpr;
  Signature *sig = m->signature();
  std::vector<Var *> params{ctx.newObject<Var>("", x.type, SrcLoc{})};
  for (Var *p : sig->params->vars)
    params.push_back(p);
  x.mode = TypeAndValue::Value;
  x.type = ctx.getSignature(ctx.getTuple(params), sig->results, sig->variadic);
}

void Checker::selector(Operand &x, SelectorExpr *e, bool wantType) {
  (void)wantType;
  std::string sel = e->sel->name;
  if (auto *id = dyn_cast<Ident>(e->x)) {
    if (auto *pn = dyn_cast_or_null<PkgName>(scope->lookup(id->name))) {
      id->obj = pn;
      pn->used = true;
      id->tv.mode = TypeAndValue::NoValue;
      if (failedImports.count(pn->imported))
        return;
      Object *m = pn->imported->scope->lookupLocal(sel);
      if (!m || (!isExported(sel) && !inExportData(pn->imported, m))) {
        errorAt(e->sel, "undefined: " + exprString(e));
        return;
      }
      if (!isExported(sel)) {
        errorAt(e->sel, sel + " not exported by package " + pn->imported->name);
        return;
      }
      e->sel->obj = m;
      e->selection.kind = Selection::PackageMember;
      x.type = m->type;
      if (auto *c = dyn_cast<Const>(m)) {
        x.mode = TypeAndValue::Constant;
        x.val = c->value;
      } else if (isa<TypeName>(m)) {
        x.mode = TypeAndValue::TypeExpr;
      } else if (isa<Var>(m)) {
        x.mode = TypeAndValue::Variable;
      } else if (auto *b = dyn_cast<Builtin>(m)) {
        x.mode = TypeAndValue::Builtin;
        x.type = invalidType();
        x.builtin = b->id;
      } else {
        x.mode = TypeAndValue::Value;
      }
      return;
    }
  }
  exprOrType(x, e->x);
  if (x.invalid())
    return;
  if (x.mode == TypeAndValue::TypeExpr) {
    if (auto *it = dyn_cast<types::Interface>(x.type->underlying())) {
      interfaceMethodExpr(x, e, it);
      return;
    }
    if (auto *p = dyn_cast<types::Pointer>(x.type);
        p && isa<types::Interface>(p->elem->underlying())) {
      errorAt(e->sel, exprString(e) + " undefined (type " + typeString(x.type) +
                          " is pointer to interface, not interface)");
      x.mode = TypeAndValue::Invalid;
      return;
    }
    Selected found = lookupFieldOrMethod(x.type, sel, pkg);
    if (found.ambiguous) {
      errorAt(e->sel, "ambiguous selector " + exprString(e));
      x.mode = TypeAndValue::Invalid;
      return;
    }
    auto *m = dyn_cast_or_null<Func>(found.obj);
    if (!m) {
      errorAt(e->sel, exprString(e) + " undefined (type " + typeString(x.type) +
                          " has no method " + sel + ")");
      x.mode = TypeAndValue::Invalid;
      return;
    }
    if (m->hasPointerReceiver() && !found.indirect) {
      if (found.path.empty())
        errorAt(e->sel, exprString(e) +
                            " undefined (invalid method expression " +
                            typeString(x.type) + "." + sel +
                            " (needs pointer receiver (*" + typeString(x.type) +
                            ")." + sel + "))");
      else
        errorAt(e->sel, "cannot call pointer method " + sel + " on " +
                            typeString(x.type));
      x.mode = TypeAndValue::Invalid;
      return;
    }
    recordDep(m);
    objDecl(m);
    e->sel->obj = m;
    e->selection.kind = Selection::MethodExpr;
    e->selection.path = found.path;
    Signature *sig = m->signature();
    std::vector<Var *> params;
    auto *rv = ctx.newObject<Var>("", x.type, SrcLoc{});
    params.push_back(rv);
    for (Var *p : sig->params->vars)
      params.push_back(p);
    x.mode = TypeAndValue::Value;
    x.type =
        ctx.getSignature(ctx.getTuple(params), sig->results, sig->variadic);
    return;
  }
  Type *t = x.type;
  auto undefined = [&] {
    std::string why;
    auto *p = dyn_cast<types::Pointer>(t);
    bool ifacePtr = p && isa<Interface>(p->elem->underlying());
    if (ifacePtr)
      why = "type " + typeString(t) + " is pointer to interface, not interface";
    else
      why = "type " + typeString(t) + " has no field or method " + sel;
    // A name that differs in the case of its first letter is named, as
    // types2 does (a method only if the operand's method set has it).
    if (!ifacePtr && !sel.empty() && isascii(sel[0]) && isalpha(sel[0])) {
      std::string other = sel;
      other[0] = isupper(sel[0]) ? tolower(sel[0]) : toupper(sel[0]);
      Selected s = lookupFieldOrMethod(t, other, pkg);
      auto *m = dyn_cast_or_null<Func>(s.obj);
      if (s.obj && !(m && m->hasPointerReceiver() && !s.indirect &&
                     x.mode != TypeAndValue::Variable))
        why += ", but does have " + other;
    }
    errorAt(e->sel, exprString(e) + " undefined (" + why + ")");
    x.mode = TypeAndValue::Invalid;
  };
  bool found = false;
  if (!promote(x, e, found))
    return;
  if (!found) {
    undefined();
    return;
  }
  t = x.type;
  // Methods first: a struct cannot have a field and a method of one name.
  bool isPtr = false;
  Named *base = nullptr;
  if (Func *m = lookupMethod(t, sel, &isPtr, &base)) {
    objDecl(m);
    recordDep(m);
    if (m->hasPointerReceiver() && !isPtr) {
      if (x.mode != TypeAndValue::Variable) {
        error(e->sel->loc,
              "cannot call pointer method " + sel + " on " + typeString(t));
        x.mode = TypeAndValue::Invalid;
        return;
      }
      e->selection.implicitAddr = true;
      markEscapes(e->x);
    } else if (!m->hasPointerReceiver() && isPtr) {
      e->selection.implicitDeref = true;
    }
    e->sel->obj = m;
    e->selection.kind = Selection::MethodVal;
    Signature *sig = m->signature();
    x.mode = TypeAndValue::Value;
    x.type = ctx.getSignature(sig->params, sig->results, sig->variadic);
    return;
  }
  // A type parameter's methods are its constraint's.
  auto *it = dyn_cast<Interface>(t->underlying());
  if (auto *tp = dyn_cast<types::TypeParam>(t))
    it = tp->constraint;
  if (it) {
    for (Func *m : it->methods) {
      if (m->name != sel)
        continue;
      e->sel->obj = m;
      e->selection.kind = Selection::MethodVal;
      x.mode = TypeAndValue::Value;
      x.type = m->type;
      return;
    }
  }
  Type *st = t->underlying();
  bool deref = false;
  if (auto *p = dyn_cast<types::Pointer>(st)) {
    st = p->elem->underlying();
    deref = true;
  }
  if (auto *s = dyn_cast<types::Struct>(st)) {
    int idx = s->fieldIndex(sel);
    if (idx >= 0 && sel != "_") {
      e->sel->obj = s->fields[idx];
      e->selection.kind = Selection::FieldVal;
      e->selection.index = idx;
      e->selection.implicitDeref = deref;
      if (!deref && x.mode != TypeAndValue::Variable)
        x.mode = TypeAndValue::Value;
      else
        x.mode = TypeAndValue::Variable;
      x.type = s->fields[idx]->type;
      return;
    }
  }
  undefined();
}

// x.sel where sel is promoted from an embedded field: x becomes the implicit
// selectors of the embedded fields (s.f is s.T.f), so what follows selects
// sel directly; exists says whether there is a sel to select. False after
// reporting an ambiguous selector or a pointer method x cannot reach.
bool Checker::promote(Operand &x, SelectorExpr *e, bool &exists) {
  Selected found = lookupFieldOrMethod(x.type, e->sel->name, pkg);
  exists = found.obj != nullptr;
  if (found.ambiguous) {
    errorAt(e->sel, "ambiguous selector " + exprString(e));
    x.mode = TypeAndValue::Invalid;
    return false;
  }
  if (found.path.empty())
    return true;
  if (auto *m = dyn_cast<Func>(found.obj); m && m->hasPointerReceiver() &&
                                           !found.indirect &&
                                           x.mode != TypeAndValue::Variable) {
    error(e->sel->loc, "cannot call pointer method " + e->sel->name + " on " +
                           typeString(x.type));
    x.mode = TypeAndValue::Invalid;
    return false;
  }
  Expr *base = e->x;
  for (int index : found.path) {
    Type *st = base->tv.type->underlying();
    bool deref = false;
    if (auto *p = dyn_cast<types::Pointer>(st)) {
      st = p->elem->underlying();
      deref = true;
    }
    Var *field = cast<types::Struct>(st)->fields[index];
    auto *name = ctx.newNode<Ident>(e->sel->loc, field->name);
    name->obj = field;
    auto *step = ctx.newNode<SelectorExpr>(e->sel->loc, base, name);
    step->implicit = true;
    step->dot = e->dot;
    step->selection.kind = Selection::FieldVal;
    step->selection.index = index;
    step->selection.implicitDeref = deref;
    step->tv.mode = deref || base->tv.mode == TypeAndValue::Variable
                        ? TypeAndValue::Variable
                        : TypeAndValue::Value;
    step->tv.type = field->type;
    base = step;
  }
  e->x = base;
  x.mode = base->tv.mode;
  x.type = base->tv.type;
  return true;
}

// ---------------------------------------------------------------------------
// Index, slice, deref, type assertion

int64_t Checker::index(Expr *e, int64_t max, const char *what) {
  Operand x;
  expr(x, e);
  if (x.invalid())
    return -2;
  convertUntyped(x, ctx.basic(BasicKind::Int));
  if (x.invalid())
    return -2;
  if (!isIntegerType(x.type)) {
    errorAt(e, std::string(invalidArg) + what + " " + operandString(x) +
                   " must be integer");
    return -2;
  }
  if (!x.isConst())
    return -1;
  if (x.val->intValue().isNegative()) {
    errorAt(e, std::string(invalidArg) + what + " " + operandString(x) +
                   " must not be negative");
    return -2;
  }
  if (!x.val->fitsInt(64, true)) {
    errorAt(e, std::string(invalidArg) + what + " " + operandString(x) +
                   " overflows int");
    return -2;
  }
  int64_t v = x.val->intValue().getSExtValue();
  if (max >= 0 && v >= max) {
    errorAt(e, std::string(invalidArg) + "index " + x.val->toString() +
                   " out of bounds [0:" + std::to_string(max) + "]");
    return -2;
  }
  return v;
}

void Checker::indexExpr(Operand &x, IndexExpr *e) {
  rawExpr(x, e->x, nullptr, true);
  exclude(x, false, false, true);
  singleValue(x);
  if (x.invalid()) {
    useExprs({e->index});
    useExprs(e->more);
    return;
  }
  if (x.generic) {
    funcInstantiation(x, e);
    return;
  }
  if (x.mode == TypeAndValue::TypeExpr) {
    if (!isGenericType(x.type)) {
      errorAt(e->x, typeString(x.type) + " is not a generic type");
      x.mode = TypeAndValue::Invalid;
      return;
    }
    x.type = instantiatedType(e, cast<Named>(x.type));
    if (isInvalidType(x.type))
      x.mode = TypeAndValue::Invalid;
    return;
  }
  if (!e->more.empty()) {
    errorAt(e->more[0], "unexpected comma; expecting ]");
    x.mode = TypeAndValue::Invalid;
    return;
  }
  int64_t length = -1;
  bool valid = false;
  Type *u = coreOf(x.type);
  if (auto *b = dyn_cast<types::Basic>(u); b && b->isString()) {
    valid = true;
    if (x.isConst())
      length = x.val->stringValue().size();
    x.mode = TypeAndValue::Value;
    x.type = ctx.basic(BasicKind::Uint8);
  } else if (auto *a = dyn_cast<types::Array>(u)) {
    valid = true;
    length = a->len;
    if (x.mode != TypeAndValue::Variable)
      x.mode = TypeAndValue::Value;
    x.type = a->elem;
  } else if (auto *p = dyn_cast<types::Pointer>(u);
             p && isa<types::Array>(p->elem->underlying())) {
    auto *pa = cast<types::Array>(p->elem->underlying());
    valid = true;
    length = pa->len;
    x.mode = TypeAndValue::Variable;
    x.type = pa->elem;
  } else if (auto *s = dyn_cast<types::Slice>(u)) {
    valid = true;
    x.mode = TypeAndValue::Variable;
    x.type = s->elem;
  } else if (auto *m = dyn_cast<types::Map>(u)) {
    Operand key;
    exprWithHint(key, e->index, m->key);
    assignment(key, m->key, "map index");
    x.mode = TypeAndValue::MapIndex;
    x.type = m->elem;
    x.val.reset();
    return;
  }
  if (!valid && isa<types::TypeParam>(u)) {
    // Without a core type, every type of the type set indexes by integer to
    // one element type (types2); a string's bytes are not addressable.
    Type *elem = nullptr;
    bool addressable = true;
    valid = typeSetAll(u, [&](Type *t) {
      Type *tu = t->underlying();
      Type *el = nullptr;
      if (isStringType(tu)) {
        el = ctx.basic(BasicKind::Uint8);
        addressable = false;
      } else if (auto *a = dyn_cast<types::Array>(tu)) {
        el = a->elem;
        addressable = addressable && x.mode == TypeAndValue::Variable;
      } else if (auto *p = dyn_cast<types::Pointer>(tu);
                 p && isa<types::Array>(p->elem->underlying())) {
        el = cast<types::Array>(p->elem->underlying())->elem;
      } else if (auto *sl = dyn_cast<types::Slice>(tu)) {
        el = sl->elem;
      }
      if (!el || (elem && elem != el))
        return false;
      elem = el;
      return true;
    });
    if (valid) {
      x.mode = addressable ? TypeAndValue::Variable : TypeAndValue::Value;
      x.type = elem;
    }
  }
  if (!valid) {
    // types2 reports it at the [.
    error(e->lbrack,
          std::string(invalidOp) + "cannot index " + operandString(x));
    useExprs({e->index});
    x.mode = TypeAndValue::Invalid;
    return;
  }
  x.val.reset();
  if (index(e->index, length) == -2) {
  }
}

void Checker::sliceExpr(Operand &x, SliceExpr *e) {
  expr(x, e->x);
  if (x.invalid()) {
    useExprs({e->lo, e->hi, e->max});
    return;
  }
  bool valid = false;
  int64_t length = -1;
  Type *u = coreOf(x.type);
  if (auto *b = dyn_cast<types::Basic>(u); b && b->isString()) {
    if (e->slice3) {
      error(e->max ? e->max->loc : e->loc,
            std::string(invalidOp) + "3-index slice of string");
      x.mode = TypeAndValue::Invalid;
      return;
    }
    valid = true;
    if (x.isConst())
      length = x.val->stringValue().size();
    if (isUntyped(x.type))
      x.type = ctx.basic(BasicKind::String);
  } else if (auto *a = dyn_cast<types::Array>(u)) {
    valid = true;
    length = a->len;
    if (x.mode != TypeAndValue::Variable) {
      errorAt(x.expr, std::string(invalidOp) + operandString(x) +
                          " (slice of unaddressable value)");
      x.mode = TypeAndValue::Invalid;
      return;
    }
    markEscapes(e->x);
    x.type = ctx.getSlice(a->elem);
  } else if (auto *p = dyn_cast<types::Pointer>(u);
             p && isa<types::Array>(p->elem->underlying())) {
    auto *pa = cast<types::Array>(p->elem->underlying());
    valid = true;
    length = pa->len;
    x.type = ctx.getSlice(pa->elem);
  } else if (isa<types::Slice>(u)) {
    valid = true;
  }
  if (!valid) {
    errorAt(x.expr, "cannot slice " + operandString(x));
    x.mode = TypeAndValue::Invalid;
    return;
  }
  if (x.isConst() && isUntyped(x.expr->tv.type))
    updateExprType(x.expr, ctx.basic(BasicKind::String), true);
  x.mode = TypeAndValue::Value;
  x.val.reset();
  Expr *idx[3] = {e->lo, e->hi, e->max};
  int64_t ind[3];
  for (int i = 0; i < 3; i++) {
    int64_t v = -1;
    if (idx[i]) {
      int64_t r = index(idx[i], length >= 0 ? length + 1 : -1);
      if (r >= 0)
        v = r;
    } else if (i == 0) {
      v = 0;
    } else if (length >= 0) {
      v = length;
    }
    ind[i] = v;
  }
  for (int i = 0; i < 2; i++) {
    if (ind[i] <= 0)
      continue;
    for (int j = i + 1; j < 3; j++) {
      if (ind[j] >= 0 && ind[j] < ind[i] && idx[j]) {
        errorAt(idx[j], "invalid slice indices: " + std::to_string(ind[j]) +
                            " < " + std::to_string(ind[i]));
        return;
      }
    }
  }
}

void Checker::starExpr(Operand &x, StarExpr *e) {
  exprOrType(x, e->x);
  if (x.invalid())
    return;
  if (x.mode == TypeAndValue::TypeExpr) {
    x.type = ctx.getPointer(x.type);
    return;
  }
  if (x.isNil()) {
    errorAt(e, std::string(invalidOp) + "cannot indirect nil");
    x.mode = TypeAndValue::Invalid;
    return;
  }
  auto *p = dyn_cast<types::Pointer>(coreOf(x.type));
  if (!p) {
    errorAt(x.expr,
            std::string(invalidOp) + "cannot indirect " + operandString(x));
    x.mode = TypeAndValue::Invalid;
    return;
  }
  x.mode = TypeAndValue::Variable;
  x.type = p->elem;
  x.val.reset();
}

void Checker::typeAssert(Operand &x, TypeAssertExpr *e) {
  expr(x, e->x);
  if (x.invalid())
    return;
  if (!e->type) {
    errorAt(e, "use of .(type) outside type switch");
    x.mode = TypeAndValue::Invalid;
    return;
  }
  if (isa<types::TypeParam>(x.type)) {
    errorAt(x.expr, std::string(invalidOp) +
                        "cannot use type assertion on type parameter value " +
                        operandString(x));
    x.mode = TypeAndValue::Invalid;
    return;
  }
  auto *it = dyn_cast<Interface>(x.type->underlying());
  if (!it) {
    errorAt(x.expr,
            std::string(invalidOp) + operandString(x) + " is not an interface");
    x.mode = TypeAndValue::Invalid;
    return;
  }
  Type *t = typExpr(e->type);
  if (isInvalidType(t)) {
    x.mode = TypeAndValue::Invalid;
    return;
  }
  std::string reason;
  // In an instance the assertion was possible for the type parameters.
  // A type parameter may be any type of its type set: types2 takes it for
  // an interface here.
  if (!isInterface(t) && !isa<types::TypeParam>(t) &&
      !implements(t, it, &reason) && !inInstance) {
    errorAt(e->type, "impossible type assertion: " + exprString(e) + "\n\t" +
                         typeString(t) + " does not implement " +
                         typeString(x.type) + " " + reason);
    x.mode = TypeAndValue::Invalid;
    return;
  }
  x.mode = TypeAndValue::Value;
  x.type = t;
}

void Checker::markEscapes(Expr *e) {
  e = unparen(e);
  if (auto *id = dyn_cast<Ident>(e)) {
    if (auto *v = dyn_cast_or_null<Var>(id->obj))
      v->escapes = true;
    return;
  }
  if (auto *s = dyn_cast<SelectorExpr>(e)) {
    if (s->selection.kind == Selection::FieldVal && !s->selection.implicitDeref)
      markEscapes(s->x);
    return;
  }
  if (auto *ix = dyn_cast<IndexExpr>(e)) {
    if (ix->x->tv.type && isa<types::Array>(ix->x->tv.type->underlying()))
      markEscapes(ix->x);
  }
}

} // namespace mgo
