// Function literals. A func value is a pointer to a closure object:
//
//   { ptr code, ptr cell_1, ..., ptr cell_n }
//
// where cell_i is the heap cell of the i-th captured variable (captured
// variables always escape, so they live in mgo_alloc'd cells and are shared by
// reference, as Go specifies). The code receives the object as its hidden
// first parameter (%env) and reaches captures through it. A literal with no
// captures, like a top-level function used as a value, is a constant object.
#include "codegen/CodegenContext.h"

using namespace llvm;

namespace mgo {

Value *CodegenContext::genFuncLit(FuncLit *e) {
  auto *sig = cast<types::Signature>(e->tv.type->underlying());
  FuncState *outer = fs;
  std::string name =
      outer->name + ".func" + std::to_string(++outer->closureCount);
  if (outer->fn->getName().count(".func"))
    name = outer->name + "." + std::to_string(outer->closureCount);
  Function *fn =
      Function::Create(funcType(sig), GlobalValue::InternalLinkage, name, *M);

  // The outer function's cells, read before the literal's body rebinds them.
  std::vector<Value *> cells;
  for (types::Var *v : e->captures)
    cells.push_back(varAddr(v));

  IRBuilderBase::InsertPoint ip = B.saveIP();
  DebugLoc dl = B.getCurrentDebugLocation();
  auto savedVars = vars;
  emitFunction(fn, sig, nullptr, e->type, e->body, &e->captures, e->loc);
  vars = std::move(savedVars);
  fs = outer;
  B.restoreIP(ip);
  B.SetCurrentDebugLocation(dl);

  if (e->captures.empty())
    return staticClosure(fn);
  Value *obj =
      rt.call(B, Rt::mgo_alloc, {i64c(8 * (1 + cells.size()))}, "closure");
  B.CreateStore(fn, obj);
  for (size_t i = 0; i < cells.size(); ++i)
    B.CreateStore(cells[i], B.CreateConstInBoundsGEP1_64(ptrTy, obj, i + 1));
  return obj;
}

// A method value x.M: a closure object { wrapper, receiver } holding the
// receiver as evaluated now (a copy, or the pointer for a pointer receiver);
// the wrapper main.T.M-fm loads it from %env and calls the method.
Value *CodegenContext::genMethodValue(SelectorExpr *e) {
  if (types::isInterface(typeOf(e->x)))
    return genIfaceMethodValue(e);
  auto *method = cast<types::Func>(e->sel->obj);
  types::Signature *msig = method->signature();
  types::Type *recvT = msig->recv->type;
  types::Type *xt = typeOf(e->x);
  bool xIsPtr = isa<types::Pointer>(xt->underlying());
  Value *recv;
  if (method->hasPointerReceiver())
    recv = xIsPtr ? genExpr(e->x) : genAddr(e->x);
  else
    recv =
        xIsPtr ? load(recvT, derefCheck(genExpr(e->x)), "recv") : genExpr(e->x);
  Function *target = functionFor(method);
  types::Signature *sig =
      tc.getSignature(msig->params, msig->results, msig->variadic);
  auto *objTy = StructType::get(C, {ptrTy, llType(recvT)});
  std::string name = target->getName().str() + "-fm";
  Function *wrapper = M->getFunction(name);
  if (!wrapper) {
    wrapper =
        Function::Create(funcType(sig), GlobalValue::InternalLinkage, name, *M);
    IRBuilder<> wb(BasicBlock::Create(C, "entry", wrapper));
    Argument *env = wrapper->getArg(0);
    env->setName("env");
    Value *recv =
        wb.CreateLoad(llType(recvT), wb.CreateStructGEP(objTy, env, 1), "recv");
    forwardCall(wb, wrapper, target, {ConstantPointerNull::get(ptrTy), recv},
                1);
  }
  Value *obj = rt.call(B, Rt::mgo_alloc,
                       {i64c(M->getDataLayout().getTypeAllocSize(objTy))},
                       "method.value");
  B.CreateStore(wrapper, obj);
  B.CreateStore(recv, B.CreateStructGEP(objTy, obj, 1));
  return obj;
}

// The end of a wrapper fn that calls callee with args, then fn's parameters
// from firstArg on, and returns its result. The wrapper is transparent to
// recover: armed by a deferred call, it passes that on to callee.
void CodegenContext::forwardCall(IRBuilder<> &b, Function *fn,
                                 FunctionCallee callee,
                                 std::vector<Value *> args, unsigned firstArg) {
  for (unsigned i = firstArg; i < fn->arg_size(); ++i)
    args.push_back(fn->getArg(i));
  rt.call(b, Rt::mgo_recover_forward, {fn, callee.getCallee()});
  Value *r = b.CreateCall(callee, args);
  if (fn->getReturnType()->isVoidTy())
    b.CreateRetVoid();
  else
    b.CreateRet(r);
}

} // namespace mgo
