// Composite literals and conversions. Struct and array literals are built in
// place (zeroed, then the given elements stored), so large literals never
// travel as first-class aggregates; slice literals get a heap backing array,
// map literals one mgo_map_assign per entry.
#include "codegen/CodegenContext.h"

using namespace llvm;

namespace mgo {

namespace {

int64_t constIndex(Expr *key) {
  if (!key->tv.value || !key->tv.value->isInt())
    throw CodegenError("composite literal index is not a constant");
  return key->tv.value->intValue().getSExtValue();
}

} // namespace

// Stores one element of a composite literal at addr. An elided `{...}` for a
// pointer element type means &T{...}.
static void genElement(CodegenContext &cg, Value *addr, Expr *elt,
                       types::Type *elemT) {
  if (auto *lit = dyn_cast<CompositeLit>(unparen(elt))) {
    if (auto *p = dyn_cast<types::Pointer>(elemT->underlying());
        p && !isa<types::Pointer>(cg.typeOf(lit)->underlying())) {
      Value *cell = cg.heapAlloc(p->elem, "lit");
      cg.genCompositeInto(cell, lit, p->elem);
      cg.B.CreateStore(cell, addr);
      return;
    }
    if (!isa<types::Pointer>(elemT->underlying()) &&
        !types::isInterface(elemT)) {
      cg.genCompositeInto(addr, lit, elemT);
      return;
    }
  }
  cg.store(cg.genExprAs(elt, elemT), addr, elemT);
}

std::pair<int, Expr *> structLitElement(types::Struct *st, Expr *elt,
                                        size_t i) {
  if (auto *kv = dyn_cast<KeyValueExpr>(elt))
    return {st->fieldIndex(cast<Ident>(kv->key)->name), kv->value};
  return {int(i), elt};
}

void CodegenContext::genCompositeInto(Value *addr, CompositeLit *e,
                                      types::Type *t) {
  types::Type *u = t->underlying();
  if (auto *st = dyn_cast<types::Struct>(u)) {
    zeroFill(addr, t);
    llvm::Type *lt = llType(t);
    for (size_t i = 0; i < e->elts.size(); ++i) {
      auto [idx, elt] = structLitElement(st, e->elts[i], i);
      types::Type *ft = st->fields[idx]->type;
      // A blank field's value is evaluated and dropped: the field stays zero.
      if (st->fields[idx]->name == "_") {
        genExprAs(elt, ft);
        continue;
      }
      genElement(
          *this,
          B.CreateStructGEP(lt, addr, idx, st->fields[idx]->name + ".addr"),
          elt, ft);
    }
    return;
  }
  if (auto *arr = dyn_cast<types::Array>(u)) {
    zeroFill(addr, t);
    llvm::Type *lt = llType(t);
    int64_t idx = 0;
    for (Expr *elt : e->elts) {
      if (auto *kv = dyn_cast<KeyValueExpr>(elt)) {
        idx = constIndex(kv->key);
        elt = kv->value;
      }
      genElement(*this,
                 B.CreateConstInBoundsGEP2_64(lt, addr, 0, idx, "elem.addr"),
                 elt, arr->elem);
      ++idx;
    }
    return;
  }
  store(genCompositeLit(e), addr, t);
}

Value *CodegenContext::genCompositeLit(CompositeLit *e) {
  types::Type *t = typeOf(e);
  if (auto *p = dyn_cast<types::Pointer>(t->underlying())) {
    Value *cell = heapAlloc(p->elem, "lit");
    genCompositeInto(cell, e, p->elem);
    return cell;
  }
  types::Type *u = t->underlying();
  if (auto *sl = dyn_cast<types::Slice>(u)) {
    int64_t n = 0, idx = 0;
    for (Expr *elt : e->elts) {
      if (auto *kv = dyn_cast<KeyValueExpr>(elt))
        idx = constIndex(kv->key);
      n = std::max(n, ++idx);
    }
    if (n == 0)
      return makeSliceValue(
          rt.call(B, Rt::mgo_alloc_noscan, {i64c(0)}, "empty"), i64c(0),
          i64c(0));
    types::Type *arrT = tc.getArray(sl->elem, n);
    Value *backing = heapAlloc(arrT, "backing");
    llvm::Type *lt = llType(arrT);
    idx = 0;
    for (Expr *elt : e->elts) {
      if (auto *kv = dyn_cast<KeyValueExpr>(elt)) {
        idx = constIndex(kv->key);
        elt = kv->value;
      }
      genElement(*this,
                 B.CreateConstInBoundsGEP2_64(lt, backing, 0, idx, "elem.addr"),
                 elt, sl->elem);
      ++idx;
    }
    return makeSliceValue(backing, i64c(n), i64c(n));
  }
  if (auto *mt = dyn_cast<types::Map>(u)) {
    Value *m = rt.call(B, Rt::mgo_map_make,
                       {typeDesc(mt), i64c(e->elts.size())}, "map");
    AllocaInst *key =
        e->elts.empty() ? nullptr : entryAlloca(llType(mt->key), "key");
    for (Expr *elt : e->elts) {
      auto *kv = cast<KeyValueExpr>(elt);
      AllocaInst *val = entryAlloca(llType(mt->elem), "val");
      genElement(*this, key, kv->key, mt->key);
      genElement(*this, val, kv->value, mt->elem);
      Value *slot =
          rt.call(B, Rt::mgo_map_assign, {typeDesc(mt), m, key}, "slot");
      copyValue(slot, val, mt->elem);
    }
    return m;
  }
  AllocaInst *tmp = entryAlloca(llType(t), "lit");
  genCompositeInto(tmp, e, t);
  if (isLargeAggregate(t))
    return loadSnapshot(t, tmp, "lit.val");
  return load(t, tmp, "lit.val");
}

// T(x) for a non-constant x.
// (*[n]T)(s): s's array, if it has n elements at least (Go 1.17).
Value *CodegenContext::genSliceToArrayPointer(Value *s, types::Array *a) {
  Value *len = B.CreateExtractValue(s, 1, "len");
  condPanic(B, B.CreateICmpSLT(len, i64c(a->len), "short"), "conv", [&] {
    rt.call(B, Rt::mgo_panic_slice_convert, {len, i64c(a->len)});
  });
  return B.CreateExtractValue(s, 0, "array");
}

Value *CodegenContext::genConversion(CallExpr *e) {
  types::Type *to = typeOf(e);
  Expr *arg = e->args[0];
  if (isNilLiteral(arg))
    return Constant::getNullValue(llType(to));
  types::Type *from = typeOf(arg);
  types::Basic *fb = basicOf(from), *tb = basicOf(to);
  // *T, unsafe.Pointer and uintptr: the same word, as a pointer or not.
  if ((fb && fb->isUnsafePointer()) || (tb && tb->isUnsafePointer())) {
    Value *v = genExpr(arg);
    if (v->getType()->isIntegerTy())
      return B.CreateIntToPtr(v, ptrTy, "conv");
    if (tb && tb->isInteger())
      return B.CreatePtrToInt(v, llType(to), "conv");
    return v;
  }
  if (auto *p = dyn_cast<types::Pointer>(to->underlying());
      p && isa<types::Slice>(from->underlying()))
    return genSliceToArrayPointer(genExpr(arg),
                                  cast<types::Array>(p->elem->underlying()));
  if (arg->tv.isConstant() && arg->tv.value && tb &&
      !(tb->isString() && !arg->tv.value->isString()))
    return constValue(*arg->tv.value, to);
  Value *v = genExpr(arg);
  if (tb && tb->isString()) {
    if (fb && fb->isInteger())
      return rt.call(B, Rt::mgo_string_from_rune,
                     {B.CreateIntCast(v, i64, !fb->isUnsigned())}, "str");
    if (auto *sl = dyn_cast<types::Slice>(from->underlying())) {
      auto *eb = basicOf(sl->elem);
      Rt fn = eb && eb->basicKind == types::BasicKind::Int32
                  ? Rt::mgo_string_from_runes
                  : Rt::mgo_string_from_bytes;
      return rt.call(B, fn,
                     {B.CreateExtractValue(v, 0), B.CreateExtractValue(v, 1)},
                     "str");
    }
    return v;
  }
  if (auto *sl = dyn_cast<types::Slice>(to->underlying());
      sl && fb && fb->isString()) {
    auto *eb = basicOf(sl->elem);
    Rt fn = eb && eb->basicKind == types::BasicKind::Int32
                ? Rt::mgo_runes_from_string
                : Rt::mgo_bytes_from_string;
    AllocaInst *out = entryAlloca(sliceTy, "conv.slice");
    rt.call(B, fn,
            {out, B.CreateExtractValue(v, 0), B.CreateExtractValue(v, 1)});
    return B.CreateLoad(sliceTy, out, "slice");
  }
  if (fb && tb && fb->isNumeric() && tb->isNumeric()) {
    if (fb->isInteger() && tb->isInteger())
      return B.CreateIntCast(v, llType(to), !fb->isUnsigned(), "conv");
    return convertValue(v, from, to);
  }
  return convertValue(v, from, to);
}

} // namespace mgo
