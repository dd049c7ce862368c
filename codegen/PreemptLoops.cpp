// Bounded preemption polls in short inner loops. Codegen polls on every loop
// back-edge (codegen/Preempt.cpp) so that a goroutine in a loop without calls
// still gives up its P; but the atomic load and the out-of-line call keep
// LLVM from vectorising, unrolling or folding the loop. A loop whose trip
// count LLVM can bound, and which makes no call that could itself run long,
// finishes in bounded time: if that bound is small, the poll of the enclosing
// loop (or the function's return) comes soon enough, and the loop's own poll
// can go. Such a loop is versioned: when its trip count times its size is
// within PollBudget instructions it runs without polls, otherwise the
// original, polling copy runs. A loop with a constant bound within the budget
// simply loses its polls. Runs just before the vectoriser, when loops are in
// their final shape and the trip counts are known to scalar evolution.
#include "codegen/Codegen.h"

#include <llvm/Analysis/ConstantFolding.h>
#include <llvm/Analysis/LoopInfo.h>
#include <llvm/Analysis/ScalarEvolution.h>
#include <llvm/IR/Dominators.h>
#include <llvm/IR/IRBuilder.h>
#include <llvm/IR/InstIterator.h>
#include <llvm/IR/IntrinsicInst.h>
#include <llvm/Transforms/Utils/BasicBlockUtils.h>
#include <llvm/Transforms/Utils/Cloning.h>
#include <llvm/Transforms/Utils/Local.h>
#include <llvm/Transforms/Utils/LoopSimplify.h>
#include <llvm/Transforms/Utils/LoopUtils.h>
#include <llvm/Transforms/Utils/ScalarEvolutionExpander.h>

using namespace llvm;

namespace mgo {
namespace {

// Instructions a goroutine may run between two polls in a poll-free loop:
// ~1 ms at worst on this machine, well under sysmon's 10 ms time slice.
constexpr uint64_t PollBudget = 1u << 20;

bool isPollLoad(const Instruction &inst) {
  auto *load = dyn_cast<LoadInst>(&inst);
  if (!load || !load->isAtomic())
    return false;
  auto *global = dyn_cast<GlobalVariable>(load->getPointerOperand());
  return global && global->getName() == "mgo_preempt_pending";
}

// Whether the loop polls, and every call in it is one that returns promptly
// or never: intrinsics (arithmetic, memory copies of a known extent), the
// poll's own mgo_preempt_check and the panics of run-time checks. A call to
// a Go function could recurse or loop for as long as it likes without
// polling, so a loop making one keeps its polls.
bool pollsAndCallsOnlyLeaves(const Loop &loop) {
  bool polls = false;
  for (BasicBlock *block : loop.blocks())
    for (Instruction &inst : *block) {
      polls |= isPollLoad(inst);
      auto *call = dyn_cast<CallBase>(&inst);
      if (!call || isa<IntrinsicInst>(call) || call->doesNotReturn())
        continue;
      Function *callee = call->getCalledFunction();
      if (!callee || callee->getName() != "mgo_preempt_check")
        return false;
    }
  return polls;
}

uint64_t loopSize(const Loop &loop) {
  uint64_t size = 0;
  for (BasicBlock *block : loop.blocks())
    size += block->size();
  return size;
}

// Folds each poll of loop to "not asked" and deletes the blocks that call
// mgo_preempt_check, which are then unreachable.
void removePolls(Loop &loop, LoopInfo &loopInfo) {
  SmallVector<LoadInst *, 4> loads;
  for (BasicBlock *block : loop.blocks())
    for (Instruction &inst : *block)
      if (isPollLoad(inst))
        loads.push_back(cast<LoadInst>(&inst));
  SmallVector<BasicBlock *, 4> branching;
  for (LoadInst *load : loads) {
    for (User *user : load->users())
      if (auto *inst = dyn_cast<Instruction>(user))
        for (User *condUser : inst->users())
          if (auto *term = dyn_cast<BranchInst>(condUser))
            branching.push_back(term->getParent());
    load->replaceAllUsesWith(ConstantInt::get(load->getType(), 0));
    load->eraseFromParent();
  }
  SmallVector<BasicBlock *, 4> dead;
  for (BasicBlock *block : branching) {
    auto *branch = cast<BranchInst>(block->getTerminator());
    if (!branch->isConditional())
      continue;
    auto *cmp = dyn_cast<ICmpInst>(branch->getCondition());
    if (!cmp)
      continue;
    auto *lhs = dyn_cast<Constant>(cmp->getOperand(0));
    auto *rhs = dyn_cast<Constant>(cmp->getOperand(1));
    Constant *folded =
        lhs && rhs ? ConstantFoldCompareInstOperands(
                         cmp->getPredicate(), lhs, rhs, block->getDataLayout())
                   : nullptr;
    if (!folded)
      continue;
    SmallVector<BasicBlock *, 2> targets(successors(block));
    branch->setCondition(folded);
    ConstantFoldTerminator(block, /*DeleteDeadConditions=*/true);
    for (BasicBlock *succ : targets)
      if (pred_empty(succ) && succ != loop.getHeader())
        dead.push_back(succ);
  }
  for (BasicBlock *block : dead) {
    loopInfo.removeBlock(block);
    DeleteDeadBlock(block);
  }
}

// A bound of a loop exiting at the first of several exits is the minimum of
// theirs, and each of those bounds it too: an operand that is a value the
// code already has (often a slice's length, invariant in the outer loops too)
// costs no arithmetic where the loop starts, where the minimum of all of them
// costs as much as a short loop's polls.
const SCEV *cheapBound(const SCEV *backedges) {
  auto *umin = dyn_cast<SCEVMinMaxExpr>(backedges);
  auto *sequential = dyn_cast<SCEVSequentialMinMaxExpr>(backedges);
  if (!(umin && umin->getSCEVType() == scUMinExpr) &&
      !(sequential && sequential->getSCEVType() == scSequentialUMinExpr))
    return backedges;
  ArrayRef<const SCEV *> operands =
      umin ? umin->operands() : sequential->operands();
  for (const SCEV *operand : operands)
    if (isa<SCEVUnknown>(operand))
      return operand;
  return backedges;
}

// Runs the loop without polls when its backedge-taken count is at most
// limit: a copy of it with the polls runs otherwise.
bool versionAndRemovePolls(Function &fn, Loop &loop, const SCEV *backedges,
                           uint64_t limit, LoopInfo &loopInfo,
                           DominatorTree &domTree, ScalarEvolution &scev) {
  simplifyLoop(&loop, &domTree, &loopInfo, &scev, nullptr, nullptr,
               /*PreserveLCSSA=*/false);
  BasicBlock *preheader = loop.getLoopPreheader();
  if (!preheader)
    return false;
  SCEVExpander expander(scev, fn.getDataLayout(), "preempt.trips");
  if (!expander.isSafeToExpand(backedges))
    return false;
  formLCSSA(loop, domTree, &loopInfo, &scev);
  Value *count = expander.expandCodeFor(backedges, backedges->getType(),
                                        preheader->getTerminator());
  BasicBlock *loopEntry =
      SplitBlock(preheader, preheader->getTerminator(), &domTree, &loopInfo,
                 nullptr, loop.getHeader()->getName() + ".nopoll.ph");
  ValueToValueMapTy map;
  SmallVector<BasicBlock *, 8> cloned;
  Loop *polling =
      cloneLoopWithPreheader(loopEntry, preheader, &loop, map, ".polling",
                             &loopInfo, &domTree, cloned);
  remapInstructionsInBlocks(cloned, map);
  // The copies exit to the same blocks, whose LCSSA phis take each value
  // from the copy that exited.
  SmallVector<BasicBlock *, 4> exits;
  loop.getUniqueExitBlocks(exits);
  for (BasicBlock *exit : exits)
    for (PHINode &phi : exit->phis())
      for (unsigned i = 0, n = phi.getNumIncomingValues(); i < n; ++i) {
        BasicBlock *from = phi.getIncomingBlock(i);
        if (!loop.contains(from))
          continue;
        Value *value = phi.getIncomingValue(i);
        Value *mapped = map.lookup(value);
        phi.addIncoming(mapped ? mapped : value, cast<BasicBlock>(map[from]));
      }
  Instruction *oldTerm = preheader->getTerminator();
  IRBuilder<> b(oldTerm);
  Value *few = b.CreateICmpULE(count, ConstantInt::get(count->getType(), limit),
                               "preempt.few");
  b.CreateCondBr(few, loopEntry, polling->getLoopPreheader());
  oldTerm->eraseFromParent();
  removePolls(loop, loopInfo);
  domTree.recalculate(fn);
  scev.forgetLoop(&loop);
  return true;
}

} // namespace

PreservedAnalyses BoundPreemptPolls::run(Function &fn,
                                         FunctionAnalysisManager &fam) {
  auto &loopInfo = fam.getResult<LoopAnalysis>(fn);
  auto &domTree = fam.getResult<DominatorTreeAnalysis>(fn);
  auto &scev = fam.getResult<ScalarEvolutionAnalysis>(fn);
  SmallVector<Loop *, 8> candidates;
  for (Loop *loop : loopInfo.getLoopsInPreorder())
    if (loop->isInnermost() && pollsAndCallsOnlyLeaves(*loop))
      candidates.push_back(loop);
  bool changed = false;
  for (Loop *loop : candidates) {
    uint64_t limit = PollBudget / std::max<uint64_t>(loopSize(*loop), 1);
    const SCEV *backedges = scev.getSymbolicMaxBackedgeTakenCount(loop);
    if (isa<SCEVCouldNotCompute>(backedges))
      continue;
    const APInt &bound = scev.getUnsignedRangeMax(backedges);
    if (bound.ule(limit)) {
      removePolls(*loop, loopInfo);
      domTree.recalculate(fn);
      scev.forgetLoop(loop);
      changed = true;
      continue;
    }
    changed |= versionAndRemovePolls(fn, *loop, cheapBound(backedges), limit,
                                     loopInfo, domTree, scev);
  }
  if (!changed)
    return PreservedAnalyses::all();
  PreservedAnalyses kept;
  kept.preserve<LoopAnalysis>();
  kept.preserve<DominatorTreeAnalysis>();
  return kept;
}

} // namespace mgo
