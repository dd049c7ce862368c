// The abstract syntax tree of one mini-Go source file.
//
// The shape follows Go's go/ast so that anyone who knows it can read this.
// The parser builds it; the checker annotates it in place (Expr::tv,
// Ident::obj, and the few checker fields marked below); codegen only reads it.
// Nodes are owned by an AstContext and never freed individually; node pointers
// stay valid for the whole compilation. Every node kind supports
// llvm::isa/dyn_cast.
#ifndef MGO_FRONTEND_AST_H
#define MGO_FRONTEND_AST_H

#include "frontend/Constant.h"
#include "frontend/Diagnostics.h"
#include "frontend/Token.h"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace mgo {

namespace types {
class Type;
class Object;
class Var;
class Func;
class Scope;
class Label;
} // namespace types

class Stmt;
class BlockStmt;
class FuncTypeExpr;

class Node {
public:
  enum Kind {
    // Expressions
    FirstExpr,
    BadExprKind = FirstExpr,
    IdentKind,
    BasicLitKind,
    CompositeLitKind,
    FuncLitKind,
    ParenExprKind,
    SelectorExprKind,
    IndexExprKind,
    SliceExprKind,
    TypeAssertExprKind,
    CallExprKind,
    StarExprKind,
    UnaryExprKind,
    BinaryExprKind,
    KeyValueExprKind,
    EllipsisKind, // `...T` as the type of a variadic parameter
    ArrayTypeKind,
    StructTypeKind,
    FuncTypeKind,
    InterfaceTypeKind,
    MapTypeKind,
    ChanTypeKind,
    LastExpr = ChanTypeKind,
    // Statements
    FirstStmt,
    BadStmtKind = FirstStmt,
    DeclStmtKind,
    EmptyStmtKind,
    LabeledStmtKind,
    ExprStmtKind,
    SendStmtKind,
    IncDecStmtKind,
    AssignStmtKind,
    GoStmtKind,
    DeferStmtKind,
    ReturnStmtKind,
    BranchStmtKind,
    BlockStmtKind,
    IfStmtKind,
    CaseClauseKind,
    SwitchStmtKind,
    TypeSwitchStmtKind,
    CommClauseKind,
    SelectStmtKind,
    ForStmtKind,
    RangeStmtKind,
    LastStmt = RangeStmtKind,
    // Declarations and the rest
    FieldKind,
    FieldListKind,
    ImportSpecKind,
    ValueSpecKind,
    TypeSpecKind,
    GenDeclKind,
    FuncDeclKind,
    FileKind,
  };

  virtual ~Node() = default;
  Kind kind() const { return kind_; }
  SrcLoc loc; // where the node starts (for a binary expression: its operator)

protected:
  Node(Kind k, SrcLoc l) : loc(l), kind_(k) {}

private:
  Kind kind_;
};

// ---------------------------------------------------------------------------
// Expressions

// What the checker learnt about an expression (go/types' TypeAndValue).
struct TypeAndValue {
  enum Mode {
    Invalid,  // checking failed; an error was reported
    NoValue,  // a call of a function without results
    Builtin,  // a built-in function name, only callable
    TypeExpr, // the expression denotes a type
    Constant, // a constant: value is set
    Variable, // an addressable value
    MapIndex, // m[k]: assignable, not addressable
    Value,    // any other value
    CommaOk,  // m[k], x.(T) or <-ch in a context taking two results
  };
  Mode mode = Invalid;
  types::Type *type =
      nullptr; // for Constant: the constant's (possibly untyped) type
  std::optional<ConstValue> value;

  bool isConstant() const { return mode == Constant; }
  bool isType() const { return mode == TypeExpr; }
  bool isAddressable() const { return mode == Variable; }
};

class Expr : public Node {
public:
  TypeAndValue tv; // set by the checker
  static bool classof(const Node *n) {
    return n->kind() >= FirstExpr && n->kind() <= LastExpr;
  }

protected:
  Expr(Kind k, SrcLoc l) : Node(k, l) {}
};

class BadExpr : public Expr {
public:
  explicit BadExpr(SrcLoc l) : Expr(BadExprKind, l) {}
  static bool classof(const Node *n) { return n->kind() == BadExprKind; }
};

class Ident : public Expr {
public:
  Ident(SrcLoc l, std::string n) : Expr(IdentKind, l), name(std::move(n)) {}
  std::string name;
  // The object this identifier denotes or declares (checker). Null for `_`
  // and for the package name in the package clause.
  types::Object *obj = nullptr;
  bool isBlank() const { return name == "_"; }
  static bool classof(const Node *n) { return n->kind() == IdentKind; }
};

class BasicLit : public Expr {
public:
  // tok is one of INT, FLOAT, IMAG, CHAR, STRING; raw is the literal as
  // written.
  BasicLit(SrcLoc l, Token::Kind t, std::string r)
      : Expr(BasicLitKind, l), tok(t), raw(std::move(r)) {}
  Token::Kind tok;
  std::string raw;
  static bool classof(const Node *n) { return n->kind() == BasicLitKind; }
};

class CompositeLit : public Expr {
public:
  CompositeLit(SrcLoc l, Expr *t) : Expr(CompositeLitKind, l), type(t) {}
  Expr *type; // null when elided inside an enclosing composite literal
  std::vector<Expr *> elts; // KeyValueExpr for keyed elements
  SrcLoc rbrace;
  static bool classof(const Node *n) { return n->kind() == CompositeLitKind; }
};

class FuncLit : public Expr {
public:
  FuncLit(SrcLoc l, FuncTypeExpr *t, BlockStmt *b)
      : Expr(FuncLitKind, l), type(t), body(b) {}
  FuncTypeExpr *type;
  BlockStmt *body;
  // Variables of enclosing functions the literal refers to, in first-use
  // order (checker). Codegen stores them in the closure's environment.
  std::vector<types::Var *> captures;
  static bool classof(const Node *n) { return n->kind() == FuncLitKind; }
};

class ParenExpr : public Expr {
public:
  ParenExpr(SrcLoc l, Expr *e) : Expr(ParenExprKind, l), x(e) {}
  Expr *x;
  static bool classof(const Node *n) { return n->kind() == ParenExprKind; }
};

// How the checker resolved x.sel.
struct Selection {
  enum Kind {
    None,          // not resolved (error)
    PackageMember, // pkg.Name: sel->obj is the member
    FieldVal,      // x.f: a struct field, possibly through implicit *
    MethodVal,     // x.m: a method value or the callee of a method call
    MethodExpr,    // T.m: a method expression
  };
  Kind kind = None;
  // FieldVal: the field index in the struct. MethodVal/MethodExpr: the method
  // is sel->obj (a types::Func).
  int index = -1;
  // x is a pointer that is implicitly dereferenced (p.f with p *T), or, for
  // a method with a pointer receiver called on an addressable value, the
  // address is taken implicitly.
  bool implicitDeref = false;
  bool implicitAddr = false;
  // MethodExpr of a promoted method (S.M, M declared on an embedded T): the
  // embedded fields from S to the method's receiver, outermost first. A
  // promoted field or method value instead gets an implicit selector per
  // embedded field in x.
  std::vector<int> path;
};

class SelectorExpr : public Expr {
public:
  SelectorExpr(SrcLoc l, Expr *e, Ident *s)
      : Expr(SelectorExprKind, l), x(e), sel(s) {}
  Expr *x;
  Ident *sel;
  // The '.', where gc places the selector (a nil dereference's line); not
  // valid for selectors the checker makes.
  SrcLoc dot;
  Selection selection; // checker
  // Made by the checker for an embedded field a promoted selector walks
  // through (s.f with f in s's embedded T is s.T.f); messages leave it out.
  bool implicit = false;
  static bool classof(const Node *n) { return n->kind() == SelectorExprKind; }
};

class IndexExpr : public Expr {
public:
  IndexExpr(SrcLoc l, Expr *e, Expr *i)
      : Expr(IndexExprKind, l), x(e), index(i) {}
  Expr *x;
  Expr *index;
  // F[A, B]: the type arguments after the first (an instantiation).
  std::vector<Expr *> more;
  SrcLoc lbrack;
  static bool classof(const Node *n) { return n->kind() == IndexExprKind; }
};

class SliceExpr : public Expr {
public:
  SliceExpr(SrcLoc l, Expr *e) : Expr(SliceExprKind, l), x(e) {}
  Expr *x;
  Expr *lo = nullptr, *hi = nullptr, *max = nullptr; // null when omitted
  bool slice3 = false;
  SrcLoc lbrack; // where gc places the slicing (its bounds checks)
  static bool classof(const Node *n) { return n->kind() == SliceExprKind; }
};

class TypeAssertExpr : public Expr {
public:
  TypeAssertExpr(SrcLoc l, Expr *e, Expr *t)
      : Expr(TypeAssertExprKind, l), x(e), type(t) {}
  Expr *x;
  Expr *type; // null for x.(type) in a type switch
  SrcLoc dot; // where gc places the assertion (its panic)
  static bool classof(const Node *n) { return n->kind() == TypeAssertExprKind; }
};

class CallExpr : public Expr {
public:
  CallExpr(SrcLoc l, Expr *f) : Expr(CallExprKind, l), fun(f) {}
  Expr *fun;
  std::vector<Expr *> args;
  bool hasEllipsis = false; // f(xs...)
  SrcLoc lparen;
  SrcLoc rparen;
  // Checker: the call is a conversion T(x) (fun->tv.isType()), or a call of
  // a built-in (fun->tv.mode == Builtin); otherwise an ordinary call.
  static bool classof(const Node *n) { return n->kind() == CallExprKind; }
};

// *x: a dereference, or a pointer type when x is a type.
class StarExpr : public Expr {
public:
  StarExpr(SrcLoc l, Expr *e) : Expr(StarExprKind, l), x(e) {}
  Expr *x;
  static bool classof(const Node *n) { return n->kind() == StarExprKind; }
};

class UnaryExpr : public Expr {
public:
  // op: ADD SUB NOT XOR AND (address-of) ARROW (receive)
  UnaryExpr(SrcLoc l, Token::Kind o, Expr *e)
      : Expr(UnaryExprKind, l), op(o), x(e) {}
  Token::Kind op;
  Expr *x;
  static bool classof(const Node *n) { return n->kind() == UnaryExprKind; }
};

class BinaryExpr : public Expr {
public:
  BinaryExpr(SrcLoc l, Token::Kind o, Expr *a, Expr *b)
      : Expr(BinaryExprKind, l), op(o), x(a), y(b) {}
  Token::Kind op;
  Expr *x, *y;
  static bool classof(const Node *n) { return n->kind() == BinaryExprKind; }
};

class KeyValueExpr : public Expr {
public:
  KeyValueExpr(SrcLoc l, Expr *k, Expr *v)
      : Expr(KeyValueExprKind, l), key(k), value(v) {}
  Expr *key, *value;
  static bool classof(const Node *n) { return n->kind() == KeyValueExprKind; }
};

class Ellipsis : public Expr {
public:
  Ellipsis(SrcLoc l, Expr *e) : Expr(EllipsisKind, l), elt(e) {}
  Expr *elt;
  static bool classof(const Node *n) { return n->kind() == EllipsisKind; }
};

// [N]T, [...]T (len is an Ellipsis with no elt) or []T (len null).
class ArrayTypeExpr : public Expr {
public:
  ArrayTypeExpr(SrcLoc l, Expr *n, Expr *e)
      : Expr(ArrayTypeKind, l), len(n), elt(e) {}
  Expr *len;
  Expr *elt;
  static bool classof(const Node *n) { return n->kind() == ArrayTypeKind; }
};

class Field : public Node {
public:
  explicit Field(SrcLoc l) : Node(FieldKind, l) {}
  std::vector<Ident *>
      names; // empty for an anonymous parameter or embedded field
  Expr *type = nullptr;
  BasicLit *tag = nullptr;
  static bool classof(const Node *n) { return n->kind() == FieldKind; }
};

class FieldList : public Node {
public:
  explicit FieldList(SrcLoc l) : Node(FieldListKind, l) {}
  std::vector<Field *> list;
  size_t numFields() const {
    size_t n = 0;
    for (Field *f : list)
      n += f->names.empty() ? 1 : f->names.size();
    return n;
  }
  static bool classof(const Node *n) { return n->kind() == FieldListKind; }
};

class StructTypeExpr : public Expr {
public:
  StructTypeExpr(SrcLoc l, FieldList *f) : Expr(StructTypeKind, l), fields(f) {}
  FieldList *fields;
  static bool classof(const Node *n) { return n->kind() == StructTypeKind; }
};

class FuncTypeExpr : public Expr {
public:
  FuncTypeExpr(SrcLoc l, FieldList *p, FieldList *r)
      : Expr(FuncTypeKind, l), params(p), results(r) {}
  FieldList *typeParams = nullptr; // a generic function's, else null
  FieldList *params;
  FieldList *results; // null when the function has no results
  static bool classof(const Node *n) { return n->kind() == FuncTypeKind; }
};

// Methods are Fields with one name and a FuncTypeExpr type; embedded
// interfaces are Fields with no names.
class InterfaceTypeExpr : public Expr {
public:
  InterfaceTypeExpr(SrcLoc l, FieldList *m)
      : Expr(InterfaceTypeKind, l), methods(m) {}
  FieldList *methods;
  static bool classof(const Node *n) { return n->kind() == InterfaceTypeKind; }
};

class MapTypeExpr : public Expr {
public:
  MapTypeExpr(SrcLoc l, Expr *k, Expr *v)
      : Expr(MapTypeKind, l), key(k), value(v) {}
  Expr *key, *value;
  static bool classof(const Node *n) { return n->kind() == MapTypeKind; }
};

enum class ChanDir { Both, Send, Recv };

class ChanTypeExpr : public Expr {
public:
  ChanTypeExpr(SrcLoc l, ChanDir d, Expr *v)
      : Expr(ChanTypeKind, l), dir(d), value(v) {}
  ChanDir dir;
  Expr *value;
  static bool classof(const Node *n) { return n->kind() == ChanTypeKind; }
};

// ---------------------------------------------------------------------------
// Statements

class Stmt : public Node {
public:
  static bool classof(const Node *n) {
    return n->kind() >= FirstStmt && n->kind() <= LastStmt;
  }

protected:
  Stmt(Kind k, SrcLoc l) : Node(k, l) {}
};

class GenDecl;

class BadStmt : public Stmt {
public:
  explicit BadStmt(SrcLoc l) : Stmt(BadStmtKind, l) {}
  static bool classof(const Node *n) { return n->kind() == BadStmtKind; }
};

class DeclStmt : public Stmt {
public:
  DeclStmt(SrcLoc l, GenDecl *d) : Stmt(DeclStmtKind, l), decl(d) {}
  GenDecl *decl;
  static bool classof(const Node *n) { return n->kind() == DeclStmtKind; }
};

class EmptyStmt : public Stmt {
public:
  explicit EmptyStmt(SrcLoc l) : Stmt(EmptyStmtKind, l) {}
  static bool classof(const Node *n) { return n->kind() == EmptyStmtKind; }
};

class LabeledStmt : public Stmt {
public:
  LabeledStmt(SrcLoc l, Ident *lab, Stmt *s)
      : Stmt(LabeledStmtKind, l), label(lab), stmt(s) {}
  Ident *label;
  Stmt *stmt;
  // A goto jumps here (checker): codegen gives the label a block of its own,
  // and a defer after it may run more than once.
  bool gotoTarget = false;
  static bool classof(const Node *n) { return n->kind() == LabeledStmtKind; }
};

class ExprStmt : public Stmt {
public:
  ExprStmt(SrcLoc l, Expr *e) : Stmt(ExprStmtKind, l), x(e) {}
  Expr *x;
  static bool classof(const Node *n) { return n->kind() == ExprStmtKind; }
};

class SendStmt : public Stmt {
public:
  SendStmt(SrcLoc l, Expr *c, Expr *v)
      : Stmt(SendStmtKind, l), chan(c), value(v) {}
  Expr *chan, *value;
  static bool classof(const Node *n) { return n->kind() == SendStmtKind; }
};

class IncDecStmt : public Stmt {
public:
  IncDecStmt(SrcLoc l, Expr *e, bool i)
      : Stmt(IncDecStmtKind, l), x(e), inc(i) {}
  Expr *x;
  bool inc;
  static bool classof(const Node *n) { return n->kind() == IncDecStmtKind; }
};

class AssignStmt : public Stmt {
public:
  // tok: ASSIGN, DEFINE, or an op-assign (ADD_ASSIGN, ...).
  AssignStmt(SrcLoc l, Token::Kind t) : Stmt(AssignStmtKind, l), tok(t) {}
  std::vector<Expr *> lhs;
  Token::Kind tok;
  SrcLoc tokLoc; // where tok is (gc reports some errors there)
  std::vector<Expr *> rhs;
  // For DEFINE (checker): isNew[i] says whether lhs[i] declares a new
  // variable (otherwise it assigns an existing one).
  std::vector<bool> isNew;
  static bool classof(const Node *n) { return n->kind() == AssignStmtKind; }
};

class GoStmt : public Stmt {
public:
  GoStmt(SrcLoc l, CallExpr *c) : Stmt(GoStmtKind, l), call(c) {}
  CallExpr *call;
  static bool classof(const Node *n) { return n->kind() == GoStmtKind; }
};

class DeferStmt : public Stmt {
public:
  DeferStmt(SrcLoc l, CallExpr *c) : Stmt(DeferStmtKind, l), call(c) {}
  CallExpr *call;
  static bool classof(const Node *n) { return n->kind() == DeferStmtKind; }
};

class ReturnStmt : public Stmt {
public:
  explicit ReturnStmt(SrcLoc l) : Stmt(ReturnStmtKind, l) {}
  std::vector<Expr *> results;
  static bool classof(const Node *n) { return n->kind() == ReturnStmtKind; }
};

class BranchStmt : public Stmt {
public:
  // tok: BREAK, CONTINUE, GOTO, FALLTHROUGH.
  BranchStmt(SrcLoc l, Token::Kind t, Ident *lab)
      : Stmt(BranchStmtKind, l), tok(t), label(lab) {}
  Token::Kind tok;
  Ident *label; // may be null
  // The for/switch/select statement a break or continue leaves (checker);
  // for a labeled break, the statement the label names; for a goto, the
  // LabeledStmt it jumps to.
  Stmt *target = nullptr;
  static bool classof(const Node *n) { return n->kind() == BranchStmtKind; }
};

class BlockStmt : public Stmt {
public:
  explicit BlockStmt(SrcLoc l) : Stmt(BlockStmtKind, l) {}
  std::vector<Stmt *> list;
  SrcLoc rbrace;
  static bool classof(const Node *n) { return n->kind() == BlockStmtKind; }
};

class IfStmt : public Stmt {
public:
  explicit IfStmt(SrcLoc l) : Stmt(IfStmtKind, l) {}
  Stmt *init = nullptr;
  Expr *cond = nullptr;
  BlockStmt *then = nullptr;
  Stmt *els = nullptr; // IfStmt or BlockStmt, or null
  static bool classof(const Node *n) { return n->kind() == IfStmtKind; }
};

// A case of an expression switch or type switch.
class CaseClause : public Stmt {
public:
  explicit CaseClause(SrcLoc l) : Stmt(CaseClauseKind, l) {}
  std::vector<Expr *> list; // empty for default
  bool isDefault = false;
  std::vector<Stmt *> body;
  // Type switch with a bound variable `switch v := x.(type)`: the variable
  // implicitly declared in this clause (checker).
  types::Var *implicitVar = nullptr;
  static bool classof(const Node *n) { return n->kind() == CaseClauseKind; }
};

class SwitchStmt : public Stmt {
public:
  explicit SwitchStmt(SrcLoc l) : Stmt(SwitchStmtKind, l) {}
  Stmt *init = nullptr;
  Expr *tag = nullptr; // null: switch true
  std::vector<CaseClause *> clauses;
  static bool classof(const Node *n) { return n->kind() == SwitchStmtKind; }
};

class TypeSwitchStmt : public Stmt {
public:
  explicit TypeSwitchStmt(SrcLoc l) : Stmt(TypeSwitchStmtKind, l) {}
  Stmt *init = nullptr;
  // `x := y.(type)` (an AssignStmt with DEFINE) or `y.(type)` (an ExprStmt).
  Stmt *assign = nullptr;
  std::vector<CaseClause *> clauses;
  static bool classof(const Node *n) { return n->kind() == TypeSwitchStmtKind; }
};

class CommClause : public Stmt {
public:
  explicit CommClause(SrcLoc l) : Stmt(CommClauseKind, l) {}
  Stmt *comm = nullptr; // SendStmt, ExprStmt(<-c), AssignStmt(v[, ok] = / :=
                        // <-c); null for default
  std::vector<Stmt *> body;
  static bool classof(const Node *n) { return n->kind() == CommClauseKind; }
};

class SelectStmt : public Stmt {
public:
  explicit SelectStmt(SrcLoc l) : Stmt(SelectStmtKind, l) {}
  std::vector<CommClause *> clauses;
  static bool classof(const Node *n) { return n->kind() == SelectStmtKind; }
};

class ForStmt : public Stmt {
public:
  explicit ForStmt(SrcLoc l) : Stmt(ForStmtKind, l) {}
  Stmt *init = nullptr;
  Expr *cond = nullptr;
  Stmt *post = nullptr;
  BlockStmt *body = nullptr;
  static bool classof(const Node *n) { return n->kind() == ForStmtKind; }
};

class RangeStmt : public Stmt {
public:
  explicit RangeStmt(SrcLoc l) : Stmt(RangeStmtKind, l) {}
  Expr *key = nullptr, *value = nullptr; // either may be null
  // A third variable, which the checker reports once it knows whether the
  // range expression allows a second (gc's types2 does so).
  Expr *extra = nullptr;
  Token::Kind tok =
      Token::ILLEGAL; // DEFINE, ASSIGN, or ILLEGAL when no variables
  Expr *x = nullptr;
  BlockStmt *body = nullptr;
  static bool classof(const Node *n) { return n->kind() == RangeStmtKind; }
};

// ---------------------------------------------------------------------------
// Declarations

class ImportSpec : public Node {
public:
  explicit ImportSpec(SrcLoc l) : Node(ImportSpecKind, l) {}
  Ident *name = nullptr; // null, an alias, `_` or `.`
  BasicLit *path = nullptr;
  static bool classof(const Node *n) { return n->kind() == ImportSpecKind; }
};

class ValueSpec : public Node {
public:
  explicit ValueSpec(SrcLoc l) : Node(ValueSpecKind, l) {}
  std::vector<Ident *> names;
  Expr *type = nullptr;
  // For a const spec with no values the parser leaves this empty; the checker
  // repeats the previous spec's expressions with this spec's iota.
  std::vector<Expr *> values;
  int64_t iota = 0; // index of the spec within its const group
  static bool classof(const Node *n) { return n->kind() == ValueSpecKind; }
};

class TypeSpec : public Node {
public:
  explicit TypeSpec(SrcLoc l) : Node(TypeSpecKind, l) {}
  Ident *name = nullptr;
  FieldList *typeParams = nullptr; // a generic type's, else null
  bool isAlias = false;            // type A = B
  Expr *type = nullptr;
  static bool classof(const Node *n) { return n->kind() == TypeSpecKind; }
};

class GenDecl : public Node {
public:
  // tok: IMPORT, CONST, TYPE, VAR.
  GenDecl(SrcLoc l, Token::Kind t) : Node(GenDeclKind, l), tok(t) {}
  Token::Kind tok;
  std::vector<Node *> specs; // ImportSpec, ValueSpec or TypeSpec
  bool grouped = false;
  static bool classof(const Node *n) { return n->kind() == GenDeclKind; }
};

class FuncDecl : public Node {
public:
  explicit FuncDecl(SrcLoc l) : Node(FuncDeclKind, l) {}
  FieldList *recv = nullptr; // null for a function
  Ident *name = nullptr;
  FuncTypeExpr *type = nullptr;
  BlockStmt *body = nullptr; // null for a declaration without body (refused)
  static bool classof(const Node *n) { return n->kind() == FuncDeclKind; }
};

class File : public Node {
public:
  explicit File(SrcLoc l) : Node(FileKind, l) {}
  Ident *packageName = nullptr;
  std::vector<ImportSpec *> imports;
  std::vector<Node *> decls; // GenDecl and FuncDecl, in source order
  // //go:linkname localname importpath.name: the function localname of this
  // package is importpath.name (docs/lowering.md, "Functions without a
  // body"). The one-argument form only exports a name, which changes
  // nothing for mgoc.
  struct Linkname {
    SrcLoc loc;
    std::string local, target;
  };
  std::vector<Linkname> linknames; // target empty: the one-argument form
  // A directive only the runtime or the standard library may use, or one
  // malformed (allowed nowhere), with the error the checker reports if the
  // package is not one of those: gc type-checks a file despite them, and
  // mgoc gives up a package after its parser's errors.
  struct RestrictedDirective {
    SrcLoc loc;
    std::string msg;
    enum { Nowhere, Runtime, Library } allowedIn;
  };
  std::vector<RestrictedDirective> restrictedDirectives;
  // Directives a declaration took but does not allow: gc reports them
  // after type-checking, only if that found no error.
  std::vector<SrcLoc> misplacedDirectives;
  static bool classof(const Node *n) { return n->kind() == FileKind; }
};

// A copy of a declaration's syntax without the checker's annotations, for
// checking one instance of a generic function or method (CheckGeneric.cpp).
FuncDecl *cloneFuncDecl(const FuncDecl *d,
                        const std::function<void(std::unique_ptr<Node>)> &own);
Expr *cloneExpr(const Expr *e,
                const std::function<void(std::unique_ptr<Node>)> &own);

// Where the source text of e begins: its leftmost operand for a binary
// expression (whose loc is the operator), else e->loc.
SrcLoc startLoc(const Expr *e);

// e as gc prints expressions in messages: "x + y", "f(a, b)", "[]int{…}".
std::string exprString(const Expr *e);

// Owns every node of one compilation.
class AstContext {
public:
  template <typename T, typename... Args> T *make(Args &&...args) {
    auto node = std::make_unique<T>(std::forward<Args>(args)...);
    T *raw = node.get();
    nodes_.push_back(std::move(node));
    return raw;
  }

private:
  std::vector<std::unique_ptr<Node>> nodes_;
};

} // namespace mgo

#endif
