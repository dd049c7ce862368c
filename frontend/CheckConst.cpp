// Constant representability and the typing of untyped values (types2's
// implicitTypeAndValue and updateExprType).
#include "frontend/CheckerImpl.h"

namespace mgo {

using namespace types;

bool Checker::representableConst(const ConstValue &v, types::Basic *t,
                                 ConstValue *rounded) {
  if (t->isInteger()) {
    if (v.isBool() || v.isString())
      return false;
    auto iv = v.toInt();
    if (!iv)
      return false;
    if (!t->isUntyped() && !iv->fitsInt(t->bits(), !t->isUnsigned()))
      return false;
    *rounded = *iv;
    return true;
  }
  if (t->isComplex()) {
    if (!v.isNumeric())
      return false;
    if (t->isUntyped()) {
      *rounded = v.toComplex();
      return true;
    }
    bool is64 = t->basicKind == BasicKind::Complex64;
    ConstValue re, im;
    if (!v.realPart().roundToFloat(is64, &re) ||
        !v.imagPart().roundToFloat(is64, &im))
      return false;
    *rounded = ConstValue::makeComplex(re, im);
    return true;
  }
  if (t->isFloat()) {
    if (v.isBool() || v.isString() || !v.hasZeroImag())
      return false;
    if (t->isUntyped()) {
      *rounded = v.toFloat();
      return true;
    }
    return v.roundToFloat(t->basicKind == BasicKind::Float32, rounded);
  }
  if (t->isBoolean()) {
    *rounded = v;
    return v.isBool();
  }
  if (t->isString()) {
    *rounded = v;
    return v.isString();
  }
  return false;
}

int Checker::representation(Operand &x, types::Basic *t, ConstValue *out) {
  if (representableConst(*x.val, t, out))
    return 0;
  if (isNumericType(x.type) && t->isNumeric()) {
    if (!isIntegerType(x.type) && t->isInteger())
      return TruncatedFloat;
    return NumericOverflow;
  }
  return InvalidConstVal;
}

void Checker::representable(Operand &x, types::Basic *t) {
  ConstValue v;
  int code = representation(x, t, &v);
  if (code != 0) {
    invalidConversion(code, x, t);
    x.mode = TypeAndValue::Invalid;
    return;
  }
  x.val = v;
}

void Checker::invalidConversion(int code, Operand &x, Type *target) {
  std::string xs = operandString(x), ts = typeString(target);
  if (code == TruncatedFloat)
    errorAt(x.expr, xs + " truncated to " + ts);
  else if (code == NumericOverflow)
    errorAt(x.expr, xs + " overflows " + ts);
  else
    errorAt(x.expr, "cannot convert " + xs + " to " + ts);
}

bool Checker::implicitTypeAndValue(Operand &x, Type *target, Type **newType,
                                   int *code) {
  *code = 0;
  *newType = x.type;
  if (x.invalid() || isTyped(x.type) || isInvalidType(target))
    return true;
  auto *xb = cast<types::Basic>(x.type);
  if (isUntyped(target)) {
    auto *tb = cast<types::Basic>(target);
    if (xb->isNumeric() && tb->isNumeric()) {
      if (xb->basicKind < tb->basicKind)
        *newType = target;
      return true;
    }
    if (xb->basicKind != tb->basicKind) {
      *code = InvalidConstVal;
      return false;
    }
    return true;
  }
  if (isa<types::TypeParam>(target)) {
    // Representable in every type of the type set; a constant converted
    // to a type parameter is a value, not a constant.
    bool ok = typeSetAll(target, [&](Type *u) {
      Operand y = x;
      Type *t = nullptr;
      int c = 0;
      return implicitTypeAndValue(y, u->underlying(), &t, &c);
    });
    if (!ok) {
      *code = InvalidConstVal;
      return false;
    }
    *newType = x.isNil() ? x.type : target;
    if (!x.isNil() && x.isConst()) {
      x.mode = TypeAndValue::Value;
      x.val.reset();
    }
    return true;
  }
  if (x.isNil()) {
    if (hasNil(target)) {
      *newType = target;
      return true;
    }
    *code = InvalidConstVal;
    return false;
  }
  Type *u = target->underlying();
  if (auto *tb = dyn_cast<types::Basic>(u)) {
    if (x.isConst()) {
      ConstValue v;
      *code = representation(x, tb, &v);
      if (*code)
        return false;
      x.val = v;
      *newType = target;
      return true;
    }
    bool ok = false;
    switch (xb->basicKind) {
    case BasicKind::UntypedBool:
      ok = tb->isBoolean();
      break;
    case BasicKind::UntypedInt:
    case BasicKind::UntypedRune:
    case BasicKind::UntypedFloat:
    case BasicKind::UntypedComplex:
      ok = tb->isNumeric();
      break;
    case BasicKind::UntypedString:
      ok = tb->isString();
      break;
    default:
      break;
    }
    if (!ok) {
      *code = InvalidConstVal;
      return false;
    }
    *newType = target;
    return true;
  }
  if (auto *it = dyn_cast<Interface>(u)) {
    if (!it->isEmpty()) {
      *code = InvalidConstVal;
      return false;
    }
    *newType = defaultType(ctx, x.type);
    return true;
  }
  *code = InvalidConstVal;
  return false;
}

void Checker::convertUntyped(Operand &x, Type *target) {
  Type *newType = nullptr;
  int code = 0;
  if (!implicitTypeAndValue(x, target, &newType, &code)) {
    invalidConversion(code, x, target->underlying());
    x.mode = TypeAndValue::Invalid;
    return;
  }
  if (x.expr && x.isConst())
    x.expr->tv.value = x.val;
  if (newType != x.type) {
    x.type = newType;
    updateExprType(x.expr, newType, false);
  }
}

namespace {

struct UpdateCtx {
  Checker &c;
  void update(Expr *parent, Expr *e, Type *t, bool final);
};

void UpdateCtx::update(Expr *parent, Expr *e, Type *t, bool final) {
  if (!e || e->tv.mode == TypeAndValue::Invalid || !isUntyped(e->tv.type))
    return;
  bool isConst = e->tv.mode == TypeAndValue::Constant;
  switch (e->kind()) {
  case Node::ParenExprKind:
    update(e, cast<ParenExpr>(e)->x, t, final);
    break;
  case Node::UnaryExprKind:
    if (!isConst)
      update(e, cast<UnaryExpr>(e)->x, t, final);
    break;
  case Node::BinaryExprKind: {
    auto *b = cast<BinaryExpr>(e);
    if (isConst || isComparisonOp(b->op))
      break;
    update(e, b->x, t, final);
    if (!isShiftOp(b->op))
      update(e, b->y, t, final);
    break;
  }
  default:
    break;
  }
  if (!final && isUntyped(t)) {
    e->tv.type = t;
    return;
  }
  if (c.shiftLhs.count(e)) {
    c.shiftLhs.erase(e);
    if (!isIntegerType(t)) {
      c.errorAt(e, "invalid operation: " + Checker::exprString(parent) +
                       " (shift of type " + c.typeString(t) + ")");
      return;
    }
  }
  if (isConst && e->tv.value) {
    if (auto *tb = asBasic(t)) {
      ConstValue v;
      if (c.representableConst(*e->tv.value, tb, &v))
        e->tv.value = v;
    }
  }
  e->tv.type = t;
}

} // namespace

void Checker::updateExprType(Expr *e, Type *t, bool final) {
  UpdateCtx u{*this};
  u.update(nullptr, e, t, final);
}

} // namespace mgo
