// Goroutines, channels and select on the runtime's scheduler (mgo_go,
// mgo_chan_*, mgo_select). Values cross a channel by address: a send stores
// its operand in an alloca, a receive reads the element from one.
#include "codegen/CodegenContext.h"

using namespace llvm;

namespace mgo {

// The func value of `go f(args)`, evaluated now: a top-level function's
// static closure (a library function's wrapper), a method value bound to its
// receiver, or any other func-valued expression. A nil one is a fatal error
// at the go statement, as in Go. A func literal is never nil.
Value *CodegenContext::goCalleeChecked(CallExpr *e) {
  Value *closure = genExpr(unparen(e->fun));
  if (isa<FuncLit>(unparen(e->fun)))
    return closure;
  condPanic(B,
            B.CreateICmpEQ(closure, ConstantPointerNull::get(ptrTy), "isnil"),
            "go.nil", [&] { rt.call(B, Rt::mgo_go_nil_func, {}); });
  return closure;
}

// The top-level function `go f(args)` calls by name, or null when the callee
// is a func value the go statement has to evaluate.
static types::Func *staticGoCallee(CallExpr *e) {
  Expr *fun = unparen(e->fun);
  auto *id = dyn_cast<Ident>(fun);
  if (auto *sel = dyn_cast<SelectorExpr>(fun);
      sel && sel->selection.kind == Selection::PackageMember)
    id = sel->sel;
  auto *f = id ? dyn_cast_or_null<types::Func>(id->obj) : nullptr;
  if (f && !f->libraryName.empty())
    return nullptr;
  return f && !f->signature()->recv ? f : nullptr;
}

// gc 1.19's escape analysis (goDeferStmt) rewrites `go call` and `defer
// call` into a call of a closure of its own, main.main.func3, unless call
// calls a function or func value without parameters and results: a
// method's receiver, a generic function's dictionary and a built-in's
// operands are arguments. The wrapper's frame shows where a goroutine that
// has not run starts, so ours are named as gc's.
bool CodegenContext::gcWrapsCall(CallExpr *e) {
  Expr *fun = unparen(e->fun);
  if (fun->tv.mode == TypeAndValue::Builtin || fun->tv.isType())
    return true;
  if (auto *sel = dyn_cast<SelectorExpr>(fun);
      sel && (sel->selection.kind == Selection::MethodVal ||
              sel->selection.kind == Selection::MethodExpr))
    return true;
  Expr *named = fun;
  if (auto *ix = dyn_cast<IndexExpr>(fun))
    named = unparen(ix->x);
  Ident *id = dyn_cast<Ident>(named);
  if (auto *sel = dyn_cast<SelectorExpr>(named);
      sel && sel->selection.kind == Selection::PackageMember)
    id = sel->sel;
  if (auto *f = id ? dyn_cast_or_null<types::Func>(id->obj) : nullptr;
      f && f->origin)
    return true;
  auto *sig = cast<types::Signature>(typeOf(e->fun)->underlying());
  return sig->params->size() || sig->results->size();
}

// go f(args). Where gc starts the goroutine in f itself (gcWrapsCall), so
// does ours: mgo_go gets f's code and its closure object as environment (a
// top-level function ignores it). Otherwise the func value and the
// arguments are evaluated here and packed into a heap environment
// { closure, args... }; a per-site thunk, gc's wrapper, unpacks it on the
// new goroutine and makes the call. A top-level function needs no closure:
// its thunk calls it directly and the environment holds the arguments only.
void CodegenContext::genGo(GoStmt *s) {
  CallExpr *call = s->call;
  if (unparen(call->fun)->tv.mode == TypeAndValue::Builtin) {
    genGoBuiltin(call);
    return;
  }
  auto *sig = cast<types::Signature>(typeOf(call->fun)->underlying());
  types::Func *f = staticGoCallee(call);
  if (!gcWrapsCall(call)) {
    if (f) {
      rt.call(B, Rt::mgo_go, {functionFor(f), ConstantPointerNull::get(ptrTy)});
      return;
    }
    Value *closure = goCalleeChecked(call);
    Value *code = B.CreateLoad(ptrTy, closure, "fn");
    rt.call(B, Rt::mgo_go, {code, closure});
    return;
  }
  Function *direct = f ? functionFor(f) : nullptr;
  Value *closure = direct ? nullptr : goCalleeChecked(call);
  std::vector<Value *> values = genArgs(call, sig);
  if (closure)
    values.insert(values.begin(), closure);
  FuncState::GoThunk t;
  t.sig = sig;
  t.direct = direct;
  startGoThunk(values, t);
}

// Packs values into a GC-allocated environment (none when there are none),
// makes the go statement's thunk t, whose body waits for the function's end,
// and starts the goroutine in it.
void CodegenContext::startGoThunk(const std::vector<Value *> &values,
                                  FuncState::GoThunk t) {
  std::vector<Type *> fields;
  for (Value *v : values)
    fields.push_back(v->getType());
  t.envTy = StructType::get(C, fields);
  uint64_t size = M->getDataLayout().getTypeAllocSize(t.envTy);
  Value *env = ConstantPointerNull::get(ptrTy);
  if (size)
    env = rt.call(B, Rt::mgo_alloc, {i64c(size)}, "go.env");
  for (size_t i = 0; i < values.size(); ++i)
    storeValue(values[i], B.CreateStructGEP(t.envTy, env, i));
  auto *fty = FunctionType::get(Type::getVoidTy(C), {ptrTy}, false);
  t.fn = Function::Create(fty, Function::InternalLinkage, fs->name + ".go", *M);
  t.at = B.getCurrentDebugLocation();
  t.wrapper = fs->wrapperCount++;
  fs->goThunks.push_back(t);
  rt.call(B, Rt::mgo_go, {t.fn, env});
}

// go println(x), go close(c), go panic(v), ...: gc's wrapper holds the
// operands, evaluated here, and makes the built-in's call on the goroutine.
void CodegenContext::genGoBuiltin(CallExpr *call) {
  std::vector<types::Var *> argVars;
  std::vector<Value *> values;
  std::vector<Expr *> args =
      evaluateCallArgs(call, [&](Value *v, types::Type *t) {
        Ident *id = synthVarIdent("go.arg", t);
        argVars.push_back(cast<types::Var>(id->obj));
        values.push_back(v);
        return id;
      });
  FuncState::GoThunk t;
  t.builtin = rewrittenCall(call, call->fun, args);
  t.argVars = argVars;
  startGoThunk(values, t);
}

// A built-in's thunk is a function of its own for the code that makes the
// call (its blocks and stack slots), with the environment's fields as the
// call's variables.
void CodegenContext::emitBuiltinThunkBody(const FuncState::GoThunk &t,
                                          Value *env) {
  FuncState st;
  st.fn = t.fn;
  st.allocaBB = B.GetInsertBlock();
  st.name = fs->name;
  st.di = t.fn->getSubprogram();
  FuncState *outer = fs;
  fs = &st;
  for (size_t i = 0; i < t.argVars.size(); ++i)
    vars[t.argVars[i]] =
        VarSlot{B.CreateStructGEP(t.envTy, env, i, "go.arg.addr"), false};
  setLoc(t.builtin->loc);
  genExpr(t.builtin);
  ensureBlock();
  B.CreateRetVoid();
  finishLargeAggregates();
  fs = outer;
}

// The body of a go statement's thunk: unpacks the environment and calls
// `direct`, or else the closure in the environment's first field. Named as
// gc names its wrapper, a literal of the function numbered after the
// function's own literals.
void CodegenContext::emitGoThunk(const FuncState::GoThunk &t) {
  Function *thunk = t.fn;
  std::string name = closureName(*fs, fs->closureCount + t.wrapper + 1);
  thunk->setName(name);
  IRBuilderBase::InsertPointGuard guard(B);
  DebugLoc saved = B.getCurrentDebugLocation();
  B.SetInsertPoint(BasicBlock::Create(C, "entry", thunk));
  B.SetCurrentDebugLocation(wrapperScope(thunk, name, t.at, !t.builtin));
  Value *env = thunk->getArg(0);
  env->setName("env");
  if (t.builtin) {
    emitBuiltinThunkBody(t, env);
    B.SetCurrentDebugLocation(saved);
    return;
  }
  std::vector<Value *> fields;
  for (unsigned i = 0; i < t.envTy->getNumElements(); ++i)
    fields.push_back(B.CreateLoad(t.envTy->getElementType(i),
                                  B.CreateStructGEP(t.envTy, env, i),
                                  i == 0 && !t.direct ? "fn" : "arg"));
  if (t.direct) {
    fields.insert(fields.begin(), ConstantPointerNull::get(ptrTy));
    B.CreateCall(t.direct, fields);
  } else {
    Value *code = B.CreateLoad(ptrTy, fields[0], "code");
    B.CreateCall(funcType(t.sig), code, fields);
  }
  B.CreateRetVoid();
  B.SetCurrentDebugLocation(saved);
}

Value *CodegenContext::genMakeChan(CallExpr *e) {
  auto *ct = cast<types::Chan>(typeOf(e)->underlying());
  Value *cap = i64c(0);
  if (e->args.size() > 1) {
    Expr *a = e->args[1];
    cap = a->tv.isConstant() && a->tv.value
              ? constValue(*a->tv.value, intType())
              : B.CreateIntCast(genExpr(a), i64, isSigned(typeOf(a)));
  }
  return rt.call(B, Rt::mgo_chan_make, {sizeValue(ct->elem), cap}, "chan");
}

void CodegenContext::genSend(SendStmt *s) {
  auto *ct = cast<types::Chan>(typeOf(s->chan)->underlying());
  Value *ch = genExpr(s->chan);
  AllocaInst *tmp = entryAlloca(llType(ct->elem), "send.val");
  store(genExprAs(s->value, ct->elem), tmp, ct->elem);
  rt.call(B, Rt::mgo_chan_send, {ch, tmp});
}

// <-ch; *okOut (if asked for) gets whether the value came from a send.
Value *CodegenContext::genRecv(UnaryExpr *e, Value **okOut) {
  auto *ct = cast<types::Chan>(typeOf(e->x)->underlying());
  Value *ch = genExpr(e->x);
  AllocaInst *tmp = entryAlloca(llType(ct->elem), "recv.val");
  Value *ok = rt.call(B, Rt::mgo_chan_recv, {ch, tmp}, "recv.ok");
  if (okOut)
    *okOut = ok;
  return load(ct->elem, tmp, "recv");
}

// for v := range ch: receive until the channel is closed and drained.
void CodegenContext::genRangeChan(RangeStmt *s, BranchTargets &bt) {
  auto *ct = cast<types::Chan>(typeOf(s->x)->underlying());
  Value *ch = genExpr(s->x);
  AllocaInst *tmp = entryAlloca(llType(ct->elem), "range.val");
  BasicBlock *bodyBB = newBlock("range.body");
  B.CreateBr(bt.continueBB);
  B.SetInsertPoint(bt.continueBB);
  emitPreemptPoll();
  Value *ok = rt.call(B, Rt::mgo_chan_recv, {ch, tmp}, "recv.ok");
  B.CreateCondBr(ok, bodyBB, bt.breakBB);
  B.SetInsertPoint(bodyBB);
  assignTo(s->key, load(ct->elem, tmp, "v"), ct->elem, false, true);
  genBlock(s->body);
  if (!terminated())
    B.CreateBr(bt.continueBB);
}

namespace {

// The receive in a select case's comm statement, or null for a send.
UnaryExpr *recvOf(Stmt *comm) {
  Expr *e = nullptr;
  if (auto *es = dyn_cast<ExprStmt>(comm))
    e = es->x;
  else if (auto *as = dyn_cast<AssignStmt>(comm))
    e = as->rhs[0];
  if (!e)
    return nullptr;
  auto *u = dyn_cast<UnaryExpr>(unparen(e));
  return u && u->op == Token::ARROW ? u : nullptr;
}

} // namespace

// select: every channel and sent value is evaluated once, in source order,
// into an MgoSelectCase array; mgo_select's answer picks the clause (-1 is
// default).
void CodegenContext::genSelect(SelectStmt *s, Stmt *label) {
  StructType *caseTy = StructType::get(C, {ptrTy, i64, ptrTy});
  std::vector<CommClause *> cases;
  CommClause *deflt = nullptr;
  for (CommClause *c : s->clauses)
    if (c->comm)
      cases.push_back(c);
    else
      deflt = c;
  Value *arr =
      cases.empty()
          ? static_cast<Value *>(ConstantPointerNull::get(ptrTy))
          : entryAlloca(ArrayType::get(caseTy, cases.size()), "select.cases");
  std::vector<AllocaInst *> elems;
  for (size_t i = 0; i < cases.size(); ++i) {
    Stmt *comm = cases[i]->comm;
    Value *ch;
    AllocaInst *elem;
    int dir;
    if (UnaryExpr *r = recvOf(comm)) {
      auto *ct = cast<types::Chan>(typeOf(r->x)->underlying());
      ch = genExpr(r->x);
      elem = entryAlloca(llType(ct->elem), "select.recv");
      dir = 2;
    } else {
      auto *ss = cast<SendStmt>(comm);
      auto *ct = cast<types::Chan>(typeOf(ss->chan)->underlying());
      ch = genExpr(ss->chan);
      elem = entryAlloca(llType(ct->elem), "select.send");
      store(genExprAs(ss->value, ct->elem), elem, ct->elem);
      dir = 1;
    }
    elems.push_back(elem);
    Value *slot = B.CreateConstInBoundsGEP2_64(
        ArrayType::get(caseTy, cases.size()), arr, 0, i);
    B.CreateStore(ch, B.CreateStructGEP(caseTy, slot, 0));
    B.CreateStore(i64c(dir), B.CreateStructGEP(caseTy, slot, 1));
    B.CreateStore(elem, B.CreateStructGEP(caseTy, slot, 2));
  }
  // mgo_select stores one byte into the ok slot. A one-byte slot can share
  // a word with a dead pointer (LLVM's stack colouring merges allocas whose
  // lives do not overlap), and the byte store turns that pointer into one
  // pointing somewhere else in its 256-byte neighbourhood, into whatever the
  // collector allocates there later, which the conservative stack scan then
  // keeps alive: Go's typeparam/chans kept its _Receiver, whose finalizer
  // never ran. A zeroed word leaves nothing of an old pointer behind.
  AllocaInst *okSlot = entryAlloca(i64, "select.ok");
  B.CreateStore(i64c(0), okSlot);
  // gc compiles a lone case as its channel operation, placed where it is.
  if (cases.size() == 1 && !deflt)
    setLoc(cases[0]->comm->loc);
  Value *chosen = rt.call(
      B, Rt::mgo_select,
      {arr, i64c(cases.size()), i1c(deflt != nullptr), okSlot}, "select");
  BasicBlock *endBB = newBlock("select.end");
  BranchTargets bt{endBB, nullptr};
  fs->targets[s] = bt;
  if (label)
    fs->targets[label] = bt;
  BasicBlock *defaultBB = deflt ? newBlock("select.default") : endBB;
  SwitchInst *sw = B.CreateSwitch(chosen, defaultBB, cases.size());
  fs->breakables.push_back(s);
  for (size_t i = 0; i < cases.size(); ++i) {
    BasicBlock *bb = newBlock("select.case");
    sw->addCase(cast<ConstantInt>(i64c(i)), bb);
    continueAt(bb);
    if (auto *as = dyn_cast<AssignStmt>(cases[i]->comm)) {
      UnaryExpr *r = recvOf(as);
      auto *ct = cast<types::Chan>(typeOf(r->x)->underlying());
      bool define = as->tok == Token::DEFINE;
      Value *v = load(ct->elem, elems[i], "recv");
      assignTo(unparen(as->lhs[0]), v, ct->elem, define, true);
      if (as->lhs.size() > 1)
        assignTo(unparen(as->lhs[1]), B.CreateLoad(i1, okSlot, "ok"),
                 tc.basic(types::BasicKind::Bool), define, true);
    }
    genStmts(cases[i]->body);
    if (!terminated())
      B.CreateBr(endBB);
  }
  if (deflt) {
    continueAt(defaultBB);
    genStmts(deflt->body);
    if (!terminated())
      B.CreateBr(endBB);
  }
  fs->breakables.pop_back();
  continueAt(endBB);
}

} // namespace mgo
