// Statements. Control flow uses named blocks (if.then, for.cond, ...) so that
// -emit-llvm output reads like the source.
#include "codegen/CodegenContext.h"

#include <algorithm>

using namespace llvm;

namespace mgo {

namespace {

bool isBlankIdent(Expr *e) {
  auto *id = dyn_cast<Ident>(unparen(e));
  return id && id->isBlank();
}

} // namespace

void CodegenContext::genBlock(BlockStmt *b) {
  if (!b)
    return;
  // -g: a block is a lexical block of the debug info, so that a debugger
  // shows the variables in scope and the innermost of two of one name.
  FuncState *f = fs;
  llvm::DIScope *outer = f->scope;
  if (opts.debugVariables && f->di) {
    LinePos at = linePos(b->loc);
    f->scope = dib->createLexicalBlock(outer ? outer : f->di, at.file, at.line,
                                       at.col);
  }
  genStmts(b->list);
  f->scope = outer;
}

void CodegenContext::genStmts(const std::vector<Stmt *> &list) {
  for (Stmt *s : list)
    genStmt(s);
}

void CodegenContext::genStmt(Stmt *s) {
  ensureBlock();
  setLoc(s->loc);
  switch (s->kind()) {
  case Node::DeclStmtKind:
    return genDeclStmt(cast<DeclStmt>(s));
  case Node::EmptyStmtKind:
    return;
  case Node::LabeledStmtKind: {
    auto *l = cast<LabeledStmt>(s);
    if (l->gotoTarget) {
      BasicBlock *bb = labelBlock(l);
      fs->gotoLabels[l].reached = true;
      B.CreateBr(bb);
      continueAt(bb);
    }
    if (auto *f = dyn_cast<ForStmt>(l->stmt))
      return genFor(f, l);
    if (auto *r = dyn_cast<RangeStmt>(l->stmt))
      return genRange(r, l);
    if (auto *sw = dyn_cast<SwitchStmt>(l->stmt))
      return genSwitch(sw, l);
    if (auto *ts = dyn_cast<TypeSwitchStmt>(l->stmt))
      return genTypeSwitch(ts, l);
    if (auto *sel = dyn_cast<SelectStmt>(l->stmt))
      return genSelect(sel, l);
    return genStmt(l->stmt);
  }
  case Node::ExprStmtKind:
    genExpr(cast<ExprStmt>(s)->x);
    return;
  case Node::IncDecStmtKind:
    return genIncDec(cast<IncDecStmt>(s));
  case Node::AssignStmtKind: {
    auto *a = cast<AssignStmt>(s);
    if (a->tok == Token::ASSIGN || a->tok == Token::DEFINE)
      return genAssign(a);
    return genOpAssign(a);
  }
  case Node::ReturnStmtKind:
    return genReturn(cast<ReturnStmt>(s));
  case Node::BranchStmtKind:
    return genBranch(cast<BranchStmt>(s));
  case Node::BlockStmtKind:
    return genBlock(cast<BlockStmt>(s));
  case Node::IfStmtKind:
    return genIf(cast<IfStmt>(s));
  case Node::SwitchStmtKind:
    return genSwitch(cast<SwitchStmt>(s), nullptr);
  case Node::TypeSwitchStmtKind:
    return genTypeSwitch(cast<TypeSwitchStmt>(s), nullptr);
  case Node::ForStmtKind:
    return genFor(cast<ForStmt>(s), nullptr);
  case Node::RangeStmtKind:
    return genRange(cast<RangeStmt>(s), nullptr);
  case Node::GoStmtKind:
    return genGo(cast<GoStmt>(s));
  case Node::DeferStmtKind:
    return genDefer(cast<DeferStmt>(s));
  case Node::SendStmtKind:
    return genSend(cast<SendStmt>(s));
  case Node::SelectStmtKind:
    return genSelect(cast<SelectStmt>(s), nullptr);
  default:
    throw CodegenError("statement not supported yet at line " +
                       std::to_string(s->loc.line));
  }
}

// ---------------------------------------------------------------------------
// Variables

void CodegenContext::declareLocal(types::Var *v, Value *init, unsigned argNo) {
  if (!v || v->name == "_")
    return;
  if (v->escapes) {
    Value *cell = heapAlloc(v->type, v->name);
    if (init)
      store(init, cell, v->type);
    vars[v] = VarSlot{cell, false};
    describeVariable(v, cell, argNo);
    return;
  }
  AllocaInst *a = entryAlloca(llType(v->type), v->name);
  if (init)
    store(init, a, v->type);
  else
    zeroFill(a, v->type);
  vars[v] = VarSlot{a, false};
  describeVariable(v, a, argNo);
}

Value *CodegenContext::varAddr(types::Var *v) {
  auto it = vars.find(v);
  if (it == vars.end())
    return externalGlobal(v);
  if (it->second.indirect)
    return B.CreateLoad(ptrTy, it->second.addr, v->name + ".cell");
  return it->second.addr;
}

void CodegenContext::genDeclStmt(DeclStmt *s) {
  if (s->decl->tok != Token::VAR)
    return;
  for (Node *n : s->decl->specs) {
    auto *vs = cast<ValueSpec>(n);
    std::vector<types::Var *> vs_vars;
    for (Ident *id : vs->names)
      vs_vars.push_back(id->isBlank() ? nullptr
                                      : dyn_cast_or_null<types::Var>(id->obj));
    std::vector<Value *> values;
    if (vs->values.size() == vs->names.size()) {
      for (size_t i = 0; i < vs->values.size(); ++i)
        values.push_back(vs_vars[i] ? genExprAs(vs->values[i], vs_vars[i]->type)
                                    : genExpr(vs->values[i]));
    } else if (vs->values.size() == 1) {
      std::vector<types::Type *> targets;
      for (types::Var *v : vs_vars)
        targets.push_back(v ? v->type : nullptr);
      values = genMultiAs(vs->values[0], targets);
    }
    for (size_t i = 0; i < vs_vars.size(); ++i)
      declareLocal(vs_vars[i], i < values.size() ? values[i] : nullptr);
  }
}

// ---------------------------------------------------------------------------
// Assignments

// With deferChecks, the nil or bounds check of e's outermost indirection or
// index is left to storeLValue: in a tuple assignment Go checks each target
// as it stores to it, after the stores to its left (the address is computed
// without inbounds, so it means nothing until checked).
LValue CodegenContext::genLValue(Expr *e, bool deferChecks) {
  LValue lv;
  e = unparen(e);
  if (isBlankIdent(e))
    return lv;
  lv.type = typeOf(e);
  lv.kind = LValue::Addr;
  if (auto *ix = dyn_cast<IndexExpr>(e)) {
    types::Type *xt = typeOf(ix->x)->underlying();
    if (auto *m = dyn_cast<types::Map>(xt)) {
      lv.kind = LValue::MapEntry;
      lv.map = m;
      lv.mapValue = genExpr(ix->x);
      lv.keyAddr = entryAlloca(llType(m->key), "key");
      store(genExprAs(ix->index, m->key), lv.keyAddr, m->key);
      return lv;
    }
    if (deferChecks) {
      Value *base;
      types::Type *elem;
      if (auto *sl = dyn_cast<types::Slice>(xt)) {
        Value *sv = genExpr(ix->x);
        base = B.CreateExtractValue(sv, 0, "elems");
        lv.len = B.CreateExtractValue(sv, 1, "len");
        elem = sl->elem;
      } else {
        types::Array *arr;
        if (auto *p = dyn_cast<types::Pointer>(xt)) {
          arr = cast<types::Array>(p->elem->underlying());
          base = lv.nilCheck = genExpr(ix->x);
        } else {
          arr = cast<types::Array>(xt);
          base = genAddr(ix->x);
        }
        lv.len = i64c(arr->len);
        elem = arr->elem;
      }
      Value *i = genIndexValue(ix->index);
      lv.index = i;
      lv.indexUnsigned = isUnsignedIndex(ix->index);
      lv.addr = B.CreateGEP(llType(elem), base, i, "elem.addr");
      return lv;
    }
  }
  if (deferChecks) {
    if (auto *star = dyn_cast<StarExpr>(e)) {
      lv.addr = lv.nilCheck = genExpr(star->x);
      return lv;
    }
    if (auto *sel = dyn_cast<SelectorExpr>(e);
        sel && sel->selection.kind == Selection::FieldVal) {
      if (auto *p = dyn_cast<types::Pointer>(typeOf(sel->x)->underlying())) {
        Value *base = lv.nilCheck = genExpr(sel->x);
        lv.addr =
            B.CreateGEP(llType(p->elem), base,
                        {i64c(0), B.getInt32(unsigned(sel->selection.index))},
                        sel->sel->name + ".addr");
        return lv;
      }
    }
  }
  lv.addr = genAddr(e);
  return lv;
}

void CodegenContext::storeLValue(const LValue &lv, Value *v) {
  switch (lv.kind) {
  case LValue::Blank:
    return;
  case LValue::Addr:
    if (lv.nilCheck)
      derefCheck(lv.nilCheck);
    if (lv.index)
      boundsCheck(lv.index, lv.len, lv.indexUnsigned);
    store(v, lv.addr, lv.type);
    return;
  case LValue::MapEntry: {
    Value *slot = rt.call(B, Rt::mgo_map_assign,
                          {typeDesc(lv.map), lv.mapValue, lv.keyAddr}, "slot");
    store(v, slot, lv.type);
    return;
  }
  }
}

// Go's two phases: the operands of the left-hand sides and the right-hand
// sides are evaluated first, in that order (calls on the left come first),
// then the stores happen left to right, each checking its own target. A
// single assignment still evaluates its right-hand side first, so that a
// variable the left reads (x[n] = next()) is read after the calls on the
// right, as gc reads it; a call on its left runs after those on its right.
void CodegenContext::genAssign(AssignStmt *s) {
  bool define = s->tok == Token::DEFINE;
  size_t n = s->lhs.size();
  std::vector<types::Type *> targets(n, nullptr);
  for (size_t i = 0; i < n; ++i) {
    Expr *l = unparen(s->lhs[i]);
    if (isBlankIdent(l))
      continue;
    if (define && i < s->isNew.size() && s->isNew[i])
      targets[i] = cast<types::Var>(cast<Ident>(l)->obj)->type;
    else
      targets[i] = typeOf(l);
  }
  std::vector<LValue> lvs(n);
  // A tuple's targets are evaluated before the right side. So is a single
  // target whose operands call functions: gc makes those calls before the
  // right side's (a[f()] = g() calls f first) and checks the index or pointer
  // when storing; any other single target is read after the right side, as
  // gc reads it.
  bool targetsFirst = n > 1 || hasCall(s->lhs[0]);
  auto genTargets = [&] {
    for (size_t i = 0; i < n; ++i) {
      bool isNew = define && i < s->isNew.size() && s->isNew[i];
      if (!isNew)
        lvs[i] = genLValue(s->lhs[i], targetsFirst);
    }
  };
  if (targetsFirst)
    genTargets();
  std::vector<Value *> values;
  if (s->rhs.size() == n) {
    for (size_t i = 0; i < n; ++i) {
      // `_ = x` of a variable reads nothing a program can observe: no load
      // (LLVM's passes take gigabytes over a first-class load of a large
      // array, as in Go's recover.go).
      auto *id = dyn_cast<Ident>(unparen(s->rhs[i]));
      if (!targets[i] && id && isa_and_nonnull<types::Var>(id->obj)) {
        values.push_back(nullptr);
        continue;
      }
      values.push_back(targets[i] ? genExprAs(s->rhs[i], targets[i])
                                  : genExpr(s->rhs[i]));
    }
  } else {
    values = genMultiAs(s->rhs[0], targets);
  }
  if (!targetsFirst)
    genTargets();
  for (size_t i = 0; i < n; ++i) {
    bool isNew = define && i < s->isNew.size() && s->isNew[i];
    if (isNew)
      declareLocal(
          dyn_cast_or_null<types::Var>(cast<Ident>(unparen(s->lhs[i]))->obj),
          values[i]);
    else
      storeLValue(lvs[i], values[i]);
  }
}

void CodegenContext::genOpAssign(AssignStmt *s) {
  Token::Kind op = Token::binaryOpOf(s->tok);
  Expr *lhs = s->lhs[0];
  types::Type *t = typeOf(lhs);
  LValue lv = genLValue(lhs);
  // m[k] op= x: an x that may panic (a call, a division by a variable) must
  // leave m without k, so m[k] is read first and stored last; a constant x
  // cannot, and one lookup serves both.
  bool constRhs = s->rhs[0]->tv.isConstant() && s->rhs[0]->tv.value;
  if (lv.kind == LValue::MapEntry && constRhs) {
    lv.addr = rt.call(B, Rt::mgo_map_assign,
                      {typeDesc(lv.map), lv.mapValue, lv.keyAddr}, "slot");
    lv.kind = LValue::Addr;
  }
  Value *cur = lv.kind == LValue::MapEntry
                   ? mapLookup(lv.map, lv.mapValue, lv.keyAddr, nullptr)
                   : load(t, lv.addr, "cur");
  Value *result;
  if (op == Token::SHL || op == Token::SHR) {
    result = genShift(op, cur, genExpr(s->rhs[0]), t, typeOf(s->rhs[0]));
  } else if (op == Token::ADD && isString(t)) {
    AllocaInst *parts =
        entryAlloca(ArrayType::get(stringTy, 2), "concat.parts");
    B.CreateStore(cur, B.CreateConstInBoundsGEP2_64(parts->getAllocatedType(),
                                                    parts, 0, 0));
    B.CreateStore(
        genExprAs(s->rhs[0], t),
        B.CreateConstInBoundsGEP2_64(parts->getAllocatedType(), parts, 0, 1));
    result = rt.call(B, Rt::mgo_string_concat, {parts, i64c(2)}, "concat");
  } else {
    result = genArith(op, cur, genExprAs(s->rhs[0], t), t);
  }
  storeLValue(lv, result);
}

void CodegenContext::genIncDec(IncDecStmt *s) {
  types::Type *t = typeOf(s->x);
  LValue lv = genLValue(s->x);
  if (lv.kind == LValue::MapEntry) {
    lv.addr = rt.call(B, Rt::mgo_map_assign,
                      {typeDesc(lv.map), lv.mapValue, lv.keyAddr}, "slot");
    lv.kind = LValue::Addr;
  }
  Value *cur = load(t, lv.addr, "cur");
  Value *one = isComplex(t) ? constValue(ConstValue::makeInt(1), t)
               : isFloat(t) ? ConstantFP::get(cur->getType(), 1.0)
                            : ConstantInt::get(cur->getType(), 1);
  Value *next = genArith(s->inc ? Token::ADD : Token::SUB, cur, one, t);
  store(next, lv.addr, t);
}

// ---------------------------------------------------------------------------
// Control flow

void CodegenContext::genReturn(ReturnStmt *s) {
  types::Signature *sig = fs->sig;
  size_t n = sig->results->size();
  std::vector<Value *> values;
  if (s->results.empty()) {
    for (types::Var *r : fs->results)
      values.push_back(load(r->type, varAddr(r), r->name));
  } else if (s->results.size() == n) {
    for (size_t i = 0; i < n; ++i)
      values.push_back(genExprAs(s->results[i], sig->results->at(i)));
  } else {
    // return g(): g's results may be of other types than ours (a concrete
    // type to an interface result).
    values = genMulti(s->results[0]);
    auto *tuple = cast<types::Tuple>(s->results[0]->tv.type);
    for (size_t i = 0; i < n; ++i)
      values[i] = convertValue(values[i], tuple->at(i), sig->results->at(i));
  }
  if (fs->defer) {
    returnThroughDefers(values);
    return;
  }
  if (n == 0) {
    B.CreateRetVoid();
    return;
  }
  if (n == 1) {
    B.CreateRet(values[0]);
    return;
  }
  Value *agg = UndefValue::get(fs->fn->getReturnType());
  for (size_t i = 0; i < n; ++i)
    agg = B.CreateInsertValue(agg, values[i], {unsigned(i)});
  B.CreateRet(agg);
}

BasicBlock *CodegenContext::labelBlock(const LabeledStmt *l) {
  FuncState::GotoLabel &gl = fs->gotoLabels[l];
  if (!gl.bb)
    gl.bb = newBlock("label." + l->label->name);
  return gl.bb;
}

void CodegenContext::genBranch(BranchStmt *s) {
  if (s->tok == Token::FALLTHROUGH) {
    if (fs->fallthroughBB)
      B.CreateBr(fs->fallthroughBB);
    return;
  }
  if (s->tok == Token::GOTO) {
    auto *l = cast<LabeledStmt>(s->target);
    BasicBlock *bb = labelBlock(l);
    // A backward goto closes a loop: poll for preemption as loops do.
    if (fs->gotoLabels[l].reached)
      emitPreemptPoll();
    B.CreateBr(bb);
    return;
  }
  const Stmt *target = s->target;
  if (auto *l = dyn_cast_or_null<LabeledStmt>(target))
    target = l->stmt;
  if (!target) {
    for (auto it = fs->breakables.rbegin(); it != fs->breakables.rend(); ++it) {
      if (s->tok == Token::BREAK ||
          !isa<SwitchStmt, TypeSwitchStmt, SelectStmt>(*it)) {
        target = *it;
        break;
      }
    }
  }
  auto it = fs->targets.find(target);
  if (it == fs->targets.end())
    throw CodegenError("branch without a target at line " +
                       std::to_string(s->loc.line));
  BasicBlock *dest =
      s->tok == Token::BREAK ? it->second.breakBB : it->second.continueBB;
  B.CreateBr(dest);
}

void CodegenContext::genIf(IfStmt *s) {
  if (s->init)
    genStmt(s->init);
  Value *cond = genExpr(s->cond);
  BasicBlock *thenBB = newBlock("if.then");
  BasicBlock *elseBB = s->els ? newBlock("if.else") : nullptr;
  BasicBlock *endBB = newBlock("if.end");
  B.CreateCondBr(cond, thenBB, elseBB ? elseBB : endBB);
  B.SetInsertPoint(thenBB);
  genBlock(s->then);
  if (!terminated())
    B.CreateBr(endBB);
  if (elseBB) {
    continueAt(elseBB);
    genStmt(s->els);
    if (!terminated())
      B.CreateBr(endBB);
  }
  continueAt(endBB);
}

void CodegenContext::genSwitch(SwitchStmt *s, Stmt *label) {
  if (s->init)
    genStmt(s->init);
  Value *tag = nullptr;
  types::Type *tagType = nullptr;
  if (s->tag) {
    tagType = typeOf(s->tag);
    tag = genExpr(s->tag);
  }
  BasicBlock *endBB = newBlock("switch.end");
  BranchTargets bt{endBB, nullptr};
  fs->targets[s] = bt;
  if (label)
    fs->targets[label] = bt;
  std::vector<BasicBlock *> bodies;
  CaseClause *deflt = nullptr;
  BasicBlock *defaultBB = nullptr;
  for (CaseClause *c : s->clauses) {
    bodies.push_back(newBlock(c->isDefault ? "switch.default" : "switch.case"));
    if (c->isDefault) {
      deflt = c;
      defaultBB = bodies.back();
    }
  }
  for (size_t i = 0; i < s->clauses.size(); ++i) {
    CaseClause *c = s->clauses[i];
    for (Expr *e : c->list) {
      Value *match = genCaseMatch(tag, tagType, e);
      BasicBlock *next = newBlock("switch.next");
      B.CreateCondBr(match, bodies[i], next);
      B.SetInsertPoint(next);
    }
  }
  (void)deflt;
  B.CreateBr(defaultBB ? defaultBB : endBB);
  fs->breakables.push_back(s);
  BasicBlock *savedFall = fs->fallthroughBB;
  for (size_t i = 0; i < s->clauses.size(); ++i) {
    continueAt(bodies[i]);
    fs->fallthroughBB = i + 1 < bodies.size() ? bodies[i + 1] : endBB;
    genStmts(s->clauses[i]->body);
    if (!terminated())
      B.CreateBr(endBB);
  }
  fs->fallthroughBB = savedFall;
  fs->breakables.pop_back();
  continueAt(endBB);
}

void CodegenContext::genFor(ForStmt *s, Stmt *label) {
  if (s->init)
    genStmt(s->init);
  BasicBlock *condBB = newBlock("for.cond");
  BasicBlock *bodyBB = newBlock("for.body");
  BasicBlock *postBB = newBlock("for.post");
  BasicBlock *endBB = newBlock("for.end");
  BranchTargets bt{endBB, postBB};
  fs->targets[s] = bt;
  if (label)
    fs->targets[label] = bt;
  B.CreateBr(condBB);
  B.SetInsertPoint(condBB);
  if (s->cond)
    B.CreateCondBr(genExpr(s->cond), bodyBB, endBB);
  else
    B.CreateBr(bodyBB);
  B.SetInsertPoint(bodyBB);
  fs->breakables.push_back(s);
  genBlock(s->body);
  fs->breakables.pop_back();
  if (!terminated())
    B.CreateBr(postBB);
  continueAt(postBB);
  if (s->post)
    genStmt(s->post);
  emitPreemptPoll();
  B.CreateBr(condBB);
  continueAt(endBB);
}

} // namespace mgo
