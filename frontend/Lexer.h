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

#include <string>
#include <utility>
#include <vector>

namespace mgo {

class Lexer {
public:
  Lexer(const SourceFile &file, DiagEngine &diags);
  // The next token; END_OF_FILE forever once the input is exhausted.
  Token next();

  // A //go: comment: gc's directives are comments, so the lexer is what
  // sees them. The parser takes them as it reaches its pragma points; those
  // scanned so far lie before the current token, as in gc.
  struct Directive {
    SrcLoc loc;       // of the text after "//", where gc reports it
    std::string text; // without the leading "//"
    bool blank;       // alone on its line (nothing but blanks before it)
  };
  std::vector<Directive> takeDirectives() {
    return std::exchange(directives_, {});
  }

  // Whether a malformed token has been reported (the parser's first error,
  // as gc counts it, may be the scanner's).
  bool hadError() const { return hadError_; }

private:
  // Character reading, as gc's scanner: ch_ is the current code point (-1 at
  // end of input) starting at byte offset chPos_; NUL bytes, invalid UTF-8
  // and misplaced byte order marks are reported and skipped.
  void nextch();
  void errorAt(size_t offset, const std::string &msg);
  void errorHere(const std::string &msg) { errorAt(chPos_, msg); }
  Token make(Token::Kind k, size_t start);

  void skipLineComment();
  // gc's line directive: text is what follows "line " in the comment, at
  // the position the directive applies from.
  void lineDirective(std::string_view text, SrcLoc at);
  bool skipGeneralComment(size_t start); // true if it spanned lines
  Token identifier(size_t start);
  Token number(size_t start, bool seenPoint);
  int digits(int base, int *invalid, size_t start);
  Token runeLit(size_t start);
  Token stdString(size_t start);
  Token rawString(size_t start);
  bool escape(int32_t quote);
  Token operatorToken(size_t start);
  bool atIdentChar(bool first);

  const SourceFile &file_;
  DiagEngine &diags_;
  bool hadError_ = false;
  size_t pos_ = 0; // offset of the next byte to read
  bool insertSemi_ = false;
  int32_t ch_ = -1;
  size_t chPos_ = 0;
  bool bad_ = false; // the literal being scanned is malformed
  std::vector<Directive> directives_;
};

} // namespace mgo

#endif
