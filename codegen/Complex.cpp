// complex64 and complex128 values: {float, float} and {double, double}
// structs (see Types.cpp), operated on part by part as gc's SSA backend does.
#include "codegen/CodegenContext.h"

using namespace llvm;

namespace mgo {

namespace {

bool isComplex64(Value *v) {
  return cast<StructType>(v->getType())->getElementType(0)->isFloatTy();
}

} // namespace

Value *CodegenContext::makeComplex(Value *re, Value *im) {
  auto *ty = StructType::get(C, {re->getType(), im->getType()});
  Value *r = B.CreateInsertValue(PoisonValue::get(ty), re, {0});
  return B.CreateInsertValue(r, im, {1}, "cplx");
}

// + and - work on the parts at the operands' precision. * widens complex64
// parts to double and rounds the results back, as gc does (its SSA lowering
// computes products in float64 "to minimize cancellation error"), with the
// plain formula: no C99 Annex G recovery of infinities. / is the runtime's
// complex128div (Smith's algorithm with Go's Inf/NaN corrections); gc calls
// it for complex64 too, through complex128 conversions.
Value *CodegenContext::genComplexArith(Token::Kind op, Value *x, Value *y) {
  Value *a = B.CreateExtractValue(x, 0, "re"),
        *b = B.CreateExtractValue(x, 1, "im");
  Value *c = B.CreateExtractValue(y, 0, "re"),
        *d = B.CreateExtractValue(y, 1, "im");
  bool narrow = isComplex64(x);
  llvm::Type *part = a->getType();
  if (op == Token::ADD || op == Token::SUB) {
    bool add = op == Token::ADD;
    Value *re =
        add ? B.CreateFAdd(a, c, "add.re") : B.CreateFSub(a, c, "sub.re");
    Value *im =
        add ? B.CreateFAdd(b, d, "add.im") : B.CreateFSub(b, d, "sub.im");
    return makeComplex(re, im);
  }
  if (narrow) {
    a = B.CreateFPExt(a, B.getDoubleTy());
    b = B.CreateFPExt(b, B.getDoubleTy());
    c = B.CreateFPExt(c, B.getDoubleTy());
    d = B.CreateFPExt(d, B.getDoubleTy());
  }
  Value *re, *im;
  if (op == Token::MUL) {
    Value *ac = B.CreateFMul(a, c, "ac"), *bd = B.CreateFMul(b, d, "bd");
    re = B.CreateFSub(ac, bd, "mul.re");
    Value *ad = B.CreateFMul(a, d, "ad"), *bc = B.CreateFMul(b, c, "bc");
    im = B.CreateFAdd(ad, bc, "mul.im");
  } else if (op == Token::QUO) {
    Value *q = rt.call(B, Rt::mgo_complex128div, {a, b, c, d}, "div");
    re = B.CreateExtractValue(q, 0, "div.re");
    im = B.CreateExtractValue(q, 1, "div.im");
  } else {
    throw CodegenError("invalid complex operator");
  }
  if (narrow) {
    re = B.CreateFPTrunc(re, part);
    im = B.CreateFPTrunc(im, part);
  }
  return makeComplex(re, im);
}

// Equal when both parts are (so NaN parts make it unequal, and -0 == +0).
Value *CodegenContext::genComplexEqual(Value *x, Value *y) {
  Value *a = B.CreateExtractValue(x, 0), *b = B.CreateExtractValue(x, 1);
  Value *c = B.CreateExtractValue(y, 0), *d = B.CreateExtractValue(y, 1);
  Value *re = B.CreateFCmpOEQ(a, c, "eq.re");
  Value *im = B.CreateFCmpOEQ(b, d, "eq.im");
  return B.CreateAnd(re, im, "eq");
}

Value *CodegenContext::convertComplex(Value *v, llvm::Type *to) {
  llvm::Type *part = cast<StructType>(to)->getElementType(0);
  Value *re = B.CreateFPCast(B.CreateExtractValue(v, 0), part);
  Value *im = B.CreateFPCast(B.CreateExtractValue(v, 1), part);
  return makeComplex(re, im);
}

// complex(re, im), real(c), imag(c) with operands that are not all constant
// (the checker folds the rest).
Value *CodegenContext::genComplexBuiltin(CallExpr *e, types::BuiltinId id) {
  if (id == types::BuiltinId::Complex) {
    types::Type *t = typeOf(e);
    types::Type *part =
        tc.basic(basicOf(t)->basicKind == types::BasicKind::Complex64
                     ? types::BasicKind::Float32
                     : types::BasicKind::Float64);
    Value *re = genExprAs(e->args[0], part);
    Value *im = genExprAs(e->args[1], part);
    return makeComplex(re, im);
  }
  Value *c = genExpr(e->args[0]);
  return B.CreateExtractValue(c, id == types::BuiltinId::Real ? 0 : 1,
                              id == types::BuiltinId::Real ? "real" : "imag");
}

} // namespace mgo
