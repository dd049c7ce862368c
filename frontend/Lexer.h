// The lexer: UTF-8 source to tokens, with Go's automatic semicolons.
//
// A newline (or end of file) after an identifier, a literal, one of the
// keywords break/continue/fallthrough/return, or one of ++ -- ) ] } becomes a
// SEMICOLON token whose text is "\n". Comments are skipped (a general comment
// containing a newline counts as a newline for that rule). Malformed input
// (bad characters, unterminated literals, invalid escapes, NUL bytes, invalid
// UTF-8) is reported through DiagEngine and lexing continues.
#ifndef MGO_FRONTEND_LEXER_H
#define MGO_FRONTEND_LEXER_H

#include "frontend/Diagnostics.h"
#include "frontend/Token.h"

namespace mgo {

class Lexer {
public:
  Lexer(const SourceFile &file, DiagEngine &diags);
  // The next token; END_OF_FILE forever once the input is exhausted.
  Token next();

private:
  const SourceFile &file_;
  DiagEngine &diags_;
  size_t pos_ = 0;
  bool insertSemi_ = false;
};

} // namespace mgo

#endif
