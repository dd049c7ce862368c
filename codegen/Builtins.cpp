// Built-in functions. append, copy, len, cap, min and max are inline; make,
// new, delete, clear, panic and print call the runtime.
#include "codegen/CodegenContext.h"

using namespace llvm;

namespace mgo {

// A built-in's call over the results of the multi-value call that is its one
// argument (copy(f()), print(f())): each result is held in a variable, which
// the new call's arguments name, so every built-in's lowering serves it.
CallExpr *CodegenContext::spreadResults(CallExpr *e, types::Tuple *results) {
  Value *vals = genExpr(e->args[0]);
  auto *call = new CallExpr(e->loc, e->fun);
  synthNodes.emplace_back(call);
  call->lparen = e->lparen;
  call->rparen = e->rparen;
  call->tv = e->tv;
  for (unsigned i = 0; i < results->size(); ++i) {
    types::Type *t = results->at(i);
    auto *var = new types::Var("result", t, {});
    synthVars.emplace_back(var);
    AllocaInst *slot = entryAlloca(llType(t), "result");
    B.CreateStore(B.CreateExtractValue(vals, i), slot);
    vars[var] = VarSlot{slot, false};
    auto *id = new Ident(e->args[0]->loc, var->name);
    synthNodes.emplace_back(id);
    id->obj = var;
    id->tv.mode = TypeAndValue::Variable;
    id->tv.type = t;
    call->args.push_back(id);
  }
  return call;
}

Value *CodegenContext::genBuiltin(CallExpr *e, types::BuiltinId id) {
  if (e->args.size() == 1 && !e->hasEllipsis)
    if (auto *tup = dyn_cast_or_null<types::Tuple>(e->args[0]->tv.type))
      e = spreadResults(e, tup);
  switch (id) {
  case types::BuiltinId::Len:
    return genLen(e->args[0]);
  case types::BuiltinId::Cap:
    return genCap(e->args[0]);
  case types::BuiltinId::Append:
    return genAppend(e);
  case types::BuiltinId::Copy:
    return genCopy(e);
  case types::BuiltinId::Make:
    return genMake(e);
  case types::BuiltinId::New: {
    types::Type *t = cast<types::Pointer>(typeOf(e)->underlying())->elem;
    return heapAlloc(t, "new");
  }
  case types::BuiltinId::Delete: {
    auto *mt = cast<types::Map>(typeOf(e->args[0])->underlying());
    Value *m = genExpr(e->args[0]);
    AllocaInst *key = entryAlloca(llType(mt->key), "key");
    store(genExprAs(e->args[1], mt->key), key, mt->key);
    rt.call(B, Rt::mgo_map_delete, {typeDesc(mt), m, key});
    return nullptr;
  }
  case types::BuiltinId::Clear: {
    types::Type *t = typeOf(e->args[0]);
    Value *v = genExpr(e->args[0]);
    if (auto *mt = dyn_cast<types::Map>(t->underlying())) {
      rt.call(B, Rt::mgo_map_clear, {typeDesc(mt), v});
    } else {
      auto *sl = cast<types::Slice>(t->underlying());
      Value *bytes =
          B.CreateMul(B.CreateExtractValue(v, 1), sizeValue(sl->elem));
      B.CreateMemSet(B.CreateExtractValue(v, 0), ConstantInt::get(i8, 0), bytes,
                     MaybeAlign(1));
    }
    return nullptr;
  }
  case types::BuiltinId::Close:
    rt.call(B, Rt::mgo_chan_close, {genExpr(e->args[0])});
    return nullptr;
  case types::BuiltinId::Min:
  case types::BuiltinId::Max:
    return genMinMax(e, id == types::BuiltinId::Min);
  case types::BuiltinId::Panic:
    genPanic(e);
    return nullptr;
  case types::BuiltinId::Recover:
    return genRecover();
  case types::BuiltinId::Print:
  case types::BuiltinId::Println:
    genPrint(e, id == types::BuiltinId::Println);
    return nullptr;
  case types::BuiltinId::Complex:
  case types::BuiltinId::Real:
  case types::BuiltinId::Imag:
    return genComplexBuiltin(e, id);
  case types::BuiltinId::Add:
    return B.CreateGEP(i8, genExpr(e->args[0]), genIntArg(e->args[1]), "add");
  case types::BuiltinId::Slice:
    return genUnsafeSlice(e);
  default:
    throw CodegenError("built-in function not supported yet at line " +
                       std::to_string(e->loc.line));
  }
}

// len and cap of an array, or of a pointer to one, are its length. The
// checker folds them unless x calls a function or receives; then x is
// evaluated for those effects, as the spec requires.
Value *CodegenContext::arrayLen(Expr *x, types::Array *a) {
  if (unparen(x)->tv.isAddressable())
    genAddr(x);
  else
    genExpr(x);
  return i64c(a->len);
}

Value *CodegenContext::genLen(Expr *x) {
  types::Type *t = typeOf(x)->underlying();
  if (auto *p = dyn_cast<types::Pointer>(t))
    t = p->elem->underlying();
  if (auto *a = dyn_cast<types::Array>(t))
    return arrayLen(x, a);
  Value *v = genExpr(x);
  if (isa<types::Map>(t))
    return rt.call(B, Rt::mgo_map_len, {v}, "len");
  if (isa<types::Chan>(t))
    return rt.call(B, Rt::mgo_chan_len, {v}, "len");
  return B.CreateExtractValue(v, 1, "len");
}

Value *CodegenContext::genCap(Expr *x) {
  types::Type *t = typeOf(x)->underlying();
  if (auto *p = dyn_cast<types::Pointer>(t))
    t = p->elem->underlying();
  if (auto *a = dyn_cast<types::Array>(t))
    return arrayLen(x, a);
  if (isa<types::Chan>(t))
    return rt.call(B, Rt::mgo_chan_cap, {genExpr(x)}, "cap");
  return B.CreateExtractValue(genExpr(x), 2, "cap");
}

// append(s, xs...): in place when the capacity suffices, otherwise through
// mgo_growslice, which grows as Go 1.19's growslice does.
Value *CodegenContext::genAppend(CallExpr *e) {
  types::Type *st = typeOf(e);
  auto *sl = cast<types::Slice>(st->underlying());
  types::Type *elemT = sl->elem;
  Value *srcPtr = nullptr, *addLen, *s;
  std::vector<Value *> elems;
  if (e->hasEllipsis) {
    s = genExprAs(e->args[0], st);
    Value *src = genExpr(e->args[1]);
    srcPtr = B.CreateExtractValue(src, 0, "src.ptr");
    addLen = B.CreateExtractValue(src, 1, "src.len");
  } else {
    s = genExprAs(e->args[0], st);
    for (size_t i = 1; i < e->args.size(); ++i)
      elems.push_back(genExprAs(e->args[i], elemT));
    addLen = i64c(elems.size());
    if (elems.empty())
      return s;
  }
  AllocaInst *tmp = entryAlloca(sliceTy, "append.slice");
  B.CreateStore(s, tmp);
  Value *len = B.CreateExtractValue(s, 1, "len");
  Value *cap = B.CreateExtractValue(s, 2, "cap");
  Value *newLen = B.CreateAdd(len, addLen, "newlen");
  BasicBlock *growBB = newBlock("append.grow");
  BasicBlock *storeBB = newBlock("append.store");
  B.CreateCondBr(B.CreateICmpUGT(newLen, cap), growBB, storeBB);
  B.SetInsertPoint(growBB);
  rt.call(B, Rt::mgo_growslice,
          {tmp, sizeValue(elemT), newLen, i1c(types::hasPointers(elemT))});
  B.CreateBr(storeBB);
  B.SetInsertPoint(storeBB);
  Value *ptr = B.CreateLoad(ptrTy, B.CreateStructGEP(sliceTy, tmp, 0), "ptr");
  Value *dst = B.CreateInBoundsGEP(llType(elemT), ptr, len, "dst");
  if (srcPtr) {
    B.CreateMemMove(dst, MaybeAlign(1), srcPtr, MaybeAlign(1),
                    B.CreateMul(addLen, sizeValue(elemT)));
  } else {
    for (size_t i = 0; i < elems.size(); ++i)
      store(elems[i], B.CreateConstInBoundsGEP1_64(llType(elemT), dst, i),
            elemT);
  }
  B.CreateStore(newLen, B.CreateStructGEP(sliceTy, tmp, 1));
  return B.CreateLoad(sliceTy, tmp, "appended");
}

// copy(dst, src) moves min(len(dst), len(src)) elements and returns that count.
Value *CodegenContext::genCopy(CallExpr *e) {
  auto *sl = cast<types::Slice>(typeOf(e->args[0])->underlying());
  Value *dst = genExpr(e->args[0]);
  Value *src = genExpr(e->args[1]);
  Value *dl = B.CreateExtractValue(dst, 1);
  Value *sl_ = B.CreateExtractValue(src, 1);
  Value *n = B.CreateSelect(B.CreateICmpSLT(dl, sl_), dl, sl_, "n");
  B.CreateMemMove(B.CreateExtractValue(dst, 0), MaybeAlign(1),
                  B.CreateExtractValue(src, 0), MaybeAlign(1),
                  B.CreateMul(n, sizeValue(sl->elem)));
  return n;
}

Value *CodegenContext::genMake(CallExpr *e) {
  types::Type *t = typeOf(e);
  auto intArg = [&](size_t i) -> Value * {
    Expr *a = e->args[i];
    if (a->tv.isConstant() && a->tv.value)
      return constValue(*a->tv.value, intType());
    return B.CreateIntCast(genExpr(a), i64, isSigned(typeOf(a)));
  };
  if (auto *mt = dyn_cast<types::Map>(t->underlying())) {
    Value *hint = e->args.size() > 1 ? intArg(1) : i64c(0);
    return rt.call(B, Rt::mgo_map_make, {typeDesc(mt), hint}, "map");
  }
  if (auto *sl = dyn_cast<types::Slice>(t->underlying())) {
    Value *len = intArg(1);
    Value *cap = e->args.size() > 2 ? intArg(2) : len;
    AllocaInst *out = entryAlloca(sliceTy, "make.slice");
    rt.call(B, Rt::mgo_makeslice,
            {out, sizeValue(sl->elem), len, cap,
             i1c(types::hasPointers(sl->elem))});
    return B.CreateLoad(sliceTy, out, "slice");
  }
  if (isa<types::Chan>(t->underlying()))
    return genMakeChan(e);
  throw CodegenError("make of this type is not supported yet");
}

// min/max of floats follow Go: a NaN operand wins, and -0 < +0, which is
// exactly llvm.minimum/llvm.maximum.
Value *CodegenContext::genMinMax(CallExpr *e, bool isMin) {
  types::Type *t = typeOf(e);
  Value *acc = genExprAs(e->args[0], t);
  for (size_t i = 1; i < e->args.size(); ++i) {
    Value *v = genExprAs(e->args[i], t);
    if (isFloat(t)) {
      acc = B.CreateBinaryIntrinsic(isMin ? Intrinsic::minimum
                                          : Intrinsic::maximum,
                                    acc, v, nullptr, isMin ? "min" : "max");
      continue;
    }
    Value *less = genCompare(Token::LSS, v, acc, t);
    acc = isMin ? B.CreateSelect(less, v, acc, "min")
                : B.CreateSelect(less, acc, v, "max");
  }
  return acc;
}

// Go's printeface and printslice: (type,data) and [len/cap]array, each part
// through the runtime's printers.
void CodegenContext::printParts(std::initializer_list<PrintPart> parts) {
  for (const PrintPart &p : parts) {
    if (p.text)
      rt.call(B, Rt::mgo_print_string,
              {stringBytes(p.text), i64c(StringRef(p.text).size())});
    else if (p.value->getType()->isPointerTy())
      rt.call(B, Rt::mgo_print_pointer, {p.value});
    else
      rt.call(B, Rt::mgo_print_int, {p.value});
  }
}

// An integer argument of any integer type as an int (a uint64 above the
// largest int becomes negative, as Go's conversion makes it).
Value *CodegenContext::genIntArg(Expr *x) {
  types::Type *t = typeOf(x);
  return B.CreateIntCast(genExprAs(x, t), i64, !basicOf(t)->isUnsigned(),
                         "int");
}

// unsafe.Slice(p, n): []T{p, n, n}, with runtime.unsafeslice's checks: n not
// negative, and n elements after p not past the end of the address space
// (from a nil p, any n but 0).
Value *CodegenContext::genUnsafeSlice(CallExpr *e) {
  auto *elem = cast<types::Pointer>(typeOf(e->args[0])->underlying())->elem;
  Value *p = genExpr(e->args[0]);
  Value *n = genIntArg(e->args[1]);
  Value *negative = B.CreateICmpSLT(n, i64c(0), "negative");
  Value *mul = B.CreateBinaryIntrinsic(Intrinsic::umul_with_overflow, n,
                                       sizeValue(elem), nullptr, "mem");
  Value *room = B.CreateNeg(B.CreatePtrToInt(p, i64), "room");
  Value *tooLong =
      B.CreateOr(B.CreateExtractValue(mul, 1),
                 B.CreateICmpUGT(B.CreateExtractValue(mul, 0), room), "long");
  condPanic(B, B.CreateOr(negative, tooLong), "unsafe.slice", [&] {
    Value *isNil = B.CreateAnd(B.CreateNot(negative), B.CreateIsNull(p));
    rt.call(B, Rt::mgo_panic_unsafe_slice, {isNil});
  });
  Value *s = UndefValue::get(sliceTy);
  s = B.CreateInsertValue(s, p, {0});
  s = B.CreateInsertValue(s, n, {1});
  return B.CreateInsertValue(s, n, {2}, "slice");
}

void CodegenContext::genPrint(CallExpr *e, bool ln) {
  for (size_t i = 0; i < e->args.size(); ++i) {
    if (ln && i > 0)
      rt.call(B, Rt::mgo_print_space, {});
    Expr *a = e->args[i];
    types::Type *t = typeOf(a);
    Value *v = genExprAs(a, t);
    types::Basic *b = basicOf(t);
    if (b && b->isBoolean())
      rt.call(B, Rt::mgo_print_bool, {v});
    else if (b && b->isString())
      rt.call(B, Rt::mgo_print_string,
              {B.CreateExtractValue(v, 0), B.CreateExtractValue(v, 1)});
    else if (b && b->isFloat())
      rt.call(B, Rt::mgo_print_float, {B.CreateFPExt(v, B.getDoubleTy())});
    else if (b && b->isComplex()) {
      Value *re = B.CreateFPExt(B.CreateExtractValue(v, 0), B.getDoubleTy());
      Value *im = B.CreateFPExt(B.CreateExtractValue(v, 1), B.getDoubleTy());
      rt.call(B, Rt::mgo_print_complex, {re, im});
    } else if (b && b->isInteger())
      rt.call(B, b->isUnsigned() ? Rt::mgo_print_uint : Rt::mgo_print_int,
              {B.CreateIntCast(v, i64, !b->isUnsigned())});
    else if (v->getType()->isPointerTy())
      rt.call(B, Rt::mgo_print_pointer, {v});
    else if (types::isInterface(t))
      printParts({"(", B.CreateExtractValue(v, 0), ",",
                  B.CreateExtractValue(v, 1), ")"});
    else if (isa<types::Slice>(t->underlying()))
      printParts({"[", B.CreateExtractValue(v, 1), "/",
                  B.CreateExtractValue(v, 2), "]", B.CreateExtractValue(v, 0)});
  }
  if (ln)
    rt.call(B, Rt::mgo_print_newline, {});
}

void CodegenContext::genPanic(CallExpr *e) {
  Expr *a = e->args[0];
  types::Type *t = typeOf(a);
  Value *boxed;
  if (isNilLiteral(a))
    boxed = Constant::getNullValue(ifaceTy);
  else
    boxed = boxAny(genExprAs(a, t), t, true);
  AllocaInst *slot = entryAlloca(ifaceTy, "panic.arg");
  B.CreateStore(boxed, slot);
  rt.call(B, Rt::mgo_panic, {slot});
}

// An interface value {type descriptor, pointer to a copy}. fmt's arguments
// live on the stack for the duration of the call; any other boxed value may
// outlive the frame and goes to the heap.
Value *CodegenContext::boxAny(Value *v, types::Type *t, bool heap) {
  t = concrete(t);
  if (types::isInterface(t))
    return toInterface(v, t, tc.getInterface({}));
  Value *cell = heap ? heapAlloc(t, "boxed") : entryAlloca(llType(t), "boxed");
  store(v, cell, t);
  Value *r = B.CreateInsertValue(UndefValue::get(ifaceTy), typeDesc(t), {0});
  return B.CreateInsertValue(r, cell, {1});
}

} // namespace mgo
