// Library functions declared without a body (frontend: Checker::bodylessFunc).
//
// A function f of package a/b is implemented by the runtime's C function
// mgo_a_b_f, declared in runtime/include/mgo/abi.def. Codegen gives it Go's
// calling convention through an always-inline wrapper, after checking that
// the Go signature lowers to the LLVM type abi.def gives the C function, so
// that the two cannot drift apart silently. Package sync/atomic's functions
// are no runtime calls: their wrappers hold the LLVM atomic instructions.
#include "codegen/CodegenContext.h"

#include <algorithm>

using namespace llvm;

namespace mgo {

namespace {

std::string runtimeName(types::Func *fn) {
  std::string path = fn->pkg->path;
  std::replace(path.begin(), path.end(), '/', '_');
  return "mgo_" + path + "_" + fn->name;
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
  std::string cname = runtimeName(fn);
  std::optional<Rt> id = rt.lookup(cname);
  if (!id)
    throw CodegenError(mangle(fn) + " has no body and abi.def declares no " +
                       cname);
  std::vector<llvm::Type *> params;
  for (types::Var *p : sig->params->vars)
    params.push_back(llType(p->type));
  FunctionType *goTy = FunctionType::get(resultType(sig), params, false);
  FunctionType *cTy = rt.get(*id)->getFunctionType();
  if (goTy != cTy)
    throw CodegenError(mangle(fn) + " lowers to " + typeString(goTy) +
                       " but abi.def declares " + cname + " as " +
                       typeString(cTy));
  IRBuilder<> wb(BasicBlock::Create(C, "entry", w));
  std::vector<Value *> args;
  for (unsigned i = 1; i < w->arg_size(); ++i)
    args.push_back(w->getArg(i));
  CallInst *call = rt.call(wb, *id, args);
  if (rt.isNoReturn(*id))
    return w;
  if (goTy->getReturnType()->isVoidTy())
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
