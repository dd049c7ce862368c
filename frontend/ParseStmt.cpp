// Statements.
#include "frontend/ParserImpl.h"

namespace mgo {

using llvm::dyn_cast;
using llvm::dyn_cast_or_null;
using llvm::isa;

BlockStmt *Parser::funcBody() {
  fnest_++;
  BlockStmt *body = blockStmt("");
  fnest_--;
  return body;
}

BlockStmt *Parser::blockStmt(const char *context) {
  auto *b = ast_.make<BlockStmt>(pos());
  DepthGuard guard(*this);
  if (!guard.ok())
    return b;
  // People coming from C may forget that braces are mandatory in Go.
  if (!got(Token::LBRACE)) {
    syntaxError(std::string("expecting { after ") + context);
    advance({Token::IDENT, Token::RBRACE});
    b->rbrace = pos();
    if (got(Token::RBRACE))
      return b;
  }
  b->list = stmtList();
  b->rbrace = pos();
  want(Token::RBRACE);
  return b;
}

std::vector<Stmt *> Parser::stmtList() {
  std::vector<Stmt *> list;
  while (tok_.kind != Token::END_OF_FILE && tok_.kind != Token::RBRACE &&
         tok_.kind != Token::CASE && tok_.kind != Token::DEFAULT) {
    Stmt *s = stmtOrNil();
    clearPragma();
    if (!s)
      break;
    list.push_back(s);
    // ";" is optional before "}"
    if (!got(Token::SEMICOLON) && tok_.kind != Token::RBRACE) {
      syntaxError("at end of statement");
      advance({Token::SEMICOLON, Token::RBRACE, Token::CASE, Token::DEFAULT});
      got(Token::SEMICOLON);
    }
  }
  return list;
}

Stmt *Parser::stmtOrNil() {
  DepthGuard guard(*this);
  if (!guard.ok())
    return nullptr;
  return stmtOrNilNested();
}

// A statement, or null when the token cannot start one.
Stmt *Parser::stmtOrNilNested() {
  SrcLoc at = pos();
  // Only a declaration statement takes the directives before it.
  if (tok_.kind != Token::VAR && tok_.kind != Token::CONST &&
      tok_.kind != Token::TYPE)
    clearPragma();
  switch (tok_.kind) {
  case Token::IDENT: {
    std::vector<Expr *> lhs = exprList();
    if (lhs.size() == 1 && tok_.kind == Token::COLON)
      if (auto *label = dyn_cast<Ident>(lhs[0]))
        return labeledStmtOrNil(label);
    return simpleStmt(lhs, Token::ILLEGAL);
  }
  case Token::VAR:
  case Token::CONST:
  case Token::TYPE:
    return declStmt();
  case Token::LBRACE:
    return blockStmt("");
  case Token::ADD:
  case Token::SUB:
  case Token::MUL:
  case Token::AND:
  case Token::XOR:
  case Token::NOT:
  case Token::INT:
  case Token::FLOAT:
  case Token::IMAG:
  case Token::CHAR:
  case Token::STRING:
  case Token::FUNC:
  case Token::LPAREN:
  case Token::LBRACK:
  case Token::STRUCT:
  case Token::MAP:
  case Token::CHAN:
  case Token::INTERFACE:
  case Token::ARROW:
    return simpleStmt({}, Token::ILLEGAL);
  case Token::FOR:
    return forStmt();
  case Token::SWITCH:
    return switchStmt();
  case Token::SELECT:
    return selectStmt();
  case Token::IF:
    return ifStmt();
  case Token::FALLTHROUGH:
  case Token::BREAK:
  case Token::CONTINUE:
  case Token::GOTO:
    return branchStmt();
  case Token::GO:
  case Token::DEFER:
    return callStmt();
  case Token::RETURN:
    return returnStmt();
  case Token::SEMICOLON:
    return ast_.make<EmptyStmt>(at);
  default:
    return nullptr;
  }
}

Stmt *Parser::labeledStmtOrNil(Ident *label) {
  SrcLoc colon = pos();
  want(Token::COLON);
  if (tok_.kind == Token::RBRACE) {
    // A label right before "}" labels an empty statement.
    return ast_.make<LabeledStmt>(label->loc, label,
                                  ast_.make<EmptyStmt>(pos()));
  }
  if (Stmt *s = stmtOrNil())
    return ast_.make<LabeledStmt>(label->loc, label, s);
  syntaxErrorAt(colon, "missing statement after label");
  return nullptr;
}

static bool isOpAssign(Token::Kind k) {
  return k >= Token::ADD_ASSIGN && k <= Token::AND_NOT_ASSIGN;
}

// Expression, send, inc/dec and assignment statements; in a for header
// (keyword FOR) also range clauses.
Stmt *Parser::simpleStmt(std::vector<Expr *> lhs, Kind keyword) {
  if (keyword == Token::FOR && tok_.kind == Token::RANGE)
    return rangeClause({}, Token::ILLEGAL, pos());
  if (lhs.empty())
    lhs = exprList();
  if (lhs.size() == 1 && tok_.kind != Token::ASSIGN &&
      tok_.kind != Token::DEFINE) {
    Expr *x = lhs[0];
    SrcLoc at = pos();
    Kind k = tok_.kind;
    if (isOpAssign(k)) {
      next();
      auto *s = ast_.make<AssignStmt>(startLoc(x), k);
      s->tokLoc = at;
      s->lhs = {x};
      s->rhs = {expr()};
      return s;
    }
    if (k == Token::INC || k == Token::DEC) {
      next();
      return ast_.make<IncDecStmt>(startLoc(x), x, k == Token::INC);
    }
    if (k == Token::ARROW) {
      next();
      return ast_.make<SendStmt>(startLoc(x), x, expr());
    }
    return ast_.make<ExprStmt>(startLoc(x), x);
  }
  if (tok_.kind != Token::ASSIGN && tok_.kind != Token::DEFINE) {
    syntaxError("expecting := or = or comma");
    advance({Token::SEMICOLON, Token::RBRACE});
    return ast_.make<ExprStmt>(startLoc(lhs[0]), lhs[0]);
  }
  SrcLoc at = pos();
  Kind k = tok_.kind;
  next();
  if (keyword == Token::FOR && tok_.kind == Token::RANGE)
    return rangeClause(lhs, k, at);
  auto *s = ast_.make<AssignStmt>(startLoc(lhs[0]), k);
  s->tokLoc = at;
  s->lhs = std::move(lhs);
  s->rhs = exprList();
  return s;
}

// [lhs (= | :=)] range x, at the range keyword; the for statement adds its
// position and body.
Stmt *Parser::rangeClause(std::vector<Expr *> lhs, Kind tok, SrcLoc at) {
  auto *r = ast_.make<RangeStmt>(at);
  next(); // range
  r->tok = tok;
  if (lhs.size() > 0)
    r->key = lhs[0];
  if (lhs.size() > 1)
    r->value = lhs[1];
  if (lhs.size() > 2)
    r->extra = lhs[2];
  r->x = expr();
  return r;
}

Stmt *Parser::declStmt() {
  SrcLoc at = pos();
  Kind k = tok_.kind;
  next();
  return ast_.make<DeclStmt>(at, genDecl(k, at));
}

Stmt *Parser::callStmt() {
  SrcLoc at = pos();
  Kind k = tok_.kind;
  next();
  Expr *x = pexpr(nullptr);
  std::string what = Token::spelling(k);
  if (auto *p = dyn_cast<ParenExpr>(x)) {
    error(x->loc, "expression in " + what + " must not be parenthesized");
    while ((p = dyn_cast<ParenExpr>(x)))
      x = p->x;
  }
  auto *call = dyn_cast<CallExpr>(x);
  if (!call) {
    error(startLoc(x), "expression in " + what + " must be function call");
    call = ast_.make<CallExpr>(x->loc, x);
  }
  if (k == Token::GO)
    return ast_.make<GoStmt>(at, call);
  return ast_.make<DeferStmt>(at, call);
}

Stmt *Parser::returnStmt() {
  auto *s = ast_.make<ReturnStmt>(pos());
  next();
  if (tok_.kind != Token::SEMICOLON && tok_.kind != Token::RBRACE)
    s->results = exprList();
  return s;
}

Stmt *Parser::branchStmt() {
  SrcLoc at = pos();
  Kind k = tok_.kind;
  next();
  Ident *label = nullptr;
  if (k == Token::GOTO ||
      (k != Token::FALLTHROUGH && tok_.kind == Token::IDENT))
    label = name();
  return ast_.make<BranchStmt>(at, k, label);
}

// The header of an if, for or switch: [init ;] cond [; post], with
// composite literals of named types disallowed at the top level (xnest < 0)
// so that `if x == T {` reads { as the block.
Parser::Header Parser::header(Kind keyword) {
  Header h;
  if (tok_.kind == Token::LBRACE) {
    if (keyword == Token::IF) {
      syntaxError("missing condition in if statement");
      h.cond = ast_.make<ExprStmt>(pos(), badExpr());
    }
    return h;
  }
  int outer = xnest_;
  xnest_ = -1;
  if (tok_.kind != Token::SEMICOLON) {
    if (got(Token::VAR))
      syntaxError(std::string("var declaration not allowed in ") +
                  Token::spelling(keyword) + " initializer");
    h.init = simpleStmt({}, keyword);
    if (isa<RangeStmt>(h.init)) {
      xnest_ = outer;
      h.range = true;
      return h;
    }
  }
  Stmt *cond = nullptr;
  SrcLoc semiPos;
  std::string semiLit;
  if (tok_.kind != Token::LBRACE) {
    if (tok_.kind == Token::SEMICOLON) {
      semiPos = pos();
      semiLit = tokDesc();
      next();
    } else {
      // Asking for a { rather than a ; gives the better message.
      want(Token::LBRACE);
      if (tok_.kind != Token::LBRACE)
        advance({Token::LBRACE, Token::RBRACE});
    }
    if (keyword == Token::FOR) {
      if (tok_.kind == Token::LBRACE && semiPos.valid() &&
          semiLit != "semicolon") {
        syntaxError("expecting for loop condition");
      } else {
        if (tok_.kind != Token::SEMICOLON)
          cond = simpleStmt({}, Token::ILLEGAL);
        want(Token::SEMICOLON);
        if (tok_.kind != Token::LBRACE) {
          h.post = simpleStmt({}, Token::ILLEGAL);
          auto *a = dyn_cast<AssignStmt>(h.post);
          if (a && a->tok == Token::DEFINE)
            syntaxErrorAt(a->tokLoc,
                          "cannot declare in post statement of for loop");
        }
      }
    } else if (tok_.kind != Token::LBRACE) {
      cond = simpleStmt({}, keyword);
    }
  } else {
    cond = h.init;
    h.init = nullptr;
  }
  h.cond = cond;
  if (!cond && keyword == Token::IF && semiPos.valid()) {
    if (semiLit == "semicolon")
      syntaxErrorAt(semiPos, "missing condition in if statement");
    else
      error(semiPos, "syntax error: unexpected " + semiLit +
                         ", expecting { after if clause");
    h.cond = ast_.make<ExprStmt>(semiPos, ast_.make<BadExpr>(semiPos));
  }
  xnest_ = outer;
  return h;
}

static std::string listString(const std::vector<Expr *> &xs) {
  std::string s;
  for (size_t i = 0; i < xs.size(); i++)
    s += (i ? ", " : "") + exprString(xs[i]);
  return s;
}

// The condition of a header: an expression statement. A statement of
// another kind (often `if x = 0` for `if x == 0`) is reported as gc does.
Expr *Parser::condExpr(Stmt *s) {
  if (!s)
    return nullptr;
  if (auto *e = dyn_cast<ExprStmt>(s))
    return e->x;
  std::string str;
  SrcLoc at = s->loc;
  if (auto *a = dyn_cast<AssignStmt>(s)) {
    at = a->tokLoc;
    if (a->tok == Token::ASSIGN)
      str = "assignment (" + listString(a->lhs) + ") = (" + listString(a->rhs) +
            ")";
    else
      str = listString(a->lhs) + " " + Token::spelling(a->tok) + " " +
            listString(a->rhs);
  } else if (auto *i = dyn_cast<IncDecStmt>(s)) {
    str = exprString(i->x) + (i->inc ? "++" : "--");
  } else if (auto *ss = dyn_cast<SendStmt>(s)) {
    str = exprString(ss->chan) + " <- " + exprString(ss->value);
  } else {
    str = "statement";
  }
  syntaxErrorAt(at, "cannot use " + str + " as value");
  return ast_.make<BadExpr>(at);
}

Stmt *Parser::ifStmt() {
  auto *s = ast_.make<IfStmt>(pos());
  DepthGuard guard(*this);
  if (!guard.ok())
    return s;
  next();
  Header h = header(Token::IF);
  s->init = h.init;
  s->cond = condExpr(h.cond);
  if (!s->cond)
    s->cond = badExpr();
  s->then = blockStmt("if clause");
  if (got(Token::ELSE)) {
    if (tok_.kind == Token::IF) {
      s->els = ifStmt();
    } else if (tok_.kind == Token::LBRACE) {
      s->els = blockStmt("");
    } else {
      syntaxError("else must be followed by if or statement block");
      advance({Token::IDENT, Token::RBRACE});
    }
  }
  return s;
}

Stmt *Parser::forStmt() {
  SrcLoc at = pos();
  next();
  Header h = header(Token::FOR);
  if (h.range) {
    auto *r = static_cast<RangeStmt *>(h.init);
    r->loc = at;
    r->body = blockStmt("for clause");
    return r;
  }
  auto *f = ast_.make<ForStmt>(at);
  f->init = h.init;
  f->cond = condExpr(h.cond);
  f->post = h.post;
  f->body = blockStmt("for clause");
  return f;
}

static bool isGuard(const Expr *e) {
  auto *t = dyn_cast<TypeAssertExpr>(e);
  return t && !t->type;
}

Stmt *Parser::switchStmt() {
  SrcLoc at = pos();
  next();
  Header h = header(Token::SWITCH);
  // switch x.(type) or switch v := x.(type): a type switch.
  Stmt *guard = nullptr;
  if (auto *e = dyn_cast_or_null<ExprStmt>(h.cond); e && isGuard(e->x)) {
    claimGuard(e->x);
    guard = e;
  } else if (auto *a = dyn_cast_or_null<AssignStmt>(h.cond);
             a && a->tok == Token::DEFINE && a->lhs.size() == 1 &&
             isa<Ident>(a->lhs[0]) && a->rhs.size() == 1 &&
             isGuard(a->rhs[0])) {
    claimGuard(a->rhs[0]);
    guard = a;
  }
  std::vector<CaseClause *> *clauses;
  Stmt *result;
  if (guard) {
    auto *ts = ast_.make<TypeSwitchStmt>(at);
    ts->init = h.init;
    ts->assign = guard;
    clauses = &ts->clauses;
    result = ts;
  } else {
    auto *s = ast_.make<SwitchStmt>(at);
    s->init = h.init;
    s->tag = condExpr(h.cond);
    clauses = &s->clauses;
    result = s;
  }
  if (!got(Token::LBRACE)) {
    syntaxError("missing { after switch clause");
    advance({Token::CASE, Token::DEFAULT, Token::RBRACE});
  }
  while (tok_.kind != Token::END_OF_FILE && tok_.kind != Token::RBRACE)
    clauses->push_back(caseClause());
  want(Token::RBRACE);
  return result;
}

CaseClause *Parser::caseClause() {
  auto *c = ast_.make<CaseClause>(pos());
  if (got(Token::CASE)) {
    c->list = exprList();
  } else if (got(Token::DEFAULT)) {
    c->isDefault = true;
  } else {
    syntaxError("expecting case or default or }");
    advance({Token::COLON, Token::CASE, Token::DEFAULT, Token::RBRACE});
  }
  want(Token::COLON);
  c->body = stmtList();
  return c;
}

Stmt *Parser::selectStmt() {
  auto *s = ast_.make<SelectStmt>(pos());
  next();
  if (!got(Token::LBRACE)) {
    syntaxError("missing { after select clause");
    advance({Token::CASE, Token::DEFAULT, Token::RBRACE});
  }
  while (tok_.kind != Token::END_OF_FILE && tok_.kind != Token::RBRACE)
    s->clauses.push_back(commClause());
  want(Token::RBRACE);
  return s;
}

static bool isReceive(const Expr *e) {
  while (auto *p = dyn_cast<ParenExpr>(e))
    e = p->x;
  auto *u = dyn_cast<UnaryExpr>(e);
  return u && u->op == Token::ARROW;
}

// A select case is a send, a receive, or a receive assigned to one or two
// variables.
void Parser::checkCommClause(Stmt *comm) {
  bool ok = isa<SendStmt>(comm);
  if (auto *e = dyn_cast<ExprStmt>(comm))
    ok = isReceive(e->x);
  if (auto *a = dyn_cast<AssignStmt>(comm))
    ok = (a->tok == Token::ASSIGN || a->tok == Token::DEFINE) &&
         a->lhs.size() <= 2 && a->rhs.size() == 1 && isReceive(a->rhs[0]);
  if (!ok)
    error(comm->loc,
          "select case must be send or receive (possibly with assignment)");
}

CommClause *Parser::commClause() {
  auto *c = ast_.make<CommClause>(pos());
  if (got(Token::CASE)) {
    c->comm = simpleStmt({}, Token::ILLEGAL);
    checkCommClause(c->comm);
  } else if (!got(Token::DEFAULT)) {
    syntaxError("expecting case or default or }");
    advance({Token::COLON, Token::CASE, Token::DEFAULT, Token::RBRACE});
  }
  want(Token::COLON);
  c->body = stmtList();
  return c;
}

} // namespace mgo
