// The checker's entry point, its diagnostics helpers and the printing of
// operands as Go's messages spell them.
#include "frontend/CheckerImpl.h"

namespace mgo {

using namespace types;

Checker::Checker(std::vector<File *> fs, const std::string &path,
                 TypeContext &c, DiagEngine &d, CheckedProgram &o,
                 CheckedProgram &r)
    : file(fs.front()), files(std::move(fs)), pkgPath(path), root(&r), ctx(c),
      diags(d), out(o) {}

void Checker::recordPkgDefs(Node *n) {
  if (auto *fd = dyn_cast<FuncDecl>(n)) {
    if (fd->name && fd->name->obj)
      recordDef(fd->name, fd->name->obj);
    return;
  }
  auto *gd = dyn_cast<GenDecl>(n);
  if (!gd)
    return;
  for (Node *s : gd->specs) {
    if (auto *vs = dyn_cast<ValueSpec>(s))
      for (Ident *id : vs->names)
        if (id->obj)
          recordDef(id, id->obj);
    if (auto *ts = dyn_cast<TypeSpec>(s); ts && ts->name->obj)
      recordDef(ts->name, ts->name->obj);
  }
}

bool Checker::run() {
  unsigned before = diags.errorCount();
  std::string pkgName = file->packageName ? file->packageName->name : "main";
  pkg = ctx.newPackage(pkgPath, pkgName);
  out.file = file;
  out.files = files;
  out.pkg = pkg;
  scope = pkg->scope;
  if (isLibrary())
    ctx.declareLibraryMembers(pkg);
  for (File *f : files)
    if (f->packageName && f->packageName->isBlank())
      errorAt(f->packageName, "invalid package name _");
  checkRestrictedDirectives();
  collectImports();
  collectObjects();
  importNameConflicts();
  // Methods first: a package variable's initialiser may need its type's
  // method set (`var w Writer = discard{}` above discard's methods).
  for (FuncDecl *d : methodDecls)
    if (d->name && d->name->obj)
      objDecl(d->name->obj);
  for (Object *obj : pkgObjs)
    objDecl(obj);
  for (File *f : files)
    for (Node *n : f->decls)
      recordPkgDefs(n);
  checkGenericBodies();
  for (Object *obj : pkgObjs)
    if (auto *f = dyn_cast<Func>(obj))
      if (f->decl && f->decl->body && f->typeParams.empty())
        funcBody(f->decl, f);
  for (FuncDecl *d : methodDecls)
    if (d->name && d->name->obj && d->body)
      funcBody(d, cast<Func>(d->name->obj));
  checkInstanceBodies();
  for (File *f : files)
    for (Node *n : f->decls)
      if (auto *fd = dyn_cast<FuncDecl>(n))
        if (fd->body && fd->name && fd->name->obj && !fd->type->typeParams &&
            !isGenericMethodDecl(fd))
          out.funcs.push_back(fd);
  out.funcs.insert(out.funcs.end(), instanceFuncs.begin(), instanceFuncs.end());
  // What needed a type complete, a map key or an embedded field naming a
  // type still being declared there, is checked now that all are.
  for (size_t i = 0; i < laters.size(); ++i)
    laters[i]();
  if (pkgPath == "main" && program)
    checkMain();
  checkUnusedImports();
  computeInitOrder();
  if (diags.errorCount() == before)
    checkDeclDirectives();
  return diags.errorCount() == before;
}

// As gc's type checker, once an error is out, a message that mentions an
// invalid operand or type past its start is a follow-on error and dropped.
void Checker::error(SrcLoc loc, const std::string &msg) {
  if (diags.errorCount() > 0) {
    size_t operand = msg.find("invalid operand"),
           type = msg.find("invalid type");
    if ((operand != std::string::npos && operand > 0) ||
        (type != std::string::npos && type > 0))
      return;
  }
  diags.error(loc, msg);
}

namespace {

// Where the source text of e begins (its leftmost sub-expression).
SrcLoc exprStart(const Expr *e) {
  for (;;) {
    if (auto *b = dyn_cast<BinaryExpr>(e))
      e = b->x;
    else if (auto *s = dyn_cast<SelectorExpr>(e))
      e = s->x;
    else if (auto *i = dyn_cast<IndexExpr>(e))
      e = i->x;
    else if (auto *sl = dyn_cast<SliceExpr>(e))
      e = sl->x;
    else if (auto *c = dyn_cast<CallExpr>(e))
      e = c->fun;
    else if (auto *t = dyn_cast<TypeAssertExpr>(e))
      e = t->x;
    else if (auto *kv = dyn_cast<KeyValueExpr>(e))
      e = kv->key;
    else if (auto *cl = dyn_cast<CompositeLit>(e); cl && cl->type)
      e = cl->type;
    else
      return e->loc;
  }
}

} // namespace

void Checker::errorAt(const Node *n, const std::string &msg) {
  auto *e = dyn_cast<Expr>(n);
  error(e ? exprStart(e) : n->loc, msg);
}

void Checker::unsupported(SrcLoc loc, const std::string &feature) {
  const char *verb = feature.back() == 's' ? " are" : " is";
  error(loc, feature + verb + " not supported in mini-Go");
}

bool Operand::isNil() const {
  auto *b = dyn_cast_or_null<types::Basic>(type);
  return mode == TypeAndValue::Value &&
         (nilValue || (b && b->basicKind == BasicKind::UntypedNil));
}

void Checker::record(Operand &x) {
  if (!x.expr)
    return;
  x.expr->tv.mode = x.mode;
  x.expr->tv.type = x.type;
  x.expr->tv.value = x.mode == TypeAndValue::Constant ? x.val : std::nullopt;
}

namespace {

const char *modeString(TypeAndValue::Mode m) {
  switch (m) {
  case TypeAndValue::Invalid:
    return "invalid operand";
  case TypeAndValue::NoValue:
    return "no value";
  case TypeAndValue::Builtin:
    return "built-in";
  case TypeAndValue::TypeExpr:
    return "type";
  case TypeAndValue::Constant:
    return "constant";
  case TypeAndValue::Variable:
    return "variable";
  case TypeAndValue::MapIndex:
    return "map index expression";
  case TypeAndValue::Value:
    return "value";
  case TypeAndValue::CommaOk:
    return "comma, ok expression";
  }
  return "";
}

std::string joinExprs(const std::vector<Expr *> &es) {
  std::string s;
  for (size_t i = 0; i < es.size(); i++) {
    if (i > 0)
      s += ", ";
    s += Checker::exprString(es[i]);
  }
  return s;
}

std::string fieldListString(const FieldList *fl, const char *sep) {
  std::string s;
  if (!fl)
    return s;
  for (size_t i = 0; i < fl->list.size(); i++) {
    const Field *f = fl->list[i];
    if (i > 0)
      s += sep;
    for (size_t j = 0; j < f->names.size(); j++) {
      if (j > 0)
        s += ", ";
      s += f->names[j]->name;
    }
    if (!f->names.empty())
      s += " ";
    s += Checker::exprString(f->type);
  }
  return s;
}

std::string signatureString(const FuncTypeExpr *t) {
  std::string s = "(" + fieldListString(t->params, ", ") + ")";
  if (!t->results || t->results->list.empty())
    return s;
  const FieldList *r = t->results;
  if (r->list.size() == 1 && r->list[0]->names.empty())
    return s + " " + Checker::exprString(r->list[0]->type);
  return s + " (" + fieldListString(r, ", ") + ")";
}

} // namespace

std::string Checker::exprString(const Expr *e) {
  if (!e)
    return "";
  switch (e->kind()) {
  case Node::IdentKind:
    return cast<Ident>(e)->name;
  case Node::BasicLitKind:
    return cast<BasicLit>(e)->raw;
  case Node::CompositeLitKind: {
    auto *c = cast<CompositeLit>(e);
    return exprString(c->type) + (c->elts.empty() ? "{}" : "{…}");
  }
  case Node::FuncLitKind: {
    auto *f = cast<FuncLit>(e);
    return "func" + signatureString(f->type) +
           (f->body && !f->body->list.empty() ? " {…}" : " {}");
  }
  case Node::ParenExprKind:
    return "(" + exprString(cast<ParenExpr>(e)->x) + ")";
  case Node::SelectorExprKind:
    return exprString(cast<SelectorExpr>(e)->x) + "." +
           cast<SelectorExpr>(e)->sel->name;
  case Node::IndexExprKind:
    return exprString(cast<IndexExpr>(e)->x) + "[" +
           exprString(cast<IndexExpr>(e)->index) + "]";
  case Node::SliceExprKind: {
    auto *s = cast<SliceExpr>(e);
    std::string r =
        exprString(s->x) + "[" + exprString(s->lo) + ":" + exprString(s->hi);
    if (s->max)
      r += ":" + exprString(s->max);
    return r + "]";
  }
  case Node::TypeAssertExprKind: {
    auto *t = cast<TypeAssertExpr>(e);
    return exprString(t->x) + ".(" + (t->type ? exprString(t->type) : "type") +
           ")";
  }
  case Node::CallExprKind: {
    auto *c = cast<CallExpr>(e);
    return exprString(c->fun) + "(" + joinExprs(c->args) +
           (c->hasEllipsis ? "...)" : ")");
  }
  case Node::StarExprKind:
    return "*" + exprString(cast<StarExpr>(e)->x);
  case Node::UnaryExprKind:
    return opString(cast<UnaryExpr>(e)->op) + exprString(cast<UnaryExpr>(e)->x);
  case Node::BinaryExprKind: {
    auto *b = cast<BinaryExpr>(e);
    return exprString(b->x) + " " + opString(b->op) + " " + exprString(b->y);
  }
  case Node::KeyValueExprKind:
    return exprString(cast<KeyValueExpr>(e)->key) + ": " +
           exprString(cast<KeyValueExpr>(e)->value);
  case Node::EllipsisKind:
    return "..." + exprString(cast<Ellipsis>(e)->elt);
  case Node::ArrayTypeKind: {
    auto *a = cast<ArrayTypeExpr>(e);
    std::string len = !a->len                 ? ""
                      : isa<Ellipsis>(a->len) ? "..."
                                              : exprString(a->len);
    return "[" + len + "]" + exprString(a->elt);
  }
  case Node::StructTypeKind:
    return "struct{" + fieldListString(cast<StructTypeExpr>(e)->fields, "; ") +
           "}";
  case Node::FuncTypeKind:
    return "func" + signatureString(cast<FuncTypeExpr>(e));
  case Node::InterfaceTypeKind: {
    std::string s = "interface{";
    auto *it = cast<InterfaceTypeExpr>(e);
    for (size_t i = 0; it->methods && i < it->methods->list.size(); i++) {
      Field *f = it->methods->list[i];
      if (i > 0)
        s += "; ";
      if (f->names.empty())
        s += exprString(f->type);
      else if (auto *ft = dyn_cast<FuncTypeExpr>(f->type))
        s += f->names[0]->name + signatureString(ft);
    }
    return s + "}";
  }
  case Node::MapTypeKind:
    return "map[" + exprString(cast<MapTypeExpr>(e)->key) + "]" +
           exprString(cast<MapTypeExpr>(e)->value);
  case Node::ChanTypeKind: {
    auto *c = cast<ChanTypeExpr>(e);
    const char *prefix = c->dir == ChanDir::Recv   ? "<-chan "
                         : c->dir == ChanDir::Send ? "chan<- "
                                                   : "chan ";
    return prefix + exprString(c->value);
  }
  default:
    return "<bad expr>";
  }
}

std::string Checker::operandString(const Operand &x) {
  if (x.isNil())
    return isUntyped(x.type) ? "nil"
                             : "nil (of type " + typeString(x.type) + ")";
  std::string expr;
  if (x.expr)
    expr = exprString(x.expr);
  else if (x.mode == TypeAndValue::TypeExpr)
    expr = typeString(x.type);
  else if (x.isConst() && x.val)
    expr = x.val->toString();
  std::string s;
  if (!expr.empty())
    s = expr + " (";
  bool hasType = false;
  switch (x.mode) {
  case TypeAndValue::Invalid:
  case TypeAndValue::NoValue:
  case TypeAndValue::Builtin:
  case TypeAndValue::TypeExpr:
    break;
  default:
    if (x.type) {
      if (isUntyped(x.type)) {
        s += cast<types::Basic>(x.type)->name + " ";
        break;
      }
      hasType = true;
    }
  }
  s += modeString(x.mode);
  if (x.isConst() && x.val) {
    std::string v = x.val->toString();
    if (v != expr)
      s += " " + v;
  }
  if (hasType)
    s += isInvalidType(x.type) ? " with invalid type"
                               : " of type " + typeString(x.type);
  if (auto *tp = dyn_cast_or_null<types::TypeParam>(x.type); tp && hasType)
    s += " constrained by " + typeString(tp->bound);
  if (!expr.empty())
    s += ")";
  return s;
}

// ---------------------------------------------------------------------------
// Predicates

types::Basic *asBasic(Type *t) {
  return t ? dyn_cast<types::Basic>(t->underlying()) : nullptr;
}

bool isUntyped(Type *t) {
  auto *b = dyn_cast_or_null<types::Basic>(t);
  return b && b->isUntyped();
}

bool isTyped(Type *t) { return !isUntyped(t); }

bool isIntegerType(Type *t) {
  return typeSetAll(t, [](Type *u) {
    auto *b = asBasic(u);
    return b && b->isInteger();
  });
}

bool isUnsignedType(Type *t) {
  return typeSetAll(t, [](Type *u) {
    auto *b = asBasic(u);
    return b && b->isUnsigned();
  });
}

bool isFloatType(Type *t) {
  return typeSetAll(t, [](Type *u) {
    auto *b = asBasic(u);
    return b && b->isFloat();
  });
}

bool isComplexType(Type *t) {
  return typeSetAll(t, [](Type *u) {
    auto *b = asBasic(u);
    return b && b->isComplex();
  });
}

bool isNumericType(Type *t) {
  return typeSetAll(t, [](Type *u) {
    auto *b = asBasic(u);
    return b && b->isNumeric();
  });
}

bool isStringType(Type *t) {
  return typeSetAll(t, [](Type *u) {
    auto *b = asBasic(u);
    return b && b->isString();
  });
}

bool isBooleanType(Type *t) {
  return typeSetAll(t, [](Type *u) {
    auto *b = asBasic(u);
    return b && b->isBoolean();
  });
}

bool isConstType(Type *t) {
  auto *b = asBasic(t);
  return b && (b->isNumeric() || b->isString() || b->isBoolean());
}

bool isOrdered(Type *t) {
  return typeSetAll(t, [](Type *u) {
    auto *b = asBasic(u);
    return b && ((b->isNumeric() && !b->isComplex()) || b->isString());
  });
}

bool hasNil(Type *t) {
  if (isa<types::TypeParam>(t))
    return typeSetAll(t, hasNil);
  Type *u = t->underlying();
  switch (u->kind()) {
  case Type::BasicKind:
    return cast<types::Basic>(u)->basicKind == BasicKind::UntypedNil ||
           cast<types::Basic>(u)->isUnsafePointer();
  case Type::PointerKind:
  case Type::SliceKind:
  case Type::MapKind:
  case Type::ChanKind:
  case Type::SignatureKind:
  case Type::InterfaceKind:
    return true;
  default:
    return false;
  }
}

bool isComparisonOp(Token::Kind op) {
  return op == Token::EQL || op == Token::NEQ || op == Token::LSS ||
         op == Token::LEQ || op == Token::GTR || op == Token::GEQ;
}

bool isShiftOp(Token::Kind op) { return op == Token::SHL || op == Token::SHR; }

std::string opString(Token::Kind op) { return Token::spelling(op); }

} // namespace mgo
