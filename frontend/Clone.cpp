// Copies of syntax trees: each instance of a generic function or method is
// checked, and compiled, from a copy of its declaration in which the type
// parameters name the type arguments (see docs/lowering.md, "Generics").
#include "frontend/AST.h"

#include <llvm/Support/Casting.h>

#include <unordered_map>

namespace mgo {

using llvm::cast;

namespace {

// Copies what the parser built and nothing the checker added; a node shared
// by several parents (none today, but the parser may share) stays shared.
class Cloner {
public:
  explicit Cloner(const std::function<void(std::unique_ptr<Node>)> &own)
      : own_(own) {}

  template <typename T> T *clone(const T *n) {
    if (!n)
      return nullptr;
    auto it = done_.find(n);
    if (it != done_.end())
      return cast<T>(it->second);
    return cast<T>(cloneNode(n));
  }

  template <typename T> std::vector<T *> clone(const std::vector<T *> &v) {
    std::vector<T *> out;
    out.reserve(v.size());
    for (T *n : v)
      out.push_back(clone(n));
    return out;
  }

private:
  template <typename T, typename... Args>
  T *make(const Node *from, Args &&...args) {
    auto node = std::make_unique<T>(std::forward<Args>(args)...);
    T *raw = node.get();
    own_(std::move(node));
    done_[from] = raw;
    return raw;
  }

  Node *cloneNode(const Node *n);

  const std::function<void(std::unique_ptr<Node>)> &own_;
  std::unordered_map<const Node *, Node *> done_;
};

Node *Cloner::cloneNode(const Node *n) {
  SrcLoc l = n->loc;
  switch (n->kind()) {
  case Node::BadExprKind:
    return make<BadExpr>(n, l);
  case Node::IdentKind:
    return make<Ident>(n, l, cast<Ident>(n)->name);
  case Node::BasicLitKind: {
    auto *b = cast<BasicLit>(n);
    return make<BasicLit>(n, l, b->tok, b->raw);
  }
  case Node::CompositeLitKind: {
    auto *c = cast<CompositeLit>(n);
    auto *r = make<CompositeLit>(n, l, clone(c->type));
    r->elts = clone(c->elts);
    r->rbrace = c->rbrace;
    return r;
  }
  case Node::FuncLitKind: {
    auto *f = cast<FuncLit>(n);
    auto *r = make<FuncLit>(n, l, nullptr, nullptr);
    r->type = clone(f->type);
    r->body = clone(f->body);
    return r;
  }
  case Node::ParenExprKind:
    return make<ParenExpr>(n, l, clone(cast<ParenExpr>(n)->x));
  case Node::SelectorExprKind: {
    auto *s = cast<SelectorExpr>(n);
    auto *r = make<SelectorExpr>(n, l, clone(s->x), clone(s->sel));
    r->dot = s->dot;
    return r;
  }
  case Node::IndexExprKind: {
    auto *i = cast<IndexExpr>(n);
    auto *r = make<IndexExpr>(n, l, clone(i->x), clone(i->index));
    r->more = clone(i->more);
    r->lbrack = i->lbrack;
    return r;
  }
  case Node::SliceExprKind: {
    auto *s = cast<SliceExpr>(n);
    auto *r = make<SliceExpr>(n, l, clone(s->x));
    r->lo = clone(s->lo);
    r->hi = clone(s->hi);
    r->max = clone(s->max);
    r->slice3 = s->slice3;
    r->lbrack = s->lbrack;
    return r;
  }
  case Node::TypeAssertExprKind: {
    auto *t = cast<TypeAssertExpr>(n);
    auto *r = make<TypeAssertExpr>(n, l, clone(t->x), clone(t->type));
    r->dot = t->dot;
    return r;
  }
  case Node::CallExprKind: {
    auto *c = cast<CallExpr>(n);
    auto *r = make<CallExpr>(n, l, clone(c->fun));
    r->args = clone(c->args);
    r->hasEllipsis = c->hasEllipsis;
    r->lparen = c->lparen;
    r->rparen = c->rparen;
    return r;
  }
  case Node::StarExprKind:
    return make<StarExpr>(n, l, clone(cast<StarExpr>(n)->x));
  case Node::UnaryExprKind: {
    auto *u = cast<UnaryExpr>(n);
    return make<UnaryExpr>(n, l, u->op, clone(u->x));
  }
  case Node::BinaryExprKind: {
    auto *b = cast<BinaryExpr>(n);
    return make<BinaryExpr>(n, l, b->op, clone(b->x), clone(b->y));
  }
  case Node::KeyValueExprKind: {
    auto *k = cast<KeyValueExpr>(n);
    return make<KeyValueExpr>(n, l, clone(k->key), clone(k->value));
  }
  case Node::EllipsisKind:
    return make<Ellipsis>(n, l, clone(cast<Ellipsis>(n)->elt));
  case Node::ArrayTypeKind: {
    auto *a = cast<ArrayTypeExpr>(n);
    return make<ArrayTypeExpr>(n, l, clone(a->len), clone(a->elt));
  }
  case Node::StructTypeKind:
    return make<StructTypeExpr>(n, l, clone(cast<StructTypeExpr>(n)->fields));
  case Node::FuncTypeKind: {
    auto *f = cast<FuncTypeExpr>(n);
    auto *r = make<FuncTypeExpr>(n, l, nullptr, nullptr);
    r->typeParams = clone(f->typeParams);
    r->params = clone(f->params);
    r->results = clone(f->results);
    return r;
  }
  case Node::InterfaceTypeKind:
    return make<InterfaceTypeExpr>(n, l,
                                   clone(cast<InterfaceTypeExpr>(n)->methods));
  case Node::MapTypeKind: {
    auto *m = cast<MapTypeExpr>(n);
    return make<MapTypeExpr>(n, l, clone(m->key), clone(m->value));
  }
  case Node::ChanTypeKind: {
    auto *c = cast<ChanTypeExpr>(n);
    return make<ChanTypeExpr>(n, l, c->dir, clone(c->value));
  }
  case Node::BadStmtKind:
    return make<BadStmt>(n, l);
  case Node::DeclStmtKind:
    return make<DeclStmt>(n, l, clone(cast<DeclStmt>(n)->decl));
  case Node::EmptyStmtKind:
    return make<EmptyStmt>(n, l);
  case Node::LabeledStmtKind: {
    auto *s = cast<LabeledStmt>(n);
    return make<LabeledStmt>(n, l, clone(s->label), clone(s->stmt));
  }
  case Node::ExprStmtKind:
    return make<ExprStmt>(n, l, clone(cast<ExprStmt>(n)->x));
  case Node::SendStmtKind: {
    auto *s = cast<SendStmt>(n);
    return make<SendStmt>(n, l, clone(s->chan), clone(s->value));
  }
  case Node::IncDecStmtKind: {
    auto *s = cast<IncDecStmt>(n);
    return make<IncDecStmt>(n, l, clone(s->x), s->inc);
  }
  case Node::AssignStmtKind: {
    auto *s = cast<AssignStmt>(n);
    auto *r = make<AssignStmt>(n, l, s->tok);
    r->lhs = clone(s->lhs);
    r->tokLoc = s->tokLoc;
    r->rhs = clone(s->rhs);
    return r;
  }
  case Node::GoStmtKind:
    return make<GoStmt>(n, l, clone(cast<GoStmt>(n)->call));
  case Node::DeferStmtKind:
    return make<DeferStmt>(n, l, clone(cast<DeferStmt>(n)->call));
  case Node::ReturnStmtKind: {
    auto *r = make<ReturnStmt>(n, l);
    r->results = clone(cast<ReturnStmt>(n)->results);
    return r;
  }
  case Node::BranchStmtKind: {
    auto *b = cast<BranchStmt>(n);
    return make<BranchStmt>(n, l, b->tok, clone(b->label));
  }
  case Node::BlockStmtKind: {
    auto *b = cast<BlockStmt>(n);
    auto *r = make<BlockStmt>(n, l);
    r->list = clone(b->list);
    r->rbrace = b->rbrace;
    return r;
  }
  case Node::IfStmtKind: {
    auto *s = cast<IfStmt>(n);
    auto *r = make<IfStmt>(n, l);
    r->init = clone(s->init);
    r->cond = clone(s->cond);
    r->then = clone(s->then);
    r->els = clone(s->els);
    return r;
  }
  case Node::CaseClauseKind: {
    auto *c = cast<CaseClause>(n);
    auto *r = make<CaseClause>(n, l);
    r->list = clone(c->list);
    r->isDefault = c->isDefault;
    r->body = clone(c->body);
    return r;
  }
  case Node::SwitchStmtKind: {
    auto *s = cast<SwitchStmt>(n);
    auto *r = make<SwitchStmt>(n, l);
    r->init = clone(s->init);
    r->tag = clone(s->tag);
    r->clauses = clone(s->clauses);
    return r;
  }
  case Node::TypeSwitchStmtKind: {
    auto *s = cast<TypeSwitchStmt>(n);
    auto *r = make<TypeSwitchStmt>(n, l);
    r->init = clone(s->init);
    r->assign = clone(s->assign);
    r->clauses = clone(s->clauses);
    return r;
  }
  case Node::CommClauseKind: {
    auto *c = cast<CommClause>(n);
    auto *r = make<CommClause>(n, l);
    r->comm = clone(c->comm);
    r->body = clone(c->body);
    return r;
  }
  case Node::SelectStmtKind: {
    auto *r = make<SelectStmt>(n, l);
    r->clauses = clone(cast<SelectStmt>(n)->clauses);
    return r;
  }
  case Node::ForStmtKind: {
    auto *s = cast<ForStmt>(n);
    auto *r = make<ForStmt>(n, l);
    r->init = clone(s->init);
    r->cond = clone(s->cond);
    r->post = clone(s->post);
    r->body = clone(s->body);
    return r;
  }
  case Node::RangeStmtKind: {
    auto *s = cast<RangeStmt>(n);
    auto *r = make<RangeStmt>(n, l);
    r->key = clone(s->key);
    r->value = clone(s->value);
    r->extra = clone(s->extra);
    r->tok = s->tok;
    r->x = clone(s->x);
    r->body = clone(s->body);
    return r;
  }
  case Node::FieldKind: {
    auto *f = cast<Field>(n);
    auto *r = make<Field>(n, l);
    r->names = clone(f->names);
    r->type = clone(f->type);
    r->tag = clone(f->tag);
    return r;
  }
  case Node::FieldListKind: {
    auto *r = make<FieldList>(n, l);
    r->list = clone(cast<FieldList>(n)->list);
    return r;
  }
  case Node::ImportSpecKind: {
    auto *s = cast<ImportSpec>(n);
    auto *r = make<ImportSpec>(n, l);
    r->name = clone(s->name);
    r->path = clone(s->path);
    return r;
  }
  case Node::ValueSpecKind: {
    auto *s = cast<ValueSpec>(n);
    auto *r = make<ValueSpec>(n, l);
    r->names = clone(s->names);
    r->type = clone(s->type);
    r->values = clone(s->values);
    r->iota = s->iota;
    return r;
  }
  case Node::TypeSpecKind: {
    auto *s = cast<TypeSpec>(n);
    auto *r = make<TypeSpec>(n, l);
    r->name = clone(s->name);
    r->typeParams = clone(s->typeParams);
    r->isAlias = s->isAlias;
    r->type = clone(s->type);
    return r;
  }
  case Node::GenDeclKind: {
    auto *g = cast<GenDecl>(n);
    auto *r = make<GenDecl>(n, l, g->tok);
    r->specs = clone(g->specs);
    r->grouped = g->grouped;
    return r;
  }
  case Node::FuncDeclKind: {
    auto *f = cast<FuncDecl>(n);
    auto *r = make<FuncDecl>(n, l);
    r->recv = clone(f->recv);
    r->name = clone(f->name);
    r->type = clone(f->type);
    r->body = clone(f->body);
    return r;
  }
  case Node::FileKind:
    break;
  }
  return nullptr;
}

} // namespace

FuncDecl *cloneFuncDecl(const FuncDecl *d,
                        const std::function<void(std::unique_ptr<Node>)> &own) {
  return Cloner(own).clone(d);
}

Expr *cloneExpr(const Expr *e,
                const std::function<void(std::unique_ptr<Node>)> &own) {
  return Cloner(own).clone(e);
}

} // namespace mgo
