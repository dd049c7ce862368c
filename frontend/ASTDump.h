// Debug dumps of the frontend's output, exposed by the driver as
// `mgoc -dump-tokens FILE` and `mgoc -dump-ast FILE` (used by the lexer and
// parser test suites).
#ifndef MGO_FRONTEND_ASTDUMP_H
#define MGO_FRONTEND_ASTDUMP_H

#include "frontend/AST.h"
#include "frontend/Diagnostics.h"

#include <llvm/Support/raw_ostream.h>

namespace mgo {

// One token per line: `line:col KIND 'text'`, ending with the EOF token.
// Lexical errors go to diags.
void dumpTokens(const SourceFile &file, DiagEngine &diags,
                llvm::raw_ostream &os);

// The tree as indented S-expressions, each node with its line:col.
void dumpAST(const File *file, llvm::raw_ostream &os);

} // namespace mgo

#endif
