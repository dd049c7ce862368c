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
#include "frontend/Types.h"

#include <vector>

namespace mgo {

// One package-level variable initialisation: `var a, b = f()` has two lhs
// and one rhs; `var x int` has one lhs and no rhs (zero value).
struct GlobalInit {
  std::vector<types::Var *> lhs;
  Expr *rhs = nullptr;
};

struct CheckedProgram {
  File *file = nullptr;
  types::Package *pkg = nullptr;
  // Package-level variables initialised in the order the Go spec prescribes
  // (dependencies first, then declaration order).
  std::vector<GlobalInit> initOrder;
  std::vector<types::Var *> globals;   // in declaration order
  std::vector<FuncDecl *> funcs;       // functions and methods with bodies, in source order
  std::vector<types::Named *> namedTypes; // declared named types, package- and function-level
  types::Func *mainFunc = nullptr;
};

// Returns false when errors were reported.
bool checkFile(File *file, types::TypeContext &types, DiagEngine &diags, CheckedProgram &out);

} // namespace mgo

#endif
