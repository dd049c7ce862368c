// Expressions: rvalues (genExpr), addresses of addressable expressions
// (genAddr), and the run-time checks Go requires on them. Every check branches
// to a cold block ending in a noreturn mgo_panic_* call.
#include "codegen/CodegenContext.h"

using namespace llvm;

namespace mgo {

Expr *unparen(Expr *e) {
  while (auto *p = dyn_cast<ParenExpr>(e))
    e = p->x;
  return e;
}

bool isNilLiteral(Expr *e) {
  while (auto *p = dyn_cast<ParenExpr>(e))
    e = p->x;
  if (auto *id = dyn_cast<Ident>(e); id && id->obj)
    return isa<types::Nil>(id->obj);
  auto *b = dyn_cast_or_null<types::Basic>(e->tv.type);
  return b && b->basicKind == types::BasicKind::UntypedNil;
}

types::Type *CodegenContext::typeOf(Expr *e) {
  // The checker may leave the left-hand identifiers of := untyped.
  if (auto *id = dyn_cast<Ident>(e);
      id && !e->tv.type && id->obj && id->obj->type)
    return concrete(id->obj->type);
  if (!e->tv.type)
    throw CodegenError("expression without a type at line " +
                       std::to_string(e->loc.line));
  return concrete(e->tv.type);
}

Value *CodegenContext::genExpr(Expr *e) {
  if (e->tv.isConstant() && e->tv.value)
    return constValue(*e->tv.value, typeOf(e));
  ExprLoc at(*this, exprPos(e));
  switch (e->kind()) {
  case Node::IdentKind:
    return genIdent(cast<Ident>(e));
  case Node::ParenExprKind:
    return genExpr(cast<ParenExpr>(e)->x);
  case Node::CompositeLitKind:
    return genCompositeLit(cast<CompositeLit>(e));
  case Node::FuncLitKind:
    return genFuncLit(cast<FuncLit>(e));
  case Node::SelectorExprKind:
    return genSelector(cast<SelectorExpr>(e));
  case Node::IndexExprKind:
    return genIndex(cast<IndexExpr>(e));
  case Node::SliceExprKind:
    return genSlice(cast<SliceExpr>(e));
  case Node::CallExprKind:
    return genCall(cast<CallExpr>(e));
  case Node::StarExprKind: {
    auto *s = cast<StarExpr>(e);
    return load(typeOf(e), derefCheck(genExpr(s->x)), "deref");
  }
  case Node::UnaryExprKind:
    return genUnary(cast<UnaryExpr>(e));
  case Node::BinaryExprKind:
    return genBinary(cast<BinaryExpr>(e));
  case Node::TypeAssertExprKind:
    return genTypeAssert(cast<TypeAssertExpr>(e), nullptr);
  default:
    throw CodegenError("expression not supported yet at line " +
                       std::to_string(e->loc.line));
  }
}

// The value of e as the type its context needs: constants are materialised
// at that type, nil becomes the type's zero value, and a concrete value
// assigned to an interface is boxed.
Value *CodegenContext::genExprAs(Expr *e, types::Type *target) {
  if (!target)
    return genExpr(e);
  target = concrete(target);
  if (isNilLiteral(e))
    return Constant::getNullValue(llType(target));
  if (e->tv.isConstant() && e->tv.value) {
    if (types::isInterface(target)) {
      types::Type *t = typeOf(e);
      return toInterface(constValue(*e->tv.value, t), t, target);
    }
    return constValue(*e->tv.value, target);
  }
  return convertValue(genExpr(e), typeOf(e), target);
}

Value *CodegenContext::convertValue(Value *v, types::Type *from,
                                    types::Type *to) {
  if (!to || !from)
    return v;
  from = concrete(from);
  to = concrete(to);
  if (types::isInterface(to))
    return toInterface(v, from, to);
  if (v->getType() == llType(to))
    return v;
  types::Basic *fb = basicOf(from), *tb = basicOf(to);
  if (fb && tb && fb->isComplex() && tb->isComplex())
    return convertComplex(v, llType(to));
  if (fb && tb && fb->isNumeric() && tb->isNumeric()) {
    llvm::Type *dst = llType(to);
    if (fb->isInteger() && tb->isInteger())
      return B.CreateIntCast(v, dst, !fb->isUnsigned());
    if (fb->isInteger())
      return fb->isUnsigned() ? B.CreateUIToFP(v, dst) : B.CreateSIToFP(v, dst);
    if (tb->isInteger()) {
      Intrinsic::ID id =
          tb->isUnsigned() ? Intrinsic::fptoui_sat : Intrinsic::fptosi_sat;
      return B.CreateIntrinsic(id, {dst, v->getType()}, {v});
    }
    return B.CreateFPCast(v, dst);
  }
  return v;
}

Value *CodegenContext::genIdent(Ident *id) {
  types::Object *obj = id->obj;
  if (!obj)
    throw CodegenError("unresolved identifier " + id->name);
  if (auto *v = dyn_cast<types::Var>(obj))
    return load(v->type, varAddr(v), v->name);
  if (auto *f = dyn_cast<types::Func>(obj))
    return f->libraryName.empty() ? staticClosure(functionFor(f))
                                  : libraryFuncValue(f);
  if (isa<types::Nil>(obj))
    return Constant::getNullValue(llType(typeOf(id)));
  if (auto *c = dyn_cast<types::Const>(obj))
    return constValue(c->value, typeOf(id));
  throw CodegenError("identifier " + id->name + " is not a value");
}

Value *CodegenContext::genAddr(Expr *e) {
  e = unparen(e);
  ExprLoc at(*this, exprPos(e));
  if (auto *id = dyn_cast<Ident>(e)) {
    if (auto *v = dyn_cast_or_null<types::Var>(id->obj))
      return varAddr(v);
  } else if (auto *s = dyn_cast<StarExpr>(e)) {
    return derefCheck(genExpr(s->x));
  } else if (auto *sel = dyn_cast<SelectorExpr>(e)) {
    if (sel->selection.kind == Selection::FieldVal)
      return genSelectorAddr(sel);
    if (auto *v = dyn_cast_or_null<types::Var>(sel->sel->obj);
        v && sel->selection.kind == Selection::PackageMember)
      return varAddr(v);
  } else if (auto *ix = dyn_cast<IndexExpr>(e)) {
    if (!isa<types::Map>(typeOf(ix->x)->underlying()) &&
        !isString(typeOf(ix->x)))
      return genIndexAddr(ix);
  }
  // Not addressable: a temporary holds the value (a field of a call result,
  // an element of an array value).
  return addressOf(genExpr(e));
}

Value *CodegenContext::derefCheck(Value *ptr) { return derefCheck(B, ptr); }

Value *CodegenContext::derefCheck(IRBuilder<> &b, Value *ptr) {
  if (isa<GlobalValue>(ptr) || isa<AllocaInst>(ptr))
    return ptr;
  condPanic(b, b.CreateICmpEQ(ptr, ConstantPointerNull::get(ptrTy), "isnil"),
            "nil", [&] { rt.call(b, Rt::mgo_panic_nil_deref, {}); });
  return ptr;
}

// index < len, compared unsigned so that a negative index fails too.
Value *CodegenContext::boundsCheck(Value *index, Value *len,
                                   bool indexUnsigned) {
  auto *ci = dyn_cast<ConstantInt>(index);
  auto *cl = dyn_cast<ConstantInt>(len);
  if (ci && cl && ci->getValue().ult(cl->getValue()))
    return index;
  condPanic(B, B.CreateICmpUGE(index, len, "oob"), "index", [&] {
    rt.call(B, Rt::mgo_panic_index, {index, len, i1c(indexUnsigned)});
  });
  return index;
}

Value *CodegenContext::genIndexValue(Expr *e) {
  if (e->tv.isConstant() && e->tv.value)
    return constValue(*e->tv.value, intType());
  return B.CreateIntCast(genExpr(e), i64, !isUnsignedIndex(e), "idx");
}

bool CodegenContext::isUnsignedIndex(Expr *e) {
  return !(e->tv.isConstant() && e->tv.value) &&
         basicOf(typeOf(e))->isUnsigned();
}

Value *CodegenContext::genIndexAddr(IndexExpr *e) {
  types::Type *xt = typeOf(e->x)->underlying();
  if (auto *sl = dyn_cast<types::Slice>(xt)) {
    Value *s = genExpr(e->x);
    Value *i = genIndexValue(e->index);
    Value *len = B.CreateExtractValue(s, 1, "len");
    boundsCheck(i, len, isUnsignedIndex(e->index));
    return B.CreateInBoundsGEP(llType(sl->elem), B.CreateExtractValue(s, 0), i,
                               "elem.addr");
  }
  Value *base;
  types::Array *arr;
  if (auto *p = dyn_cast<types::Pointer>(xt)) {
    arr = cast<types::Array>(p->elem->underlying());
    base = derefCheck(genExpr(e->x));
  } else {
    arr = cast<types::Array>(xt);
    base = genAddr(e->x);
  }
  Value *i = genIndexValue(e->index);
  boundsCheck(i, i64c(arr->len), isUnsignedIndex(e->index));
  return B.CreateInBoundsGEP(llType(arr), base, {i64c(0), i}, "elem.addr");
}

Value *CodegenContext::genIndex(IndexExpr *e) {
  types::Type *xt = typeOf(e->x)->underlying();
  // F[A] as a value: x names the instance (the checker resolved it).
  if (isa<types::Signature>(xt))
    return genExpr(e->x);
  if (isa<types::Map>(xt))
    return genMapIndex(e, nullptr);
  if (isString(xt)) {
    Value *s = genExpr(e->x);
    Value *i = genIndexValue(e->index);
    boundsCheck(i, B.CreateExtractValue(s, 1, "len"),
                isUnsignedIndex(e->index));
    return B.CreateLoad(
        i8, B.CreateInBoundsGEP(i8, B.CreateExtractValue(s, 0), i), "byte");
  }
  return load(typeOf(e), genIndexAddr(e), "elem");
}

// m[k]: the value, or the zero value when absent (a nil map included).
Value *CodegenContext::genMapIndex(IndexExpr *e, Value **okOut) {
  auto *mt = cast<types::Map>(typeOf(e->x)->underlying());
  Value *m = genExpr(e->x);
  AllocaInst *key = entryAlloca(llType(mt->key), "key");
  store(genExprAs(e->index, mt->key), key, mt->key);
  return mapLookup(mt, m, key, okOut);
}

// The value stored under the key at keyAddr, or the zero value.
Value *CodegenContext::mapLookup(types::Map *mt, Value *m, Value *keyAddr,
                                 Value **okOut) {
  Value *p =
      rt.call(B, Rt::mgo_map_access, {typeDesc(mt), m, keyAddr}, "entry");
  Value *found = B.CreateICmpNE(p, ConstantPointerNull::get(ptrTy), "found");
  if (okOut)
    *okOut = found;
  if (isLargeAggregate(mt->elem))
    return largeMapValue(mt->elem, p, found);
  BasicBlock *from = B.GetInsertBlock();
  BasicBlock *hit = newBlock("map.hit");
  BasicBlock *done = newBlock("map.done");
  B.CreateCondBr(found, hit, done);
  B.SetInsertPoint(hit);
  Value *v = load(mt->elem, p, "value");
  B.CreateBr(done);
  B.SetInsertPoint(done);
  PHINode *phi = B.CreatePHI(llType(mt->elem), 2, "mapval");
  phi->addIncoming(v, hit);
  phi->addIncoming(Constant::getNullValue(llType(mt->elem)), from);
  return phi;
}

// A large value is a snapshot (Module.cpp's load), zeroed, then copied from
// the entry when there is one: a phi of two such values would be lowered
// element by element.
Value *CodegenContext::largeMapValue(types::Type *elem, Value *entry,
                                     Value *found) {
  AllocaInst *copy = entryAlloca(llType(elem), "value.copy");
  zeroFill(copy, elem);
  BasicBlock *hit = newBlock("map.hit");
  BasicBlock *done = newBlock("map.done");
  B.CreateCondBr(found, hit, done);
  B.SetInsertPoint(hit);
  copyValue(copy, entry, elem);
  B.CreateBr(done);
  B.SetInsertPoint(done);
  return loadSnapshot(elem, copy, "mapval");
}

// s[lo:hi:max] with Go's checks, in gc's order: max against cap, hi against
// max, lo against hi.
Value *CodegenContext::genSlice(SliceExpr *e) {
  types::Type *xt = typeOf(e->x)->underlying();
  Value *ptr, *len, *cap;
  types::Type *elemT;
  bool str = isString(xt);
  bool isSliceX = false;
  if (str) {
    Value *s = genExpr(e->x);
    ptr = B.CreateExtractValue(s, 0);
    len = cap = B.CreateExtractValue(s, 1, "len");
    elemT = tc.basic(types::BasicKind::Uint8);
  } else if (auto *sl = dyn_cast<types::Slice>(xt)) {
    Value *s = genExpr(e->x);
    ptr = B.CreateExtractValue(s, 0);
    len = B.CreateExtractValue(s, 1, "len");
    cap = B.CreateExtractValue(s, 2, "cap");
    elemT = sl->elem;
    isSliceX = true;
  } else {
    types::Array *arr;
    if (auto *p = dyn_cast<types::Pointer>(xt)) {
      arr = cast<types::Array>(p->elem->underlying());
      ptr = derefCheck(genExpr(e->x));
    } else {
      arr = cast<types::Array>(xt);
      ptr = genAddr(e->x);
    }
    len = cap = i64c(arr->len);
    elemT = arr->elem;
  }
  Value *lo = e->lo ? genIndexValue(e->lo) : i64c(0);
  Value *hi = e->hi ? genIndexValue(e->hi) : len;
  Value *max = e->max ? genIndexValue(e->max) : cap;
  auto unsignedBound = [&](Expr *bound) {
    return i1c(bound && isUnsignedIndex(bound));
  };
  if (e->max) {
    condPanic(B, B.CreateICmpUGT(max, cap), "slice.max", [&] {
      rt.call(B, Rt::mgo_panic_slice3_max,
              {max, cap, i1c(isSliceX), unsignedBound(e->max)});
    });
    condPanic(B, B.CreateICmpUGT(hi, max), "slice.hi", [&] {
      rt.call(B, Rt::mgo_panic_slice3_hi_max, {hi, max, unsignedBound(e->hi)});
    });
    condPanic(B, B.CreateICmpUGT(lo, hi), "slice.lo", [&] {
      rt.call(B, Rt::mgo_panic_slice3_lo_hi, {lo, hi, unsignedBound(e->lo)});
    });
  } else {
    if (e->hi)
      condPanic(B, B.CreateICmpUGT(hi, cap), "slice.hi", [&] {
        rt.call(B, Rt::mgo_panic_slice_hi,
                {hi, cap, i1c(isSliceX), unsignedBound(e->hi)});
      });
    if (e->lo)
      condPanic(B, B.CreateICmpUGT(lo, hi), "slice.lo", [&] {
        rt.call(B, Rt::mgo_panic_slice_lo_hi, {lo, hi, unsignedBound(e->lo)});
      });
  }
  Value *newLen = B.CreateSub(hi, lo, "newlen");
  Value *newCap = B.CreateSub(max, lo, "newcap");
  // A result with no room does not point past the end of the original.
  Value *empty = B.CreateICmpEQ(str ? newLen : newCap, i64c(0));
  Value *offset = B.CreateSelect(empty, i64c(0), lo);
  Value *newPtr = B.CreateGEP(llType(elemT), ptr, offset, "newptr");
  if (str) {
    Value *r = B.CreateInsertValue(UndefValue::get(stringTy), newPtr, {0});
    return B.CreateInsertValue(r, newLen, {1});
  }
  return makeSliceValue(newPtr, newLen, newCap);
}

Value *CodegenContext::makeSliceValue(Value *ptr, Value *len, Value *cap) {
  Value *s = B.CreateInsertValue(UndefValue::get(sliceTy), ptr, {0});
  s = B.CreateInsertValue(s, len, {1});
  return B.CreateInsertValue(s, cap, {2});
}

Value *CodegenContext::genSelectorAddr(SelectorExpr *e) {
  types::Type *xt = typeOf(e->x);
  Value *base;
  if (auto *p = dyn_cast<types::Pointer>(xt->underlying())) {
    base = derefCheck(genExpr(e->x));
    xt = p->elem;
  } else {
    base = genAddr(e->x);
  }
  return B.CreateStructGEP(llType(xt), base, e->selection.index,
                           e->sel->name + ".addr");
}

Value *CodegenContext::genSelector(SelectorExpr *e) {
  switch (e->selection.kind) {
  case Selection::PackageMember: {
    types::Object *obj = e->sel->obj;
    if (auto *c = dyn_cast_or_null<types::Const>(obj))
      return constValue(c->value, typeOf(e));
    if (auto *v = dyn_cast_or_null<types::Var>(obj))
      return load(v->type, varAddr(v), v->name);
    if (auto *f = dyn_cast_or_null<types::Func>(obj))
      return f->libraryName.empty() ? staticClosure(functionFor(f))
                                    : libraryFuncValue(f);
    throw CodegenError("package member " + e->sel->name +
                       " cannot be used as a value yet");
  }
  case Selection::FieldVal: {
    types::Type *xt = typeOf(e->x)->underlying();
    if (isa<types::Pointer>(xt) || e->x->tv.isAddressable())
      return load(typeOf(e), genSelectorAddr(e), e->sel->name);
    return B.CreateExtractValue(genExpr(e->x), {unsigned(e->selection.index)},
                                e->sel->name);
  }
  case Selection::MethodVal:
    return genMethodValue(e);
  case Selection::MethodExpr:
    return genMethodExpr(e);
  default:
    throw CodegenError("unresolved selector at line " +
                       std::to_string(e->loc.line));
  }
}

Value *CodegenContext::genUnary(UnaryExpr *e) {
  types::Type *t = typeOf(e);
  switch (e->op) {
  case Token::AND: {
    Expr *x = unparen(e->x);
    if (auto *lit = dyn_cast<CompositeLit>(x)) {
      types::Type *lt = typeOf(lit);
      Value *cell = heapAlloc(lt, "lit");
      genCompositeInto(cell, lit, lt);
      return cell;
    }
    return genAddr(x);
  }
  case Token::ADD:
    return genExprAs(e->x, t);
  case Token::SUB: {
    Value *x = genExprAs(e->x, t);
    if (isComplex(t)) {
      Value *re = B.CreateFNeg(B.CreateExtractValue(x, 0), "neg.re");
      Value *im = B.CreateFNeg(B.CreateExtractValue(x, 1), "neg.im");
      return makeComplex(re, im);
    }
    return isFloat(t) ? B.CreateFNeg(x, "neg") : B.CreateNeg(x, "neg");
  }
  case Token::XOR:
    return B.CreateNot(genExprAs(e->x, t), "not");
  case Token::NOT:
    return B.CreateNot(genExpr(e->x), "lnot");
  case Token::ARROW:
    return genRecv(e, nullptr);
  default:
    throw CodegenError("unary operator not supported yet at line " +
                       std::to_string(e->loc.line));
  }
}

} // namespace mgo
