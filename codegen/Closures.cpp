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
    std::vector<Value *> args{ConstantPointerNull::get(ptrTy)};
    args.push_back(wb.CreateLoad(llType(recvT),
                                 wb.CreateStructGEP(objTy, env, 1), "recv"));
    for (unsigned i = 1; i < wrapper->arg_size(); ++i)
      args.push_back(wrapper->getArg(i));
    rt.call(wb, Rt::mgo_recover_forward, {wrapper, target});
    Value *r = wb.CreateCall(target, args);
    if (wrapper->getReturnType()->isVoidTy())
      wb.CreateRetVoid();
    else
      wb.CreateRet(r);
  }
  Value *obj = rt.call(B, Rt::mgo_alloc,
                       {i64c(M->getDataLayout().getTypeAllocSize(objTy))},
                       "method.value");
  B.CreateStore(wrapper, obj);
  B.CreateStore(recv, B.CreateStructGEP(objTy, obj, 1));
  return obj;
}

} // namespace mgo
