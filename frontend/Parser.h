// The parser: tokens to an AST (frontend/AST.h), by recursive descent over
// Go's grammar. Syntax outside mini-Go that is easy to recognise (type
// parameters, goto, labels on non-loops are fine) is parsed and left for the
// checker to refuse with a precise message; only true syntax errors are
// reported here, as gc words them: "syntax error: unexpected newline, expected
// comma or )". The parser never gives up on a file: it resynchronises at the
// next statement or declaration, and always returns a File.
#ifndef MGO_FRONTEND_PARSER_H
#define MGO_FRONTEND_PARSER_H

#include "frontend/AST.h"
#include "frontend/Diagnostics.h"

namespace mgo {

File *parseFile(const SourceFile &source, AstContext &ast, DiagEngine &diags);

} // namespace mgo

#endif
