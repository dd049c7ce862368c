// The parser's internals, shared by Parser.cpp (files and declarations),
// ParseExpr.cpp (expressions and types) and ParseStmt.cpp (statements).
//
// The structure and the error messages follow gc's parser
// (cmd/compile/internal/syntax/parser.go, Go 1.19) so that syntax errors read
// exactly as Go reports them; the tree built is go/ast-shaped (AST.h).
#ifndef MGO_FRONTEND_PARSERIMPL_H
#define MGO_FRONTEND_PARSERIMPL_H

#include "frontend/AST.h"
#include "frontend/Diagnostics.h"
#include "frontend/Lexer.h"

#include <llvm/Support/Casting.h>

#include <initializer_list>
#include <unordered_set>

namespace mgo {

class Parser {
public:
  Parser(const SourceFile &source, AstContext &ast, DiagEngine &diags);
  File *parseFile();

  // Deeper nesting than this is refused with one error: the rest of the
  // compiler walks the tree recursively and must not overflow its stack.
  static constexpr int MaxDepth = 1000;

private:
  friend class DepthGuard;
  using Kind = Token::Kind;

  // Tokens and errors.
  void next();
  bool got(Kind k);
  void want(Kind k);
  SrcLoc pos() const { return tok_.loc; }
  bool isLiteral() const;
  std::string tokDesc() const;
  static std::string tokString(Kind k);
  void error(SrcLoc at, const std::string &msg);
  void syntaxErrorAt(SrcLoc at, const std::string &msg);
  void syntaxError(const std::string &msg) { syntaxErrorAt(pos(), msg); }
  void advance(std::initializer_list<Kind> followlist = {});
  template <typename F>
  SrcLoc list(const char *context, Kind sep, Kind close, F f);
  bool enter();
  void leave() { depth_--; }

  // Declarations (Parser.cpp).
  void packageClause(File *f);
  GenDecl *genDecl(Kind tok, SrcLoc at);
  template <typename F> GenDecl *group(Kind tok, SrcLoc at, F spec);
  ImportSpec *importSpec();
  ValueSpec *constSpec(int64_t iota);
  ValueSpec *varSpec();
  TypeSpec *typeSpec();
  FuncDecl *funcDeclOrNil(SrcLoc at);
  Ident *name();
  std::vector<Ident *> nameList(Ident *first);
  bool gotAssign();

  // Expressions and types (ParseExpr.cpp).
  Expr *expr();
  std::vector<Expr *> exprList();
  Expr *binaryExpr(Expr *x, int prec);
  Expr *unaryExpr();
  Expr *operand();
  Expr *pexpr(Expr *x);
  Expr *basicLit();
  CompositeLit *complitexpr(Expr *type);
  Expr *bareComplitexpr();
  void argList(CallExpr *call);
  Expr *type();
  Expr *typeOrNil();
  Expr *typeOrNilNested();
  Expr *qualifiedName(Ident *name);
  Expr *constraintOrNil();
  Expr *unionRest(Expr *first);
  Expr *constraintTerm();
  Expr *arrayType(SrcLoc at, Expr *len);
  Expr *arrayOrTypeArgs(Ident *name, bool *instance);
  Expr *chanElem();
  StructTypeExpr *structType();
  void fieldDecl(FieldList *fields);
  InterfaceTypeExpr *interfaceType();
  FuncTypeExpr *funcType(SrcLoc at, FieldList **typeParams);
  FieldList *funcResult();
  FieldList *paramList(SrcLoc at, Ident *name, Kind close, bool requireNames);
  Field *paramDeclOrNil(Ident *name, Kind close, bool typeParam);
  BadExpr *badExpr() { return ast_.make<BadExpr>(pos()); }

  // Statements (ParseStmt.cpp).
  BlockStmt *funcBody();
  BlockStmt *blockStmt(const char *context);
  std::vector<Stmt *> stmtList();
  Stmt *stmtOrNil();
  Stmt *stmtOrNilNested();
  Stmt *labeledStmtOrNil(Ident *label);
  Stmt *simpleStmt(std::vector<Expr *> lhs, Kind keyword);
  Stmt *rangeClause(std::vector<Expr *> lhs, Kind tok, SrcLoc at);
  Stmt *declStmt();
  Stmt *callStmt();
  Stmt *returnStmt();
  Stmt *branchStmt();
  Stmt *ifStmt();
  Stmt *forStmt();
  Stmt *switchStmt();
  Stmt *selectStmt();
  CaseClause *caseClause();
  CommClause *commClause();
  struct Header {
    Stmt *init = nullptr, *cond = nullptr, *post = nullptr;
    bool range = false; // init is a RangeStmt to complete with the body
  };
  Header header(Kind keyword);
  Expr *condExpr(Stmt *s);
  void checkCommClause(Stmt *comm);

  // gc's pragmas: the //go: directives read since a declaration last took
  // them or a statement cleared them, each with the kind of declaration it
  // applies to (docs/frontend.md, "Directives").
  enum : unsigned { BuildPragma = 1, FuncPragma = 2, TypePragma = 4 };
  struct Pragma {
    SrcLoc loc;
    unsigned kind; // 0: a directive that applies to no declaration
  };
  void directive(const Lexer::Directive &d);
  void cgoDirective(const Lexer::Directive &d);
  std::vector<Pragma> takePragma();
  // Records the pragmas a declaration of the allowed kinds does not take,
  // for the checker to report.
  void usePragma(const std::vector<Pragma> &pragma, unsigned allowed);
  // Reports the pragmas pending where no declaration can take them.
  void clearPragma();

  // Type switch guards x.(type) seen but not yet claimed by a switch header.
  void claimGuard(Expr *e) { guards_.erase(e); }

  const SourceFile &source_;
  AstContext &ast_;
  DiagEngine &diags_;
  Lexer lexer_;
  Token tok_;
  bool aborted_ = false; // nesting too deep: the rest of the file is skipped
  bool hadError_ = false;
  int depth_ = 0;
  int fnest_ = 0; // function nesting, for error recovery
  int xnest_ = 0; // expression nesting; < 0 in control clause headers
  std::unordered_set<Expr *> guards_;
  std::vector<Expr *> guardOrder_;
  File *file_ = nullptr;
  std::vector<Pragma> pragma_;
};

// Counts one level of nesting for as long as it lives.
class DepthGuard {
public:
  explicit DepthGuard(Parser &p) : p_(p), ok_(p.enter()) {}
  ~DepthGuard() { p_.leave(); }
  bool ok() const { return ok_; }

private:
  Parser &p_;
  bool ok_;
};

template <typename F>
SrcLoc Parser::list(const char *context, Kind sep, Kind close, F f) {
  bool done = false;
  while (tok_.kind != Token::END_OF_FILE && tok_.kind != close && !done) {
    done = f();
    // sep is optional before close
    if (!got(sep) && tok_.kind != close) {
      syntaxError(std::string("in ") + context + "; possibly missing " +
                  tokString(sep) + " or " + tokString(close));
      advance({Token::RPAREN, Token::RBRACK, Token::RBRACE});
      if (tok_.kind != close)
        return pos();
    }
  }
  SrcLoc at = pos();
  want(close);
  return at;
}

} // namespace mgo

#endif
