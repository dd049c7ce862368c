// Interfaces (layout in runtime/include/mgo/abi.h, lowering in
// docs/lowering.md): conversions to interfaces with constant itabs, method
// calls through the itab, method sets and their wrappers in type descriptors,
// method values and expressions, type assertions, type switches and ==.
#include "codegen/CodegenContext.h"

#include <algorithm>

using namespace llvm;

namespace mgo {

namespace {

types::Interface *ifaceOf(types::Type *t) {
  return dyn_cast<types::Interface>(t->underlying());
}

bool isEmptyIface(types::Type *t) { return ifaceOf(t)->isEmpty(); }

// The named type whose methods t has, and whether t is a pointer to it.
types::Named *methodOwner(types::Type *t, bool &viaPointer) {
  viaPointer = false;
  if (auto *n = dyn_cast<types::Named>(t))
    return ifaceOf(n) ? nullptr : n;
  if (auto *p = dyn_cast<types::Pointer>(t)) {
    viaPointer = true;
    auto *n = dyn_cast<types::Named>(p->elem);
    return n && !ifaceOf(n) && !isa<types::Pointer>(n->underlying()) ? n
                                                                     : nullptr;
  }
  return nullptr;
}

unsigned methodIndex(types::Interface *it, const std::string &name) {
  for (unsigned i = 0; i < it->methods.size(); ++i)
    if (it->methods[i]->name == name)
      return i;
  throw CodegenError("interface has no method " + name);
}

} // namespace

types::Signature *CodegenContext::methodSig(types::Func *m) {
  types::Signature *s = m->signature();
  return tc.getSignature(s->params, s->results, s->variadic);
}

// Go's method set of t, sorted by name (promoted methods included).
std::vector<types::Selected> CodegenContext::methodSet(types::Type *t) {
  std::vector<types::Selected> out;
  // Library methods lowered at their call sites have no function to point to.
  for (types::Selected &s : types::methodSet(t)) {
    auto *m = cast<types::Func>(s.obj);
    if (!m->signature()->recv || hasCode(m))
      out.push_back(std::move(s));
  }
  return out;
}

// Wrappers are named after the package declaring the type, as mangle names
// methods: strings.Reader and bufio.Reader must not share one.
static std::string pkgPathOf(types::Named *n) {
  return n->obj->pkg ? n->obj->pkg->path : "main";
}

// *p for a value method m of n called through the pointer p, in a wrapper
// fn: Go's "value method called using nil pointer" panic when p is nil.
Value *CodegenContext::loadValueReceiver(IRBuilder<> &wb, Function *fn,
                                         Value *p, types::Named *n,
                                         types::Func *m) {
  BasicBlock *nil = BasicBlock::Create(C, "nil", fn);
  BasicBlock *ok = BasicBlock::Create(C, "ok", fn);
  wb.CreateCondBr(wb.CreateIsNull(p), nil, ok);
  wb.SetInsertPoint(nil);
  rt.call(wb, Rt::mgo_panic_value_method,
          {typeDesc(n), stringBytes(m->name), i64c(m->name.size())});
  wb.SetInsertPoint(ok);
  return wb.CreateLoad(llType(n), p, "recv");
}

// The itab entry for method m of t: takes the interface's data pointer (a
// box holding a T, or a *T) in the closure-context slot, then m's parameters.
Function *CodegenContext::ifaceMethodWrapper(types::Type *t, types::Func *m) {
  bool viaPointer;
  types::Named *n = methodOwner(t, viaPointer);
  std::string owner = viaPointer ? "(*" + symbolName(n) + ")" : symbolName(n);
  std::string name = pkgPathOf(n) + "." + owner + "." + m->name + "$iface";
  if (Function *f = M->getFunction(name))
    return f;
  types::Signature *sig = methodSig(m);
  Function *fn =
      Function::Create(funcType(sig), GlobalValue::InternalLinkage, name, *M);
  shareAcrossPackages(fn, name);
  IRBuilder<> wb(BasicBlock::Create(C, "entry", fn));
  Argument *data = fn->getArg(0);
  data->setName("data");
  Value *recv;
  if (!viaPointer) {
    recv = wb.CreateLoad(llType(n), data, "recv");
  } else {
    Value *p = wb.CreateLoad(ptrTy, data, "ptr");
    recv = p;
    if (!m->hasPointerReceiver())
      recv = loadValueReceiver(wb, fn, p, n, m);
  }
  std::vector<Value *> args{ConstantPointerNull::get(ptrTy), recv};
  for (unsigned i = 1; i < fn->arg_size(); ++i)
    args.push_back(fn->getArg(i));
  Value *r = wb.CreateCall(functionFor(m), args);
  if (fn->getReturnType()->isVoidTy())
    wb.CreateRetVoid();
  else
    wb.CreateRet(r);
  return fn;
}

// The itab entry for a method of t's method set: ifaceMethodWrapper(t, m)
// for t's own, else one that passes the receiver to promotedMethod.
Function *CodegenContext::ifaceMethodWrapper(types::Type *t,
                                             const types::Selected &entry) {
  auto *m = cast<types::Func>(entry.obj);
  if (entry.path.empty())
    return ifaceMethodWrapper(t, m);
  Function *&fn = promotedIfaceWrappers[{t, m}];
  if (fn)
    return fn;
  types::Signature *sig = methodSig(m);
  std::string name = typeSymbol(t) + "." + m->name + "$iface";
  fn = Function::Create(funcType(sig), GlobalValue::InternalLinkage, name, *M);
  shareAcrossPackages(fn, name);
  IRBuilder<> wb(BasicBlock::Create(C, "entry", fn));
  Argument *data = fn->getArg(0);
  data->setName("data");
  Value *recv = wb.CreateLoad(llType(t), data, "recv");
  forwardCall(wb, fn, promotedMethod(t, entry.path, m),
              {ConstantPointerNull::get(ptrTy), recv}, 1);
  return fn;
}

// recvT's method m, found through the embedded fields path: a function
// (ctx, recvT, m's parameters) that selects the embedded value as s.T.M
// would (dereferencing an embedded pointer only to reach a field or a value
// receiver, so a nil one panics as Go's) and calls m, through the itab when
// the embedded field is an interface. It is what S.M and (*S).M denote and
// what S's itab entries call.
Function *CodegenContext::promotedMethod(types::Type *recvT,
                                         const std::vector<int> &path,
                                         types::Func *m) {
  Function *&fn = promotedMethods[{recvT, m}];
  if (fn)
    return fn;
  types::Signature *sig = methodSig(m);
  std::vector<llvm::Type *> params{ptrTy, llType(recvT)};
  for (types::Var *p : sig->params->vars)
    params.push_back(llType(p->type));
  FunctionType *ft = FunctionType::get(resultType(sig), params, false);
  std::string name = typeSymbol(recvT) + "." + m->name;
  fn = Function::Create(ft, GlobalValue::InternalLinkage, name, *M);
  shareAcrossPackages(fn, name);
  IRBuilder<> wb(BasicBlock::Create(C, "entry", fn));
  Value *recv = fn->getArg(1);
  recv->setName("recv");
  // ptr points to a value of type cur; unchecked while it may be nil.
  Value *ptr;
  types::Type *cur = recvT;
  bool unchecked = false;
  if (auto *p = dyn_cast<types::Pointer>(recvT->underlying())) {
    ptr = recv;
    cur = p->elem;
    unchecked = true;
  } else {
    ptr = wb.CreateAlloca(llType(recvT), nullptr, "recv.addr");
    wb.CreateStore(recv, ptr);
  }
  auto checked = [&] {
    if (unchecked)
      ptr = derefCheck(wb, ptr);
    unchecked = false;
    return ptr;
  };
  for (int index : path) {
    types::Var *field = cast<types::Struct>(cur->underlying())->fields[index];
    ptr = wb.CreateStructGEP(llType(cur), checked(), index,
                             field->name + ".addr");
    cur = field->type;
    if (auto *p = dyn_cast<types::Pointer>(cur)) {
      ptr = wb.CreateLoad(ptrTy, ptr, field->name);
      cur = p->elem;
      unchecked = true;
    }
  }
  if (!m->signature()->recv) {
    Value *iv = wb.CreateLoad(ifaceTy, checked(), "iface");
    forwardItabCall(wb, fn, iv, cur, m, sig);
    return fn;
  }
  Value *target = m->hasPointerReceiver()
                      ? ptr
                      : wb.CreateLoad(llType(cur), checked(), "recv.val");
  forwardCall(wb, fn, functionFor(m), {ConstantPointerNull::get(ptrTy), target},
              2);
  return fn;
}

// The MgoMethod array of t's descriptor (interfaces list theirs without
// code); sets count.
Constant *CodegenContext::methodTable(types::Type *t, int64_t &count) {
  std::vector<Constant *> entries;
  if (types::Interface *it = ifaceOf(t)) {
    for (types::Func *m : it->methods)
      entries.push_back(ConstantStruct::get(
          methodTy, {stringConst(m->name), typeDesc(methodSig(m)),
                     ConstantPointerNull::get(ptrTy)}));
  } else {
    for (const types::Selected &s : methodSet(t)) {
      auto *m = cast<types::Func>(s.obj);
      entries.push_back(ConstantStruct::get(
          methodTy, {stringConst(m->name), typeDesc(methodSig(m)),
                     ifaceMethodWrapper(t, s)}));
    }
  }
  count = entries.size();
  if (entries.empty())
    return ConstantPointerNull::get(ptrTy);
  auto *arrTy = ArrayType::get(methodTy, entries.size());
  std::string name = "methods:" + typeSymbol(t);
  auto *g = new GlobalVariable(*M, arrTy, true, GlobalValue::InternalLinkage,
                               ConstantArray::get(arrTy, entries), name);
  shareAcrossPackages(g, name);
  return g;
}

// The constant itab of (iface, t): {type, inter, fun...} (MgoItab).
Constant *CodegenContext::itab(types::Type *iface, types::Type *t) {
  Constant *&g = itabs[{iface, t}];
  if (g)
    return g;
  std::vector<types::Selected> set = methodSet(t);
  std::vector<Constant *> fns;
  for (types::Func *want : ifaceOf(iface)->methods) {
    auto it =
        std::find_if(set.begin(), set.end(), [&](const types::Selected &s) {
          return s.obj->name == want->name;
        });
    if (it == set.end())
      throw CodegenError(t->toString() + " lacks method " + want->name);
    fns.push_back(ifaceMethodWrapper(t, *it));
  }
  auto *funTy = ArrayType::get(ptrTy, fns.size());
  Constant *init = ConstantStruct::getAnon(
      {typeDesc(t), typeDesc(iface), ConstantArray::get(funTy, fns)});
  std::string name = "itab:" + typeSymbol(t) + "," + typeSymbol(iface);
  auto *gv = new GlobalVariable(*M, init->getType(), true,
                                GlobalValue::InternalLinkage, init, name);
  shareAcrossPackages(gv, name);
  g = gv;
  return g;
}

// The dynamic type of an interface value of static type t (null when nil).
Value *CodegenContext::dynamicType(Value *iv, types::Type *t) {
  Value *w0 = B.CreateExtractValue(iv, 0, isEmptyIface(t) ? "type" : "itab");
  if (isEmptyIface(t))
    return w0;
  return loadUnlessNull(w0, 0, "type");
}

Value *CodegenContext::makeIface(Value *word0, Value *data) {
  Value *r = B.CreateInsertValue(UndefValue::get(ifaceTy), word0, {0});
  return B.CreateInsertValue(r, data, {1});
}

// v of type from as the interface type to: a concrete value is boxed next to
// its type or constant itab; an interface value keeps its box.
Value *CodegenContext::toInterface(Value *v, types::Type *from,
                                   types::Type *to) {
  if (!types::isInterface(from)) {
    Value *cell = heapAlloc(from, "boxed");
    store(v, cell, from);
    return makeIface(isEmptyIface(to) ? typeDesc(from) : itab(to, from), cell);
  }
  // Assignability makes to's methods a subset of from's: equal counts mean
  // the same method set, so the same itab.
  if (ifaceOf(from)->methods.size() == ifaceOf(to)->methods.size())
    return v;
  Value *data = B.CreateExtractValue(v, 1, "data");
  Value *t = dynamicType(v, from);
  if (isEmptyIface(to))
    return makeIface(t, data);
  Value *tab = rt.call(B, Rt::mgo_itab_find, {typeDesc(to), t}, "itab");
  return makeIface(tab, data);
}

// x.M(args) on an interface: load the function from the itab and call it
// with the data pointer in the context slot.
Value *CodegenContext::genIfaceMethodCall(CallExpr *e, SelectorExpr *sel) {
  types::Type *xt = typeOf(sel->x);
  auto *m = cast<types::Func>(sel->sel->obj);
  unsigned idx = methodIndex(ifaceOf(xt), m->name);
  types::Signature *sig = methodSig(m);
  Value *iv = genExpr(sel->x);
  std::vector<Value *> args{B.CreateExtractValue(iv, 1, "data")};
  for (Value *a : genArgs(e, sig))
    args.push_back(a);
  Value *tab = derefCheck(B.CreateExtractValue(iv, 0, "itab"));
  Value *slot =
      B.CreateConstInBoundsGEP1_64(ptrTy, tab, 2 + idx, m->name + ".slot");
  Value *fn = B.CreateLoad(ptrTy, slot, m->name + ".fn");
  return B.CreateCall(funcType(sig), fn, args);
}

// The func value of an interface method: { thunk, fn, data }, the method
// looked up now (a nil interface panics here, as in Go). The thunk is
// transparent to recover: armed, it arms the itab wrapper it calls.
Value *CodegenContext::genIfaceMethodValue(SelectorExpr *e) {
  types::Type *xt = typeOf(e->x);
  auto *m = cast<types::Func>(e->sel->obj);
  unsigned idx = methodIndex(ifaceOf(xt), m->name);
  types::Signature *sig = methodSig(m);
  Value *iv = genExpr(e->x);
  Value *tab = derefCheck(B.CreateExtractValue(iv, 0, "itab"));
  Value *fn =
      B.CreateLoad(ptrTy, B.CreateConstInBoundsGEP1_64(ptrTy, tab, 2 + idx),
                   m->name + ".fn");
  auto *objTy = StructType::get(C, {ptrTy, ptrTy, ptrTy});
  std::string name = typeSymbol(xt) + "." + m->name + "-fm";
  Function *thunk = M->getFunction(name);
  if (!thunk) {
    thunk =
        Function::Create(funcType(sig), GlobalValue::InternalLinkage, name, *M);
    IRBuilder<> tb(BasicBlock::Create(C, "entry", thunk));
    autogeneratedScope(tb, thunk);
    Argument *env = thunk->getArg(0);
    env->setName("env");
    Value *code =
        tb.CreateLoad(ptrTy, tb.CreateStructGEP(objTy, env, 1), "method");
    Value *data =
        tb.CreateLoad(ptrTy, tb.CreateStructGEP(objTy, env, 2), "data");
    forwardCall(tb, thunk, {funcType(sig), code}, {data}, 1);
  }
  Value *obj = rt.call(B, Rt::mgo_alloc, {i64c(24)}, "method.value");
  B.CreateStore(thunk, obj);
  B.CreateStore(fn, B.CreateStructGEP(objTy, obj, 1));
  B.CreateStore(B.CreateExtractValue(iv, 1, "data"),
                B.CreateStructGEP(objTy, obj, 2));
  return obj;
}

// Ends fn with a call of m through the itab of iv, an interface value of
// type it (a nil one panics, as in Go), passing fn's parameters from the
// third on after iv's data word.
void CodegenContext::forwardItabCall(IRBuilder<> &wb, Function *fn, Value *iv,
                                     types::Type *it, types::Func *m,
                                     types::Signature *sig) {
  Value *tab = derefCheck(wb, wb.CreateExtractValue(iv, 0, "itab"));
  unsigned idx = methodIndex(ifaceOf(it), m->name);
  Value *code = wb.CreateLoad(
      ptrTy, wb.CreateConstInBoundsGEP1_64(ptrTy, tab, 2 + idx), "method");
  forwardCall(wb, fn, {funcType(sig), code},
              {wb.CreateExtractValue(iv, 1, "data")}, 2);
}

// I.M: a function (ctx, I, parameters) that calls M through the itab of
// its interface argument (a nil one panics, as in Go), transparent to
// recover as the method value's thunk.
Function *CodegenContext::ifaceMethodExpr(types::Type *it, types::Func *m) {
  std::string name = typeSymbol(it) + "." + m->name + "-expr";
  if (Function *fn = M->getFunction(name))
    return fn;
  types::Signature *sig = methodSig(m);
  std::vector<llvm::Type *> params{ptrTy, ifaceTy};
  for (types::Var *p : sig->params->vars)
    params.push_back(llType(p->type));
  FunctionType *ft = FunctionType::get(resultType(sig), params, false);
  Function *fn = Function::Create(ft, GlobalValue::InternalLinkage, name, *M);
  IRBuilder<> wb(BasicBlock::Create(C, "entry", fn));
  forwardItabCall(wb, fn, fn->getArg(1), it, m, sig);
  return fn;
}

// T.M and (*T).M: the method itself when the receiver types agree (its
// LLVM signature already is ctx, receiver, parameters), otherwise a wrapper
// that dereferences the *T.
Value *CodegenContext::genMethodExpr(SelectorExpr *e) {
  auto *m = cast<types::Func>(e->sel->obj);
  types::Type *recvT = concrete(e->x->tv.type);
  if (types::isInterface(recvT))
    return staticClosure(ifaceMethodExpr(recvT, m));
  if (!e->selection.path.empty())
    return staticClosure(promotedMethod(recvT, e->selection.path, m));
  Function *target = functionFor(m);
  if (m->hasPointerReceiver() || !isa<types::Pointer>(recvT))
    return staticClosure(target);
  auto *n = cast<types::Named>(cast<types::Pointer>(recvT)->elem);
  std::string name = pkgPathOf(n) + ".(*" + symbolName(n) + ")." + m->name;
  Function *fn = M->getFunction(name);
  if (!fn) {
    auto *sig = cast<types::Signature>(typeOf(e)->underlying());
    fn =
        Function::Create(funcType(sig), GlobalValue::InternalLinkage, name, *M);
    IRBuilder<> wb(BasicBlock::Create(C, "entry", fn));
    Argument *p = fn->getArg(1);
    p->setName("recv.ptr");
    forwardCall(wb, fn, target,
                {fn->getArg(0), loadValueReceiver(wb, fn, p, n, m)}, 2);
  }
  return staticClosure(fn);
}

// iv (an interface value of type src) as dst, which it is known to hold:
// the value for a concrete dst, the interface value for an interface dst.
Value *CodegenContext::unboxAs(Value *iv, types::Type *src, Value *dynType,
                               types::Type *dst) {
  Value *data = B.CreateExtractValue(iv, 1, "data");
  if (!types::isInterface(dst))
    return load(dst, data, "unboxed");
  if (isEmptyIface(dst))
    return makeIface(dynType, data);
  if (ifaceOf(src) == ifaceOf(dst))
    return iv;
  return makeIface(
      rt.call(B, Rt::mgo_itab_find, {typeDesc(dst), dynType}, "itab"), data);
}

// Whether the dynamic type t is dst (concrete) or implements dst.
Value *CodegenContext::typeMatches(Value *t, types::Type *dst) {
  if (!types::isInterface(dst))
    return B.CreateICmpEQ(t, typeDesc(dst), "is");
  if (isEmptyIface(dst))
    return B.CreateIsNotNull(t, "is");
  Value *tab = rt.call(B, Rt::mgo_itab_find, {typeDesc(dst), t}, "itab");
  return B.CreateIsNotNull(tab, "is");
}

// x.(T), and v, ok := x.(T) when okOut is given (then a failed assertion
// gives T's zero value).
Value *CodegenContext::genTypeAssert(TypeAssertExpr *e, Value **okOut) {
  types::Type *src = typeOf(e->x);
  types::Type *dst = concrete(e->type->tv.type);
  Value *iv = genExpr(e->x);
  Value *t = dynamicType(iv, src);
  if (!okOut) {
    if (types::isInterface(dst) && !isEmptyIface(dst)) {
      Value *tab = rt.call(B, Rt::mgo_itab_assert, {typeDesc(dst), t}, "itab");
      return makeIface(tab, B.CreateExtractValue(iv, 1, "data"));
    }
    condPanic(B, B.CreateNot(typeMatches(t, dst)), "assert", [&] {
      Constant *from = types::isInterface(dst) ? ConstantPointerNull::get(ptrTy)
                                               : typeDesc(src);
      rt.call(B, Rt::mgo_panic_assert, {t, typeDesc(dst), from});
    });
    return unboxAs(iv, src, t, dst);
  }
  Value *ok = typeMatches(t, dst);
  BasicBlock *from = B.GetInsertBlock();
  BasicBlock *hit = newBlock("assert.ok");
  BasicBlock *done = newBlock("assert.done");
  B.CreateCondBr(ok, hit, done);
  B.SetInsertPoint(hit);
  Value *v = unboxAs(iv, src, t, dst);
  BasicBlock *hitEnd = B.GetInsertBlock();
  B.CreateBr(done);
  B.SetInsertPoint(done);
  PHINode *phi = B.CreatePHI(llType(dst), 2, "asserted");
  phi->addIncoming(v, hitEnd);
  phi->addIncoming(Constant::getNullValue(llType(dst)), from);
  *okOut = ok;
  return phi;
}

void CodegenContext::genTypeSwitch(TypeSwitchStmt *s, Stmt *label) {
  if (s->init)
    genStmt(s->init);
  Expr *guard = isa<AssignStmt>(s->assign) ? cast<AssignStmt>(s->assign)->rhs[0]
                                           : cast<ExprStmt>(s->assign)->x;
  while (auto *p = dyn_cast<ParenExpr>(guard))
    guard = p->x;
  Expr *x = cast<TypeAssertExpr>(guard)->x;
  types::Type *src = typeOf(x);
  Value *iv = genExpr(x);
  Value *t = dynamicType(iv, src);
  BasicBlock *endBB = newBlock("typeswitch.end");
  BranchTargets bt{endBB, nullptr};
  fs->targets[s] = bt;
  if (label)
    fs->targets[label] = bt;
  std::vector<BasicBlock *> bodies;
  BasicBlock *defaultBB = nullptr;
  for (CaseClause *c : s->clauses) {
    bodies.push_back(
        newBlock(c->isDefault ? "typeswitch.default" : "typeswitch.case"));
    if (c->isDefault)
      defaultBB = bodies.back();
  }
  for (size_t i = 0; i < s->clauses.size(); ++i) {
    for (Expr *e : s->clauses[i]->list) {
      Value *match = isNilLiteral(e) ? B.CreateIsNull(t, "isnil")
                                     : typeMatches(t, concrete(e->tv.type));
      BasicBlock *next = newBlock("typeswitch.next");
      B.CreateCondBr(match, bodies[i], next);
      B.SetInsertPoint(next);
    }
  }
  B.CreateBr(defaultBB ? defaultBB : endBB);
  fs->breakables.push_back(s);
  for (size_t i = 0; i < s->clauses.size(); ++i) {
    CaseClause *c = s->clauses[i];
    continueAt(bodies[i]);
    if (types::Var *v = c->implicitVar) {
      bool single = c->list.size() == 1 && !isNilLiteral(c->list[0]);
      declareLocal(v, single ? unboxAs(iv, src, t, concrete(v->type)) : iv);
    }
    genStmts(c->body);
    if (!terminated())
      B.CreateBr(endBB);
  }
  fs->breakables.pop_back();
  continueAt(endBB);
}

// == on interface values of type t: same dynamic type, then the values by
// the runtime (which panics on uncomparable dynamic types).
Value *CodegenContext::genIfaceEqual(Value *x, Value *y, types::Type *t) {
  Value *tx = dynamicType(x, t);
  Value *ty = dynamicType(y, t);
  return rt.call(
      B, Rt::mgo_iface_equal,
      {tx, B.CreateExtractValue(x, 1), ty, B.CreateExtractValue(y, 1)},
      "ifaceeq");
}

} // namespace mgo
