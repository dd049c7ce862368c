#include "frontend/ASTDump.h"
#include "frontend/Lexer.h"

#include <llvm/Support/Casting.h>

namespace mgo {

using llvm::dyn_cast;

static const char *kindName(Token::Kind k) {
  static const char *const names[] = {"ILLEGAL",
                                      "EOF",
                                      "COMMENT",
                                      "IDENT",
                                      "INT",
                                      "FLOAT",
                                      "IMAG",
                                      "CHAR",
                                      "STRING",
                                      "ADD",
                                      "SUB",
                                      "MUL",
                                      "QUO",
                                      "REM",
                                      "AND",
                                      "OR",
                                      "XOR",
                                      "SHL",
                                      "SHR",
                                      "AND_NOT",
                                      "ADD_ASSIGN",
                                      "SUB_ASSIGN",
                                      "MUL_ASSIGN",
                                      "QUO_ASSIGN",
                                      "REM_ASSIGN",
                                      "AND_ASSIGN",
                                      "OR_ASSIGN",
                                      "XOR_ASSIGN",
                                      "SHL_ASSIGN",
                                      "SHR_ASSIGN",
                                      "AND_NOT_ASSIGN",
                                      "LAND",
                                      "LOR",
                                      "ARROW",
                                      "INC",
                                      "DEC",
                                      "EQL",
                                      "LSS",
                                      "GTR",
                                      "ASSIGN",
                                      "NOT",
                                      "NEQ",
                                      "LEQ",
                                      "GEQ",
                                      "DEFINE",
                                      "ELLIPSIS",
                                      "LPAREN",
                                      "LBRACK",
                                      "LBRACE",
                                      "COMMA",
                                      "PERIOD",
                                      "RPAREN",
                                      "RBRACK",
                                      "RBRACE",
                                      "SEMICOLON",
                                      "COLON",
                                      "TILDE",
                                      "BREAK",
                                      "CASE",
                                      "CHAN",
                                      "CONST",
                                      "CONTINUE",
                                      "DEFAULT",
                                      "DEFER",
                                      "ELSE",
                                      "FALLTHROUGH",
                                      "FOR",
                                      "FUNC",
                                      "GO",
                                      "GOTO",
                                      "IF",
                                      "IMPORT",
                                      "INTERFACE",
                                      "MAP",
                                      "PACKAGE",
                                      "RANGE",
                                      "RETURN",
                                      "SELECT",
                                      "STRUCT",
                                      "SWITCH",
                                      "TYPE",
                                      "VAR"};
  static_assert(sizeof(names) / sizeof(names[0]) == Token::VAR + 1);
  return names[k];
}

// Token text with newlines and other control bytes escaped, so that each
// token stays on one line of the dump.
static std::string printable(const std::string &s) {
  std::string out;
  for (unsigned char c : s) {
    if (c == '\n')
      out += "\\n";
    else if (c < 0x20 || c == 0x7f) {
      char buf[8];
      snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    } else
      out += char(c);
  }
  return out;
}

void dumpTokens(const SourceFile &file, DiagEngine &diags,
                llvm::raw_ostream &os) {
  Lexer lexer(file, diags);
  for (;;) {
    Token t = lexer.next();
    os << t.loc.line << ":" << t.loc.col << " " << kindName(t.kind) << " '"
       << printable(t.text) << "'" << (t.bad ? " bad" : "") << "\n";
    if (t.kind == Token::END_OF_FILE)
      break;
  }
}

namespace {

// Prints one node per line, `label=(Kind attrs @line:col` with its children
// indented below and the closing parenthesis after the last of them.
class Dumper {
public:
  explicit Dumper(llvm::raw_ostream &os) : os_(os) {}
  void node(const Node *n, const char *label = nullptr);

private:
  void open(const char *label, const std::string &name, const Node *n) {
    if (depth_++ > 0)
      os_ << "\n";
    os_.indent(2 * (depth_ - 1));
    if (label)
      os_ << label << "=";
    os_ << "(" << name << " @" << n->loc.line << ":" << n->loc.col;
  }
  void close() {
    os_ << ")";
    depth_--;
  }
  void leaf(const char *label, const std::string &name, const Node *n) {
    open(label, name, n);
    close();
  }
  template <typename T>
  void all(const std::vector<T *> &xs, const char *label = nullptr) {
    for (const T *x : xs)
      node(x, label);
  }
  void expr(const Expr *e, const char *label);
  void stmt(const Stmt *s, const char *label);
  void other(const Node *n, const char *label);

  llvm::raw_ostream &os_;
  int depth_ = 0;
};

} // namespace

static std::string names(const std::vector<Ident *> &ids) {
  std::string s;
  for (const Ident *id : ids)
    s += " " + id->name;
  return s;
}

void Dumper::node(const Node *n, const char *label) {
  if (!n)
    return;
  if (auto *e = dyn_cast<Expr>(n))
    expr(e, label);
  else if (auto *s = dyn_cast<Stmt>(n))
    stmt(s, label);
  else
    other(n, label);
}

void Dumper::expr(const Expr *e, const char *label) {
  switch (e->kind()) {
  case Node::BadExprKind:
    return leaf(label, "BadExpr", e);
  case Node::IdentKind:
    return leaf(label, "Ident " + static_cast<const Ident *>(e)->name, e);
  case Node::BasicLitKind: {
    auto *b = static_cast<const BasicLit *>(e);
    return leaf(label,
                std::string("BasicLit ") + kindName(b->tok) + " " +
                    printable(b->raw),
                e);
  }
  case Node::CompositeLitKind: {
    auto *c = static_cast<const CompositeLit *>(e);
    open(label, "CompositeLit", e);
    node(c->type, "type");
    all(c->elts);
    return close();
  }
  case Node::FuncLitKind: {
    auto *f = static_cast<const FuncLit *>(e);
    open(label, "FuncLit", e);
    node(f->type, "type");
    node(f->body, "body");
    return close();
  }
  case Node::ParenExprKind:
    open(label, "Paren", e);
    node(static_cast<const ParenExpr *>(e)->x);
    return close();
  case Node::SelectorExprKind: {
    auto *s = static_cast<const SelectorExpr *>(e);
    open(label, "Selector " + s->sel->name, e);
    node(s->x);
    return close();
  }
  case Node::IndexExprKind: {
    auto *i = static_cast<const IndexExpr *>(e);
    open(label, "Index", e);
    node(i->x);
    node(i->index, "index");
    return close();
  }
  case Node::SliceExprKind: {
    auto *s = static_cast<const SliceExpr *>(e);
    open(label, s->slice3 ? "Slice3" : "Slice", e);
    node(s->x);
    node(s->lo, "lo");
    node(s->hi, "hi");
    node(s->max, "max");
    return close();
  }
  case Node::TypeAssertExprKind: {
    auto *t = static_cast<const TypeAssertExpr *>(e);
    open(label, t->type ? "TypeAssert" : "TypeAssert type", e);
    node(t->x);
    node(t->type, "type");
    return close();
  }
  case Node::CallExprKind: {
    auto *c = static_cast<const CallExpr *>(e);
    open(label, c->hasEllipsis ? "Call ..." : "Call", e);
    node(c->fun, "fun");
    all(c->args);
    return close();
  }
  case Node::StarExprKind:
    open(label, "Star", e);
    node(static_cast<const StarExpr *>(e)->x);
    return close();
  case Node::UnaryExprKind: {
    auto *u = static_cast<const UnaryExpr *>(e);
    open(label, std::string("Unary ") + Token::spelling(u->op), e);
    node(u->x);
    return close();
  }
  case Node::BinaryExprKind: {
    auto *b = static_cast<const BinaryExpr *>(e);
    open(label, std::string("Binary ") + Token::spelling(b->op), e);
    node(b->x);
    node(b->y);
    return close();
  }
  case Node::KeyValueExprKind: {
    auto *kv = static_cast<const KeyValueExpr *>(e);
    open(label, "KeyValue", e);
    node(kv->key, "key");
    node(kv->value, "value");
    return close();
  }
  case Node::EllipsisKind:
    open(label, "Ellipsis", e);
    node(static_cast<const Ellipsis *>(e)->elt);
    return close();
  case Node::ArrayTypeKind: {
    auto *a = static_cast<const ArrayTypeExpr *>(e);
    open(label, a->len ? "ArrayType" : "SliceType", e);
    node(a->len, "len");
    node(a->elt, "elt");
    return close();
  }
  case Node::StructTypeKind:
    open(label, "StructType", e);
    node(static_cast<const StructTypeExpr *>(e)->fields);
    return close();
  case Node::FuncTypeKind: {
    auto *f = static_cast<const FuncTypeExpr *>(e);
    open(label, "FuncType", e);
    node(f->typeParams, "typeParams");
    node(f->params, "params");
    node(f->results, "results");
    return close();
  }
  case Node::InterfaceTypeKind:
    open(label, "InterfaceType", e);
    node(static_cast<const InterfaceTypeExpr *>(e)->methods);
    return close();
  case Node::MapTypeKind: {
    auto *m = static_cast<const MapTypeExpr *>(e);
    open(label, "MapType", e);
    node(m->key, "key");
    node(m->value, "value");
    return close();
  }
  case Node::ChanTypeKind: {
    auto *c = static_cast<const ChanTypeExpr *>(e);
    const char *dir = c->dir == ChanDir::Send   ? "ChanType send"
                      : c->dir == ChanDir::Recv ? "ChanType recv"
                                                : "ChanType";
    open(label, dir, e);
    node(c->value);
    return close();
  }
  default:
    return leaf(label, "?", e);
  }
}

void Dumper::stmt(const Stmt *s, const char *label) {
  switch (s->kind()) {
  case Node::BadStmtKind:
    return leaf(label, "BadStmt", s);
  case Node::DeclStmtKind:
    open(label, "DeclStmt", s);
    node(static_cast<const DeclStmt *>(s)->decl);
    return close();
  case Node::EmptyStmtKind:
    return leaf(label, "Empty", s);
  case Node::LabeledStmtKind: {
    auto *l = static_cast<const LabeledStmt *>(s);
    open(label, "Labeled " + l->label->name, s);
    node(l->stmt);
    return close();
  }
  case Node::ExprStmtKind:
    open(label, "ExprStmt", s);
    node(static_cast<const ExprStmt *>(s)->x);
    return close();
  case Node::SendStmtKind: {
    auto *ss = static_cast<const SendStmt *>(s);
    open(label, "Send", s);
    node(ss->chan, "chan");
    node(ss->value, "value");
    return close();
  }
  case Node::IncDecStmtKind: {
    auto *i = static_cast<const IncDecStmt *>(s);
    open(label, i->inc ? "IncDec ++" : "IncDec --", s);
    node(i->x);
    return close();
  }
  case Node::AssignStmtKind: {
    auto *a = static_cast<const AssignStmt *>(s);
    open(label, std::string("Assign ") + Token::spelling(a->tok), s);
    all(a->lhs, "lhs");
    all(a->rhs, "rhs");
    return close();
  }
  case Node::GoStmtKind:
    open(label, "Go", s);
    node(static_cast<const GoStmt *>(s)->call);
    return close();
  case Node::DeferStmtKind:
    open(label, "Defer", s);
    node(static_cast<const DeferStmt *>(s)->call);
    return close();
  case Node::ReturnStmtKind:
    open(label, "Return", s);
    all(static_cast<const ReturnStmt *>(s)->results);
    return close();
  case Node::BranchStmtKind: {
    auto *b = static_cast<const BranchStmt *>(s);
    std::string name = std::string("Branch ") + Token::spelling(b->tok);
    if (b->label)
      name += " " + b->label->name;
    return leaf(label, name, s);
  }
  case Node::BlockStmtKind:
    open(label, "Block", s);
    all(static_cast<const BlockStmt *>(s)->list);
    return close();
  case Node::IfStmtKind: {
    auto *i = static_cast<const IfStmt *>(s);
    open(label, "If", s);
    node(i->init, "init");
    node(i->cond, "cond");
    node(i->then, "then");
    node(i->els, "else");
    return close();
  }
  case Node::CaseClauseKind: {
    auto *c = static_cast<const CaseClause *>(s);
    open(label, c->isDefault ? "Default" : "Case", s);
    all(c->list, "expr");
    all(c->body);
    return close();
  }
  case Node::SwitchStmtKind: {
    auto *sw = static_cast<const SwitchStmt *>(s);
    open(label, "Switch", s);
    node(sw->init, "init");
    node(sw->tag, "tag");
    all(sw->clauses);
    return close();
  }
  case Node::TypeSwitchStmtKind: {
    auto *ts = static_cast<const TypeSwitchStmt *>(s);
    open(label, "TypeSwitch", s);
    node(ts->init, "init");
    node(ts->assign, "assign");
    all(ts->clauses);
    return close();
  }
  case Node::CommClauseKind: {
    auto *c = static_cast<const CommClause *>(s);
    open(label, c->comm ? "Comm" : "CommDefault", s);
    node(c->comm, "comm");
    all(c->body);
    return close();
  }
  case Node::SelectStmtKind:
    open(label, "Select", s);
    all(static_cast<const SelectStmt *>(s)->clauses);
    return close();
  case Node::ForStmtKind: {
    auto *f = static_cast<const ForStmt *>(s);
    open(label, "For", s);
    node(f->init, "init");
    node(f->cond, "cond");
    node(f->post, "post");
    node(f->body, "body");
    return close();
  }
  case Node::RangeStmtKind: {
    auto *r = static_cast<const RangeStmt *>(s);
    std::string name = "Range";
    if (r->tok != Token::ILLEGAL)
      name += std::string(" ") + Token::spelling(r->tok);
    open(label, name, s);
    node(r->key, "key");
    node(r->value, "value");
    node(r->x, "x");
    node(r->body, "body");
    return close();
  }
  default:
    return leaf(label, "?", s);
  }
}

void Dumper::other(const Node *n, const char *label) {
  switch (n->kind()) {
  case Node::FieldKind: {
    auto *f = static_cast<const Field *>(n);
    open(label, "Field" + names(f->names), n);
    node(f->type, "type");
    node(f->tag, "tag");
    return close();
  }
  case Node::FieldListKind:
    open(label, "FieldList", n);
    all(static_cast<const FieldList *>(n)->list);
    return close();
  case Node::ImportSpecKind: {
    auto *i = static_cast<const ImportSpec *>(n);
    open(label, "ImportSpec", n);
    node(i->name, "name");
    node(i->path, "path");
    return close();
  }
  case Node::ValueSpecKind: {
    auto *v = static_cast<const ValueSpec *>(n);
    open(label,
         "ValueSpec" + names(v->names) + " iota=" + std::to_string(v->iota), n);
    node(v->type, "type");
    all(v->values, "value");
    return close();
  }
  case Node::TypeSpecKind: {
    auto *t = static_cast<const TypeSpec *>(n);
    open(label,
         std::string(t->isAlias ? "TypeSpec alias " : "TypeSpec ") +
             t->name->name,
         n);
    node(t->typeParams, "typeParams");
    node(t->type, "type");
    return close();
  }
  case Node::GenDeclKind: {
    auto *g = static_cast<const GenDecl *>(n);
    open(label,
         std::string("GenDecl ") + Token::spelling(g->tok) +
             (g->grouped ? " grouped" : ""),
         n);
    all(g->specs);
    return close();
  }
  case Node::FuncDeclKind: {
    auto *f = static_cast<const FuncDecl *>(n);
    open(label, "FuncDecl " + f->name->name, n);
    node(f->recv, "recv");
    node(f->type, "type");
    node(f->body, "body");
    return close();
  }
  case Node::FileKind: {
    auto *f = static_cast<const File *>(n);
    open(label,
         "File " + (f->packageName ? f->packageName->name : std::string("?")),
         n);
    all(f->decls);
    return close();
  }
  default:
    return leaf(label, "?", n);
  }
}

void dumpAST(const File *file, llvm::raw_ostream &os) {
  Dumper(os).node(file);
  os << "\n";
}

} // namespace mgo
