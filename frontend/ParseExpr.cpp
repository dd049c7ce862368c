// Expressions and types.
#include "frontend/ParserImpl.h"

#include <optional>

namespace mgo {

using llvm::dyn_cast;
using llvm::isa;

static Expr *unparen(Expr *x) {
  while (auto *p = dyn_cast<ParenExpr>(x))
    x = p->x;
  return x;
}

Expr *Parser::expr() { return binaryExpr(nullptr, 0); }

std::vector<Expr *> Parser::exprList() {
  std::vector<Expr *> list{expr()};
  while (got(Token::COMMA))
    list.push_back(expr());
  return list;
}

// Each operator of a left-leaning chain a + b + c nests the tree one level
// deeper, so it counts against the nesting limit like a recursion.
Expr *Parser::binaryExpr(Expr *x, int prec) {
  if (!x)
    x = unaryExpr();
  int chain = 0;
  while (Token::precedence(tok_.kind) > prec) {
    chain++;
    if (!enter())
      break;
    SrcLoc at = pos();
    Kind op = tok_.kind;
    next();
    Expr *y = binaryExpr(nullptr, Token::precedence(op));
    x = ast_.make<BinaryExpr>(at, op, x, y);
  }
  depth_ -= chain;
  return x;
}

Expr *Parser::unaryExpr() {
  DepthGuard guard(*this);
  if (!guard.ok())
    return badExpr();
  SrcLoc at = pos();
  Kind op = tok_.kind;
  switch (op) {
  case Token::MUL:
    next();
    return ast_.make<StarExpr>(at, unaryExpr());
  case Token::ADD:
  case Token::SUB:
  case Token::NOT:
  case Token::XOR:
    next();
    return ast_.make<UnaryExpr>(at, op, unaryExpr());
  case Token::AND:
    next();
    // &(T{}) is &T{}: the parentheses only resolve the { ambiguity.
    return ast_.make<UnaryExpr>(at, op, unparen(unaryExpr()));
  case Token::ARROW: {
    next();
    Expr *x = unaryExpr();
    if (!isa<ChanTypeExpr>(x))
      return ast_.make<UnaryExpr>(at, op, x);
    // <-chan T: a receive-only channel type, not a receive.
    ChanDir dir = ChanDir::Send;
    Expr *t = x;
    while (dir == ChanDir::Send) {
      auto *c = dyn_cast<ChanTypeExpr>(t);
      if (!c)
        break;
      dir = c->dir;
      if (dir == ChanDir::Recv)
        syntaxError("unexpected <-, expecting chan");
      c->dir = ChanDir::Recv;
      t = c->value;
    }
    if (dir == ChanDir::Send)
      syntaxError("unexpected " + exprString(t) + ", expecting chan");
    x->loc = at;
    return x;
  }
  default:
    return pexpr(nullptr);
  }
}

Expr *Parser::basicLit() {
  Expr *x;
  if (tok_.bad)
    x = ast_.make<BadExpr>(pos());
  else
    x = ast_.make<BasicLit>(pos(), tok_.kind, tok_.text);
  next();
  return x;
}

Expr *Parser::operand() {
  SrcLoc at = pos();
  switch (tok_.kind) {
  case Token::IDENT:
    return name();
  case Token::INT:
  case Token::FLOAT:
  case Token::IMAG:
  case Token::CHAR:
  case Token::STRING:
    return basicLit();
  case Token::LPAREN: {
    next();
    xnest_++;
    Expr *x = expr();
    xnest_--;
    want(Token::RPAREN);
    return ast_.make<ParenExpr>(at, x);
  }
  case Token::FUNC: {
    next();
    FieldList *typeParams = nullptr;
    FuncTypeExpr *ft = funcType(at, &typeParams);
    if (typeParams)
      syntaxErrorAt(at, "function type must have no type parameters");
    if (tok_.kind != Token::LBRACE)
      return ft;
    xnest_++;
    BlockStmt *body = funcBody();
    xnest_--;
    return ast_.make<FuncLit>(at, ft, body);
  }
  case Token::LBRACK:
  case Token::CHAN:
  case Token::MAP:
  case Token::STRUCT:
  case Token::INTERFACE:
    return type();
  default: {
    Expr *x = badExpr();
    syntaxError("expecting expression");
    advance({Token::RPAREN, Token::RBRACK, Token::RBRACE});
    return x;
  }
  }
}

// Whether x must be a value (not a type), as gc decides whether x{ starts a
// composite literal.
static bool isValue(const Expr *x) {
  switch (x->kind()) {
  case Node::BasicLitKind:
  case Node::CompositeLitKind:
  case Node::FuncLitKind:
  case Node::SliceExprKind:
  case Node::TypeAssertExprKind:
  case Node::CallExprKind:
  case Node::UnaryExprKind:
  case Node::BinaryExprKind:
    return true;
  case Node::ParenExprKind:
    return isValue(static_cast<const ParenExpr *>(x)->x);
  case Node::IndexExprKind: {
    auto *i = static_cast<const IndexExpr *>(x);
    return isValue(i->x) || isValue(i->index);
  }
  default:
    return false;
  }
}

// Primary expressions: operand followed by selectors, indices, slices, type
// assertions, calls and composite literal bodies.
Expr *Parser::pexpr(Expr *x) {
  if (!x)
    x = operand();
  int chain = 0;
  for (bool more = true; more;) {
    SrcLoc at = pos();
    switch (tok_.kind) {
    case Token::PERIOD:
      next();
      if (tok_.kind == Token::IDENT) {
        auto *sel = ast_.make<SelectorExpr>(x->loc, x, name());
        sel->dot = at;
        x = sel;
      } else if (tok_.kind == Token::LPAREN) {
        next();
        if (got(Token::TYPE)) {
          auto *guard = ast_.make<TypeAssertExpr>(x->loc, x, nullptr);
          guard->dot = at;
          x = guard;
          guards_.insert(x);
          guardOrder_.push_back(x);
        } else {
          auto *ta = ast_.make<TypeAssertExpr>(x->loc, x, type());
          ta->dot = at;
          x = ta;
        }
        want(Token::RPAREN);
      } else {
        syntaxError("expecting name or (");
        advance({Token::SEMICOLON, Token::RPAREN});
      }
      break;
    case Token::LBRACK: {
      next();
      Expr *i = nullptr;
      if (tok_.kind != Token::COLON) {
        bool comma = false;
        if (tok_.kind == Token::RBRACK) {
          syntaxError("expecting operand");
          i = badExpr();
        } else {
          xnest_++;
          i = expr();
          std::vector<Expr *> more;
          if (tok_.kind == Token::COMMA) {
            comma = true;
            while (got(Token::COMMA) && tok_.kind != Token::RBRACK)
              more.push_back(expr());
          }
          xnest_--;
          if (comma || tok_.kind == Token::RBRACK) {
            want(Token::RBRACK);
            auto *ix = ast_.make<IndexExpr>(x->loc, x, i);
            ix->more = std::move(more);
            ix->lbrack = at;
            x = ix;
            break;
          }
        }
        if (tok_.kind == Token::RBRACK) {
          want(Token::RBRACK);
          auto *ix = ast_.make<IndexExpr>(x->loc, x, i);
          ix->lbrack = at;
          x = ix;
          break;
        }
      }
      if (!got(Token::COLON)) {
        syntaxError("expecting comma, : or ]");
        advance({Token::COMMA, Token::COLON, Token::RBRACK});
      }
      xnest_++;
      auto *s = ast_.make<SliceExpr>(x->loc, x);
      s->lbrack = at;
      s->lo = i;
      if (tok_.kind != Token::COLON && tok_.kind != Token::RBRACK)
        s->hi = expr();
      if (tok_.kind == Token::COLON) {
        s->slice3 = true;
        if (!s->hi)
          error(pos(), "middle index required in 3-index slice");
        next();
        if (tok_.kind != Token::RBRACK)
          s->max = expr();
        else
          error(pos(), "final index required in 3-index slice");
      }
      xnest_--;
      want(Token::RBRACK);
      x = s;
      break;
    }
    case Token::LPAREN: {
      auto *call = ast_.make<CallExpr>(x->loc, x);
      call->lparen = at;
      next();
      argList(call);
      x = call;
      break;
    }
    case Token::LBRACE: {
      // Does { begin a composite literal or the block of an if/for/switch?
      Expr *t = unparen(x);
      bool complit = false;
      switch (t->kind()) {
      case Node::IdentKind:
      case Node::SelectorExprKind:
        complit = xnest_ >= 0;
        break;
      case Node::IndexExprKind:
        complit = xnest_ >= 0 && !isValue(t);
        break;
      case Node::ArrayTypeKind:
      case Node::StructTypeKind:
      case Node::MapTypeKind:
        complit = true;
        break;
      default:
        break;
      }
      if (!complit) {
        more = false;
        break;
      }
      if (t != x)
        syntaxError("cannot parenthesize type in composite literal");
      x = complitexpr(t);
      break;
    }
    default:
      more = false;
      break;
    }
    if (more && (chain++, !enter()))
      break;
  }
  depth_ -= chain;
  return x;
}

CompositeLit *Parser::complitexpr(Expr *type) {
  auto *c = ast_.make<CompositeLit>(type ? type->loc : pos(), type);
  DepthGuard guard(*this);
  if (!guard.ok())
    return c;
  xnest_++;
  want(Token::LBRACE);
  c->rbrace = list("composite literal", Token::COMMA, Token::RBRACE, [&] {
    Expr *e = bareComplitexpr();
    if (tok_.kind == Token::COLON) {
      next();
      Expr *value = tok_.kind == Token::LBRACE ? complitexpr(nullptr) : expr();
      e = ast_.make<KeyValueExpr>(startLoc(e), e, value);
    }
    c->elts.push_back(e);
    return false;
  });
  xnest_--;
  return c;
}

Expr *Parser::bareComplitexpr() {
  if (tok_.kind == Token::LBRACE)
    return complitexpr(nullptr);
  return expr();
}

void Parser::argList(CallExpr *call) {
  xnest_++;
  call->rparen = list("argument list", Token::COMMA, Token::RPAREN, [&] {
    call->args.push_back(expr());
    call->hasEllipsis = got(Token::ELLIPSIS);
    return call->hasEllipsis;
  });
  xnest_--;
}

// ---------------------------------------------------------------------------
// Types

Expr *Parser::type() {
  Expr *t = typeOrNil();
  if (!t) {
    t = badExpr();
    syntaxError("expecting type");
    advance({Token::COMMA, Token::COLON, Token::SEMICOLON, Token::RPAREN,
             Token::RBRACK, Token::RBRACE});
  }
  return t;
}

Expr *Parser::typeOrNil() {
  DepthGuard guard(*this);
  if (!guard.ok())
    return badExpr();
  return typeOrNilNested();
}

Expr *Parser::typeOrNilNested() {
  SrcLoc at = pos();
  switch (tok_.kind) {
  case Token::MUL:
    next();
    return ast_.make<StarExpr>(at, type());
  case Token::ARROW:
    next();
    want(Token::CHAN);
    return ast_.make<ChanTypeExpr>(at, ChanDir::Recv, chanElem());
  case Token::FUNC: {
    next();
    FieldList *typeParams = nullptr;
    FuncTypeExpr *ft = funcType(at, &typeParams);
    if (typeParams)
      syntaxErrorAt(at, "function type must have no type parameters");
    return ft;
  }
  case Token::LBRACK:
    next();
    if (got(Token::RBRACK))
      return ast_.make<ArrayTypeExpr>(at, nullptr, type());
    return arrayType(at, nullptr);
  case Token::CHAN: {
    next();
    ChanDir dir = got(Token::ARROW) ? ChanDir::Send : ChanDir::Both;
    return ast_.make<ChanTypeExpr>(at, dir, chanElem());
  }
  case Token::MAP: {
    next();
    want(Token::LBRACK);
    Expr *key = type();
    want(Token::RBRACK);
    return ast_.make<MapTypeExpr>(at, key, type());
  }
  case Token::STRUCT:
    return structType();
  case Token::INTERFACE:
    return interfaceType();
  case Token::IDENT:
    return qualifiedName(nullptr);
  case Token::LPAREN: {
    next();
    Expr *t = type();
    want(Token::RPAREN);
    return ast_.make<ParenExpr>(at, t);
  }
  default:
    return nullptr;
  }
}

// Name or pkg.Name, possibly instantiated: Name[Args].
Expr *Parser::qualifiedName(Ident *first) {
  Ident *n = first ? first : name();
  Expr *x = n;
  if (got(Token::PERIOD))
    x = ast_.make<SelectorExpr>(n->loc, n, name());
  if (tok_.kind == Token::LBRACK) {
    SrcLoc lbrack = pos();
    next();
    std::vector<Expr *> args;
    list("type argument list", Token::COMMA, Token::RBRACK, [&] {
      args.push_back(type());
      return false;
    });
    if (args.empty()) {
      syntaxErrorAt(lbrack, "expecting type");
      return x;
    }
    auto *ix = ast_.make<IndexExpr>(x->loc, x, args[0]);
    ix->more.assign(args.begin() + 1, args.end());
    ix->lbrack = lbrack;
    x = ix;
  }
  return x;
}

// A type constraint: a union of terms, each a type or ~type.
Expr *Parser::constraintOrNil() {
  if (tok_.kind != Token::TILDE) {
    Expr *t = typeOrNil();
    return t ? unionRest(t) : nullptr;
  }
  return unionRest(constraintTerm());
}

Expr *Parser::constraintTerm() {
  if (tok_.kind != Token::TILDE)
    return type();
  SrcLoc at = pos();
  next();
  return ast_.make<UnaryExpr>(at, Token::TILDE, type());
}

Expr *Parser::unionRest(Expr *x) {
  while (tok_.kind == Token::OR) {
    SrcLoc at = pos();
    next();
    x = ast_.make<BinaryExpr>(at, Token::OR, x, constraintTerm());
  }
  return x;
}

Expr *Parser::arrayType(SrcLoc at, Expr *len) {
  if (!len) {
    if (tok_.kind == Token::ELLIPSIS) {
      len = ast_.make<Ellipsis>(pos(), nullptr);
      next();
    } else {
      xnest_++;
      len = expr();
      xnest_--;
    }
  }
  if (tok_.kind == Token::COMMA) {
    syntaxError("unexpected comma; expecting ]");
    next();
  }
  want(Token::RBRACK);
  return ast_.make<ArrayTypeExpr>(at, len, type());
}

// After a name, `[`: the name's array or slice type (`a [4]int`, `b []T`),
// or the name is a generic type instantiated (`List[T]`, `Map[K, V]`),
// which no type follows.
Expr *Parser::arrayOrTypeArgs(Ident *name, bool *instance) {
  SrcLoc at = pos();
  next();
  *instance = false;
  if (got(Token::RBRACK))
    return ast_.make<ArrayTypeExpr>(at, nullptr, type());
  if (tok_.kind == Token::ELLIPSIS)
    return arrayType(at, nullptr);
  xnest_++;
  Expr *first = expr();
  std::vector<Expr *> more;
  while (got(Token::COMMA) && tok_.kind != Token::RBRACK)
    more.push_back(type());
  xnest_--;
  want(Token::RBRACK);
  if (more.empty())
    if (Expr *elem = typeOrNil())
      return ast_.make<ArrayTypeExpr>(at, first, elem);
  *instance = true;
  auto *ix = ast_.make<IndexExpr>(name->loc, name, first);
  ix->more = std::move(more);
  ix->lbrack = at;
  return ix;
}

Expr *Parser::chanElem() {
  Expr *t = typeOrNil();
  if (!t) {
    t = badExpr();
    syntaxError("missing channel element type");
  }
  return t;
}

StructTypeExpr *Parser::structType() {
  SrcLoc at = pos();
  want(Token::STRUCT);
  auto *fields = ast_.make<FieldList>(pos());
  want(Token::LBRACE);
  list("struct type", Token::SEMICOLON, Token::RBRACE, [&] {
    fieldDecl(fields);
    return false;
  });
  return ast_.make<StructTypeExpr>(at, fields);
}

void Parser::fieldDecl(FieldList *fields) {
  SrcLoc at = pos();
  auto *f = ast_.make<Field>(at);
  auto tag = [&] {
    if (tok_.kind == Token::STRING && !tok_.bad)
      f->tag = ast_.make<BasicLit>(pos(), Token::STRING, tok_.text);
    if (isLiteral())
      next();
  };
  switch (tok_.kind) {
  case Token::IDENT: {
    Ident *n = name();
    if (tok_.kind == Token::PERIOD || isLiteral() ||
        tok_.kind == Token::SEMICOLON || tok_.kind == Token::RBRACE) {
      f->type = qualifiedName(n); // embedded type
      tag();
      break;
    }
    if (tok_.kind == Token::LBRACK) {
      bool instance = false;
      f->type = arrayOrTypeArgs(n, &instance);
      if (!instance)
        f->names.push_back(n);
      tag();
      break;
    }
    f->names = nameList(n);
    f->type = type();
    tag();
    break;
  }
  case Token::MUL: {
    next();
    if (tok_.kind == Token::LPAREN) {
      syntaxError("cannot parenthesize embedded type");
      next();
      f->type = ast_.make<StarExpr>(at, qualifiedName(nullptr));
      got(Token::RPAREN);
    } else {
      f->type = ast_.make<StarExpr>(at, qualifiedName(nullptr));
    }
    tag();
    break;
  }
  default:
    syntaxError(tok_.kind == Token::LPAREN
                    ? "cannot parenthesize embedded type"
                    : "expecting field name or embedded type");
    advance({Token::SEMICOLON, Token::RBRACE});
    return;
  }
  fields->list.push_back(f);
}

InterfaceTypeExpr *Parser::interfaceType() {
  SrcLoc at = pos();
  want(Token::INTERFACE);
  auto *methods = ast_.make<FieldList>(pos());
  want(Token::LBRACE);
  list("interface type", Token::SEMICOLON, Token::RBRACE, [&] {
    if (tok_.kind == Token::LPAREN) {
      syntaxError("cannot parenthesize embedded type");
      advance({Token::SEMICOLON, Token::RBRACE});
      return false;
    }
    auto *f = ast_.make<Field>(pos());
    if (tok_.kind != Token::IDENT) {
      f->type = constraintOrNil();
      methods->list.push_back(f);
      return false;
    }
    Ident *n = name();
    if (tok_.kind == Token::LPAREN) {
      f->names.push_back(n);
      FieldList *typeParams = nullptr;
      f->type = funcType(n->loc, &typeParams);
    } else if (tok_.kind == Token::LBRACK) {
      // m[P any]() or an embedded T[int]: as gc's parser, the list decides,
      // a method's by its first entry's name.
      SrcLoc lbrack = pos();
      next();
      FieldList *list = paramList(lbrack, nullptr, Token::RBRACK, false);
      if (list->list.empty()) {
        syntaxErrorAt(lbrack, "expecting type");
        f->type = n;
      } else if (!list->list[0]->names.empty()) {
        f->names.push_back(n);
        FieldList *typeParams = nullptr;
        f->type = funcType(n->loc, &typeParams);
        error(lbrack, "interface method must have no type parameters");
      } else {
        auto *ix = ast_.make<IndexExpr>(n->loc, n, list->list[0]->type);
        for (size_t i = 1; i < list->list.size(); i++)
          ix->more.push_back(list->list[i]->type);
        ix->lbrack = lbrack;
        f->type = unionRest(ix);
      }
    } else {
      f->type = unionRest(qualifiedName(n));
    }
    methods->list.push_back(f);
    return false;
  });
  return ast_.make<InterfaceTypeExpr>(at, methods);
}

FuncTypeExpr *Parser::funcType(SrcLoc at, FieldList **typeParams) {
  if (tok_.kind == Token::LBRACK) {
    SrcLoc lbrack = pos();
    next();
    if (tok_.kind == Token::RBRACK) {
      syntaxError("empty type parameter list");
      next();
    } else {
      *typeParams = paramList(lbrack, nullptr, Token::RBRACK, true);
    }
  }
  SrcLoc lparen = pos();
  want(Token::LPAREN);
  FieldList *params = paramList(lparen, nullptr, Token::RPAREN, false);
  FieldList *results = funcResult();
  return ast_.make<FuncTypeExpr>(at, params, results);
}

FieldList *Parser::funcResult() {
  SrcLoc at = pos();
  if (got(Token::LPAREN)) {
    FieldList *results = paramList(at, nullptr, Token::RPAREN, false);
    return results->list.empty() ? nullptr : results;
  }
  Expr *t = typeOrNil();
  if (!t)
    return nullptr;
  auto *results = ast_.make<FieldList>(at);
  auto *f = ast_.make<Field>(at);
  f->type = t;
  results->list.push_back(f);
  return results;
}

// One parameter: a name, a type, or both; *name consumed by the caller.
Field *Parser::paramDeclOrNil(Ident *name, Kind close, bool typeParam) {
  auto *f = ast_.make<Field>(name ? name->loc : pos());
  if (tok_.kind == Token::IDENT || name) {
    if (!name)
      name = this->name();
    if (tok_.kind == Token::PERIOD) {
      f->type = qualifiedName(name);
      return f;
    }
    if (tok_.kind == Token::LBRACK && !typeParam) {
      bool instance = false;
      f->type = arrayOrTypeArgs(name, &instance);
      if (!instance)
        f->names.push_back(name);
      return f;
    }
    f->names.push_back(name);
  }
  if (tok_.kind == Token::ELLIPSIS) {
    SrcLoc at = pos();
    next();
    Expr *t = typeOrNil();
    if (!t) {
      t = badExpr();
      syntaxError("... is missing type");
    }
    f->type = ast_.make<Ellipsis>(at, t);
    return f;
  }
  f->type = typeParam ? constraintOrNil() : typeOrNil();
  if (f->names.empty() && !f->type) {
    syntaxError("expecting " + tokString(close));
    advance({Token::COMMA, close});
    return nullptr;
  }
  return f;
}

// The parameters up to close (already past the opening token). As in Go,
// either all parameters are named or none is: in `a, b int` the names share
// the type, in `int, string` the "names" are types.
FieldList *Parser::paramList(SrcLoc at, Ident *name, Kind close,
                             bool requireNames) {
  std::vector<Field *> pars; // one name each, type possibly missing
  size_t named = 0, typed = 0;
  SrcLoc end = list("parameter list", Token::COMMA, close, [&] {
    Field *par = paramDeclOrNil(name, close, requireNames);
    name = nullptr;
    if (par) {
      if (!par->names.empty() && par->type)
        named++;
      if (par->type)
        typed++;
      pars.push_back(par);
    }
    return false;
  });
  auto *fl = ast_.make<FieldList>(at);
  if (pars.empty())
    return fl;
  if (named == 0 && !requireNames) {
    for (Field *par : pars) {
      if (!par->names.empty()) {
        par->type = par->names[0];
        par->names.clear();
      }
    }
  } else if (named != pars.size()) {
    std::optional<SrcLoc> errPos;
    Expr *t = nullptr;
    for (size_t i = pars.size(); i-- > 0;) {
      Field *par = pars[i];
      if (par->type) {
        t = par->type;
        if (par->names.empty()) {
          errPos = startLoc(t);
          par->names.push_back(ast_.make<Ident>(*errPos, "_"));
        }
      } else if (t) {
        par->type = t;
      } else {
        errPos = par->names[0]->loc;
        par->type = ast_.make<BadExpr>(*errPos);
      }
    }
    if (errPos) {
      const char *msg = "mixed named and unnamed parameters";
      if (requireNames && named == typed) {
        errPos = end;
        msg = "missing type constraint";
      } else if (requireNames) {
        msg = "type parameters must be named";
      }
      syntaxErrorAt(*errPos, msg);
    }
  }
  // Names sharing one type form one Field, as in go/ast.
  for (Field *par : pars) {
    Field *last = fl->list.empty() ? nullptr : fl->list.back();
    if (last && !par->names.empty() && !last->names.empty() &&
        last->type == par->type)
      last->names.push_back(par->names[0]);
    else
      fl->list.push_back(par);
  }
  for (size_t i = 0; i < fl->list.size(); i++) {
    Field *f = fl->list[i];
    bool final = i + 1 == fl->list.size() && f->names.size() <= 1;
    if (isa<Ellipsis>(f->type) && !final)
      error(f->type->loc, "can only use ... with final parameter in list");
  }
  return fl;
}

} // namespace mgo
