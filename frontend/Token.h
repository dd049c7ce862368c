// Tokens of Go, named as in go/token.
#ifndef MGO_FRONTEND_TOKEN_H
#define MGO_FRONTEND_TOKEN_H

#include "frontend/Diagnostics.h"

#include <string>
#include <string_view>

namespace mgo {

struct Token {
  enum Kind {
    ILLEGAL,
    END_OF_FILE,
    COMMENT,

    IDENT,
    INT,
    FLOAT,
    IMAG,
    CHAR,
    STRING,

    ADD, // +
    SUB, // -
    MUL, // *
    QUO, // /
    REM, // %

    AND,     // &
    OR,      // |
    XOR,     // ^
    SHL,     // <<
    SHR,     // >>
    AND_NOT, // &^

    ADD_ASSIGN, // +=
    SUB_ASSIGN, // -=
    MUL_ASSIGN, // *=
    QUO_ASSIGN, // /=
    REM_ASSIGN, // %=

    AND_ASSIGN,     // &=
    OR_ASSIGN,      // |=
    XOR_ASSIGN,     // ^=
    SHL_ASSIGN,     // <<=
    SHR_ASSIGN,     // >>=
    AND_NOT_ASSIGN, // &^=

    LAND,  // &&
    LOR,   // ||
    ARROW, // <-
    INC,   // ++
    DEC,   // --

    EQL,    // ==
    LSS,    // <
    GTR,    // >
    ASSIGN, // =
    NOT,    // !

    NEQ,      // !=
    LEQ,      // <=
    GEQ,      // >=
    DEFINE,   // :=
    ELLIPSIS, // ...

    LPAREN, // (
    LBRACK, // [
    LBRACE, // {
    COMMA,  // ,
    PERIOD, // .

    RPAREN,    // )
    RBRACK,    // ]
    RBRACE,    // }
    SEMICOLON, // ; (or an automatically inserted newline)
    COLON,     // :
    TILDE,     // ~ (only in constraints: refused)

    BREAK,
    CASE,
    CHAN,
    CONST,
    CONTINUE,
    DEFAULT,
    DEFER,
    ELSE,
    FALLTHROUGH,
    FOR,
    FUNC,
    GO,
    GOTO,
    IF,
    IMPORT,
    INTERFACE,
    MAP,
    PACKAGE,
    RANGE,
    RETURN,
    SELECT,
    STRUCT,
    SWITCH,
    TYPE,
    VAR,
  };

  Kind kind = ILLEGAL;
  SrcLoc loc;
  // The token's text: the identifier, the literal as written, or for an
  // automatically inserted semicolon "\n".
  std::string text;
  // A malformed literal (already reported by the lexer): the parser turns it
  // into a BadExpr so that no follow-up error is reported.
  bool bad = false;

  // Go's spelling of a token kind: "+", "break", "identifier"...
  static const char *spelling(Kind k);
  // For op-assign tokens: the binary operator (ADD_ASSIGN -> ADD).
  static Kind binaryOpOf(Kind assignOp);
  // Binary operator precedence as in the Go spec (5 highest), 0 for non-operators.
  static int precedence(Kind k);
  static bool isKeyword(Kind k) { return k >= BREAK && k <= VAR; }
};

} // namespace mgo

#endif
