// Library functions declared without a body (frontend: Checker::bodylessFunc).
//
// A function f of package a/b is implemented by the runtime's C function
// mgo_a_b_f (or the one its //go:linkname names), declared in
// runtime/include/mgo/abi.def. Codegen gives it Go's calling convention
// through an always-inline wrapper, after checking that the Go signature
// lowers to the LLVM type abi.def gives the C function, so that the two
// cannot drift apart silently. C passes scalars, pointers and strings; any
// other parameter is passed as a pointer to a copy, and results other than
// one of those as a last parameter pointing to a struct of them, laid out
// as LLVM lays out the results. Package sync/atomic's functions are no
// runtime calls: their wrappers hold the LLVM atomic instructions.
#include "codegen/CodegenContext.h"

#include <algorithm>

using namespace llvm;

namespace mgo {

namespace {

// What the C calling convention of mgo/abi.h passes as it is.
bool passedAsIs(types::Type *t) {
  types::Type *u = t->underlying();
  if (auto *b = dyn_cast<types::Basic>(u))
    return !b->isUntyped();
  return isa<types::Pointer>(u) || isa<types::Chan>(u) || isa<types::Map>(u) ||
         isa<types::Signature>(u);
}

std::string typeString(llvm::Type *t) {
  std::string s;
  raw_string_ostream os(s);
  t->print(os);
  return os.str();
}

} // namespace

Function *CodegenContext::runtimeFuncWrapper(types::Func *fn) {
  types::Signature *sig = fn->signature();
  Function *w = Function::Create(funcType(sig), GlobalValue::InternalLinkage,
                                 mangle(fn), *M);
  w->addFnAttr(Attribute::AlwaysInline);
  if (fn->pkg->path == "sync/atomic") {
    emitAtomic(fn, w);
    return w;
  }
  const std::string &cname = fn->runtimeName;
  std::optional<Rt> id = rt.lookup(cname);
  if (!id)
    throw CodegenError(mangle(fn) + " has no body and abi.def declares no " +
                       cname);
  IRBuilder<> wb(BasicBlock::Create(C, "entry", w));
  llvm::Type *ptrTy = PointerType::get(C, 0);
  std::vector<llvm::Type *> params;
  std::vector<Value *> args;
  for (size_t i = 0; i < sig->params->size(); ++i) {
    types::Type *t = sig->params->vars[i]->type;
    Value *arg = w->getArg(i + 1);
    if (passedAsIs(t)) {
      params.push_back(llType(t));
      args.push_back(arg);
      continue;
    }
    AllocaInst *copy = wb.CreateAlloca(llType(t));
    wb.CreateStore(arg, copy);
    params.push_back(ptrTy);
    args.push_back(copy);
  }
  llvm::Type *resTy = resultType(sig);
  bool direct =
      sig->results->size() == 0 ||
      (sig->results->size() == 1 && passedAsIs(sig->results->vars[0]->type));
  AllocaInst *results = nullptr;
  if (!direct) {
    results = wb.CreateAlloca(resTy);
    params.push_back(ptrTy);
    args.push_back(results);
  }
  FunctionType *goTy = FunctionType::get(
      direct ? resTy : llvm::Type::getVoidTy(C), params, false);
  FunctionType *cTy = rt.get(*id)->getFunctionType();
  if (goTy != cTy)
    throw CodegenError(mangle(fn) + " lowers to " + typeString(goTy) +
                       " but abi.def declares " + cname + " as " +
                       typeString(cTy));
  CallInst *call = rt.call(wb, *id, args);
  if (rt.isNoReturn(*id))
    return w;
  if (results)
    wb.CreateRet(wb.CreateLoad(resTy, results));
  else if (resTy->isVoidTy())
    wb.CreateRetVoid();
  else
    wb.CreateRet(call);
  return w;
}

// AddT, LoadT, StoreT, SwapT and CompareAndSwapT of package sync/atomic,
// sequentially consistent as Go's memory model asks. A nil address is
// checked like any dereference: a fault at the atomic instruction could not
// reach a landing pad of the function it is inlined into.
void CodegenContext::emitAtomic(types::Func *fn, Function *w) {
  IRBuilder<> wb(BasicBlock::Create(C, "entry", w));
  const std::string &name = fn->name;
  Value *addr = derefCheck(wb, w->getArg(1));
  auto order = AtomicOrdering::SequentiallyConsistent;
  auto arg = [&](unsigned i) { return w->getArg(i); };
  auto starts = [&](const char *p) { return name.rfind(p, 0) == 0; };
  if (starts("Add")) {
    Value *old = wb.CreateAtomicRMW(AtomicRMWInst::Add, addr, arg(2),
                                    MaybeAlign(), order);
    wb.CreateRet(wb.CreateAdd(old, arg(2)));
  } else if (starts("Load")) {
    llvm::Type *t = w->getReturnType();
    LoadInst *v = wb.CreateLoad(t, addr);
    v->setAtomic(order);
    v->setAlignment(Align(M->getDataLayout().getTypeStoreSize(t)));
    wb.CreateRet(v);
  } else if (starts("Store")) {
    StoreInst *s = wb.CreateStore(arg(2), addr);
    s->setAtomic(order);
    s->setAlignment(
        Align(M->getDataLayout().getTypeStoreSize(arg(2)->getType())));
    wb.CreateRetVoid();
  } else if (starts("Swap")) {
    wb.CreateRet(wb.CreateAtomicRMW(AtomicRMWInst::Xchg, addr, arg(2),
                                    MaybeAlign(), order));
  } else if (starts("CompareAndSwap")) {
    Value *pair = wb.CreateAtomicCmpXchg(addr, arg(2), arg(3), MaybeAlign(),
                                         order, order);
    wb.CreateRet(wb.CreateExtractValue(pair, 1));
  } else {
    throw CodegenError("sync/atomic." + name + " has no lowering");
  }
}

} // namespace mgo
