// Codegen: a checked program (frontend/Checker.h) to an LLVM module.
//
// Codegen never reparses or re-checks: it reads the typed AST and the
// TypeContext. Every runtime entry point it calls is declared from
// runtime/include/mgo/abi.def (see RuntimeABI.h).
#ifndef MGO_CODEGEN_CODEGEN_H
#define MGO_CODEGEN_CODEGEN_H

#include "frontend/Checker.h"

#include <llvm/IR/LLVMContext.h>
#include <llvm/IR/Module.h>
#include <llvm/IR/PassManager.h>

#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace mgo {

struct CodegenOptions {
  std::string sourcePath; // for the module name
  // Every source file's path, absolute (library files keep their stdlib/
  // name), indexed by SrcLoc::file: the line tables name them.
  std::vector<std::string> files;
  // The SrcLoc::file of the package's first file, which names its compile
  // unit.
  uint32_t unitFile = 0;
  // The //line directives of those files, sorted by position: the line
  // tables name the positions they give, as gc's (DiagEngine::lineDirectives).
  std::vector<LineDirective> lineDirectives;
  // Give the optimiser the bodies of the small functions the package calls
  // in the packages it imports (available_externally), to inline them.
  bool inlineImports = false;
  // -g: types, parameters and locals for debuggers, and the gdb extension;
  // without it, only what tracebacks read (functions and lines).
  bool debugVariables = false;
};

// A construct codegen cannot lower: a checker bug or a feature of a later
// milestone. The driver reports it as an internal error.
struct CodegenError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// The module of one package of program (program itself or one of
// program.libraries): the package's functions and variables, declarations of
// the other packages' it uses, and the type descriptors, itabs and method
// wrappers it needs, which every module that needs them defines for the
// linker to keep one of. Main's module also holds main..init, which calls
// the other packages' init functions, and the C main.
std::unique_ptr<llvm::Module> generatePackage(const CheckedProgram &program,
                                              const CheckedProgram &package,
                                              types::TypeContext &types,
                                              llvm::LLVMContext &llvm,
                                              const CodegenOptions &options);

// Replaces each stack slot of more than 64 KiB in module's functions by a
// heap allocation where the function starts (codegen/StackSlots.cpp). Run
// after the optimiser, which deletes the copies it forwards and gathers
// inlined callees' slots into their callers' entry blocks.
void moveLargeSlotsToHeap(llvm::Module &module);

// Drops the preemption polls of inner loops that make no calls and whose trip
// count bounds their run time, versioning the loop on its trip count where it
// is known only at run time (codegen/PreemptLoops.cpp). Registered just
// before the vectoriser.
struct BoundPreemptPolls : llvm::PassInfoMixin<BoundPreemptPolls> {
  llvm::PreservedAnalyses run(llvm::Function &fn,
                              llvm::FunctionAnalysisManager &fam);
};

} // namespace mgo

#endif
