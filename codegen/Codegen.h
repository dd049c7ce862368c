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
};

// A construct codegen cannot lower: a checker bug or a feature of a later
// milestone. The driver reports it as an internal error.
struct CodegenError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

std::unique_ptr<llvm::Module> generateModule(const CheckedProgram &program,
                                             types::TypeContext &types,
                                             llvm::LLVMContext &llvm,
                                             const CodegenOptions &options);

} // namespace mgo

#endif
