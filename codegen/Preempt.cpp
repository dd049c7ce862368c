// Preemption polls: a goroutine in a loop that makes no calls would keep its
// P forever (the scheduler only switches inside runtime calls), so every loop
// back-edge checks the runtime's mgo_preempt_pending word and yields through
// mgo_preempt_check when sysmon asked some goroutine to. The check is one
// relaxed load and a branch weighted as never taken; the call is out of line.
#include "codegen/CodegenContext.h"

#include <llvm/IR/MDBuilder.h>

using namespace llvm;

namespace mgo {

void CodegenContext::emitPreemptPoll() {
  GlobalVariable *flag = M->getGlobalVariable("mgo_preempt_pending");
  if (!flag)
    flag = new GlobalVariable(*M, i32, false, GlobalValue::ExternalLinkage,
                              nullptr, "mgo_preempt_pending");
  LoadInst *pending = B.CreateAlignedLoad(i32, flag, Align(4), "preempt");
  pending->setAtomic(AtomicOrdering::Monotonic);
  BasicBlock *yield = newBlock("preempt.yield");
  BasicBlock *cont = newBlock("preempt.cont");
  MDBuilder md(C);
  Value *asked =
      B.CreateICmpNE(pending, ConstantInt::get(i32, 0), "preempt.asked");
  B.CreateCondBr(asked, yield, cont, md.createUnlikelyBranchWeights());
  B.SetInsertPoint(yield);
  rt.call(B, Rt::mgo_preempt_check, {});
  B.CreateBr(cont);
  B.SetInsertPoint(cont);
}

} // namespace mgo
