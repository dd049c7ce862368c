// The type checker: resolves names, computes types and constant values,
// annotates the AST in place, and reports what Go rejects.
//
// After a successful check (no errors), every Expr has tv.mode != Invalid,
// every Ident that names something has obj set, and CheckedProgram lists what
// codegen needs; codegen may then assume the program is well typed.
#ifndef MGO_FRONTEND_CHECKER_H
#define MGO_FRONTEND_CHECKER_H

#include "frontend/AST.h"
#include "frontend/Diagnostics.h"
#include "frontend/Modules.h"
#include "frontend/Types.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace mgo {

struct LibraryStore;

// One package-level variable initialisation: `var a, b = f()` has two lhs
// and one rhs; `var x int` has one lhs and no rhs (zero value).
struct GlobalInit {
  std::vector<types::Var *> lhs;
  Expr *rhs = nullptr;
};

// One checked package: the program's package main, or a library package
// written in mini-Go (see frontend/Stdlib.h).
struct CheckedProgram {
  File *file = nullptr;      // the first file
  std::vector<File *> files; // every file of the package
  types::Package *pkg = nullptr;
  // Package-level variables initialised in the order the Go spec prescribes
  // (dependencies first, then declaration order).
  std::vector<GlobalInit> initOrder;
  std::vector<types::Var *> globals; // in declaration order
  std::vector<FuncDecl *>
      funcs; // functions and methods with bodies, in source order
  // A library package's functions declared without a body: the runtime
  // implements them (codegen/RuntimeABI.h names the C function).
  std::vector<types::Func *> runtimeFuncs;
  std::vector<types::Named *>
      namedTypes; // declared named types, package- and function-level
  // The import paths its files name (blank imports too), in source order;
  // the build cache keys a package by them.
  std::vector<std::string> imports;
  types::Func *mainFunc = nullptr;
  // Main's only: the library packages written in mini-Go that the program
  // imports directly or not, each after the packages it imports.
  std::vector<CheckedProgram *> libraries;
  // Owns those packages (their sources, syntax trees and CheckedPrograms).
  std::shared_ptr<LibraryStore> libraryStore;
};

// How the go command found package main: its import path in messages
// ("example.com/app/cmd/x", or "command-line-arguments" for files named on
// the command line), the import path of its directory when that is in the
// module (for the internal/ rule), and the module its imports come from.
struct PackageBuild {
  std::string importPath = "command-line-arguments";
  std::string dirImportPath;
  std::optional<ModuleInfo> module;
  std::string cwd;
  std::string goroot; // where the library's other packages are (GOROOT)
  // Whether the package is linked into a program: it must then be package
  // main with a func main. Checking alone (-fsyntax-only) takes any package,
  // as gc's compiler does: both are the linker's errors in Go.
  bool program = true;
};

// Checks package main made of files, in the order the go command passes
// them (sorted by name); returns false when errors were reported.
bool checkPackage(std::vector<File *> files, const PackageBuild &build,
                  types::TypeContext &types, DiagEngine &diags,
                  CheckedProgram &out);

// Reports files whose package clauses differ as the go command does, at the
// first such file's clause; dir is the directory they are in.
bool samePackageClause(const std::vector<File *> &files,
                       const std::vector<std::string> &names,
                       const std::string &dir, DiagEngine &diags);

} // namespace mgo

#endif
