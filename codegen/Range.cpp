// for range over integers, arrays, slices, strings and maps. The range
// expression is evaluated once; the hidden index lives in an alloca named
// range.i. With :=, the iteration variables are declared once, before the
// loop, and assigned by every iteration (Go 1.19: a closure or pointer taken
// in the body sees the one variable all iterations share).
#include "codegen/CodegenContext.h"

using namespace llvm;

namespace mgo {

void CodegenContext::assignTo(Expr *lhs, Value *v, types::Type *vType,
                              bool define, bool isNew) {
  (void)isNew;
  if (!lhs)
    return;
  if (auto *id = dyn_cast<Ident>(lhs); id && id->isBlank())
    return;
  if (define) {
    auto *var = cast<types::Var>(cast<Ident>(lhs)->obj);
    declareLocal(var, convertValue(v, vType, var->type));
    return;
  }
  LValue lv = genLValue(lhs);
  storeLValue(lv, convertValue(v, vType, lv.type));
}

// The key and value of a range clause assigned to existing variables: both
// targets are evaluated before either store, as in a tuple assignment
// (`for i, x[i] = range y` stores to the x[i] of the old i). A select case's
// `v, ok = <-c` is two assignments in gc, and stays so.
void CodegenContext::assignPair(Expr *k, Value *kv, types::Type *kt, Expr *v,
                                Value *vv, types::Type *vt) {
  if (!k || !v) {
    assignTo(k, kv, kt, false, true);
    assignTo(v, vv, vt, false, true);
    return;
  }
  LValue lk = genLValue(k, true);
  LValue lv = genLValue(v, true);
  storeLValue(lk, convertValue(kv, kt, lk.type));
  storeLValue(lv, convertValue(vv, vt, lv.type));
}

void CodegenContext::genRange(RangeStmt *s, Stmt *label) {
  BranchTargets bt{newBlock("range.end"), newBlock("range.post")};
  fs->targets[s] = bt;
  if (label)
    fs->targets[label] = bt;
  fs->breakables.push_back(s);
  if (s->tok == Token::DEFINE)
    for (Expr *e : {s->key, s->value})
      if (auto *id = dyn_cast_or_null<Ident>(e); id && !id->isBlank())
        declareLocal(dyn_cast_or_null<types::Var>(id->obj), nullptr);
  types::Type *xt = typeOf(s->x)->underlying();
  if (auto *p = dyn_cast<types::Pointer>(xt))
    xt = p->elem->underlying();
  if (isa<types::Map>(xt))
    genRangeMap(s, bt);
  else if (isa<types::Chan>(xt))
    genRangeChan(s, bt);
  else if (isString(xt))
    genRangeString(s, bt);
  else if (isa<types::Basic>(xt))
    genRangeInt(s, bt);
  else
    genRangeIndexed(s, bt);
  fs->breakables.pop_back();
  continueAt(bt.breakBB);
}

void CodegenContext::genRangeInt(RangeStmt *s, BranchTargets &bt) {
  types::Type *t = typeOf(s->x);
  if (s->key && s->tok == Token::DEFINE)
    if (auto *id = dyn_cast<Ident>(s->key); id && id->obj)
      t = id->obj->type;
  Value *n = genExprAs(s->x, t);
  AllocaInst *idx = entryAlloca(llType(t), "range.i");
  B.CreateStore(Constant::getNullValue(llType(t)), idx);
  BasicBlock *condBB = newBlock("range.cond");
  BasicBlock *bodyBB = newBlock("range.body");
  B.CreateBr(condBB);
  B.SetInsertPoint(condBB);
  Value *i = B.CreateLoad(llType(t), idx, "i");
  Value *more = isSigned(t) ? B.CreateICmpSLT(i, n) : B.CreateICmpULT(i, n);
  B.CreateCondBr(more, bodyBB, bt.breakBB);
  B.SetInsertPoint(bodyBB);
  assignTo(s->key, i, t, false, true);
  genBlock(s->body);
  if (!terminated())
    B.CreateBr(bt.continueBB);
  continueAt(bt.continueBB);
  Value *cur = B.CreateLoad(llType(t), idx);
  B.CreateStore(B.CreateAdd(cur, ConstantInt::get(llType(t), 1)), idx);
  emitPreemptPoll();
  B.CreateBr(condBB);
}

void CodegenContext::genRangeIndexed(RangeStmt *s, BranchTargets &bt) {
  types::Type *xt = typeOf(s->x);
  types::Type *elemT;
  Value *base, *len;
  bool wantValue =
      s->value && !(isa<Ident>(s->value) && cast<Ident>(s->value)->isBlank());
  if (auto *sl = dyn_cast<types::Slice>(xt->underlying())) {
    elemT = sl->elem;
    Value *v = genExpr(s->x);
    base = B.CreateExtractValue(v, 0, "range.ptr");
    len = B.CreateExtractValue(v, 1, "range.len");
  } else if (auto *p = dyn_cast<types::Pointer>(xt->underlying())) {
    auto *arr = cast<types::Array>(p->elem->underlying());
    elemT = arr->elem;
    base = genExpr(s->x);
    if (wantValue)
      base = derefCheck(base);
    len = i64c(arr->len);
  } else {
    auto *arr = cast<types::Array>(xt->underlying());
    elemT = arr->elem;
    len = i64c(arr->len);
    if (wantValue) {
      // Ranging over an array value iterates over a copy of it.
      AllocaInst *copy = entryAlloca(llType(xt), "range.copy");
      if (s->x->tv.isAddressable())
        copyValue(copy, genAddr(s->x), xt);
      else
        store(genExpr(s->x), copy, xt);
      base = copy;
    } else {
      base = nullptr;
      if (!s->x->tv.isAddressable())
        genExpr(s->x);
    }
  }
  types::Type *intT = intType();
  AllocaInst *idx = entryAlloca(i64, "range.i");
  B.CreateStore(i64c(0), idx);
  BasicBlock *condBB = newBlock("range.cond");
  BasicBlock *bodyBB = newBlock("range.body");
  B.CreateBr(condBB);
  B.SetInsertPoint(condBB);
  Value *i = B.CreateLoad(i64, idx, "i");
  B.CreateCondBr(B.CreateICmpSLT(i, len), bodyBB, bt.breakBB);
  B.SetInsertPoint(bodyBB);
  if (wantValue) {
    Value *addr = B.CreateInBoundsGEP(llType(elemT), base, i, "elem.addr");
    Value *v = load(elemT, addr, "elem");
    assignPair(s->key, i, intT, s->value, v, elemT);
  } else {
    assignTo(s->key, i, intT, false, true);
  }
  genBlock(s->body);
  if (!terminated())
    B.CreateBr(bt.continueBB);
  continueAt(bt.continueBB);
  Value *cur = B.CreateLoad(i64, idx);
  B.CreateStore(B.CreateAdd(cur, i64c(1)), idx);
  emitPreemptPoll();
  B.CreateBr(condBB);
}

// Decodes one rune per iteration: ASCII inline, anything else through
// mgo_decode_rune, which also yields the width to advance by.
void CodegenContext::genRangeString(RangeStmt *s, BranchTargets &bt) {
  Value *str = genExpr(s->x);
  Value *ptr = B.CreateExtractValue(str, 0, "str.ptr");
  Value *len = B.CreateExtractValue(str, 1, "str.len");
  AllocaInst *idx = entryAlloca(i64, "range.i");
  AllocaInst *width = entryAlloca(i64, "range.width");
  B.CreateStore(i64c(0), idx);
  BasicBlock *condBB = newBlock("range.cond");
  BasicBlock *bodyBB = newBlock("range.body");
  BasicBlock *asciiBB = newBlock("range.ascii");
  BasicBlock *multiBB = newBlock("range.multibyte");
  BasicBlock *runeBB = newBlock("range.rune");
  B.CreateBr(condBB);
  B.SetInsertPoint(condBB);
  Value *i = B.CreateLoad(i64, idx, "i");
  B.CreateCondBr(B.CreateICmpSLT(i, len), bodyBB, bt.breakBB);
  B.SetInsertPoint(bodyBB);
  Value *byte = B.CreateLoad(i8, B.CreateInBoundsGEP(i8, ptr, i), "byte");
  B.CreateCondBr(B.CreateICmpULT(byte, ConstantInt::get(i8, 0x80)), asciiBB,
                 multiBB);
  B.SetInsertPoint(asciiBB);
  Value *ascii = B.CreateZExt(byte, i32);
  B.CreateStore(i64c(1), width);
  B.CreateBr(runeBB);
  B.SetInsertPoint(multiBB);
  Value *decoded =
      rt.call(B, Rt::mgo_decode_rune, {ptr, len, i, width}, "decoded");
  B.CreateBr(runeBB);
  B.SetInsertPoint(runeBB);
  PHINode *r = B.CreatePHI(i32, 2, "rune");
  r->addIncoming(ascii, asciiBB);
  r->addIncoming(decoded, multiBB);
  assignPair(s->key, i, intType(), s->value, r,
             tc.basic(types::BasicKind::Int32));
  genBlock(s->body);
  if (!terminated())
    B.CreateBr(bt.continueBB);
  continueAt(bt.continueBB);
  Value *cur = B.CreateLoad(i64, idx);
  B.CreateStore(B.CreateAdd(cur, B.CreateLoad(i64, width)), idx);
  emitPreemptPoll();
  B.CreateBr(condBB);
}

void CodegenContext::genRangeMap(RangeStmt *s, BranchTargets &bt) {
  auto *mt = cast<types::Map>(typeOf(s->x)->underlying());
  Value *m = genExpr(s->x);
  AllocaInst *it = entryAlloca(mapIterTy, "range.it");
  rt.call(B, Rt::mgo_map_iter_init, {typeDesc(mt), m, it});
  BasicBlock *bodyBB = newBlock("range.body");
  B.CreateBr(bt.continueBB);
  B.SetInsertPoint(bodyBB);
  emitPreemptPoll();
  Value *keyAddr =
      B.CreateLoad(ptrTy, B.CreateStructGEP(mapIterTy, it, 1), "key.addr");
  Value *valAddr =
      B.CreateLoad(ptrTy, B.CreateStructGEP(mapIterTy, it, 2), "value.addr");
  Value *value = s->value ? load(mt->elem, valAddr, "value") : nullptr;
  assignPair(s->key, load(mt->key, keyAddr, "key"), mt->key, s->value, value,
             mt->elem);
  genBlock(s->body);
  if (!terminated())
    B.CreateBr(bt.continueBB);
  continueAt(bt.continueBB);
  Value *more = rt.call(B, Rt::mgo_map_iter_next, {it}, "more");
  B.CreateCondBr(more, bodyBB, bt.breakBB);
}

} // namespace mgo
