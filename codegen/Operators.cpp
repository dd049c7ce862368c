// Binary operators with Go's semantics: integer arithmetic wraps (no nsw/nuw
// flags), division checks for zero and defines MinInt / -1, shifts by a count
// at least the width give 0 (or the sign), and a negative signed count
// panics. No operation can produce poison.
#include "codegen/CodegenContext.h"

using namespace llvm;

namespace mgo {

namespace {

bool isComparison(Token::Kind op) {
  return op == Token::EQL || op == Token::NEQ || op == Token::LSS ||
         op == Token::LEQ || op == Token::GTR || op == Token::GEQ;
}

bool isUntypedType(types::Type *t) {
  auto *b = dyn_cast_or_null<types::Basic>(t);
  return b && b->isUntyped();
}

} // namespace

Value *CodegenContext::genBinary(BinaryExpr *e) {
  Token::Kind op = e->op;
  if (op == Token::LAND || op == Token::LOR)
    return genLogical(e);
  if (isComparison(op)) {
    if (isNilLiteral(e->x) || isNilLiteral(e->y)) {
      Value *isNil = genIsNil(genExpr(isNilLiteral(e->x) ? e->y : e->x));
      return op == Token::EQL ? isNil : B.CreateNot(isNil);
    }
    types::Type *t = isUntypedType(e->x->tv.type) ? typeOf(e->y) : typeOf(e->x);
    // A concrete operand compared with an interface is converted to it.
    if (!isUntypedType(e->y->tv.type) && types::isInterface(typeOf(e->y)))
      t = typeOf(e->y);
    Value *x = genExprAs(e->x, t);
    Value *y = genExprAs(e->y, t);
    return genCompare(op, x, y, t);
  }
  types::Type *t = typeOf(e);
  if (op == Token::ADD && isString(t))
    return genStringConcat(e);
  // Operands are evaluated left to right, so never as two C++ arguments.
  Value *x = genExprAs(e->x, t);
  if (op == Token::SHL || op == Token::SHR) {
    Value *count = genExpr(e->y);
    return genShift(op, x, count, t, typeOf(e->y));
  }
  Value *y = genExprAs(e->y, t);
  return genArith(op, x, y, t);
}

// v == nil for a value of a type with nil: its first word (a slice's array,
// an interface's type) is null.
Value *CodegenContext::genIsNil(Value *v) {
  if (v->getType()->isStructTy())
    v = B.CreateExtractValue(v, 0);
  return B.CreateICmpEQ(v, Constant::getNullValue(v->getType()), "isnil");
}

// Whether case e of a switch on tag matches, tag == e as the operator ==
// compares them; a tagless switch's tag is true, so an interface case holding
// true matches it too.
Value *CodegenContext::genCaseMatch(Value *tag, types::Type *tagType, Expr *e) {
  if (isNilLiteral(e))
    return genIsNil(tag);
  types::Type *t = tagType;
  // A concrete tag compared with an interface case is converted to it.
  if (!isUntypedType(e->tv.type) && types::isInterface(typeOf(e)))
    t = typeOf(e);
  if (!tag) {
    if (t == tagType)
      return genExpr(e);
    tag = B.getTrue();
    tagType = tc.basic(types::BasicKind::Bool);
  }
  Value *x = convertValue(tag, tagType, t);
  return genEqual(x, genExprAs(e, t), t);
}

Value *CodegenContext::genLogical(BinaryExpr *e) {
  bool isAnd = e->op == Token::LAND;
  Value *x = genExpr(e->x);
  BasicBlock *from = B.GetInsertBlock();
  BasicBlock *rhsBB = newBlock(isAnd ? "land.rhs" : "lor.rhs");
  BasicBlock *endBB = newBlock(isAnd ? "land.end" : "lor.end");
  if (isAnd)
    B.CreateCondBr(x, rhsBB, endBB);
  else
    B.CreateCondBr(x, endBB, rhsBB);
  B.SetInsertPoint(rhsBB);
  Value *y = genExpr(e->y);
  BasicBlock *rhsEnd = B.GetInsertBlock();
  B.CreateBr(endBB);
  continueAt(endBB);
  PHINode *phi = B.CreatePHI(i1, 2, isAnd ? "land" : "lor");
  phi->addIncoming(i1c(!isAnd), from);
  phi->addIncoming(y, rhsEnd);
  return phi;
}

// a + b + c on strings: one mgo_string_concat over all the parts.
Value *CodegenContext::genStringConcat(BinaryExpr *e) {
  std::vector<Expr *> parts;
  std::function<void(Expr *)> flatten = [&](Expr *x) {
    auto *b = dyn_cast<BinaryExpr>(unparen(x));
    if (b && b->op == Token::ADD && !(b->tv.isConstant() && b->tv.value) &&
        isString(typeOf(b))) {
      flatten(b->x);
      flatten(b->y);
      return;
    }
    parts.push_back(x);
  };
  flatten(e);
  types::Type *t = typeOf(e);
  auto *arrTy = ArrayType::get(stringTy, parts.size());
  AllocaInst *arr = entryAlloca(arrTy, "concat.parts");
  for (size_t i = 0; i < parts.size(); ++i)
    B.CreateStore(genExprAs(parts[i], t),
                  B.CreateConstInBoundsGEP2_64(arrTy, arr, 0, i));
  return rt.call(B, Rt::mgo_string_concat, {arr, i64c(parts.size())}, "concat");
}

Value *CodegenContext::genArith(Token::Kind op, Value *x, Value *y,
                                types::Type *t) {
  if (isComplex(t))
    return genComplexArith(op, x, y);
  if (isFloat(t)) {
    switch (op) {
    case Token::ADD:
      return B.CreateFAdd(x, y, "add");
    case Token::SUB:
      return B.CreateFSub(x, y, "sub");
    case Token::MUL:
      return B.CreateFMul(x, y, "mul");
    case Token::QUO:
      return B.CreateFDiv(x, y, "div");
    default:
      break;
    }
    throw CodegenError("invalid float operator");
  }
  switch (op) {
  case Token::ADD:
    return B.CreateAdd(x, y, "add");
  case Token::SUB:
    return B.CreateSub(x, y, "sub");
  case Token::MUL:
    return B.CreateMul(x, y, "mul");
  case Token::QUO:
  case Token::REM:
    return genDivRem(op, x, y, t);
  case Token::AND:
    return B.CreateAnd(x, y, "and");
  case Token::OR:
    return B.CreateOr(x, y, "or");
  case Token::XOR:
    return B.CreateXor(x, y, "xor");
  case Token::AND_NOT:
    return B.CreateAnd(x, B.CreateNot(y), "andnot");
  case Token::SHL:
  case Token::SHR:
    return genShift(op, x, y, t, t);
  default:
    throw CodegenError(std::string("invalid integer operator ") +
                       Token::spelling(op));
  }
}

// x / 0 panics; MinInt / -1 is MinInt and MinInt % -1 is 0 in Go, while
// LLVM's sdiv/srem are undefined there, so a divisor of -1 is replaced by 1
// and the result fixed up with selects.
Value *CodegenContext::genDivRem(Token::Kind op, Value *x, Value *y,
                                 types::Type *t) {
  bool isDiv = op == Token::QUO;
  auto *cy = dyn_cast<ConstantInt>(y);
  if (!cy || cy->isZero())
    condPanic(B,
              B.CreateICmpEQ(y, ConstantInt::get(y->getType(), 0), "divzero"),
              "div", [&] { rt.call(B, Rt::mgo_panic_divide, {}); });
  if (!isSigned(t))
    return isDiv ? B.CreateUDiv(x, y, "div") : B.CreateURem(x, y, "rem");
  if (cy && !cy->isMinusOne())
    return isDiv ? B.CreateSDiv(x, y, "div") : B.CreateSRem(x, y, "rem");
  Value *minusOne =
      B.CreateICmpEQ(y, ConstantInt::get(y->getType(), -1, true), "minusone");
  Value *safeY = B.CreateSelect(minusOne, ConstantInt::get(y->getType(), 1), y);
  if (isDiv) {
    // Named one by one: the order of a call's arguments is the host
    // compiler's, and the IR must not depend on it.
    Value *quotient = B.CreateSDiv(x, safeY);
    Value *negated = B.CreateNeg(x);
    return B.CreateSelect(minusOne, negated, quotient, "div");
  }
  Value *remainder = B.CreateSRem(x, safeY);
  return B.CreateSelect(minusOne, ConstantInt::get(y->getType(), 0), remainder,
                        "rem");
}

Value *CodegenContext::genShift(Token::Kind op, Value *x, Value *y,
                                types::Type *t, types::Type *countType) {
  unsigned width = x->getType()->getIntegerBitWidth();
  bool signedX = isSigned(t);
  bool signedCount = isSigned(countType);
  if (auto *cy = dyn_cast<ConstantInt>(y)) {
    uint64_t n = cy->getValue().getLimitedValue();
    if (!(signedCount && cy->isNegative()) && n < width) {
      Value *amt = ConstantInt::get(x->getType(), n);
      if (op == Token::SHL)
        return B.CreateShl(x, amt, "shl");
      return signedX ? B.CreateAShr(x, amt, "shr")
                     : B.CreateLShr(x, amt, "shr");
    }
  }
  if (signedCount)
    condPanic(B,
              B.CreateICmpSLT(y, ConstantInt::get(y->getType(), 0), "negshift"),
              "shift", [&] { rt.call(B, Rt::mgo_panic_negative_shift, {}); });
  unsigned cw = y->getType()->getIntegerBitWidth();
  Value *big =
      cw < 32 && (1ull << cw) <= width
          ? static_cast<Value *>(i1c(false))
          : B.CreateICmpUGE(y, ConstantInt::get(y->getType(), width), "big");
  Value *amt = B.CreateZExtOrTrunc(y, x->getType());
  amt = B.CreateSelect(big, ConstantInt::get(x->getType(), width - 1), amt,
                       "amt");
  if (op == Token::SHR && signedX)
    return B.CreateAShr(x, amt, "shr");
  Value *shifted = op == Token::SHL ? B.CreateShl(x, amt, "shl")
                                    : B.CreateLShr(x, amt, "shr");
  return B.CreateSelect(big, ConstantInt::get(x->getType(), 0), shifted);
}

Value *CodegenContext::genCompare(Token::Kind op, Value *x, Value *y,
                                  types::Type *t) {
  if (op == Token::EQL)
    return genEqual(x, y, t);
  if (op == Token::NEQ)
    return B.CreateNot(genEqual(x, y, t), "ne");
  if (isString(t)) {
    Value *c = rt.call(B, Rt::mgo_string_compare,
                       {B.CreateExtractValue(x, 0), B.CreateExtractValue(x, 1),
                        B.CreateExtractValue(y, 0), B.CreateExtractValue(y, 1)},
                       "cmp");
    x = c;
    y = i64c(0);
    t = intType();
  }
  if (isFloat(t)) {
    switch (op) {
    case Token::LSS:
      return B.CreateFCmpOLT(x, y, "lt");
    case Token::LEQ:
      return B.CreateFCmpOLE(x, y, "le");
    case Token::GTR:
      return B.CreateFCmpOGT(x, y, "gt");
    default:
      return B.CreateFCmpOGE(x, y, "ge");
    }
  }
  bool s = isSigned(t);
  switch (op) {
  case Token::LSS:
    return s ? B.CreateICmpSLT(x, y, "lt") : B.CreateICmpULT(x, y, "lt");
  case Token::LEQ:
    return s ? B.CreateICmpSLE(x, y, "le") : B.CreateICmpULE(x, y, "le");
  case Token::GTR:
    return s ? B.CreateICmpSGT(x, y, "gt") : B.CreateICmpUGT(x, y, "gt");
  default:
    return s ? B.CreateICmpSGE(x, y, "ge") : B.CreateICmpUGE(x, y, "ge");
  }
}

// Go's == : strings by content, floats by IEEE equality, structs and arrays
// element by element.
Value *CodegenContext::genEqual(Value *x, Value *y, types::Type *t) {
  types::Type *u = concrete(t)->underlying();
  if (isString(u))
    return rt.call(B, Rt::mgo_string_equal,
                   {B.CreateExtractValue(x, 0), B.CreateExtractValue(x, 1),
                    B.CreateExtractValue(y, 0), B.CreateExtractValue(y, 1)},
                   "streq");
  if (isFloat(u))
    return B.CreateFCmpOEQ(x, y, "eq");
  if (isComplex(u))
    return genComplexEqual(x, y);
  if (auto *st = dyn_cast<types::Struct>(u)) {
    Value *all = i1c(true);
    for (size_t i = 0; i < st->fields.size(); ++i) {
      if (st->fields[i]->name == "_")
        continue;
      Value *fe =
          genEqual(B.CreateExtractValue(x, {unsigned(i)}),
                   B.CreateExtractValue(y, {unsigned(i)}), st->fields[i]->type);
      all = B.CreateAnd(all, fe, "eq");
    }
    return all;
  }
  if (auto *arr = dyn_cast<types::Array>(u)) {
    if (arr->len > kUnrolledEqualLen)
      return genArrayEqualLoop(x, y, arr);
    Value *all = i1c(true);
    for (int64_t i = 0; i < arr->len; ++i) {
      Value *fe = genEqual(B.CreateExtractValue(x, {unsigned(i)}),
                           B.CreateExtractValue(y, {unsigned(i)}), arr->elem);
      all = B.CreateAnd(all, fe, "eq");
    }
    return all;
  }
  if (isa<types::Interface>(u))
    return genIfaceEqual(x, y, t);
  return B.CreateICmpEQ(x, y, "eq");
}

// A long array's == is a loop over its elements, stopping at the first that
// differs, as gc's: unrolled, [1 << 20]int is a million comparisons.
Value *CodegenContext::genArrayEqualLoop(Value *x, Value *y,
                                         types::Array *arr) {
  Type *arrTy = llType(arr);
  Value *px = addressOf(x), *py = addressOf(y);
  BasicBlock *from = B.GetInsertBlock();
  BasicBlock *loop = newBlock("aeq.loop");
  BasicBlock *next = newBlock("aeq.next");
  BasicBlock *done = newBlock("aeq.done");
  B.CreateBr(loop);
  B.SetInsertPoint(loop);
  PHINode *i = B.CreatePHI(i64, 2, "aeq.i");
  i->addIncoming(i64c(0), from);
  Value *ex = elementValue(arrTy, px, i, arr->elem);
  Value *ey = elementValue(arrTy, py, i, arr->elem);
  Value *same = genEqual(ex, ey, arr->elem);
  BasicBlock *differs = B.GetInsertBlock();
  B.CreateCondBr(same, next, done);
  B.SetInsertPoint(next);
  Value *i1 = B.CreateAdd(i, i64c(1), "aeq.i1");
  i->addIncoming(i1, next);
  B.CreateCondBr(B.CreateICmpULT(i1, i64c(arr->len)), loop, done);
  continueAt(done);
  PHINode *eq = B.CreatePHI(this->i1, 2, "eq");
  eq->addIncoming(i1c(false), differs);
  eq->addIncoming(i1c(true), next);
  return eq;
}

} // namespace mgo
