#include "frontend/AST.h"

#include <llvm/Support/Casting.h>

namespace mgo {

using llvm::dyn_cast;

SrcLoc startLoc(const Expr *e) {
  while (auto *b = dyn_cast<BinaryExpr>(e))
    e = b->x;
  return e->loc;
}

namespace {

// Prints expressions as gc's syntax printer does in its short form: bodies
// of function literals and elements of composite literals become "…".
class ExprPrinter {
public:
  std::string out;

  void expr(const Expr *e);

private:
  void list(const std::vector<Expr *> &xs) {
    for (size_t i = 0; i < xs.size(); i++) {
      if (i)
        out += ", ";
      expr(xs[i]);
    }
  }
  void fields(const FieldList *fl, const char *sep);
  void signature(const FuncTypeExpr *f);
};

} // namespace

void ExprPrinter::fields(const FieldList *fl, const char *sep) {
  if (!fl)
    return;
  for (size_t i = 0; i < fl->list.size(); i++) {
    const Field *f = fl->list[i];
    if (i)
      out += sep;
    for (size_t j = 0; j < f->names.size(); j++)
      out += (j ? ", " : "") + f->names[j]->name;
    if (!f->names.empty())
      out += " ";
    expr(f->type);
  }
}

void ExprPrinter::signature(const FuncTypeExpr *f) {
  out += "(";
  fields(f->params, ", ");
  out += ")";
  if (!f->results)
    return;
  const auto &rs = f->results->list;
  if (rs.size() == 1 && rs[0]->names.empty()) {
    out += " ";
    expr(rs[0]->type);
    return;
  }
  out += " (";
  fields(f->results, ", ");
  out += ")";
}

void ExprPrinter::expr(const Expr *e) {
  if (!e)
    return;
  switch (e->kind()) {
  case Node::BadExprKind:
    out += "BadExpr";
    return;
  case Node::IdentKind:
    out += static_cast<const Ident *>(e)->name;
    return;
  case Node::BasicLitKind:
    out += static_cast<const BasicLit *>(e)->raw;
    return;
  case Node::CompositeLitKind: {
    auto *c = static_cast<const CompositeLit *>(e);
    expr(c->type);
    out += c->elts.empty() ? "{}" : "{…}";
    return;
  }
  case Node::FuncLitKind:
    out += "func";
    signature(static_cast<const FuncLit *>(e)->type);
    out += " {…}";
    return;
  case Node::ParenExprKind:
    out += "(";
    expr(static_cast<const ParenExpr *>(e)->x);
    out += ")";
    return;
  case Node::SelectorExprKind: {
    auto *s = static_cast<const SelectorExpr *>(e);
    expr(s->x);
    if (!s->implicit)
      out += "." + s->sel->name;
    return;
  }
  case Node::IndexExprKind: {
    auto *i = static_cast<const IndexExpr *>(e);
    expr(i->x);
    out += "[";
    expr(i->index);
    out += "]";
    return;
  }
  case Node::SliceExprKind: {
    auto *s = static_cast<const SliceExpr *>(e);
    expr(s->x);
    out += "[";
    expr(s->lo);
    out += ":";
    expr(s->hi);
    if (s->slice3) {
      out += ":";
      expr(s->max);
    }
    out += "]";
    return;
  }
  case Node::TypeAssertExprKind: {
    auto *t = static_cast<const TypeAssertExpr *>(e);
    expr(t->x);
    out += ".(";
    if (t->type)
      expr(t->type);
    else
      out += "type";
    out += ")";
    return;
  }
  case Node::CallExprKind: {
    auto *c = static_cast<const CallExpr *>(e);
    expr(c->fun);
    out += "(";
    list(c->args);
    out += c->hasEllipsis ? "...)" : ")";
    return;
  }
  case Node::StarExprKind:
    out += "*";
    expr(static_cast<const StarExpr *>(e)->x);
    return;
  case Node::UnaryExprKind: {
    auto *u = static_cast<const UnaryExpr *>(e);
    out += Token::spelling(u->op);
    expr(u->x);
    return;
  }
  case Node::BinaryExprKind: {
    auto *b = static_cast<const BinaryExpr *>(e);
    expr(b->x);
    out += std::string(" ") + Token::spelling(b->op) + " ";
    expr(b->y);
    return;
  }
  case Node::KeyValueExprKind: {
    auto *kv = static_cast<const KeyValueExpr *>(e);
    expr(kv->key);
    out += ": ";
    expr(kv->value);
    return;
  }
  case Node::EllipsisKind:
    out += "...";
    expr(static_cast<const Ellipsis *>(e)->elt);
    return;
  case Node::ArrayTypeKind: {
    auto *a = static_cast<const ArrayTypeExpr *>(e);
    out += "[";
    expr(a->len);
    out += "]";
    expr(a->elt);
    return;
  }
  case Node::StructTypeKind:
    out += "struct{";
    fields(static_cast<const StructTypeExpr *>(e)->fields, "; ");
    out += "}";
    return;
  case Node::FuncTypeKind:
    out += "func";
    signature(static_cast<const FuncTypeExpr *>(e));
    return;
  case Node::InterfaceTypeKind: {
    auto *it = static_cast<const InterfaceTypeExpr *>(e);
    out += "interface{";
    for (size_t i = 0; i < it->methods->list.size(); i++) {
      const Field *f = it->methods->list[i];
      if (i)
        out += "; ";
      if (f->names.empty()) {
        expr(f->type);
      } else {
        out += f->names[0]->name;
        if (auto *sig = dyn_cast<FuncTypeExpr>(f->type))
          signature(sig);
      }
    }
    out += "}";
    return;
  }
  case Node::MapTypeKind: {
    auto *m = static_cast<const MapTypeExpr *>(e);
    out += "map[";
    expr(m->key);
    out += "]";
    expr(m->value);
    return;
  }
  case Node::ChanTypeKind: {
    auto *c = static_cast<const ChanTypeExpr *>(e);
    out += c->dir == ChanDir::Recv   ? "<-chan "
           : c->dir == ChanDir::Send ? "chan<- "
                                     : "chan ";
    expr(c->value);
    return;
  }
  default:
    out += "?";
  }
}

std::string exprString(const Expr *e) {
  ExprPrinter p;
  p.expr(e);
  return p.out;
}

} // namespace mgo
