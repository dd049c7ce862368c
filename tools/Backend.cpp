// Optimisation and machine-code emission for the host.
#include "codegen/Codegen.h"
#include "tools/Driver.h"

#include <llvm/Analysis/CGSCCPassManager.h>
#include <llvm/Analysis/LoopAnalysisManager.h>
#include <llvm/IR/LegacyPassManager.h>
#include <llvm/IR/PassManager.h>
#include <llvm/MC/TargetRegistry.h>
#include <llvm/Passes/PassBuilder.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/TargetSelect.h>
#include <llvm/Support/raw_ostream.h>
#include <llvm/Target/TargetMachine.h>
#include <llvm/Target/TargetOptions.h>
#include <llvm/TargetParser/Host.h>
#include <llvm/Transforms/Instrumentation/ThreadSanitizer.h>

#include <memory>

using namespace llvm;

namespace mgo {
namespace {

std::unique_ptr<TargetMachine> hostMachine;

CodeGenOptLevel codegenLevel(int optLevel) {
  switch (optLevel) {
  case 0:
    return CodeGenOptLevel::None;
  case 1:
    return CodeGenOptLevel::Less;
  case 3:
    return CodeGenOptLevel::Aggressive;
  default:
    return CodeGenOptLevel::Default;
  }
}

OptimizationLevel passLevel(int optLevel) {
  switch (optLevel) {
  case 1:
    return OptimizationLevel::O1;
  case 3:
    return OptimizationLevel::O3;
  default:
    return OptimizationLevel::O2;
  }
}

// The race detector's instrumentation, after optimisation as clang's
// -fsanitize=thread: each load and store of what survives it calls TSan's
// runtime (__tsan_readN/__tsan_writeN, atomics __tsan_atomic*), each
// function pushes its caller onto TSan's shadow stack, which gives
// reports their stacks. The pass instruments only functions that ask for it.
void instrumentRaces(Module &module, ModuleAnalysisManager &mam) {
  for (Function &f : module)
    if (!f.isDeclaration())
      f.addFnAttr(Attribute::SanitizeThread);
  ModulePassManager mpm;
  mpm.addPass(ModuleThreadSanitizerPass());
  mpm.addPass(createModuleToFunctionPassAdaptor(ThreadSanitizerPass()));
  mpm.run(module, mam);
}

} // namespace

bool initTarget() {
  InitializeNativeTarget();
  InitializeNativeTargetAsmPrinter();
  std::string triple = sys::getDefaultTargetTriple();
  std::string err;
  const Target *target = TargetRegistry::lookupTarget(triple, err);
  if (!target) {
    errs() << "mgoc: internal error: no target for " << triple << ": " << err
           << "\n";
    return false;
  }
  TargetOptions to;
  hostMachine.reset(
      target->createTargetMachine(triple, "generic", "", to, Reloc::PIC_));
  return hostMachine != nullptr;
}

void optimizeModule(Module &module, int optLevel, bool race) {
  module.setTargetTriple(hostMachine->getTargetTriple().str());
  module.setDataLayout(hostMachine->createDataLayout());
  hostMachine->setOptLevel(codegenLevel(optLevel));
  if (optLevel == 0 && !race) {
    moveLargeSlotsToHeap(module);
    return;
  }
  LoopAnalysisManager lam;
  FunctionAnalysisManager fam;
  CGSCCAnalysisManager cgam;
  ModuleAnalysisManager mam;
  PassBuilder pb(hostMachine.get());
  pb.registerModuleAnalyses(mam);
  pb.registerCGSCCAnalyses(cgam);
  pb.registerFunctionAnalyses(fam);
  pb.registerLoopAnalyses(lam);
  pb.crossRegisterProxies(lam, fam, cgam, mam);
  pb.registerVectorizerStartEPCallback(
      [](FunctionPassManager &fpm, OptimizationLevel) {
        fpm.addPass(BoundPreemptPolls());
      });
  if (optLevel > 0) {
    ModulePassManager mpm =
        pb.buildPerModuleDefaultPipeline(passLevel(optLevel));
    mpm.run(module, mam);
  }
  moveLargeSlotsToHeap(module);
  if (race)
    instrumentRaces(module, mam);
}

int writeIR(Module &module, const std::string &path) {
  std::error_code ec;
  raw_fd_ostream out(path, ec, sys::fs::OF_Text);
  if (ec) {
    errs() << "mgoc: error: cannot write " << path << ": " << ec.message()
           << "\n";
    return 1;
  }
  module.print(out, nullptr);
  return 0;
}

int writeObject(Module &module, const std::string &path, bool assembly) {
  std::error_code ec;
  raw_fd_ostream out(path, ec, assembly ? sys::fs::OF_Text : sys::fs::OF_None);
  if (ec) {
    errs() << "mgoc: error: cannot write " << path << ": " << ec.message()
           << "\n";
    return 1;
  }
  legacy::PassManager pm;
  auto kind =
      assembly ? CodeGenFileType::AssemblyFile : CodeGenFileType::ObjectFile;
  if (hostMachine->addPassesToEmitFile(pm, out, nullptr, kind)) {
    errs() << "mgoc: internal error: the target cannot emit this file type\n";
    return 3;
  }
  pm.run(module);
  return 0;
}

} // namespace mgo
