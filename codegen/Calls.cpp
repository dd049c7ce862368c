// Calls. Every Go function takes the closure context first: a direct call of
// a top-level function or method passes null, a call through a func value
// passes the closure object it loaded the code pointer from. Several results
// come back as one LLVM struct.
#include "codegen/CodegenContext.h"

using namespace llvm;

namespace mgo {

std::vector<Value *> CodegenContext::genArgs(CallExpr *e, types::Signature *sig,
                                             unsigned skip) {
  std::vector<Value *> out;
  const auto &params = sig->params->vars;
  size_t np = params.size();
  std::vector<Expr *> args(e->args.begin() + skip, e->args.end());
  // f(g()) with g returning several values.
  if (args.size() == 1 && isa_and_nonnull<types::Tuple>(args[0]->tv.type)) {
    auto *tuple = cast<types::Tuple>(args[0]->tv.type);
    std::vector<Value *> vals = genMulti(args[0]);
    if (sig->variadic && !e->hasEllipsis) {
      auto *sl = cast<types::Slice>(params.back()->type->underlying());
      for (size_t i = 0; i + 1 < np; ++i)
        out.push_back(convertValue(vals[i], tuple->at(i), params[i]->type));
      size_t extra = vals.size() - (np - 1);
      Value *backing =
          extra ? heapAlloc(tc.getArray(sl->elem, extra), "varargs") : nullptr;
      for (size_t i = 0; i < extra; ++i)
        store(convertValue(vals[np - 1 + i], tuple->at(np - 1 + i), sl->elem),
              B.CreateConstInBoundsGEP1_64(llType(sl->elem), backing, i),
              sl->elem);
      out.push_back(extra ? makeSliceValue(backing, i64c(extra), i64c(extra))
                          : Constant::getNullValue(sliceTy));
      return out;
    }
    for (size_t i = 0; i < vals.size(); ++i)
      out.push_back(convertValue(vals[i], tuple->at(i), params[i]->type));
    return out;
  }
  size_t fixed = sig->variadic && !e->hasEllipsis ? np - 1 : np;
  types::Type *elemT = nullptr;
  std::vector<types::Type *> targets;
  for (size_t i = 0; i < args.size(); ++i) {
    if (i < fixed) {
      targets.push_back(params[i]->type);
    } else {
      elemT = cast<types::Slice>(params.back()->type->underlying())->elem;
      targets.push_back(elemT);
    }
  }
  std::vector<Value *> vals = genOrderedArgs(args, targets);
  out.assign(vals.begin(), vals.begin() + std::min(fixed, vals.size()));
  if (fixed < np) {
    size_t extra = args.size() - fixed;
    if (extra == 0) {
      out.push_back(Constant::getNullValue(sliceTy));
      return out;
    }
    Value *backing = heapAlloc(tc.getArray(elemT, extra), "varargs");
    for (size_t i = 0; i < extra; ++i)
      store(vals[fixed + i],
            B.CreateConstInBoundsGEP1_64(llType(elemT), backing, i), elemT);
    out.push_back(makeSliceValue(backing, i64c(extra), i64c(extra)));
  }
  return out;
}

bool hasCall(Expr *e) {
  if (!e || (e->tv.isConstant() && e->tv.value))
    return false;
  switch (e->kind()) {
  case Node::CallExprKind: {
    auto *c = cast<CallExpr>(e);
    Expr *fun = unparen(c->fun);
    if (!fun->tv.isType() && fun->tv.mode != TypeAndValue::Builtin)
      return true;
    // gc orders the built-ins that write memory like calls.
    if (auto *id = dyn_cast<Ident>(fun);
        id && fun->tv.mode == TypeAndValue::Builtin &&
        (id->name == "copy" || id->name == "append"))
      return true;
    for (Expr *a : c->args)
      if (hasCall(a))
        return true;
    return false;
  }
  case Node::ParenExprKind:
    return hasCall(cast<ParenExpr>(e)->x);
  case Node::UnaryExprKind:
    return hasCall(cast<UnaryExpr>(e)->x);
  case Node::StarExprKind:
    return hasCall(cast<StarExpr>(e)->x);
  case Node::BinaryExprKind:
    return hasCall(cast<BinaryExpr>(e)->x) || hasCall(cast<BinaryExpr>(e)->y);
  case Node::SelectorExprKind:
    return hasCall(cast<SelectorExpr>(e)->x);
  case Node::IndexExprKind:
    return hasCall(cast<IndexExpr>(e)->x) || hasCall(cast<IndexExpr>(e)->index);
  case Node::SliceExprKind: {
    auto *s = cast<SliceExpr>(e);
    return hasCall(s->x) || hasCall(s->lo) || hasCall(s->hi) || hasCall(s->max);
  }
  case Node::KeyValueExprKind:
    return hasCall(cast<KeyValueExpr>(e)->key) ||
           hasCall(cast<KeyValueExpr>(e)->value);
  case Node::CompositeLitKind:
    for (Expr *x : cast<CompositeLit>(e)->elts)
      if (hasCall(x))
        return true;
    return false;
  default:
    return false;
  }
}

// Arguments in gc's order: those that call functions first, left to right,
// then the plain operands, read just before the call (so `f(x, g())` sees
// what g did to x, as with gc).
std::vector<Value *>
CodegenContext::genOrderedArgs(const std::vector<Expr *> &args,
                               const std::vector<types::Type *> &targets) {
  std::vector<Value *> vals(args.size(), nullptr);
  for (int pass = 0; pass < 2; ++pass)
    for (size_t i = 0; i < args.size(); ++i)
      if (hasCall(args[i]) == (pass == 0))
        vals[i] = genExprAs(args[i], targets[i]);
  return vals;
}

Value *CodegenContext::callFuncValue(Value *closure, types::Signature *sig,
                                     ArrayRef<Value *> args) {
  derefCheck(closure);
  Value *code = B.CreateLoad(ptrTy, closure, "fn");
  std::vector<Value *> all{closure};
  all.insert(all.end(), args.begin(), args.end());
  return B.CreateCall(funcType(sig), code, all);
}

Value *CodegenContext::genMethodCall(CallExpr *e, SelectorExpr *sel) {
  if (types::isInterface(typeOf(sel->x)))
    return genIfaceMethodCall(e, sel);
  auto *method = cast<types::Func>(sel->sel->obj);
  types::Signature *sig = method->signature();
  types::Type *xt = typeOf(sel->x);
  bool xIsPtr = isa<types::Pointer>(xt->underlying());
  Value *recv;
  if (method->hasPointerReceiver())
    recv = xIsPtr ? genExpr(sel->x) : genAddr(sel->x);
  else
    recv = xIsPtr ? load(sig->recv->type, derefCheck(genExpr(sel->x)), "recv")
                  : genExpr(sel->x);
  std::vector<Value *> args{ConstantPointerNull::get(ptrTy), recv};
  for (Value *a : genArgs(e, sig))
    args.push_back(a);
  return B.CreateCall(functionFor(method), args);
}

// A top-level function of this package or of a library package written in
// mini-Go, called by name.
Value *CodegenContext::genDirectCall(CallExpr *e, types::Func *f) {
  std::vector<Value *> args{ConstantPointerNull::get(ptrTy)};
  for (Value *a : genArgs(e, f->signature()))
    args.push_back(a);
  return B.CreateCall(functionFor(f), args);
}

Value *CodegenContext::genCall(CallExpr *e) {
  Expr *fun = unparen(e->fun);
  if (fun->tv.isType())
    return genConversion(e);
  if (fun->tv.mode == TypeAndValue::Builtin) {
    // len, or a built-in of package unsafe (unsafe.Add).
    auto *sel = dyn_cast<SelectorExpr>(fun);
    auto *id = sel ? sel->sel : dyn_cast<Ident>(fun);
    auto *b = id ? dyn_cast_or_null<types::Builtin>(id->obj) : nullptr;
    if (!b)
      throw CodegenError("unresolved built-in call");
    return genBuiltin(e, b->id);
  }
  // gc places a call at its '(': a literal called where it ends, or a method
  // selected on an earlier line, shows that line in a traceback.
  ExprLoc at(*this, e->lparen);
  return genCallOf(e, fun);
}

Value *CodegenContext::genCallOf(CallExpr *e, Expr *fun) {
  if (auto *sel = dyn_cast<SelectorExpr>(fun)) {
    if (sel->selection.kind == Selection::PackageMember) {
      if (auto *f = dyn_cast_or_null<types::Func>(sel->sel->obj);
          f && !f->libraryName.empty())
        return genLibraryCall(e, f);
      if (auto *f = dyn_cast_or_null<types::Func>(sel->sel->obj))
        return genDirectCall(e, f);
    }
    if (sel->selection.kind == Selection::MethodVal)
      return genMethodCall(e, sel);
  }
  if (auto *id = dyn_cast<Ident>(fun))
    if (auto *f = dyn_cast_or_null<types::Func>(id->obj))
      return f->libraryName.empty() ? genDirectCall(e, f)
                                    : genLibraryCall(e, f);
  auto *sig = cast<types::Signature>(typeOf(fun)->underlying());
  Value *closure = genExpr(fun);
  std::vector<Value *> args = genArgs(e, sig);
  return callFuncValue(closure, sig, args);
}

// The values of an expression of tuple type: a call with several results, or
// the comma-ok forms.
std::vector<Value *> CodegenContext::genMulti(Expr *e) {
  e = unparen(e);
  ExprLoc at(*this, exprPos(e));
  if (auto *ix = dyn_cast<IndexExpr>(e)) {
    Value *ok = nullptr;
    Value *v = genMapIndex(ix, &ok);
    return {v, ok};
  }
  if (auto *u = dyn_cast<UnaryExpr>(e); u && u->op == Token::ARROW) {
    Value *ok = nullptr;
    Value *v = genRecv(u, &ok);
    return {v, ok};
  }
  if (auto *ta = dyn_cast<TypeAssertExpr>(e)) {
    Value *ok = nullptr;
    Value *v = genTypeAssert(ta, &ok);
    return {v, ok};
  }
  Value *agg = genExpr(e);
  std::vector<Value *> out;
  auto *st = cast<StructType>(agg->getType());
  for (unsigned i = 0; i < st->getNumElements(); ++i)
    out.push_back(B.CreateExtractValue(agg, {i}));
  return out;
}

// genMulti's values assigned to variables of types targets (null: no
// conversion). A comma-ok form's type is its value's, not a tuple, and its
// flag is a bool: `s, ok = m[k]` with s a Stringer boxes the map's value.
std::vector<Value *>
CodegenContext::genMultiAs(Expr *e, const std::vector<types::Type *> &targets) {
  std::vector<Value *> values = genMulti(e);
  e = unparen(e);
  std::vector<types::Type *> from;
  if (auto *ix = dyn_cast<IndexExpr>(e))
    from = {cast<types::Map>(typeOf(ix->x)->underlying())->elem};
  else if (auto *u = dyn_cast<UnaryExpr>(e); u && u->op == Token::ARROW)
    from = {cast<types::Chan>(typeOf(u->x)->underlying())->elem};
  else if (auto *ta = dyn_cast<TypeAssertExpr>(e))
    from = {typeOf(ta->type)};
  else if (auto *tuple = dyn_cast_or_null<types::Tuple>(e->tv.type))
    for (types::Var *v : tuple->vars)
      from.push_back(v->type);
  if (from.size() == 1)
    from.push_back(tc.basic(types::BasicKind::Bool));
  for (size_t i = 0; i < values.size() && i < targets.size(); ++i)
    if (targets[i] && i < from.size())
      values[i] = convertValue(values[i], from[i], targets[i]);
  return values;
}

} // namespace mgo
