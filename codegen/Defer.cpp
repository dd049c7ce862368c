// defer, panic and recover (docs/lowering.md, "Defer").
//
// A function with defer statements gets a frame: a `panicking` flag, the
// result slots, and per defer statement (a site) the values the statement
// evaluated. Returns store the results and branch to defer.return, which
// makes the deferred calls, newest first, and returns the slots. Open-coded
// (no defer in a loop): a bit per site says whether it ran, and each site's
// values live in an alloca. Otherwise every execution pushes a heap record
// on a list.
//
// Panics are Itanium exceptions (runtime/unwind.cpp). In such a function
// every call that may unwind becomes an invoke whose landing pad catches
// everything, marks the frame panicking and enters defer.return too: the
// deferred calls run, then the function returns normally if one of them
// recovered, or raises again. A deferred call that panics lands on the same
// pad and the remaining sites run. Functions without defer statements have
// no landing pad and pay nothing.
#include "codegen/CodegenContext.h"

#include <llvm/IR/IntrinsicInst.h>
#include <llvm/Transforms/Utils/Local.h>

#include <algorithm>

using namespace llvm;

namespace mgo {

namespace {

// Counts the defer statements of a body (nested function literals aside)
// and notes whether one is in a loop, or follows a label a goto jumps to
// (which a backward goto makes a loop; afterLabel says one came before).
void scanDefers(Stmt *s, bool inLoop, int &count, bool &looped,
                bool &afterLabel) {
  if (!s)
    return;
  auto all = [&](const std::vector<Stmt *> &list, bool loop) {
    for (Stmt *x : list)
      scanDefers(x, loop, count, looped, afterLabel);
  };
  switch (s->kind()) {
  case Node::DeferStmtKind:
    ++count;
    looped |= inLoop || afterLabel;
    return;
  case Node::BlockStmtKind:
    return all(cast<BlockStmt>(s)->list, inLoop);
  case Node::LabeledStmtKind:
    afterLabel |= cast<LabeledStmt>(s)->gotoTarget;
    return scanDefers(cast<LabeledStmt>(s)->stmt, inLoop, count, looped,
                      afterLabel);
  case Node::IfStmtKind: {
    auto *i = cast<IfStmt>(s);
    scanDefers(i->then, inLoop, count, looped, afterLabel);
    return scanDefers(i->els, inLoop, count, looped, afterLabel);
  }
  case Node::CaseClauseKind:
    return all(cast<CaseClause>(s)->body, inLoop);
  case Node::SwitchStmtKind:
    for (CaseClause *c : cast<SwitchStmt>(s)->clauses)
      scanDefers(c, inLoop, count, looped, afterLabel);
    return;
  case Node::TypeSwitchStmtKind:
    for (CaseClause *c : cast<TypeSwitchStmt>(s)->clauses)
      scanDefers(c, inLoop, count, looped, afterLabel);
    return;
  case Node::CommClauseKind:
    return all(cast<CommClause>(s)->body, inLoop);
  case Node::SelectStmtKind:
    for (CommClause *c : cast<SelectStmt>(s)->clauses)
      scanDefers(c, inLoop, count, looped, afterLabel);
    return;
  case Node::ForStmtKind:
    return scanDefers(cast<ForStmt>(s)->body, true, count, looped, afterLabel);
  case Node::RangeStmtKind:
    return scanDefers(cast<RangeStmt>(s)->body, true, count, looped,
                      afterLabel);
  default:
    return;
  }
}

bool isBuiltin(Expr *fun, types::BuiltinId id) {
  auto *ident = dyn_cast<Ident>(fun);
  auto *b = ident ? dyn_cast_or_null<types::Builtin>(ident->obj) : nullptr;
  return b && b->id == id;
}

// The slot of method name in the itabs of interface type t.
unsigned itabIndex(types::Type *t, const std::string &name) {
  auto &methods = cast<types::Interface>(t->underlying())->methods;
  auto it = std::find_if(methods.begin(), methods.end(),
                         [&](types::Func *m) { return m->name == name; });
  return unsigned(it - methods.begin());
}

// Go keeps at most 8 open-coded defers per function; a bit each in an i64
// is our only limit.
constexpr int kMaxOpenCoded = 64;

} // namespace

void CodegenContext::beginDefers(BlockStmt *body) {
  int count = 0;
  bool looped = false, afterLabel = false;
  if (body)
    for (Stmt *s : body->list)
      scanDefers(s, false, count, looped, afterLabel);
  if (count == 0)
    return;
  auto d = std::make_shared<DeferFrame>();
  d->list = looped || count > kMaxOpenCoded;
  // The prologue's calls (cells of escaping parameters and results) do not
  // panic, and defer.return uses their results: they stay calls.
  for (Instruction &inst : *B.GetInsertBlock())
    if (isa<CallInst>(inst))
      d->noInvoke.push_back(&inst);
  d->panicking = entryAlloca(i1, "defer.panicking");
  B.CreateStore(i1c(false), d->panicking);
  if (d->list) {
    d->head = entryAlloca(ptrTy, "defer.head");
    B.CreateStore(ConstantPointerNull::get(ptrTy), d->head);
  } else {
    d->bits = entryAlloca(i64, "defer.bits");
    B.CreateStore(i64c(0), d->bits);
  }
  if (fs->results.empty())
    for (types::Var *r : fs->sig->results->vars) {
      Value *slot = entryAlloca(llType(r->type), "result");
      zeroFill(slot, r->type);
      d->resultSlots.push_back(slot);
    }
  d->exitBB = BasicBlock::Create(C, "defer.return");
  fs->defer = d;
  FunctionCallee personality = M->getOrInsertFunction(
      "__gxx_personality_v0", FunctionType::get(i32, {}, true));
  fs->fn->setPersonalityFn(cast<Constant>(personality.getCallee()));
}

// An identifier naming a new variable of type t, for a rewritten call.
Ident *CodegenContext::synthVarIdent(const std::string &name, types::Type *t) {
  auto *var = new types::Var(name, t, {});
  synthVars.emplace_back(var);
  auto *id = new Ident({}, var->name);
  synthNodes.emplace_back(id);
  id->obj = var;
  id->tv.mode = TypeAndValue::Variable;
  id->tv.type = t;
  return id;
}

// A variable of the site's environment holding v, and an identifier naming
// it for the rewritten call.
Ident *CodegenContext::deferVar(DeferSite &site, Value *v, types::Type *t) {
  Ident *id = synthVarIdent("defer.arg", t);
  site.vars.push_back(cast<types::Var>(id->obj));
  // The value is kept until the environment exists.
  site.pending.push_back(v);
  return id;
}

// The arguments of a go or defer call, evaluated at the statement as gc's
// wrapper evaluates them: each value is bound to a variable (bind names it);
// constants, nil and types stay as written.
std::vector<Expr *> CodegenContext::evaluateCallArgs(
    CallExpr *call,
    const std::function<Ident *(Value *, types::Type *)> &bind) {
  std::vector<Expr *> args;
  if (call->args.size() == 1 &&
      isa_and_nonnull<types::Tuple>(call->args[0]->tv.type)) {
    auto *tuple = cast<types::Tuple>(call->args[0]->tv.type);
    std::vector<Value *> vals = genMulti(call->args[0]);
    for (size_t i = 0; i < vals.size(); ++i)
      args.push_back(bind(vals[i], tuple->at(i)));
    return args;
  }
  std::vector<Expr *> evaluated;
  std::vector<types::Type *> targets;
  for (Expr *a : call->args)
    if (!(a->tv.isConstant() && a->tv.value) && !isNilLiteral(a) &&
        !a->tv.isType()) {
      evaluated.push_back(a);
      targets.push_back(concrete(typeOf(a)));
    }
  std::vector<Value *> vals = genOrderedArgs(evaluated, targets);
  size_t k = 0;
  for (Expr *a : call->args) {
    if (k < evaluated.size() && evaluated[k] == a) {
      args.push_back(bind(vals[k], targets[k]));
      ++k;
    } else {
      args.push_back(a);
    }
  }
  return args;
}

// call with callee and args in place of its own, for the code that makes
// the call later.
CallExpr *CodegenContext::rewrittenCall(CallExpr *call, Expr *callee,
                                        const std::vector<Expr *> &args) {
  auto *copy = new CallExpr(call->loc, callee);
  synthNodes.emplace_back(copy);
  copy->args = args;
  copy->hasEllipsis = call->hasEllipsis;
  copy->lparen = call->lparen;
  copy->rparen = call->rparen;
  copy->tv = call->tv;
  return copy;
}

void CodegenContext::genDefer(DeferStmt *s) {
  DeferFrame &d = *fs->defer;
  CallExpr *call = s->call;
  // gc's wrapper of the call, if any, takes the next literal's number.
  if (gcWrapsCall(call))
    ++fs->wrapperCount;
  d.sites.emplace_back();
  DeferSite &site = d.sites.back();
  size_t index = d.sites.size() - 1;
  Expr *fun = unparen(call->fun);
  Expr *callee = fun;
  if (fun->tv.mode == TypeAndValue::Builtin) {
    if (isBuiltin(fun, types::BuiltinId::Recover)) {
      site.recover = true;
      fun = nullptr;
    }
  } else if (auto *sel = dyn_cast<SelectorExpr>(fun);
             sel && sel->selection.kind == Selection::MethodVal) {
    auto *method = cast<types::Func>(sel->sel->obj);
    types::Type *xt = typeOf(sel->x);
    bool xIsPtr = isa<types::Pointer>(xt->underlying());
    Value *recv;
    types::Type *rt = xt;
    bool iface = types::isInterface(xt);
    if (iface) {
      // Go evaluates x.M at the defer statement: a nil x panics there.
      recv = genExpr(sel->x);
      derefCheck(B.CreateExtractValue(recv, 0, "itab"));
    } else if (method->hasPointerReceiver() && !xIsPtr) {
      recv = genAddr(sel->x);
      rt = tc.getPointer(xt);
    } else if (!method->hasPointerReceiver() && xIsPtr) {
      rt = cast<types::Pointer>(xt->underlying())->elem;
      recv = load(rt, derefCheck(genExpr(sel->x)), "recv");
    } else {
      recv = genExpr(sel->x);
    }
    auto *nsel = new SelectorExpr(sel->loc, deferVar(site, recv, rt), sel->sel);
    if (iface) {
      site.ifaceRecv = site.vars.back();
      site.ifaceMethod = itabIndex(xt, method->name);
    }
    synthNodes.emplace_back(nsel);
    nsel->selection = sel->selection;
    nsel->selection.implicitAddr = false;
    nsel->selection.implicitDeref = false;
    nsel->tv = sel->tv;
    callee = nsel;
    if (hasCode(method))
      site.code = functionFor(method);
  } else if (auto *sel = dyn_cast<SelectorExpr>(fun);
             sel && sel->selection.kind == Selection::PackageMember) {
    // A library function: nothing to evaluate, nothing that recovers.
  } else if (auto *id = dyn_cast<Ident>(fun);
             id && isa_and_nonnull<types::Func>(id->obj)) {
    site.code = functionFor(cast<types::Func>(id->obj));
  } else {
    types::Type *ft = typeOf(fun);
    callee = deferVar(site, genExpr(fun), ft);
    site.closure = site.vars.back();
  }

  std::vector<Expr *> args = evaluateCallArgs(
      call, [&](Value *v, types::Type *t) { return deferVar(site, v, t); });
  if (fun) {
    site.call = rewrittenCall(call, callee, args);
    // No '(': the deferred call is made where the function returns, as gc
    // places it (runtime.Caller in it names the return's line).
    site.call->lparen = SrcLoc();
  }

  std::vector<Type *> fields;
  for (Value *v : site.pending)
    fields.push_back(v->getType());
  site.envTy = StructType::get(C, fields);
  Value *env;
  if (d.list) {
    auto *recTy = StructType::get(C, {ptrTy, i64, site.envTy});
    uint64_t size = M->getDataLayout().getTypeAllocSize(recTy);
    Value *rec = rt.call(B, Rt::mgo_alloc, {i64c(size)}, "defer.record");
    B.CreateStore(B.CreateLoad(ptrTy, d.head), rec);
    B.CreateStore(i64c(index), B.CreateStructGEP(recTy, rec, 1));
    B.CreateStore(rec, d.head);
    env = B.CreateStructGEP(recTy, rec, 2, "defer.env");
  } else {
    site.env = entryAlloca(site.envTy, "defer.env" + Twine(index));
    env = site.env;
  }
  for (size_t i = 0; i < site.pending.size(); ++i)
    storeValue(site.pending[i], B.CreateStructGEP(site.envTy, env, i));
  site.pending.clear();
  if (!d.list) {
    Value *bits = B.CreateLoad(i64, d.bits);
    B.CreateStore(B.CreateOr(bits, i64c(int64_t(1) << index)), d.bits);
  }
}

void CodegenContext::returnThroughDefers(const std::vector<Value *> &values) {
  DeferFrame &d = *fs->defer;
  for (size_t i = 0; i < values.size(); ++i) {
    Value *slot =
        fs->results.empty() ? d.resultSlots[i] : varAddr(fs->results[i]);
    storeValue(values[i], slot);
  }
  B.CreateBr(d.exitBB);
}

// The itab wrapper a deferred interface method call will call: armed, the
// method accepts it (mgo_recover_enter_method). Null for a nil interface,
// whose call panics.
Value *CodegenContext::itabMethod(DeferSite &site) {
  Value *iv = load(site.ifaceRecv->type, varAddr(site.ifaceRecv), "defer.recv");
  Value *tab = B.CreateExtractValue(iv, 0, "itab");
  return loadUnlessNull(tab, 2 + site.ifaceMethod, "defer.code");
}

// One deferred call. While the frame panics, the callee is named to the
// runtime first (only it may recover), and its return may end the panic.
void CodegenContext::runDeferSite(DeferSite &site, Value *env) {
  DeferFrame &d = *fs->defer;
  for (size_t i = 0; i < site.vars.size(); ++i)
    vars[site.vars[i]] =
        VarSlot{B.CreateStructGEP(site.envTy, env, i, "defer.arg.addr"), false};
  if (site.recover)
    genRecover();
  if (!site.call)
    return;
  BasicBlock *arm = newBlock("defer.arm");
  BasicBlock *call = newBlock("defer.call");
  B.CreateCondBr(B.CreateLoad(i1, d.panicking), arm, call);
  B.SetInsertPoint(arm);
  Value *code = site.code ? site.code : ConstantPointerNull::get(ptrTy);
  if (site.ifaceRecv)
    code = itabMethod(site);
  Value *closure =
      site.closure ? load(site.closure->type, varAddr(site.closure), "defer.fn")
                   : ConstantPointerNull::get(ptrTy);
  d.noInvoke.push_back(rt.call(B, Rt::mgo_recover_arm, {code, closure}));
  B.CreateBr(call);
  B.SetInsertPoint(call);
  genExpr(site.call);
  ensureBlock();
  BasicBlock *returned = newBlock("defer.returned");
  BasicBlock *next = newBlock("defer.next");
  B.CreateCondBr(B.CreateLoad(i1, d.panicking), returned, next);
  B.SetInsertPoint(returned);
  CallInst *still = rt.call(B, Rt::mgo_defer_returned, {d.panicking}, "still");
  d.noInvoke.push_back(still);
  B.CreateStore(still, d.panicking);
  B.CreateBr(next);
  B.SetInsertPoint(next);
}

// Newest site first; each bit is cleared before its call so that a panic in
// the call, entering defer.return again, does not repeat it.
void CodegenContext::runOpenDefers() {
  DeferFrame &d = *fs->defer;
  for (size_t i = d.sites.size(); i-- > 0;) {
    BasicBlock *run = newBlock("defer.site" + Twine(i));
    BasicBlock *skip = newBlock("defer.skip" + Twine(i));
    Value *bits = B.CreateLoad(i64, d.bits);
    Value *mask = i64c(int64_t(1) << i);
    B.CreateCondBr(B.CreateICmpNE(B.CreateAnd(bits, mask), i64c(0)), run, skip);
    B.SetInsertPoint(run);
    B.CreateStore(B.CreateAnd(bits, i64c(~(int64_t(1) << i))), d.bits);
    runDeferSite(d.sites[i], d.sites[i].env);
    B.CreateBr(skip);
    B.SetInsertPoint(skip);
  }
}

// Pops records until the list is empty.
void CodegenContext::runListDefers() {
  DeferFrame &d = *fs->defer;
  BasicBlock *loop = newBlock("defer.loop");
  BasicBlock *pop = newBlock("defer.pop");
  BasicBlock *done = newBlock("defer.done");
  B.CreateBr(loop);
  B.SetInsertPoint(loop);
  Value *rec = B.CreateLoad(ptrTy, d.head, "defer.record");
  B.CreateCondBr(B.CreateIsNull(rec), done, pop);
  B.SetInsertPoint(pop);
  auto *prefix = StructType::get(C, {ptrTy, i64});
  B.CreateStore(B.CreateLoad(ptrTy, rec), d.head);
  Value *index =
      B.CreateLoad(i64, B.CreateStructGEP(prefix, rec, 1), "defer.index");
  SwitchInst *sw = B.CreateSwitch(index, done, d.sites.size());
  for (size_t i = 0; i < d.sites.size(); ++i) {
    BasicBlock *bb = newBlock("defer.site" + Twine(i));
    sw->addCase(cast<ConstantInt>(i64c(i)), bb);
    B.SetInsertPoint(bb);
    DeferSite &site = d.sites[i];
    auto *recTy = StructType::get(C, {ptrTy, i64, site.envTy});
    runDeferSite(site, B.CreateStructGEP(recTy, rec, 2, "defer.env"));
    B.CreateBr(loop);
  }
  B.SetInsertPoint(done);
}

void CodegenContext::finishDefers() {
  DeferFrame &d = *fs->defer;
  if (!terminated()) {
    // Falling off the end: only functions without results do.
    B.CreateBr(d.exitBB);
  }
  d.exitBB->insertInto(fs->fn);
  B.SetInsertPoint(d.exitBB);
  if (d.list)
    runListDefers();
  else
    runOpenDefers();
  BasicBlock *ret = newBlock("defer.ret");
  BasicBlock *rethrow = newBlock("defer.rethrow");
  B.CreateCondBr(B.CreateLoad(i1, d.panicking), rethrow, ret);

  B.SetInsertPoint(ret);
  std::vector<Value *> values;
  for (size_t i = 0; i < fs->sig->results->size(); ++i) {
    types::Type *t = fs->sig->results->at(i);
    Value *slot =
        fs->results.empty() ? d.resultSlots[i] : varAddr(fs->results[i]);
    values.push_back(load(t, slot, "result"));
  }
  if (values.empty()) {
    B.CreateRetVoid();
  } else if (values.size() == 1) {
    B.CreateRet(values[0]);
  } else {
    Value *agg = UndefValue::get(fs->fn->getReturnType());
    for (size_t i = 0; i < values.size(); ++i)
      agg = B.CreateInsertValue(agg, values[i], {unsigned(i)});
    B.CreateRet(agg);
  }

  B.SetInsertPoint(rethrow);
  d.noInvoke.push_back(rt.call(B, Rt::mgo_panic_continue, {d.panicking}));

  BasicBlock *lpad = newBlock("defer.lpad");
  B.SetInsertPoint(lpad);
  LandingPadInst *lp =
      B.CreateLandingPad(StructType::get(ptrTy, i32), 1, "exn");
  lp->addClause(ConstantPointerNull::get(ptrTy));
  Value *exn = B.CreateExtractValue(lp, {0});
  d.noInvoke.push_back(rt.call(B, Rt::mgo_panic_landed, {exn, d.panicking}));
  B.CreateStore(i1c(true), d.panicking);
  B.CreateBr(d.exitBB);
  invokeCalls(lpad);
}

// Every call that may unwind becomes an invoke unwinding to lpad.
void CodegenContext::invokeCalls(BasicBlock *lpad) {
  DeferFrame &d = *fs->defer;
  std::vector<CallInst *> calls;
  for (BasicBlock &bb : *fs->fn)
    for (Instruction &inst : bb) {
      auto *ci = dyn_cast<CallInst>(&inst);
      if (!ci || ci->doesNotThrow() || isa<IntrinsicInst>(ci) ||
          ci->isInlineAsm() ||
          std::find(d.noInvoke.begin(), d.noInvoke.end(), ci) !=
              d.noInvoke.end())
        continue;
      calls.push_back(ci);
    }
  for (CallInst *ci : calls)
    changeToInvokeAndSplitBasicBlock(ci, lpad)->setName("invoke.cont");
}

// The method fs is emitting, if it is one.
types::Func *CodegenContext::currentMethod() {
  for (auto &[f, fn] : funcs)
    if (fn == fs->fn && f->signature()->recv)
      return f;
  return nullptr;
}

// At the entry of a function calling recover(): whether it was armed. A
// method may also have been armed through its itab wrappers (Go's are
// transparent to recover), for T and *T.
CallInst *CodegenContext::recoverEnter(IRBuilder<> &eb) {
  types::Func *m = currentMethod();
  if (!m)
    return eb.CreateCall(rt.get(Rt::mgo_recover_enter), {fs->fn},
                         "recover.token");
  types::Type *recvT = m->signature()->recv->type;
  Value *viaValue = ConstantPointerNull::get(ptrTy);
  if (!m->hasPointerReceiver()) {
    viaValue = ifaceMethodWrapper(recvT, m);
    recvT = tc.getPointer(recvT);
  }
  return eb.CreateCall(rt.get(Rt::mgo_recover_enter_method),
                       {fs->fn, viaValue, ifaceMethodWrapper(recvT, m)},
                       "recover.token");
}

// recover(): the token mgo_recover_enter gave at the function's entry says
// whether this function is the deferred call of a panicking frame.
Value *CodegenContext::genRecover() {
  if (!fs->recoverToken) {
    BasicBlock *entry = fs->allocaBB;
    IRBuilder<> eb(entry, entry->getFirstNonPHIOrDbgOrAlloca());
    CallInst *tok = recoverEnter(eb);
    if (fs->defer)
      fs->defer->noInvoke.push_back(tok);
    fs->recoverToken = tok;
  }
  AllocaInst *slot = entryAlloca(ifaceTy, "recovered");
  CallInst *ci = rt.call(B, Rt::mgo_recover, {fs->recoverToken, slot});
  if (fs->defer)
    fs->defer->noInvoke.push_back(ci);
  return B.CreateLoad(ifaceTy, slot, "recover");
}

} // namespace mgo
