// Statements, labels, terminating-statement analysis and function bodies
// (types2's stmt.go, labels.go and return.go).
#include "frontend/CheckerImpl.h"

#include <algorithm>

namespace mgo {

using namespace types;

namespace {

Expr *unparen(Expr *e) {
  while (auto *p = dyn_cast<ParenExpr>(e))
    e = p->x;
  return e;
}

// The built-in a call's function names (len, or unsafe.Sizeof), if it does.
Builtin *builtinOf(Expr *fun) {
  fun = unparen(fun);
  if (auto *sel = dyn_cast<SelectorExpr>(fun))
    fun = sel->sel;
  auto *id = dyn_cast<Ident>(fun);
  return id ? dyn_cast_or_null<Builtin>(id->obj) : nullptr;
}

bool isPanicCall(Expr *e) {
  auto *call = dyn_cast<CallExpr>(unparen(e));
  if (!call)
    return false;
  Builtin *b = builtinOf(call->fun);
  return b && b->id == BuiltinId::Panic;
}

// Built-ins whose calls are expressions, not statements.
bool isExpressionBuiltin(BuiltinId id) {
  switch (id) {
  case BuiltinId::Append:
  case BuiltinId::Cap:
  case BuiltinId::Complex:
  case BuiltinId::Imag:
  case BuiltinId::Len:
  case BuiltinId::Make:
  case BuiltinId::Max:
  case BuiltinId::Min:
  case BuiltinId::New:
  case BuiltinId::Real:
  case BuiltinId::Add:
  case BuiltinId::Alignof:
  case BuiltinId::Offsetof:
  case BuiltinId::Sizeof:
  case BuiltinId::Slice:
    return true;
  default:
    return false;
  }
}

} // namespace

void Checker::openScope() { scope = ctx.newScope(scope); }

void Checker::closeScope() { scope = scope->parent; }

void Checker::checkFuncBody(FuncContext &f, BlockStmt *body, SrcLoc rbrace) {
  FuncContext *savedFn = fn;
  auto savedBranches = std::move(branches);
  auto savedLabels = std::move(funcLabels);
  branches.clear();
  funcLabels.clear();
  fn = &f;
  // Parameters were declared in the current scope by the caller; re-home
  // their depth now that fn is set.
  for (Object *o : scope->objects)
    if (auto *v = dyn_cast<Var>(o))
      varDepth[v] = f.depth;
  labels(body);
  stmtList(body->list);
  if (f.sig->results->size() > 0 && !isTerminatingList(body->list, ""))
    error(rbrace, "missing return");
  usage(f);
  for (auto &[name, l] : funcLabels)
    if (!l->used)
      errorAt(l, "label " + name + " defined and not used");
  fn = savedFn;
  branches = std::move(savedBranches);
  funcLabels = std::move(savedLabels);
}

// A variable whose type is in error has had its error, as in gc.
void Checker::usage(FuncContext &f) {
  for (Var *v : f.locals)
    if (!v->used && v->name != "_" && !(v->type && isInvalidType(v->type)))
      errorAt(v, v->name + " declared but not used");
}

void Checker::labels(BlockStmt *body) {
  GotoScope gs;
  // Gotos still unresolved at the end name a label never declared, or one
  // inside a block they are not in.
  for (BranchStmt *fwd : gotoBranches(gs, nullptr, body->loc, body->list)) {
    const std::string &name = fwd->label->name;
    auto it = gs.labels.find(name);
    if (it == gs.labels.end()) {
      errorAt(fwd->label, "label " + name + " not defined");
      continue;
    }
    it->second.first->used = true;
    errorAt(fwd->label, "goto " + name + " jumps into block starting at " +
                            diags.position(it->second.second->start));
  }
}

Label *Checker::declareLabel(GotoScope &gs, GotoBlock *b, LabeledStmt *l) {
  const std::string &name = l->label->name;
  if (auto it = gs.labels.find(name); it != gs.labels.end()) {
    Label *alt = it->second.first;
    errorAt(l->label, "label " + name + " already defined at " +
                          diags.position(alt->loc));
    l->label->obj = alt;
    return alt;
  }
  auto *lab = ctx.newObject<Label>(name, l->label->loc, l);
  l->label->obj = lab;
  gs.labels[name] = {lab, b};
  funcLabels[name] = lab;
  return lab;
}

// Returns the gotos of list that jump forward to a label not declared yet.
// A goto jumping forward over a variable declaration of this block to a label
// of this block is an error; one leaving the block is not, and we cannot
// know which until the label is found.
std::vector<BranchStmt *>
Checker::gotoBranches(GotoScope &gs, GotoBlock *parent, SrcLoc start,
                      const std::vector<Stmt *> &list) {
  GotoBlock *b = &gs.blocks.emplace_back(GotoBlock{parent, start});
  SrcLoc varPos;
  std::string varName;
  std::vector<BranchStmt *> fwd, overVar;
  auto recordVarDecl = [&](SrcLoc at, std::string name) {
    varPos = at;
    varName = std::move(name);
    overVar = fwd;
  };
  auto inner = [&](SrcLoc at, const std::vector<Stmt *> &body) {
    std::vector<BranchStmt *> out = gotoBranches(gs, b, at, body);
    fwd.insert(fwd.end(), out.begin(), out.end());
  };
  for (Stmt *s : list) {
    while (auto *l = dyn_cast<LabeledStmt>(s)) {
      if (!l->label->isBlank()) {
        Label *lab = declareLabel(gs, b, l);
        std::erase_if(fwd, [&](BranchStmt *g) {
          if (g->label->name != lab->name)
            return false;
          g->target = l;
          l->gotoTarget = true;
          lab->used = true;
          if (varPos.valid() &&
              std::find(overVar.begin(), overVar.end(), g) != overVar.end())
            errorAt(g->label, "goto " + lab->name +
                                  " jumps over declaration of " + varName +
                                  " at " + diags.position(varPos));
          return true;
        });
      }
      s = l->stmt;
    }
    if (auto *d = dyn_cast<DeclStmt>(s)) {
      if (d->decl->tok == Token::VAR)
        for (Node *spec : d->decl->specs)
          if (auto *vs = dyn_cast<ValueSpec>(spec); vs && !vs->names.empty()) {
            recordVarDecl(vs->names[0]->loc, vs->names[0]->name);
            break;
          }
    } else if (auto *a = dyn_cast<AssignStmt>(s)) {
      if (a->tok == Token::DEFINE) {
        std::string names;
        for (Expr *e : a->lhs)
          names += (names.empty() ? "" : ", ") + exprString(e);
        recordVarDecl(a->tokLoc, names);
      }
    } else if (auto *g = dyn_cast<BranchStmt>(s)) {
      if (g->tok != Token::GOTO || !g->label)
        continue;
      auto it = gs.labels.find(g->label->name);
      if (it == gs.labels.end()) {
        fwd.push_back(g);
        continue;
      }
      it->second.first->used = true;
      GotoBlock *in = b;
      while (in && in != it->second.second)
        in = in->parent;
      if (!in) {
        fwd.push_back(g);
        continue;
      }
      g->target = it->second.first->stmt;
      it->second.first->stmt->gotoTarget = true;
    } else if (auto *blk = dyn_cast<BlockStmt>(s)) {
      inner(blk->loc, blk->list);
    } else if (auto *i = dyn_cast<IfStmt>(s)) {
      inner(i->then->loc, i->then->list);
      if (i->els)
        inner(i->els->loc, {i->els});
    } else if (auto *f = dyn_cast<ForStmt>(s)) {
      inner(f->body->loc, f->body->list);
    } else if (auto *r = dyn_cast<RangeStmt>(s)) {
      inner(r->body->loc, r->body->list);
    } else if (auto *sw = dyn_cast<SwitchStmt>(s)) {
      for (CaseClause *c : sw->clauses)
        inner(c->loc, c->body);
    } else if (auto *ts = dyn_cast<TypeSwitchStmt>(s)) {
      for (CaseClause *c : ts->clauses)
        inner(c->loc, c->body);
    } else if (auto *sel = dyn_cast<SelectStmt>(s)) {
      for (CommClause *c : sel->clauses)
        inner(c->loc, c->body);
    }
  }
  return fwd;
}

void Checker::stmtList(const std::vector<Stmt *> &list, bool inSwitchCase) {
  // A fallthrough is allowed as the last non-empty statement of a case.
  size_t last = list.size();
  while (last > 0 && isa<EmptyStmt>(list[last - 1]))
    last--;
  for (size_t i = 0; i < list.size(); i++)
    stmt(list[i], inSwitchCase && i + 1 == last);
}

void Checker::simpleStmt(Stmt *s) {
  if (s)
    stmt(s, false);
}

void Checker::stmt(Stmt *s, bool fallthroughOk) {
  switch (s->kind()) {
  case Node::BadStmtKind:
  case Node::EmptyStmtKind:
    return;
  case Node::DeclStmtKind:
    declStmt(cast<DeclStmt>(s)->decl);
    return;
  case Node::LabeledStmtKind: {
    auto *l = cast<LabeledStmt>(s);
    stmtLabels[l->stmt] = l->label->name;
    stmt(l->stmt, fallthroughOk);
    return;
  }
  case Node::ExprStmtKind:
    exprStmt(cast<ExprStmt>(s));
    return;
  case Node::SendStmtKind: {
    auto *ss = cast<SendStmt>(s);
    Operand ch, v;
    expr(ch, ss->chan);
    expr(v, ss->value);
    if (ch.invalid() || v.invalid())
      return;
    auto *c = dyn_cast<types::Chan>(coreOf(ch.type));
    if (!c && isa<types::TypeParam>(ch.type)) {
      errorAt(ss, "invalid operation: cannot send to " + operandString(ch) +
                      ": no core type");
      return;
    }
    if (!c) {
      errorAt(ss, "invalid operation: cannot send to non-channel " +
                      operandString(ch));
      return;
    }
    if (c->dir == ChanDir::Recv) {
      errorAt(ss, "invalid operation: cannot send to receive-only channel " +
                      operandString(ch));
      return;
    }
    assignment(v, c->elem, "send");
    return;
  }
  case Node::IncDecStmtKind:
    incDec(cast<IncDecStmt>(s));
    return;
  case Node::AssignStmtKind:
    assignStmt(cast<AssignStmt>(s));
    return;
  case Node::GoStmtKind:
  case Node::DeferStmtKind: {
    CallExpr *call =
        isa<GoStmt>(s) ? cast<GoStmt>(s)->call : cast<DeferStmt>(s)->call;
    const char *what = isa<GoStmt>(s) ? "go" : "defer";
    if (!call)
      return;
    Operand x;
    rawExpr(x, call, nullptr);
    if (x.invalid())
      return;
    if (call->fun->tv.mode == TypeAndValue::TypeExpr) {
      errorAt(call,
              std::string(what) + " requires function call, not conversion");
    } else if (call->fun->tv.mode == TypeAndValue::Builtin) {
      Builtin *b = builtinOf(call->fun);
      if (b && isExpressionBuiltin(b->id))
        errorAt(call,
                std::string(what) + " discards result of " + exprString(call));
    }
    return;
  }
  case Node::ReturnStmtKind:
    returnStmt(cast<ReturnStmt>(s));
    return;
  case Node::BranchStmtKind: {
    auto *b = cast<BranchStmt>(s);
    if (b->tok == Token::FALLTHROUGH) {
      if (!fallthroughOk)
        errorAt(b, "fallthrough statement out of place");
      else if (fallthroughMsg)
        errorAt(b, fallthroughMsg);
      return;
    }
    branchStmt(b);
    return;
  }
  case Node::BlockStmtKind:
    openScope();
    stmtList(cast<BlockStmt>(s)->list);
    closeScope();
    return;
  case Node::IfStmtKind:
    ifStmt(cast<IfStmt>(s));
    return;
  case Node::SwitchStmtKind:
    switchStmt(cast<SwitchStmt>(s));
    return;
  case Node::TypeSwitchStmtKind:
    typeSwitchStmt(cast<TypeSwitchStmt>(s));
    return;
  case Node::SelectStmtKind: {
    auto *sel = cast<SelectStmt>(s);
    branches.push_back({s, false, true, labelOf(s)});
    for (CommClause *c : sel->clauses) {
      openScope();
      if (c->comm)
        stmt(c->comm, false);
      stmtList(c->body);
      closeScope();
    }
    branches.pop_back();
    return;
  }
  case Node::ForStmtKind:
    forStmt(cast<ForStmt>(s));
    return;
  case Node::RangeStmtKind:
    rangeStmt(cast<RangeStmt>(s));
    return;
  default:
    return;
  }
}

std::string Checker::labelOf(Stmt *s) {
  auto it = stmtLabels.find(s);
  return it == stmtLabels.end() ? "" : it->second;
}

void Checker::exprStmt(ExprStmt *s) {
  Operand x;
  rawExpr(x, s->x, nullptr);
  std::string msg;
  switch (x.mode) {
  case TypeAndValue::Invalid:
    return;
  case TypeAndValue::Builtin:
    msg = "must be called";
    break;
  case TypeAndValue::TypeExpr:
    msg = "is not an expression";
    break;
  default: {
    Expr *e = unparen(s->x);
    if (auto *call = dyn_cast<CallExpr>(e)) {
      if (call->fun->tv.mode == TypeAndValue::TypeExpr) {
        msg = "is not used";
        break;
      }
      if (call->fun->tv.mode == TypeAndValue::Builtin) {
        Builtin *b = builtinOf(call->fun);
        if (b && isExpressionBuiltin(b->id)) {
          msg = "is not used";
          break;
        }
      }
      return;
    }
    if (auto *u = dyn_cast<UnaryExpr>(e); u && u->op == Token::ARROW)
      return;
    msg = "is not used";
  }
  }
  errorAt(s->x, operandString(x) + " " + msg);
}

void Checker::incDec(IncDecStmt *s) {
  Operand x;
  expr(x, s->x);
  if (x.invalid())
    return;
  if (!isNumericType(x.type)) {
    const char *op = s->inc ? "++" : "--";
    errorAt(s->x, "invalid operation: " + exprString(s->x) + op +
                      " (non-numeric type " + typeString(x.type) + ")");
    return;
  }
  lhsVar(s->x);
}

void Checker::assignStmt(AssignStmt *s) {
  if (s->tok == Token::DEFINE) {
    shortVarDecl(s);
    return;
  }
  if (s->tok != Token::ASSIGN) {
    assignOp(s);
    return;
  }
  assignVars(s->lhs, s->rhs, s->loc);
}

void Checker::returnStmt(ReturnStmt *s) {
  Tuple *res = fn->sig->results;
  if (s->results.empty()) {
    if (res->size() == 0)
      return;
    if (!fn->resultVars.empty() && !fn->resultVars[0]->name.empty()) {
      for (Var *v : fn->resultVars) {
        Object *alt = scope->lookup(v->name);
        if (alt && alt != v && !v->name.empty() && v->name != "_") {
          errorAt(s, "result parameter " + v->name +
                         " not in scope at return\n\tinner declaration of " +
                         v->name);
          return;
        }
      }
      return;
    }
  }
  std::vector<Operand> ops;
  if (s->results.size() == 1 && res->size() != 1) {
    Operand x;
    multiExpr(x, s->results[0]);
    if (x.invalid())
      return;
    if (auto *tup = dyn_cast_or_null<Tuple>(x.type);
        tup && x.mode == TypeAndValue::Value) {
      for (size_t i = 0; i < tup->size(); i++) {
        Operand y;
        y.mode = TypeAndValue::Value;
        y.type = tup->at(i);
        y.expr = s->results[0];
        ops.push_back(y);
      }
    } else if (x.mode == TypeAndValue::NoValue) {
      errorAt(x.expr, operandString(x) + " used as value");
      return;
    } else {
      ops.push_back(x);
    }
  } else {
    bool bad = false;
    for (Expr *e : s->results) {
      Operand x;
      expr(x, e);
      bad |= x.invalid();
      ops.push_back(x);
    }
    if (bad)
      return;
  }
  if (ops.size() != res->size()) {
    SrcLoc at = s->loc;
    std::string q = "not enough";
    if (ops.size() > res->size()) {
      at = ops[res->size()].expr->loc;
      q = "too many";
    } else if (!ops.empty()) {
      at = ops.back().expr->loc;
    }
    std::vector<Operand> want;
    for (Var *v : res->vars) {
      Operand w;
      w.type = v->type;
      want.push_back(w);
    }
    error(at, q + " return values\n\thave " + tupleString(ops) + "\n\twant " +
                  tupleString(want));
    return;
  }
  for (size_t i = 0; i < ops.size(); i++)
    assignment(ops[i], res->at(i), "return statement");
}

void Checker::branchStmt(BranchStmt *s) {
  // labels() resolved the gotos.
  if (s->tok == Token::GOTO)
    return;
  bool isBreak = s->tok == Token::BREAK;
  if (!s->label) {
    for (auto it = branches.rbegin(); it != branches.rend(); ++it) {
      if (isBreak || it->isLoop) {
        s->target = it->stmt;
        return;
      }
    }
    errorAt(s, isBreak ? "break is not in a loop, switch, or select"
                       : "continue is not in a loop");
    return;
  }
  const std::string &name = s->label->name;
  auto it = funcLabels.find(name);
  if (it == funcLabels.end()) {
    errorAt(s->label, std::string(isBreak ? "break" : "continue") +
                          " label not defined: " + name);
    return;
  }
  it->second->used = true;
  s->label->obj = it->second;
  for (auto b = branches.rbegin(); b != branches.rend(); ++b) {
    if (b->label != name)
      continue;
    if (!isBreak && !b->isLoop)
      break;
    s->target = b->stmt;
    return;
  }
  errorAt(s->label, std::string("invalid ") + (isBreak ? "break" : "continue") +
                        " label " + name);
}

void Checker::ifStmt(IfStmt *s) {
  openScope();
  simpleStmt(s->init);
  Operand x;
  expr(x, s->cond);
  if (!x.invalid()) {
    if (!isBooleanType(x.type))
      errorAt(s->cond, "non-boolean condition in if statement");
    else
      updateExprType(s->cond, defaultType(ctx, x.type), true);
  }
  stmt(s->then, false);
  if (s->els)
    stmt(s->els, false);
  closeScope();
}

void Checker::switchStmt(SwitchStmt *s) {
  openScope();
  simpleStmt(s->init);
  Operand tag;
  if (s->tag) {
    expr(tag, s->tag);
    assignment(tag, nullptr, "switch expression");
    if (!tag.invalid() && !isComparable(tag.type) && !hasNil(tag.type)) {
      errorAt(s->tag, "cannot switch on " + operandString(tag) + " (" +
                          typeString(tag.type) + " is not comparable)");
      tag.mode = TypeAndValue::Invalid;
    }
  } else {
    tag.mode = TypeAndValue::Constant;
    tag.type = ctx.basic(BasicKind::Bool);
    tag.val = ConstValue::makeBool(true);
    tag.expr = nullptr;
  }
  branches.push_back({s, false, true, labelOf(s)});
  std::vector<std::pair<Operand, SrcLoc>> seen;
  multipleDefaults(s->clauses);
  for (size_t i = 0; i < s->clauses.size(); i++) {
    CaseClause *c = s->clauses[i];
    caseValues(tag, c, seen);
    openScope();
    const char *savedMsg = fallthroughMsg;
    fallthroughMsg = i + 1 == s->clauses.size()
                         ? "cannot fallthrough final case in switch"
                         : nullptr;
    stmtList(c->body, true);
    fallthroughMsg = savedMsg;
    closeScope();
  }
  branches.pop_back();
  closeScope();
}

void Checker::caseValues(Operand &tag, CaseClause *clause,
                         std::vector<std::pair<Operand, SrcLoc>> &seen) {
  for (Expr *e : clause->list) {
    Operand v;
    expr(v, e);
    if (tag.invalid() || v.invalid())
      continue;
    convertUntyped(v, tag.type);
    if (v.invalid())
      continue;
    Operand res = v;
    Operand t = tag;
    Ident trueIdent(clause->loc, "true");
    if (!t.expr)
      t.expr = &trueIdent;
    comparison(res, t, Token::EQL, true, nullptr);
    if (res.invalid())
      continue;
    // gc compares integer, float and string cases only (types2's goVal);
    // in an instance a case converted to a type parameter (T(0)) was not
    // constant.
    if (!v.isConst() || v.val->isComplex() || v.val->isBool() || inInstance)
      continue;
    bool dup = false;
    for (auto &[prev, loc] : seen) {
      if (prev.type == v.type && prev.val->kind() == v.val->kind() &&
          ConstValue::compare(Token::EQL, *prev.val, *v.val)) {
        errorAt(e,
                "duplicate case " + operandString(v) + " in expression switch");
        dup = true;
        break;
      }
    }
    if (!dup)
      seen.push_back({v, e->loc});
  }
}

// gc's words for a second default clause, naming the first.
void Checker::multipleDefaults(const std::vector<CaseClause *> &clauses) {
  CaseClause *first = nullptr;
  for (CaseClause *c : clauses) {
    if (!c->isDefault)
      continue;
    if (first)
      errorAt(c, "multiple defaults (first at " + diags.position(first->loc) +
                     ")");
    else
      first = c;
  }
}

void Checker::typeSwitchStmt(TypeSwitchStmt *s) {
  openScope();
  simpleStmt(s->init);
  Ident *lhs = nullptr;
  Expr *guard = nullptr;
  if (auto *as = dyn_cast_or_null<AssignStmt>(s->assign)) {
    if (!as->lhs.empty())
      lhs = dyn_cast<Ident>(as->lhs[0]);
    // switch _ := x.(type) declares nothing.
    if (lhs && lhs->isBlank()) {
      errorAt(lhs, "no new variable on left side of :=");
      lhs = nullptr;
    }
    if (!as->rhs.empty())
      guard = as->rhs[0];
    as->isNew.assign(as->lhs.size(), true);
  } else if (auto *es = dyn_cast_or_null<ExprStmt>(s->assign)) {
    guard = es->x;
  }
  auto *ta = dyn_cast_or_null<TypeAssertExpr>(guard ? unparen(guard) : nullptr);
  Operand x;
  if (ta) {
    expr(x, ta->x);
    if (!x.invalid() && isa<types::TypeParam>(x.type)) {
      errorAt(ta->x, "cannot use type switch on type parameter value " +
                         operandString(x));
      x.mode = TypeAndValue::Invalid;
    } else if (!x.invalid() && !isInterface(x.type)) {
      errorAt(ta->x, operandString(x) + " is not an interface");
      x.mode = TypeAndValue::Invalid;
    }
    ta->tv.mode = x.mode;
    ta->tv.type = x.type;
  }
  branches.push_back({s, false, true, labelOf(s)});
  std::vector<Var *> symbols;
  // Each case's type (null for nil) and where it first appeared: types are
  // interned, so a repeated type is the same pointer.
  std::vector<std::pair<Type *, SrcLoc>> seen;
  auto duplicate = [&](Type *t, Expr *e, const std::string &name) {
    // In an instance, case T, int with T int were distinct cases in Go.
    if (inInstance)
      return;
    for (auto &[prev, loc] : seen)
      if (prev == t) {
        diags.error(e->loc, "duplicate case " + name + " in type switch",
                    {{loc, "previous case"}});
        return;
      }
    seen.push_back({t, e->loc});
  };
  multipleDefaults(s->clauses);
  for (CaseClause *c : s->clauses) {
    Type *single = nullptr;
    for (Expr *e : c->list) {
      Operand t;
      rawExpr(t, e, nullptr);
      if (t.isNil()) {
        single = c->list.size() == 1 ? x.type : nullptr;
        duplicate(nullptr, e, "nil");
        continue;
      }
      if (t.mode != TypeAndValue::TypeExpr) {
        if (!t.invalid())
          errorAt(e, operandString(t) + " is not a type");
        // As in gc, the clause's variable is then invalid, which keeps its
        // uses from repeating the error.
        if (c->list.size() == 1)
          single = invalidType();
        continue;
      }
      duplicate(t.type, e, typeString(t.type));
      if (!x.invalid() && !isInterface(t.type) &&
          !isa<types::TypeParam>(t.type)) {
        std::string reason;
        auto *it = dyn_cast<Interface>(x.type->underlying());
        if (it && !implements(t.type, it, &reason) && !inInstance)
          errorAt(e, "impossible type switch case: " + exprString(e) + "\n\t" +
                         exprString(ta->x) + " (variable of type " +
                         typeString(x.type) + ") cannot have dynamic type " +
                         typeString(t.type) + " " + reason);
      }
      if (c->list.size() == 1)
        single = t.type;
    }
    openScope();
    if (lhs && !lhs->isBlank()) {
      Type *vt = single ? single : (x.invalid() ? invalidType() : x.type);
      auto *v = ctx.newObject<Var>(lhs->name, vt, lhs->loc);
      v->pkg = pkg;
      varDepth[v] = fn ? fn->depth : 0;
      scope->insert(v);
      c->implicitVar = v;
      symbols.push_back(v);
    }
    const char *savedMsg = fallthroughMsg;
    fallthroughMsg = "cannot fallthrough in type switch";
    stmtList(c->body, true);
    fallthroughMsg = savedMsg;
    closeScope();
  }
  branches.pop_back();
  if (lhs && !lhs->isBlank()) {
    bool used = false;
    for (Var *v : symbols)
      used |= v->used;
    if (!used)
      errorAt(lhs, lhs->name + " declared but not used");
    if (!symbols.empty())
      lhs->obj = symbols[0];
  }
  closeScope();
}

void Checker::forStmt(ForStmt *s) {
  openScope();
  simpleStmt(s->init);
  if (s->cond) {
    Operand x;
    expr(x, s->cond);
    if (!x.invalid()) {
      if (!isBooleanType(x.type))
        errorAt(s->cond, "non-boolean condition in for statement");
      else
        updateExprType(s->cond, defaultType(ctx, x.type), true);
    }
  }
  simpleStmt(s->post);
  if (auto *as = dyn_cast_or_null<AssignStmt>(s->post);
      as && as->tok == Token::DEFINE)
    errorAt(as, "cannot declare in post statement of for loop");
  branches.push_back({s, true, false, labelOf(s)});
  stmt(s->body, false);
  branches.pop_back();
  closeScope();
}

void Checker::rangeStmt(RangeStmt *s) {
  openScope();
  Operand x;
  expr(x, s->x);
  std::string rangeOperand = operandString(x);
  Type *key = nullptr, *val = nullptr;
  bool valueAllowed = true;
  if (!x.invalid()) {
    Type *u = coreOf(x.type);
    if (auto *p = dyn_cast<types::Pointer>(u);
        p && isa<types::Array>(p->elem->underlying()))
      u = p->elem->underlying();
    if (auto *b = dyn_cast<types::Basic>(u); b && b->isString()) {
      key = ctx.basic(BasicKind::Int);
      val = ctx.basic(BasicKind::Int32);
      if (isUntyped(x.type))
        updateExprType(s->x, ctx.basic(BasicKind::String), true);
    } else if (b && b->isInteger()) {
      if (isUntyped(x.type)) {
        convertUntyped(x, ctx.basic(BasicKind::Int));
      }
      key = x.type;
      valueAllowed = false;
    } else if (auto *a = dyn_cast<types::Array>(u)) {
      key = ctx.basic(BasicKind::Int);
      val = a->elem;
    } else if (auto *sl = dyn_cast<types::Slice>(u)) {
      key = ctx.basic(BasicKind::Int);
      val = sl->elem;
    } else if (auto *m = dyn_cast<types::Map>(u)) {
      key = m->key;
      val = m->elem;
    } else if (auto *c = dyn_cast<types::Chan>(u);
               c && c->dir != ChanDir::Send) {
      key = c->elem;
      valueAllowed = false;
    } else if (c) {
      errorAt(s->x, "cannot range over " + operandString(x) +
                        " (receive from send-only channel)");
      x.mode = TypeAndValue::Invalid;
    } else {
      std::string why;
      if (auto *tp = dyn_cast<types::TypeParam>(u))
        why = " (" + tp->obj->name + " has no core type)";
      errorAt(s->x, "cannot range over " + operandString(x) + why);
      x.mode = TypeAndValue::Invalid;
    }
  }
  if (!x.invalid() && !valueAllowed && s->value)
    errorAt(s->value, "range over " + rangeOperand +
                          " permits only one iteration variable");
  else if (!x.invalid() && s->extra)
    errorAt(s->extra, "range clause permits at most two iteration variables");
  Expr *lhs[2] = {s->key, s->value};
  Type *rhs[2] = {key, val};
  if (s->tok == Token::DEFINE) {
    std::vector<std::pair<Ident *, Var *>> vars;
    for (int i = 0; i < 2; i++) {
      if (!lhs[i])
        continue;
      auto *id = dyn_cast<Ident>(lhs[i]);
      if (!id) {
        errorAt(lhs[i],
                "non-name " + exprString(lhs[i]) + " on left side of :=");
        continue;
      }
      Type *t = x.invalid() || !rhs[i] ? invalidType() : rhs[i];
      auto *v = ctx.newObject<Var>(id->name, t, id->loc);
      if (x.invalid())
        v->used = true;
      vars.push_back({id, v});
      id->tv.mode = TypeAndValue::Variable;
      id->tv.type = t;
    }
    for (auto &[id, v] : vars)
      declareLocal(id, v);
  } else if (s->tok == Token::ASSIGN) {
    for (int i = 0; i < 2; i++) {
      if (!lhs[i] || x.invalid() || !rhs[i])
        continue;
      Operand y;
      y.mode = TypeAndValue::Value;
      y.type = rhs[i];
      y.expr = lhs[i];
      Type *t = lhsVar(lhs[i]);
      if (t && !isInvalidType(t))
        assignment(y, t, "range clause");
    }
  }
  branches.push_back({s, true, false, labelOf(s)});
  stmt(s->body, false);
  branches.pop_back();
  closeScope();
}

// ---------------------------------------------------------------------------
// Terminating statements

bool Checker::isTerminating(Stmt *s, const std::string &label) {
  switch (s->kind()) {
  case Node::LabeledStmtKind: {
    auto *l = cast<LabeledStmt>(s);
    return isTerminating(l->stmt, l->label->name);
  }
  case Node::ExprStmtKind:
    return isPanicCall(cast<ExprStmt>(s)->x);
  case Node::ReturnStmtKind:
    return true;
  case Node::BranchStmtKind: {
    auto tok = cast<BranchStmt>(s)->tok;
    return tok == Token::GOTO || tok == Token::FALLTHROUGH;
  }
  case Node::BlockStmtKind:
    return isTerminatingList(cast<BlockStmt>(s)->list, "");
  case Node::IfStmtKind: {
    auto *i = cast<IfStmt>(s);
    return i->els && isTerminating(i->then, "") && isTerminating(i->els, "");
  }
  case Node::SwitchStmtKind:
    return isTerminatingSwitch(cast<SwitchStmt>(s)->clauses, label, s);
  case Node::TypeSwitchStmtKind:
    return isTerminatingSwitch(cast<TypeSwitchStmt>(s)->clauses, label, s);
  case Node::SelectStmtKind:
    for (CommClause *c : cast<SelectStmt>(s)->clauses)
      if (!isTerminatingList(c->body, "") || hasBreakList(c->body, s, true))
        return false;
    return true;
  case Node::ForStmtKind: {
    auto *f = cast<ForStmt>(s);
    return !f->cond && !hasBreak(f->body, s, true);
  }
  default:
    return false;
  }
}

bool Checker::isTerminatingList(const std::vector<Stmt *> &list,
                                const std::string &label) {
  for (size_t i = list.size(); i > 0; i--)
    if (!isa<EmptyStmt>(list[i - 1]))
      return isTerminating(list[i - 1], label);
  return false;
}

bool Checker::isTerminatingSwitch(const std::vector<CaseClause *> &clauses,
                                  const std::string &, Stmt *sw) {
  bool hasDefault = false;
  for (CaseClause *c : clauses) {
    if (c->isDefault)
      hasDefault = true;
    if (!isTerminatingList(c->body, "") || hasBreakList(c->body, sw, true))
      return false;
  }
  return hasDefault;
}

// Whether s contains a break that leaves `target`: an unlabeled break not
// nested in another breakable statement (when implicit), or a labeled one.
bool Checker::hasBreak(Stmt *s, Stmt *target, bool implicit) {
  if (!s)
    return false;
  switch (s->kind()) {
  case Node::BranchStmtKind: {
    auto *b = cast<BranchStmt>(s);
    if (b->tok != Token::BREAK)
      return false;
    return b->label ? b->target == target : implicit;
  }
  case Node::LabeledStmtKind:
    return hasBreak(cast<LabeledStmt>(s)->stmt, target, implicit);
  case Node::BlockStmtKind:
    return hasBreakList(cast<BlockStmt>(s)->list, target, implicit);
  case Node::IfStmtKind: {
    auto *i = cast<IfStmt>(s);
    return hasBreak(i->then, target, implicit) ||
           hasBreak(i->els, target, implicit);
  }
  case Node::CaseClauseKind:
    return hasBreakList(cast<CaseClause>(s)->body, target, implicit);
  case Node::SwitchStmtKind:
    for (CaseClause *c : cast<SwitchStmt>(s)->clauses)
      if (hasBreakList(c->body, target, false))
        return true;
    return false;
  case Node::TypeSwitchStmtKind:
    for (CaseClause *c : cast<TypeSwitchStmt>(s)->clauses)
      if (hasBreakList(c->body, target, false))
        return true;
    return false;
  case Node::SelectStmtKind:
    for (CommClause *c : cast<SelectStmt>(s)->clauses)
      if (hasBreakList(c->body, target, false))
        return true;
    return false;
  case Node::ForStmtKind:
    return hasBreak(cast<ForStmt>(s)->body, target, false);
  case Node::RangeStmtKind:
    return hasBreak(cast<RangeStmt>(s)->body, target, false);
  default:
    return false;
  }
}

bool Checker::hasBreakList(const std::vector<Stmt *> &list, Stmt *target,
                           bool implicit) {
  for (Stmt *s : list)
    if (hasBreak(s, target, implicit))
      return true;
  return false;
}

} // namespace mgo
