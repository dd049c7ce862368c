// Stack slots too large for a goroutine's stack.
//
// Go keeps a variable of more than 64 KiB off the goroutine's stack (gc's
// MaxImplicitStackVarSize), so a program under debug.SetMaxStack(64 KiB) may
// still use a 1 MiB array, and a goroutine never grows its stack by megabytes,
// a page fault per 4 KiB, for one. Such a slot becomes a heap allocation made
// where the function starts, once per call, as an alloca is: what it holds
// lives as long as the frame that points to it.
//
// This runs after the optimiser: the private copies codegen makes of large
// values (codegen/Module.cpp, snapshots) are mostly forwarded and deleted by
// then, which the optimiser would not do for a heap allocation, and the
// inliner has moved inlined callees' slots into their callers' entry blocks.
#include "codegen/Codegen.h"
#include "codegen/RuntimeABI.h"

#include <llvm/ADT/SmallVector.h>
#include <llvm/IR/IntrinsicInst.h>

using namespace llvm;

namespace mgo {

static constexpr uint64_t kMaxStackSlotBytes = 64 << 10;

static std::optional<uint64_t> largeSlotSize(AllocaInst *slot,
                                             const DataLayout &layout) {
  std::optional<TypeSize> size = slot->getAllocationSize(layout);
  if (!slot->isStaticAlloca() || !size || size->isScalable() ||
      size->getFixedValue() <= kMaxStackSlotBytes)
    return std::nullopt;
  return size->getFixedValue();
}

void moveLargeSlotsToHeap(Module &module) {
  RuntimeABI rt;
  rt.init(&module,
          StructType::getTypeByName(module.getContext(), "mgo.string"));
  const DataLayout &layout = module.getDataLayout();
  Type *i64 = Type::getInt64Ty(module.getContext());
  for (Function &fn : module) {
    if (fn.isDeclaration())
      continue;
    SmallVector<std::pair<AllocaInst *, uint64_t>, 4> large;
    for (Instruction &inst : fn.getEntryBlock())
      if (auto *slot = dyn_cast<AllocaInst>(&inst))
        if (std::optional<uint64_t> size = largeSlotSize(slot, layout))
          large.push_back({slot, *size});
    for (auto [slot, size] : large) {
      // A lifetime marker is for stack slots only.
      for (User *user : make_early_inc_range(slot->users()))
        if (auto *marker = dyn_cast<LifetimeIntrinsic>(user))
          marker->eraseFromParent();
      IRBuilder<> b(slot);
      Value *cell = rt.call(b, Rt::mgo_alloc, {ConstantInt::get(i64, size)});
      cell->takeName(slot);
      slot->replaceAllUsesWith(cell);
      slot->eraseFromParent();
    }
  }
}

} // namespace mgo
